"""The steps of select(), one class per view: its filters and the connections it follows."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TypeVar

from ._asset import Asset, AssetList
from ._generator import Generator, GeneratorList
from ._hydro_plant import HydroPlant, HydroPlantList, HydroPlantStatus
from ._inspector import Inspector, InspectorList
from ._reservoir import Reservoir, ReservoirList
from ._runtime import NodeId, NodeList, NodeQuery, RangeProperty, TextProperty, ValueProperty

_Root = TypeVar("_Root", bound=NodeList[Any])


class AssetQuery(NodeQuery[Asset, AssetList, _Root]):
    _read_class = Asset
    _list_class = AssetList

    name = TextProperty("name")
    description = TextProperty("description")
    parent = ValueProperty[NodeId]("parent")


class GeneratorQuery(NodeQuery[Generator, GeneratorList, _Root]):
    _read_class = Generator
    _list_class = GeneratorList

    name = TextProperty("name")
    description = TextProperty("description")
    parent = ValueProperty[NodeId]("parent")
    serial_number = RangeProperty[int]("serial_number")
    rated_power_kw = RangeProperty[float]("rated_power_kw")
    drawings = TextProperty("drawings")

    @property
    def plant(self) -> HydroPlantQuery[_Root]:
        """The next step: the nodes plant connects to."""
        return HydroPlantQuery(self._instances, self._step, "plant")

    @property
    def inspections(self) -> InspectorQuery[_Root]:
        """The next step: the nodes inspections connects to."""
        return InspectorQuery(self._instances, self._step, "inspections")


class HydroPlantQuery(NodeQuery[HydroPlant, HydroPlantList, _Root]):
    _read_class = HydroPlant
    _list_class = HydroPlantList

    name = TextProperty("name")
    description = TextProperty("description")
    parent = ValueProperty[NodeId]("parent")
    capacity_mw = RangeProperty[float]("capacity_mw")
    unit_count = RangeProperty[int]("unit_count")
    commissioned_at = RangeProperty[datetime]("commissioned_at")
    last_inspected_on = RangeProperty[date]("last_inspected_on")
    is_operational = ValueProperty[bool]("is_operational")
    status = ValueProperty[HydroPlantStatus]("status")
    output_power = TextProperty("output_power")
    efficiency_curve = TextProperty("efficiency_curve")

    @property
    def reservoir(self) -> ReservoirQuery[_Root]:
        """The next step: the nodes reservoir connects to."""
        return ReservoirQuery(self._instances, self._step, "reservoir")

    @property
    def neighbours(self) -> HydroPlantQuery[_Root]:
        """The next step: the nodes neighbours connects to."""
        return HydroPlantQuery(self._instances, self._step, "neighbours")

    @property
    def generators(self) -> GeneratorQuery[_Root]:
        """The next step: the nodes generators connects to."""
        return GeneratorQuery(self._instances, self._step, "generators")

    @property
    def operator(self) -> InspectorQuery[_Root]:
        """The next step: the nodes operator connects to."""
        return InspectorQuery(self._instances, self._step, "operator")

    @property
    def units(self) -> GeneratorQuery[_Root]:
        """The next step: the nodes units connects to."""
        return GeneratorQuery(self._instances, self._step, "units")


class InspectorQuery(NodeQuery[Inspector, InspectorList, _Root]):
    _read_class = Inspector
    _list_class = InspectorList

    name = TextProperty("name")
    certified_until = RangeProperty[date]("certified_until")

    @property
    def inspected(self) -> GeneratorQuery[_Root]:
        """The next step: the nodes inspected connects to."""
        return GeneratorQuery(self._instances, self._step, "inspected")


class ReservoirQuery(NodeQuery[Reservoir, ReservoirList, _Root]):
    _read_class = Reservoir
    _list_class = ReservoirList

    name = TextProperty("name")
    description = TextProperty("description")
    parent = ValueProperty[NodeId]("parent")
    volume_m3 = RangeProperty[float]("volume_m3")

    @property
    def plant(self) -> HydroPlantQuery[_Root]:
        """The next step: the nodes plant connects to."""
        return HydroPlantQuery(self._instances, self._step, "plant")
