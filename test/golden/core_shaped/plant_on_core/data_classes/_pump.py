"""Data classes of view plant_ext:Pump/v1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._runtime import Connection, DirectRelation, NodeId, NodeList, NodeWriteList, ViewId, cdf_name
from ._cognite_equipment import CogniteEquipment, CogniteEquipmentFilters, CogniteEquipmentWrite
from ._monitored import Monitored, MonitoredWrite

if TYPE_CHECKING:
    from ._site import Site, SiteWrite

PUMP_VIEW = ViewId("plant_ext", "Pump", "v1")

PumpAlarmLevel = Literal["low", "high", "critical"]
PumpField = Literal[
    "name",
    "description",
    "source_id",
    "source_context",
    "source",
    "source_created_time",
    "source_updated_time",
    "asset",
    "serial_number",
    "manufacturer",
    "alarm_level",
    "flow_rate",
    "site",
]
PumpTextField = Literal["name", "description", "source_id", "source_context", "serial_number", "manufacturer"]

_CONNECTIONS = {
    "source": Connection("direct", "source", many=False, target_view=ViewId("cdm_core", "CogniteSourceSystem", "v1")),
    "asset": Connection("direct", "asset", many=False, target_view=ViewId("cdm_core", "CogniteAsset", "v1")),
    "files": Connection("direct", "files", many=True, target_view=ViewId("cdm_core", "CogniteFile", "v1")),
    "time_series": Connection(
        "reverse",
        "timeSeries",
        many=True,
        target_view=ViewId("cdm_core", "CogniteTimeSeries", "v1"),
        through_source=ViewId("cdm_core", "CogniteTimeSeries", "v1"),
        through_property="equipment",
        through_is_list=True,
    ),
    "site": Connection("direct", "site", many=False, target_view=ViewId("plant_ext", "Site", "v1")),
}


class PumpFilters(CogniteEquipmentFilters, total=False):
    alarm_level: PumpAlarmLevel | Sequence[PumpAlarmLevel] | None
    min_flow_rate: float | None
    max_flow_rate: float | None
    site: NodeId | Sequence[NodeId] | None


class Pump(CogniteEquipment, Monitored):
    """A pump: core equipment that is monitored."""

    _view: ClassVar[ViewId] = PUMP_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    flow_rate: Annotated[float | None, cdf_name("flowRate")] = None
    """Nominal flow, m3/h."""
    site: DirectRelation | Site | None = None
    """The site the pump is at."""

    def as_write(self) -> PumpWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(PumpWrite)


class PumpWrite(CogniteEquipmentWrite, MonitoredWrite):
    """A pump: core equipment that is monitored."""

    _view: ClassVar[ViewId] = PUMP_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    flow_rate: Annotated[float | None, cdf_name("flowRate")] = None
    """Nominal flow, m3/h."""
    site: SiteWrite | DirectRelation | tuple[str, str] | None = None
    """The site the pump is at."""


class PumpList(NodeList[Pump]):
    def as_write(self) -> PumpWriteList:
        """These nodes as write objects, for client.upsert()."""
        return PumpWriteList(item.as_write() for item in self)


class PumpWriteList(NodeWriteList[PumpWrite]):
    pass
