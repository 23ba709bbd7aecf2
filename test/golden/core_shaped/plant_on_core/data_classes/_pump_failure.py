"""Data classes of view plant_ext:PumpFailure/v1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

from .._runtime import Connection, DirectRelation, NodeId, NodeList, NodeWriteList, ViewId
from ._cognite_activity import CogniteActivity, CogniteActivityFilters, CogniteActivityWrite
from ._monitored import Monitored, MonitoredWrite

if TYPE_CHECKING:
    from ._pump import Pump, PumpWrite

PUMP_FAILURE_VIEW = ViewId("plant_ext", "PumpFailure", "v1")

PumpFailureAlarmLevel = Literal["low", "high", "critical"]
PumpFailureCause = Literal["wear", "cavitation", "power"]
PumpFailureField = Literal[
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
    "alarm_level",
    "cause",
]
PumpFailureTextField = Literal["name", "description", "source_id", "source_context"]

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
    "pumps": Connection("direct", "pumps", many=True, target_view=ViewId("plant_ext", "Pump", "v1")),
}


class PumpFailureFilters(CogniteActivityFilters, total=False):
    alarm_level: PumpFailureAlarmLevel | Sequence[PumpFailureAlarmLevel] | None
    pumps: NodeId | Sequence[NodeId] | None
    cause: PumpFailureCause | Sequence[PumpFailureCause] | None


class PumpFailure(CogniteActivity, Monitored):
    """A failure of pumps: a core activity on monitored equipment."""

    _view: ClassVar[ViewId] = PUMP_FAILURE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    pumps: list[DirectRelation | Pump] | None = None
    """The pumps that failed."""
    cause: PumpFailureCause | str | None = None

    def as_write(self) -> PumpFailureWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(PumpFailureWrite)


class PumpFailureWrite(CogniteActivityWrite, MonitoredWrite):
    """A failure of pumps: a core activity on monitored equipment."""

    _view: ClassVar[ViewId] = PUMP_FAILURE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    pumps: list[PumpWrite | DirectRelation | tuple[str, str]] | None = None
    """The pumps that failed."""
    cause: PumpFailureCause | None = None


class PumpFailureList(NodeList[PumpFailure]):
    def as_write(self) -> PumpFailureWriteList:
        """These nodes as write objects, for client.upsert()."""
        return PumpFailureWriteList(item.as_write() for item in self)


class PumpFailureWriteList(NodeWriteList[PumpFailureWrite]):
    pass
