"""Data classes of view cdm_core:CogniteActivity/v1."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._runtime import Connection, DirectRelation, NodeId, NodeList, NodeWriteList, ViewId, cdf_name
from ._cognite_describable import CogniteDescribable, CogniteDescribableFilters, CogniteDescribableWrite
from ._cognite_schedulable import CogniteSchedulable, CogniteSchedulableWrite
from ._cognite_sourceable import CogniteSourceable, CogniteSourceableWrite

if TYPE_CHECKING:
    from ._cognite_asset import CogniteAsset, CogniteAssetWrite
    from ._cognite_equipment import CogniteEquipment, CogniteEquipmentWrite
    from ._cognite_time_series import CogniteTimeSeries, CogniteTimeSeriesWrite

COGNITE_ACTIVITY_VIEW = ViewId("cdm_core", "CogniteActivity", "v1")

CogniteActivityField = Literal[
    "name",
    "description",
    "source_id",
    "source_context",
    "source",
    "source_created_time",
    "source_updated_time",
    "start_time",
    "end_time",
    "scheduled_start_time",
]
CogniteActivityTextField = Literal["name", "description", "source_id", "source_context"]

_CONNECTIONS = {
    "source": Connection("direct", "source", many=False, target_view=ViewId("cdm_core", "CogniteSourceSystem", "v1")),
    "assets": Connection("direct", "assets", many=True, target_view=ViewId("cdm_core", "CogniteAsset", "v1")),
    "equipment": Connection("direct", "equipment", many=True, target_view=ViewId("cdm_core", "CogniteEquipment", "v1")),
    "time_series": Connection(
        "direct",
        "timeSeries",
        many=True,
        target_view=ViewId("cdm_core", "CogniteTimeSeries", "v1"),
    ),
}


class CogniteActivityFilters(CogniteDescribableFilters, total=False):
    source_id: str | Sequence[str] | None
    source_id_prefix: str | None
    source_context: str | Sequence[str] | None
    source_context_prefix: str | None
    source: NodeId | Sequence[NodeId] | None
    min_source_created_time: datetime | None
    max_source_created_time: datetime | None
    min_source_updated_time: datetime | None
    max_source_updated_time: datetime | None
    min_start_time: datetime | None
    max_start_time: datetime | None
    min_end_time: datetime | None
    max_end_time: datetime | None
    min_scheduled_start_time: datetime | None
    max_scheduled_start_time: datetime | None
    assets: NodeId | Sequence[NodeId] | None
    equipment: NodeId | Sequence[NodeId] | None
    time_series: NodeId | Sequence[NodeId] | None


class CogniteActivity(CogniteDescribable, CogniteSourceable, CogniteSchedulable):
    """Something that happens over a period of time."""

    _view: ClassVar[ViewId] = COGNITE_ACTIVITY_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    assets: list[DirectRelation | CogniteAsset] | None = None
    equipment: list[DirectRelation | CogniteEquipment] | None = None
    time_series: Annotated[list[DirectRelation | CogniteTimeSeries] | None, cdf_name("timeSeries")] = None

    def as_write(self) -> CogniteActivityWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(CogniteActivityWrite)


class CogniteActivityWrite(CogniteDescribableWrite, CogniteSourceableWrite, CogniteSchedulableWrite):
    """Something that happens over a period of time."""

    _view: ClassVar[ViewId] = COGNITE_ACTIVITY_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    assets: list[CogniteAssetWrite | DirectRelation | tuple[str, str]] | None = None
    equipment: list[CogniteEquipmentWrite | DirectRelation | tuple[str, str]] | None = None
    time_series: Annotated[
        list[CogniteTimeSeriesWrite | DirectRelation | tuple[str, str]] | None,
        cdf_name("timeSeries"),
    ] = None


class CogniteActivityList(NodeList[CogniteActivity]):
    def as_write(self) -> CogniteActivityWriteList:
        """These nodes as write objects, for client.upsert()."""
        return CogniteActivityWriteList(item.as_write() for item in self)


class CogniteActivityWriteList(NodeWriteList[CogniteActivityWrite]):
    pass
