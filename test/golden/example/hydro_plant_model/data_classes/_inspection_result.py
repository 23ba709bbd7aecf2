"""Data classes of view pygen_example:InspectionResult/1."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, ClassVar

from .._runtime import DirectRelation, EdgeRead, EdgeWrite, ViewId, edge_end

if TYPE_CHECKING:
    from ._generator import Generator, GeneratorWrite
    from ._inspector import Inspector, InspectorWrite

INSPECTION_RESULT_VIEW = ViewId("pygen_example", "InspectionResult", "1")


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
