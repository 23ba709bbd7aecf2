"""Data classes of view cdm_core:CogniteSourceable/v1."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._runtime import (
    Connection,
    DirectRelation,
    NodeFilters,
    NodeId,
    NodeList,
    NodeRead,
    NodeWrite,
    NodeWriteList,
    Timestamp,
    ViewId,
    cdf_name,
)

if TYPE_CHECKING:
    from ._cognite_source_system import CogniteSourceSystem, CogniteSourceSystemWrite

COGNITE_SOURCEABLE_VIEW = ViewId("cdm_core", "CogniteSourceable", "v1")

CogniteSourceableField = Literal["source_id", "source_context", "source", "source_created_time", "source_updated_time"]
CogniteSourceableTextField = Literal["source_id", "source_context"]

_CONNECTIONS = {
    "source": Connection("direct", "source", many=False, target_view=ViewId("cdm_core", "CogniteSourceSystem", "v1")),
}


class CogniteSourceableFilters(NodeFilters, total=False):
    source_id: str | Sequence[str] | None
    source_id_prefix: str | None
    source_context: str | Sequence[str] | None
    source_context_prefix: str | None
    source: NodeId | Sequence[NodeId] | None
    min_source_created_time: datetime | None
    max_source_created_time: datetime | None
    min_source_updated_time: datetime | None
    max_source_updated_time: datetime | None


class CogniteSourceable(NodeRead):
    """Interface: where the instance came from."""

    _view: ClassVar[ViewId] = COGNITE_SOURCEABLE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    source_id: Annotated[str | None, cdf_name("sourceId")] = None
    """Identifier in the source system."""
    source_context: Annotated[str | None, cdf_name("sourceContext")] = None
    """Context of the source id."""
    source: DirectRelation | CogniteSourceSystem | None = None
    """The source system."""
    source_created_time: Annotated[Timestamp | None, cdf_name("sourceCreatedTime")] = None
    source_updated_time: Annotated[Timestamp | None, cdf_name("sourceUpdatedTime")] = None

    def as_write(self) -> CogniteSourceableWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(CogniteSourceableWrite)


class CogniteSourceableWrite(NodeWrite):
    """Interface: where the instance came from."""

    _view: ClassVar[ViewId] = COGNITE_SOURCEABLE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    source_id: Annotated[str | None, cdf_name("sourceId")] = None
    """Identifier in the source system."""
    source_context: Annotated[str | None, cdf_name("sourceContext")] = None
    """Context of the source id."""
    source: CogniteSourceSystemWrite | DirectRelation | tuple[str, str] | None = None
    """The source system."""
    source_created_time: Annotated[Timestamp | None, cdf_name("sourceCreatedTime")] = None
    source_updated_time: Annotated[Timestamp | None, cdf_name("sourceUpdatedTime")] = None


class CogniteSourceableList(NodeList[CogniteSourceable]):
    def as_write(self) -> CogniteSourceableWriteList:
        """These nodes as write objects, for client.upsert()."""
        return CogniteSourceableWriteList(item.as_write() for item in self)


class CogniteSourceableWriteList(NodeWriteList[CogniteSourceableWrite]):
    pass
