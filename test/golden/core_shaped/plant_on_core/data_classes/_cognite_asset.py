"""Data classes of view cdm_core:CogniteAsset/v1."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._runtime import Connection, DirectRelation, NodeId, NodeList, NodeWriteList, Timestamp, ViewId, cdf_name
from ._cognite_describable import CogniteDescribable, CogniteDescribableWrite
from ._cognite_sourceable import CogniteSourceable, CogniteSourceableWrite
from ._cognite_visualizable import CogniteVisualizable, CogniteVisualizableFilters, CogniteVisualizableWrite

if TYPE_CHECKING:
    from ._cognite_equipment import CogniteEquipment
    from ._cognite_file import CogniteFile
    from ._cognite_time_series import CogniteTimeSeries

COGNITE_ASSET_VIEW = ViewId("cdm_core", "CogniteAsset", "v1")

CogniteAssetField = Literal[
    "object_3d",
    "name",
    "description",
    "source_id",
    "source_context",
    "source",
    "source_created_time",
    "source_updated_time",
    "parent",
    "root",
    "path_last_updated_time",
]
CogniteAssetTextField = Literal["name", "description", "source_id", "source_context"]

_CONNECTIONS = {
    "object_3d": Connection("direct", "object3D", many=False, target_view=ViewId("cdm_core", "Cognite3DObject", "v1")),
    "source": Connection("direct", "source", many=False, target_view=ViewId("cdm_core", "CogniteSourceSystem", "v1")),
    "parent": Connection("direct", "parent", many=False, target_view=ViewId("cdm_core", "CogniteAsset", "v1")),
    "root": Connection("direct", "root", many=False, target_view=ViewId("cdm_core", "CogniteAsset", "v1")),
    "path": Connection("direct", "path", many=True, target_view=ViewId("cdm_core", "CogniteAsset", "v1")),
    "children": Connection(
        "reverse",
        "children",
        many=True,
        target_view=ViewId("cdm_core", "CogniteAsset", "v1"),
        through_source=ViewId("cdm_core", "CogniteAsset", "v1"),
        through_property="parent",
    ),
    "equipment": Connection(
        "reverse",
        "equipment",
        many=True,
        target_view=ViewId("cdm_core", "CogniteEquipment", "v1"),
        through_source=ViewId("cdm_core", "CogniteEquipment", "v1"),
        through_property="asset",
    ),
    "time_series": Connection(
        "reverse",
        "timeSeries",
        many=True,
        target_view=ViewId("cdm_core", "CogniteTimeSeries", "v1"),
        through_source=ViewId("cdm_core", "CogniteTimeSeries", "v1"),
        through_property="assets",
        through_is_list=True,
    ),
    "files": Connection(
        "reverse",
        "files",
        many=True,
        target_view=ViewId("cdm_core", "CogniteFile", "v1"),
        through_source=ViewId("cdm_core", "CogniteFile", "v1"),
        through_property="assets",
        through_is_list=True,
    ),
}


class CogniteAssetFilters(CogniteVisualizableFilters, total=False):
    name: str | Sequence[str] | None
    name_prefix: str | None
    description: str | Sequence[str] | None
    description_prefix: str | None
    source_id: str | Sequence[str] | None
    source_id_prefix: str | None
    source_context: str | Sequence[str] | None
    source_context_prefix: str | None
    source: NodeId | Sequence[NodeId] | None
    min_source_created_time: datetime | None
    max_source_created_time: datetime | None
    min_source_updated_time: datetime | None
    max_source_updated_time: datetime | None
    parent: NodeId | Sequence[NodeId] | None
    root: NodeId | Sequence[NodeId] | None
    path: NodeId | Sequence[NodeId] | None
    min_path_last_updated_time: datetime | None
    max_path_last_updated_time: datetime | None


class CogniteAsset(CogniteVisualizable, CogniteDescribable, CogniteSourceable):
    """Something that supports an industrial function or process, in a hierarchy."""

    _view: ClassVar[ViewId] = COGNITE_ASSET_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    parent: DirectRelation | CogniteAsset | None = None
    """The parent asset."""
    root: DirectRelation | CogniteAsset | None = None
    """The top of the hierarchy."""
    path: list[DirectRelation | CogniteAsset] | None = None
    """Assets from the root to this one."""
    path_last_updated_time: Annotated[Timestamp | None, cdf_name("pathLastUpdatedTime")] = None
    children: list[DirectRelation | CogniteAsset] | None = None
    """Assets whose parent this is."""
    equipment: list[DirectRelation | CogniteEquipment] | None = None
    """Equipment on this asset."""
    time_series: Annotated[list[DirectRelation | CogniteTimeSeries] | None, cdf_name("timeSeries")] = None
    """Time series about this asset."""
    files: list[DirectRelation | CogniteFile] | None = None
    """Files about this asset."""

    def as_write(self) -> CogniteAssetWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(CogniteAssetWrite)


class CogniteAssetWrite(CogniteVisualizableWrite, CogniteDescribableWrite, CogniteSourceableWrite):
    """Something that supports an industrial function or process, in a hierarchy."""

    _view: ClassVar[ViewId] = COGNITE_ASSET_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    parent: CogniteAssetWrite | DirectRelation | tuple[str, str] | None = None
    """The parent asset."""
    root: CogniteAssetWrite | DirectRelation | tuple[str, str] | None = None
    """The top of the hierarchy."""
    path: list[CogniteAssetWrite | DirectRelation | tuple[str, str]] | None = None
    """Assets from the root to this one."""
    path_last_updated_time: Annotated[Timestamp | None, cdf_name("pathLastUpdatedTime")] = None


class CogniteAssetList(NodeList[CogniteAsset]):
    def as_write(self) -> CogniteAssetWriteList:
        """These nodes as write objects, for client.upsert()."""
        return CogniteAssetWriteList(item.as_write() for item in self)


class CogniteAssetWriteList(NodeWriteList[CogniteAssetWrite]):
    pass
