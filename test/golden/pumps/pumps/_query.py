"""The steps of select(), one class per view: its filters and the connections it follows."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TypeVar

from ._runtime import NodeId, NodeList, NodeQuery, RangeProperty, TextProperty, ValueProperty
from .data_classes import Pump, PumpList, PumpStatus

_Root = TypeVar("_Root", bound=NodeList[Any])


class PumpQuery(NodeQuery[Pump, PumpList, _Root]):
    _read_class = Pump
    _list_class = PumpList

    name = TextProperty("name")
    description = TextProperty("description")
    flow_rate = RangeProperty[float]("flow_rate")
    serial_number = RangeProperty[int]("serial_number")
    is_active = ValueProperty[bool]("is_active")
    installed_at = RangeProperty[datetime]("installed_at")
    commissioned = RangeProperty[date]("commissioned")
    status = ValueProperty[PumpStatus]("status")
    site = ValueProperty[NodeId]("site")
    sensor = TextProperty("sensor")
