"""Data classes of view pygen_example:InspectionResult/1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, ClassVar

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
        """This edge as a write object, for client.upsert()."""
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
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        min_score: float | None = None,
        max_score: float | None = None,
        remarks: str | Sequence[str] | None = None,
        remarks_prefix: str | None = None,
        passed: bool | None = None,
    ) -> EdgeList[InspectionResult]:
        """List the InspectionResult edges that match the filters.

        Args:
            start_node: Only edges starting at this node, or at any of these.
            end_node: Only edges ending at this node, or at any of these.
            limit: The most edges to return; None returns them all.
            filter: A raw filter, which edges must match besides the keyword filters.
            space: Match edges in this space, or in any of these.
            external_id: Match the edge with this external id, or any of these.
            external_id_prefix: Match edges whose external id starts with this text.
            min_score: Match edges whose score is at least this value.
            max_score: Match edges whose score is at most this value.
            remarks: Match edges whose remarks is this value, or any of these.
            remarks_prefix: Match edges whose remarks starts with this text.
            passed: Match edges whose passed is this value.

        Example:
            >>> edges = client.<view>.<field>_edge
            >>> edges.list(start_node="node-1", min_score=1.0, limit=10)
        """
        return self._list(locals(), start_node=start_node, end_node=end_node, limit=limit, filter=filter)

    def iterate(
        self,
        chunk_size: int = 1000,
        *,
        start_node: NodeRefs | None = None,
        end_node: NodeRefs | None = None,
        cursor: str | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        min_score: float | None = None,
        max_score: float | None = None,
        remarks: str | Sequence[str] | None = None,
        remarks_prefix: str | None = None,
        passed: bool | None = None,
    ) -> Iterator[EdgeList[InspectionResult]]:
        """Iterate over the InspectionResult edges that match the filters, a page at a time.

        Args:
            chunk_size: The most edges per page.
            start_node: Only edges starting at this node, or at any of these.
            end_node: Only edges ending at this node, or at any of these.
            cursor: A page's next_cursor, to resume after that page.
            filter: A raw filter, which edges must match besides the keyword filters.
            space: Match edges in this space, or in any of these.
            external_id: Match the edge with this external id, or any of these.
            external_id_prefix: Match edges whose external id starts with this text.
            min_score: Match edges whose score is at least this value.
            max_score: Match edges whose score is at most this value.
            remarks: Match edges whose remarks is this value, or any of these.
            remarks_prefix: Match edges whose remarks starts with this text.
            passed: Match edges whose passed is this value.

        Example:
            >>> edges = client.<view>.<field>_edge
            >>> for page in edges.iterate(start_node="node-1", min_score=1.0):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(
            locals(),
            start_node=start_node,
            end_node=end_node,
            chunk_size=chunk_size,
            cursor=cursor,
            filter=filter,
        )
