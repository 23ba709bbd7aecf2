"""Data classes of view pygen_example:HydroPlant/1."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from .._runtime import Connection, Date, DirectRelation, NodeId, NodeList, NodeWriteList, Timestamp, ViewId, cdf_name
from ._asset import Asset, AssetFilters, AssetWrite

if TYPE_CHECKING:
    from ._generator import Generator, GeneratorWrite
    from ._inspector import Inspector, InspectorWrite
    from ._reservoir import Reservoir, ReservoirWrite

HYDRO_PLANT_VIEW = ViewId("pygen_example", "HydroPlant", "1")

HydroPlantStatus = Literal["operating", "maintenance", "decommissioned"]
HydroPlantField = Literal[
    "name",
    "description",
    "parent",
    "capacity_mw",
    "unit_count",
    "commissioned_at",
    "last_inspected_on",
    "is_operational",
    "status",
    "reservoir",
]
HydroPlantTextField = Literal["name", "description"]

_CONNECTIONS = {
    "parent": Connection("direct", "parent", many=False),
    "reservoir": Connection("direct", "reservoir", many=False, target_view=ViewId("pygen_example", "Reservoir", "1")),
    "neighbours": Connection("direct", "neighbours", many=True, target_view=ViewId("pygen_example", "HydroPlant", "1")),
    "generators": Connection(
        "edge",
        "generators",
        many=True,
        target_view=ViewId("pygen_example", "Generator", "1"),
        direction="outwards",
        edge_type=NodeId("pygen_example", "HydroPlant.generators"),
    ),
    "operator": Connection(
        "edge",
        "operator",
        many=False,
        target_view=ViewId("pygen_example", "Inspector", "1"),
        direction="outwards",
        edge_type=NodeId("pygen_example", "HydroPlant.operator"),
    ),
    "units": Connection(
        "reverse",
        "units",
        many=True,
        target_view=ViewId("pygen_example", "Generator", "1"),
        through_source=ViewId("pygen_example", "Generator", "1"),
        through_property="plant",
    ),
}


class HydroPlantFilters(AssetFilters, total=False):
    min_capacity_mw: float | None
    max_capacity_mw: float | None
    min_unit_count: int | None
    max_unit_count: int | None
    min_commissioned_at: datetime | None
    max_commissioned_at: datetime | None
    min_last_inspected_on: date | None
    max_last_inspected_on: date | None
    is_operational: bool | None
    status: HydroPlantStatus | Sequence[HydroPlantStatus] | None
    reservoir: NodeId | Sequence[NodeId] | None
    neighbours: NodeId | Sequence[NodeId] | None


class HydroPlant(Asset):
    """A hydroelectric power plant."""

    _view: ClassVar[ViewId] = HYDRO_PLANT_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    capacity_mw: Annotated[float | None, cdf_name("capacityMw")] = None
    """Installed capacity in megawatts."""
    unit_count: Annotated[int, cdf_name("unitCount")]
    commissioned_at: Annotated[Timestamp | None, cdf_name("commissionedAt")] = None
    last_inspected_on: Annotated[Date | None, cdf_name("lastInspectedOn")] = None
    is_operational: Annotated[bool, cdf_name("isOperational")]
    settings: dict[str, Any] | None = None
    status: HydroPlantStatus | str | None = None
    reservoir: DirectRelation | Reservoir | None = None
    """The reservoir feeding this plant."""
    neighbours: list[DirectRelation | HydroPlant] | None = None
    output_power: Annotated[str | None, cdf_name("outputPower")] = None
    manuals: list[str] | None = None
    efficiency_curve: Annotated[str | None, cdf_name("efficiencyCurve")] = None
    generators: list[DirectRelation | Generator] | None = None
    """Generators installed in the plant."""
    operator: DirectRelation | Inspector | None = None
    units: list[DirectRelation | Generator] | None = None
    """Generators whose plant is this one."""

    def as_write(self) -> HydroPlantWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(HydroPlantWrite)


class HydroPlantWrite(AssetWrite):
    """A hydroelectric power plant."""

    _view: ClassVar[ViewId] = HYDRO_PLANT_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    capacity_mw: Annotated[float | None, cdf_name("capacityMw")] = None
    """Installed capacity in megawatts."""
    unit_count: Annotated[int, cdf_name("unitCount")] = 1
    commissioned_at: Annotated[Timestamp | None, cdf_name("commissionedAt")] = None
    last_inspected_on: Annotated[Date | None, cdf_name("lastInspectedOn")] = None
    is_operational: Annotated[bool, cdf_name("isOperational")] = True
    settings: dict[str, Any] | None = None
    status: HydroPlantStatus | None = None
    reservoir: ReservoirWrite | DirectRelation | tuple[str, str] | None = None
    """The reservoir feeding this plant."""
    neighbours: list[HydroPlantWrite | DirectRelation | tuple[str, str]] | None = None
    output_power: Annotated[str | None, cdf_name("outputPower")] = None
    manuals: list[str] | None = None
    efficiency_curve: Annotated[str | None, cdf_name("efficiencyCurve")] = None
    generators: list[GeneratorWrite | DirectRelation | tuple[str, str]] | None = None
    """Generators installed in the plant."""
    operator: InspectorWrite | DirectRelation | tuple[str, str] | None = None


class HydroPlantList(NodeList[HydroPlant]):
    def as_write(self) -> HydroPlantWriteList:
        """These nodes as write objects, for client.upsert()."""
        return HydroPlantWriteList(item.as_write() for item in self)


class HydroPlantWriteList(NodeWriteList[HydroPlantWrite]):
    pass
