"""Data classes of view pygen_example:InspectionResult/1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, ClassVar

from typing_extensions import Unpack

from ._runtime import (
    DEFAULT_LIMIT,
    DirectRelation,
    EdgeAPI,
    EdgeList,
    EdgeRead,
    EdgeWrite,
    NodeFilters,
    NodeRefs,
    RawFilter,
    ViewId,
    edge_end,
)

if TYPE_CHECKING:
    from ._generator import Generator, GeneratorWrite
    from ._inspector import Inspector, InspectorWrite

INSPECTION_RESULT_VIEW = ViewId("pygen_example", "InspectionResult", "1")


class InspectionResultFilters(NodeFilters, total=False):
    min_score: float | None
    max_score: float | None
    remarks: str | Sequence[str] | None
    remarks_prefix: str | None
    passed: bool | None


class InspectionResult(EdgeRead):
    """Properties of an inspection, stored on the edge from a generator to its inspector."""

    _view: ClassVar[ViewId] = INSPECTION_RESULT_VIEW

    end_node: Annotated[DirectRelation | Generator | Inspector, edge_end()]
    score: float | None = None
    remarks: str | None = None
    passed: bool | None = None

    def as_write(self) -> InspectionResultWrite:
        return self._to_write(InspectionResultWrite)


class InspectionResultWrite(EdgeWrite):
    """Properties of an inspection, stored on the edge from a generator to its inspector."""

    _view: ClassVar[ViewId] = INSPECTION_RESULT_VIEW

    end_node: Annotated[GeneratorWrite | InspectorWrite | DirectRelation | tuple[str, str], edge_end()]
    score: float
    remarks: str | None = None
    passed: bool | None = None


class InspectionResultAPI(EdgeAPI[InspectionResult]):
    _edge_class = InspectionResult
    _filters = InspectionResultFilters

    def list(
        self,
        *,
        start_node: NodeRefs | None = None,
        end_node: NodeRefs | None = None,
        limit: int | None = DEFAULT_LIMIT,
        filter: RawFilter | None = None,
        **filters: Unpack[InspectionResultFilters],
    ) -> EdgeList[InspectionResult]:
        return self._list(filters, start_node=start_node, end_node=end_node, limit=limit, filter=filter)

    def iterate(
        self,
        chunk_size: int = 1000,
        *,
        start_node: NodeRefs | None = None,
        end_node: NodeRefs | None = None,
        cursor: str | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[InspectionResultFilters],
    ) -> Iterator[EdgeList[InspectionResult]]:
        return self._iterate(
            filters,
            start_node=start_node,
            end_node=end_node,
            chunk_size=chunk_size,
            cursor=cursor,
            filter=filter,
        )
