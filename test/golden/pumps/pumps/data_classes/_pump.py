"""Data classes of view sp_pumps_model:Pump/v1."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Literal

from .._runtime import (
    Connection,
    Date,
    DirectRelation,
    NodeFilters,
    NodeId,
    NodeList,
    NodeRead,
    NodeWrite,
    NodeWriteList,
    Timestamp,
    ViewId,
    cdf_name,
)

PUMP_VIEW = ViewId("sp_pumps_model", "Pump", "v1")

PumpStatus = Literal["running", "stopped", "maintenance"]
PumpField = Literal[
    "name", "description", "flow_rate", "serial_number", "is_active", "installed_at", "commissioned", "status", "site"
]
PumpTextField = Literal["name", "description"]

_CONNECTIONS = {
    "site": Connection("direct", "site", many=False),
}


class PumpFilters(NodeFilters, total=False):
    name: str | Sequence[str] | None
    name_prefix: str | None
    description: str | Sequence[str] | None
    description_prefix: str | None
    min_flow_rate: float | None
    max_flow_rate: float | None
    min_serial_number: int | None
    max_serial_number: int | None
    is_active: bool | None
    min_installed_at: datetime | None
    max_installed_at: datetime | None
    min_commissioned: date | None
    max_commissioned: date | None
    status: PumpStatus | Sequence[PumpStatus] | None
    site: NodeId | Sequence[NodeId] | None


class Pump(NodeRead):
    _view: ClassVar[ViewId] = PUMP_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    name: str
    description: str | None = None
    flow_rate: Annotated[float | None, cdf_name("flowRate")] = None
    serial_number: Annotated[int | None, cdf_name("serialNumber")] = None
    is_active: Annotated[bool | None, cdf_name("isActive")] = None
    installed_at: Annotated[Timestamp | None, cdf_name("installedAt")] = None
    commissioned: Date | None = None
    status: PumpStatus | str | None = None
    site: DirectRelation | None = None
    specs: dict[str, Any] | None = None
    tags: list[str] | None = None
    sensor: str | None = None

    def as_write(self) -> PumpWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(PumpWrite)


class PumpWrite(NodeWrite):
    _view: ClassVar[ViewId] = PUMP_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    name: str
    description: str | None = None
    flow_rate: Annotated[float | None, cdf_name("flowRate")] = None
    serial_number: Annotated[int | None, cdf_name("serialNumber")] = None
    is_active: Annotated[bool | None, cdf_name("isActive")] = None
    installed_at: Annotated[Timestamp | None, cdf_name("installedAt")] = None
    commissioned: Date | None = None
    status: PumpStatus | None = None
    site: DirectRelation | tuple[str, str] | None = None
    specs: dict[str, Any] | None = None
    tags: list[str] | None = None
    sensor: str | None = None


class PumpList(NodeList[Pump]):
    def as_write(self) -> PumpWriteList:
        """These nodes as write objects, for client.upsert()."""
        return PumpWriteList(item.as_write() for item in self)


class PumpWriteList(NodeWriteList[PumpWrite]):
    pass
