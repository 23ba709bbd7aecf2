"""Data classes of view cdm_core:CogniteFile/v1."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._runtime import Connection, DirectRelation, NodeId, NodeList, NodeWriteList, ViewId, cdf_name
from ._cognite_describable import CogniteDescribable, CogniteDescribableFilters, CogniteDescribableWrite
from ._cognite_sourceable import CogniteSourceable, CogniteSourceableWrite

if TYPE_CHECKING:
    from ._cognite_asset import CogniteAsset, CogniteAssetWrite
    from ._cognite_equipment import CogniteEquipment

COGNITE_FILE_VIEW = ViewId("cdm_core", "CogniteFile", "v1")

CogniteFileField = Literal[
    "name",
    "description",
    "source_id",
    "source_context",
    "source",
    "source_created_time",
    "source_updated_time",
    "mime_type",
    "directory",
]
CogniteFileTextField = Literal["name", "description", "source_id", "source_context", "mime_type", "directory"]

_CONNECTIONS = {
    "source": Connection("direct", "source", many=False, target_view=ViewId("cdm_core", "CogniteSourceSystem", "v1")),
    "assets": Connection("direct", "assets", many=True, target_view=ViewId("cdm_core", "CogniteAsset", "v1")),
    "equipment": Connection(
        "reverse",
        "equipment",
        many=True,
        target_view=ViewId("cdm_core", "CogniteEquipment", "v1"),
        through_source=ViewId("cdm_core", "CogniteEquipment", "v1"),
        through_property="files",
        through_is_list=True,
    ),
}


class CogniteFileFilters(CogniteDescribableFilters, total=False):
    source_id: str | Sequence[str] | None
    source_id_prefix: str | None
    source_context: str | Sequence[str] | None
    source_context_prefix: str | None
    source: NodeId | Sequence[NodeId] | None
    min_source_created_time: datetime | None
    max_source_created_time: datetime | None
    min_source_updated_time: datetime | None
    max_source_updated_time: datetime | None
    assets: NodeId | Sequence[NodeId] | None
    mime_type: str | Sequence[str] | None
    mime_type_prefix: str | None
    directory: str | Sequence[str] | None
    directory_prefix: str | None


class CogniteFile(CogniteDescribable, CogniteSourceable):
    """A document or other file."""

    _view: ClassVar[ViewId] = COGNITE_FILE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    assets: list[DirectRelation | CogniteAsset] | None = None
    mime_type: Annotated[str | None, cdf_name("mimeType")] = None
    directory: str | None = None
    equipment: list[DirectRelation | CogniteEquipment] | None = None

    def as_write(self) -> CogniteFileWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(CogniteFileWrite)


class CogniteFileWrite(CogniteDescribableWrite, CogniteSourceableWrite):
    """A document or other file."""

    _view: ClassVar[ViewId] = COGNITE_FILE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    assets: list[CogniteAssetWrite | DirectRelation | tuple[str, str]] | None = None
    mime_type: Annotated[str | None, cdf_name("mimeType")] = None
    directory: str | None = None


class CogniteFileList(NodeList[CogniteFile]):
    def as_write(self) -> CogniteFileWriteList:
        """These nodes as write objects, for client.upsert()."""
        return CogniteFileWriteList(item.as_write() for item in self)


class CogniteFileWriteList(NodeWriteList[CogniteFileWrite]):
    pass
