"""Data classes of view plant_ext:Site/v1."""

from __future__ import annotations

from typing import ClassVar, Literal

from .._runtime import Connection, NodeList, NodeWriteList, ViewId
from ._cognite_asset import CogniteAsset, CogniteAssetFilters, CogniteAssetWrite

SITE_VIEW = ViewId("plant_ext", "Site", "v1")

SiteField = Literal[
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
SiteTextField = Literal["name", "description", "source_id", "source_context"]

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


class SiteFilters(CogniteAssetFilters, total=False):
    pass


class Site(CogniteAsset):
    """A plant site: a core asset with nothing of its own."""

    _view: ClassVar[ViewId] = SITE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    def as_write(self) -> SiteWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(SiteWrite)


class SiteWrite(CogniteAssetWrite):
    """A plant site: a core asset with nothing of its own."""

    _view: ClassVar[ViewId] = SITE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS


class SiteList(NodeList[Site]):
    def as_write(self) -> SiteWriteList:
        """These nodes as write objects, for client.upsert()."""
        return SiteWriteList(item.as_write() for item in self)


class SiteWriteList(NodeWriteList[SiteWrite]):
    pass
