"""Data classes of view pygen_example:Generator/1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from .._runtime import Connection, Date, DirectRelation, NodeId, NodeList, NodeWriteList, Timestamp, ViewId, cdf_name
from ._asset import Asset, AssetFilters, AssetWrite

if TYPE_CHECKING:
    from ._hydro_plant import HydroPlant, HydroPlantWrite
    from ._inspection_result import InspectionResult, InspectionResultWrite

GENERATOR_VIEW = ViewId("pygen_example", "Generator", "1")

GeneratorField = Literal["name", "description", "parent", "serial_number", "rated_power_kw", "plant"]
GeneratorTextField = Literal["name", "description"]

_CONNECTIONS = {
    "parent": Connection("direct", "parent", many=False),
    "plant": Connection("direct", "plant", many=False, target_view=ViewId("pygen_example", "HydroPlant", "1")),
    "inspections": Connection(
        "edge",
        "inspections",
        many=True,
        target_view=ViewId("pygen_example", "Inspector", "1"),
        direction="outwards",
        edge_type=NodeId("pygen_example", "Generator.inspections"),
        edge_view=ViewId("pygen_example", "InspectionResult", "1"),
    ),
}


class GeneratorFilters(AssetFilters, total=False):
    min_serial_number: int | None
    max_serial_number: int | None
    min_rated_power_kw: float | None
    max_rated_power_kw: float | None
    plant: NodeId | Sequence[NodeId] | None


class Generator(Asset):
    """A generator unit inside a plant."""

    _view: ClassVar[ViewId] = GENERATOR_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    serial_number: Annotated[int, cdf_name("serialNumber")]
    rated_power_kw: Annotated[float | None, cdf_name("ratedPowerKw")] = None
    plant: DirectRelation | HydroPlant | None = None
    bearing_temperatures: Annotated[list[float] | None, cdf_name("bearingTemperatures")] = None
    run_hours: Annotated[list[int] | None, cdf_name("runHours")] = None
    counters: list[int] | None = None
    efficiencies: list[float] | None = None
    in_service: Annotated[list[bool] | None, cdf_name("inService")] = None
    service_dates: Annotated[list[Date] | None, cdf_name("serviceDates")] = None
    alarms: list[Timestamp] | None = None
    logs: list[dict[str, Any]] | None = None
    sensors: list[str] | None = None
    drawings: str | None = None
    vibration_profiles: Annotated[list[str] | None, cdf_name("vibrationProfiles")] = None
    inspections: list[InspectionResult] | None = None
    """Inspections, with their results on the edge."""

    def as_write(self) -> GeneratorWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(GeneratorWrite)


class GeneratorWrite(AssetWrite):
    """A generator unit inside a plant."""

    _view: ClassVar[ViewId] = GENERATOR_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    node_type: DirectRelation | None = NodeId("pygen_example", "Generator")
    serial_number: Annotated[int, cdf_name("serialNumber")]
    rated_power_kw: Annotated[float | None, cdf_name("ratedPowerKw")] = None
    plant: HydroPlantWrite | DirectRelation | tuple[str, str] | None = None
    bearing_temperatures: Annotated[list[float] | None, cdf_name("bearingTemperatures")] = None
    run_hours: Annotated[list[int] | None, cdf_name("runHours")] = None
    counters: list[int] | None = None
    efficiencies: list[float] | None = None
    in_service: Annotated[list[bool] | None, cdf_name("inService")] = None
    service_dates: Annotated[list[Date] | None, cdf_name("serviceDates")] = None
    alarms: list[Timestamp] | None = None
    logs: list[dict[str, Any]] | None = None
    sensors: list[str] | None = None
    drawings: str | None = None
    vibration_profiles: Annotated[list[str] | None, cdf_name("vibrationProfiles")] = None
    inspections: list[InspectionResultWrite] | None = None
    """Inspections, with their results on the edge."""


class GeneratorList(NodeList[Generator]):
    def as_write(self) -> GeneratorWriteList:
        """These nodes as write objects, for client.upsert()."""
        return GeneratorWriteList(item.as_write() for item in self)


class GeneratorWriteList(NodeWriteList[GeneratorWrite]):
    pass
