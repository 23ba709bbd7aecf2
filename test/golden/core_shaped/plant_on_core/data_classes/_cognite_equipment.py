"""Data classes of view cdm_core:CogniteEquipment/v1."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._runtime import Connection, DirectRelation, NodeId, NodeList, NodeWriteList, ViewId, cdf_name
from ._cognite_describable import CogniteDescribable, CogniteDescribableFilters, CogniteDescribableWrite
from ._cognite_sourceable import CogniteSourceable, CogniteSourceableWrite

if TYPE_CHECKING:
    from ._cognite_asset import CogniteAsset, CogniteAssetWrite
    from ._cognite_file import CogniteFile, CogniteFileWrite
    from ._cognite_time_series import CogniteTimeSeries

COGNITE_EQUIPMENT_VIEW = ViewId("cdm_core", "CogniteEquipment", "v1")

CogniteEquipmentField = Literal[
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
]
CogniteEquipmentTextField = Literal[
    "name", "description", "source_id", "source_context", "serial_number", "manufacturer"
]

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
}


class CogniteEquipmentFilters(CogniteDescribableFilters, total=False):
    source_id: str | Sequence[str] | None
    source_id_prefix: str | None
    source_context: str | Sequence[str] | None
    source_context_prefix: str | None
    source: NodeId | Sequence[NodeId] | None
    min_source_created_time: datetime | None
    max_source_created_time: datetime | None
    min_source_updated_time: datetime | None
    max_source_updated_time: datetime | None
    asset: NodeId | Sequence[NodeId] | None
    serial_number: str | Sequence[str] | None
    serial_number_prefix: str | None
    manufacturer: str | Sequence[str] | None
    manufacturer_prefix: str | None
    files: NodeId | Sequence[NodeId] | None


class CogniteEquipment(CogniteDescribable, CogniteSourceable):
    """A physical device or piece of equipment."""

    _view: ClassVar[ViewId] = COGNITE_EQUIPMENT_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    asset: DirectRelation | CogniteAsset | None = None
    """The asset the equipment belongs to."""
    serial_number: Annotated[str | None, cdf_name("serialNumber")] = None
    manufacturer: str | None = None
    files: list[DirectRelation | CogniteFile] | None = None
    """Documents about the equipment."""
    time_series: Annotated[list[DirectRelation | CogniteTimeSeries] | None, cdf_name("timeSeries")] = None

    def as_write(self) -> CogniteEquipmentWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(CogniteEquipmentWrite)


class CogniteEquipmentWrite(CogniteDescribableWrite, CogniteSourceableWrite):
    """A physical device or piece of equipment."""

    _view: ClassVar[ViewId] = COGNITE_EQUIPMENT_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    asset: CogniteAssetWrite | DirectRelation | tuple[str, str] | None = None
    """The asset the equipment belongs to."""
    serial_number: Annotated[str | None, cdf_name("serialNumber")] = None
    manufacturer: str | None = None
    files: list[CogniteFileWrite | DirectRelation | tuple[str, str]] | None = None
    """Documents about the equipment."""


class CogniteEquipmentList(NodeList[CogniteEquipment]):
    def as_write(self) -> CogniteEquipmentWriteList:
        """These nodes as write objects, for client.upsert()."""
        return CogniteEquipmentWriteList(item.as_write() for item in self)


class CogniteEquipmentWriteList(NodeWriteList[CogniteEquipmentWrite]):
    pass
