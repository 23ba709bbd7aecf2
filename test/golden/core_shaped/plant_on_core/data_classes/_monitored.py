"""Data classes of view plant_ext:Monitored/v1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, ClassVar, Literal

from .._runtime import NodeList, NodeWriteList, ViewId, cdf_name
from ._cognite_describable import CogniteDescribable, CogniteDescribableFilters, CogniteDescribableWrite

MONITORED_VIEW = ViewId("plant_ext", "Monitored", "v1")

MonitoredAlarmLevel = Literal["low", "high", "critical"]
MonitoredField = Literal["name", "description", "alarm_level"]
MonitoredTextField = Literal["name", "description"]


class MonitoredFilters(CogniteDescribableFilters, total=False):
    alarm_level: MonitoredAlarmLevel | Sequence[MonitoredAlarmLevel] | None


class Monitored(CogniteDescribable):
    """Interface of the plant: an alarm level, on top of the core description (a diamond with the core views)."""

    _view: ClassVar[ViewId] = MONITORED_VIEW

    alarm_level: Annotated[MonitoredAlarmLevel | str | None, cdf_name("alarmLevel")] = None

    def as_write(self) -> MonitoredWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(MonitoredWrite)


class MonitoredWrite(CogniteDescribableWrite):
    """Interface of the plant: an alarm level, on top of the core description (a diamond with the core views)."""

    _view: ClassVar[ViewId] = MONITORED_VIEW

    alarm_level: Annotated[MonitoredAlarmLevel | None, cdf_name("alarmLevel")] = None


class MonitoredList(NodeList[Monitored]):
    def as_write(self) -> MonitoredWriteList:
        """These nodes as write objects, for client.upsert()."""
        return MonitoredWriteList(item.as_write() for item in self)


class MonitoredWriteList(NodeWriteList[MonitoredWrite]):
    pass
