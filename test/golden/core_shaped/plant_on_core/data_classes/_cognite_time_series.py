"""Data classes of view cdm_core:CogniteTimeSeries/v1."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._runtime import Connection, DirectRelation, NodeId, NodeList, NodeWriteList, ViewId, cdf_name
from ._cognite_describable import CogniteDescribable, CogniteDescribableFilters, CogniteDescribableWrite
from ._cognite_sourceable import CogniteSourceable, CogniteSourceableWrite

if TYPE_CHECKING:
    from ._cognite_asset import CogniteAsset, CogniteAssetWrite
    from ._cognite_equipment import CogniteEquipment, CogniteEquipmentWrite

COGNITE_TIME_SERIES_VIEW = ViewId("cdm_core", "CogniteTimeSeries", "v1")

CogniteTimeSeriesType = Literal["numeric", "string"]
CogniteTimeSeriesField = Literal[
    "name",
    "description",
    "source_id",
    "source_context",
    "source",
    "source_created_time",
    "source_updated_time",
    "type_",
    "is_step",
    "source_unit",
]
CogniteTimeSeriesTextField = Literal["name", "description", "source_id", "source_context", "source_unit"]

_CONNECTIONS = {
    "source": Connection("direct", "source", many=False, target_view=ViewId("cdm_core", "CogniteSourceSystem", "v1")),
    "assets": Connection("direct", "assets", many=True, target_view=ViewId("cdm_core", "CogniteAsset", "v1")),
    "equipment": Connection("direct", "equipment", many=True, target_view=ViewId("cdm_core", "CogniteEquipment", "v1")),
}


class CogniteTimeSeriesFilters(CogniteDescribableFilters, total=False):
    source_id: str | Sequence[str] | None
    source_id_prefix: str | None
    source_context: str | Sequence[str] | None
    source_context_prefix: str | None
    source: NodeId | Sequence[NodeId] | None
    min_source_created_time: datetime | None
    max_source_created_time: datetime | None
    min_source_updated_time: datetime | None
    max_source_updated_time: datetime | None
    type_: CogniteTimeSeriesType | Sequence[CogniteTimeSeriesType] | None
    is_step: bool | None
    source_unit: str | Sequence[str] | None
    source_unit_prefix: str | None
    assets: NodeId | Sequence[NodeId] | None
    equipment: NodeId | Sequence[NodeId] | None


class CogniteTimeSeries(CogniteDescribable, CogniteSourceable):
    """A series of data points in time order."""

    _view: ClassVar[ViewId] = COGNITE_TIME_SERIES_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    type_: Annotated[CogniteTimeSeriesType | str, cdf_name("type")]
    """Data type of the data points."""
    is_step: Annotated[bool, cdf_name("isStep")]
    source_unit: Annotated[str | None, cdf_name("sourceUnit")] = None
    assets: list[DirectRelation | CogniteAsset] | None = None
    equipment: list[DirectRelation | CogniteEquipment] | None = None

    def as_write(self) -> CogniteTimeSeriesWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(CogniteTimeSeriesWrite)


class CogniteTimeSeriesWrite(CogniteDescribableWrite, CogniteSourceableWrite):
    """A series of data points in time order."""

    _view: ClassVar[ViewId] = COGNITE_TIME_SERIES_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    type_: Annotated[CogniteTimeSeriesType, cdf_name("type")]
    """Data type of the data points."""
    is_step: Annotated[bool, cdf_name("isStep")]
    source_unit: Annotated[str | None, cdf_name("sourceUnit")] = None
    assets: list[CogniteAssetWrite | DirectRelation | tuple[str, str]] | None = None
    equipment: list[CogniteEquipmentWrite | DirectRelation | tuple[str, str]] | None = None


class CogniteTimeSeriesList(NodeList[CogniteTimeSeries]):
    def as_write(self) -> CogniteTimeSeriesWriteList:
        """These nodes as write objects, for client.upsert()."""
        return CogniteTimeSeriesWriteList(item.as_write() for item in self)


class CogniteTimeSeriesWriteList(NodeWriteList[CogniteTimeSeriesWrite]):
    pass
