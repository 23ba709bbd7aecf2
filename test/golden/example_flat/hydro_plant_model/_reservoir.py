"""Data classes of view pygen_example:Reservoir/1."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from ._asset import Asset, AssetFilters, AssetWrite
from ._runtime import Connection, DirectRelation, NodeList, NodeWriteList, ViewId, cdf_name

if TYPE_CHECKING:
    from ._hydro_plant import HydroPlant

RESERVOIR_VIEW = ViewId("pygen_example", "Reservoir", "1")

ReservoirField = Literal["name", "description", "parent", "volume_m3"]
ReservoirTextField = Literal["name", "description"]

_CONNECTIONS = {
    "parent": Connection("direct", "parent", many=False),
    "plant": Connection(
        "reverse",
        "plant",
        many=False,
        target_view=ViewId("pygen_example", "HydroPlant", "1"),
        through_source=ViewId("pygen_example", "HydroPlant", "1"),
        through_property="reservoir",
    ),
}


class ReservoirFilters(AssetFilters, total=False):
    min_volume_m3: float | None
    max_volume_m3: float | None


class Reservoir(Asset):
    """A water reservoir."""

    _view: ClassVar[ViewId] = RESERVOIR_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    volume_m3: Annotated[float | None, cdf_name("volumeM3")] = None
    plant: DirectRelation | HydroPlant | None = None
    """The plant this reservoir feeds."""

    def as_write(self) -> ReservoirWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(ReservoirWrite)


class ReservoirWrite(AssetWrite):
    """A water reservoir."""

    _view: ClassVar[ViewId] = RESERVOIR_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    volume_m3: Annotated[float | None, cdf_name("volumeM3")] = None


class ReservoirList(NodeList[Reservoir]):
    def as_write(self) -> ReservoirWriteList:
        """These nodes as write objects, for client.upsert()."""
        return ReservoirWriteList(item.as_write() for item in self)


class ReservoirWriteList(NodeWriteList[ReservoirWrite]):
    pass
