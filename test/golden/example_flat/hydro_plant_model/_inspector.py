"""Data classes of view pygen_example:Inspector/1."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from ._runtime import (
    Connection,
    Date,
    NodeFilters,
    NodeId,
    NodeList,
    NodeRead,
    NodeWrite,
    NodeWriteList,
    ViewId,
    cdf_name,
)

if TYPE_CHECKING:
    from ._inspection_result import InspectionResult, InspectionResultWrite

INSPECTOR_VIEW = ViewId("pygen_example", "Inspector", "1")

InspectorField = Literal["name", "certified_until"]
InspectorTextField = Literal["name"]

_CONNECTIONS = {
    "inspected": Connection(
        "edge",
        "inspected",
        many=True,
        target_view=ViewId("pygen_example", "Generator", "1"),
        direction="inwards",
        edge_type=NodeId("pygen_example", "Generator.inspections"),
        edge_view=ViewId("pygen_example", "InspectionResult", "1"),
    ),
}


class InspectorFilters(NodeFilters, total=False):
    name: str | Sequence[str] | None
    name_prefix: str | None
    min_certified_until: date | None
    max_certified_until: date | None


class Inspector(NodeRead):
    """A person certified to inspect generators."""

    _view: ClassVar[ViewId] = INSPECTOR_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    name: str
    certified_until: Annotated[Date | None, cdf_name("certifiedUntil")] = None
    inspected: list[InspectionResult] | None = None
    """Generators this inspector has inspected."""

    def as_write(self) -> InspectorWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(InspectorWrite)


class InspectorWrite(NodeWrite):
    """A person certified to inspect generators."""

    _view: ClassVar[ViewId] = INSPECTOR_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    name: str
    certified_until: Annotated[Date | None, cdf_name("certifiedUntil")] = None
    inspected: list[InspectionResultWrite] | None = None
    """Generators this inspector has inspected."""


class InspectorList(NodeList[Inspector]):
    def as_write(self) -> InspectorWriteList:
        """These nodes as write objects, for client.upsert()."""
        return InspectorWriteList(item.as_write() for item in self)


class InspectorWriteList(NodeWriteList[InspectorWrite]):
    pass
