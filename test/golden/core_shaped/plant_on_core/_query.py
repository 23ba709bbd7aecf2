"""The steps of select(), one class per view: its filters and the connections it follows."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from ._runtime import NodeList, NodeQuery, RangeProperty, TextProperty, ValueProperty
from .data_classes import (
    Cognite3DModel,
    Cognite3DModelList,
    Cognite3DModelType,
    Cognite3DObject,
    Cognite3DObjectList,
    Cognite360Image,
    Cognite360ImageList,
    CogniteActivity,
    CogniteActivityList,
    CogniteAsset,
    CogniteAssetList,
    CogniteDescribable,
    CogniteDescribableList,
    CogniteEquipment,
    CogniteEquipmentList,
    CogniteFile,
    CogniteFileList,
    CogniteSchedulable,
    CogniteSchedulableList,
    CogniteSourceable,
    CogniteSourceableList,
    CogniteSourceSystem,
    CogniteSourceSystemList,
    CogniteTimeSeries,
    CogniteTimeSeriesList,
    CogniteTimeSeriesType,
    CogniteVisualizable,
    CogniteVisualizableList,
    Monitored,
    MonitoredAlarmLevel,
    MonitoredList,
    Pump,
    PumpAlarmLevel,
    PumpFailure,
    PumpFailureAlarmLevel,
    PumpFailureCause,
    PumpFailureList,
    PumpList,
    Site,
    SiteList,
)

_Root = TypeVar("_Root", bound=NodeList[Any])


class Cognite360ImageQuery(NodeQuery[Cognite360Image, Cognite360ImageList, _Root]):
    _read_class = Cognite360Image
    _list_class = Cognite360ImageList

    name = TextProperty("name")
    description = TextProperty("description")
    taken_at = RangeProperty[datetime]("taken_at")

    @property
    def model_3d(self) -> Cognite3DModelQuery[_Root]:
        """The next step: the nodes model_3d connects to."""
        return Cognite3DModelQuery(self._instances, self._step, "model_3d")


class Cognite3DModelQuery(NodeQuery[Cognite3DModel, Cognite3DModelList, _Root]):
    _read_class = Cognite3DModel
    _list_class = Cognite3DModelList

    name = TextProperty("name")
    description = TextProperty("description")
    type_ = ValueProperty[Cognite3DModelType]("type_")


class Cognite3DObjectQuery(NodeQuery[Cognite3DObject, Cognite3DObjectList, _Root]):
    _read_class = Cognite3DObject
    _list_class = Cognite3DObjectList

    name = TextProperty("name")
    description = TextProperty("description")
    x_min = RangeProperty[float]("x_min")
    x_max = RangeProperty[float]("x_max")

    @property
    def asset(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes asset connects to."""
        return CogniteAssetQuery(self._instances, self._step, "asset")

    @property
    def images_360(self) -> Cognite360ImageQuery[_Root]:
        """The next step: the nodes images_360 connects to."""
        return Cognite360ImageQuery(self._instances, self._step, "images_360")


class CogniteActivityQuery(NodeQuery[CogniteActivity, CogniteActivityList, _Root]):
    _read_class = CogniteActivity
    _list_class = CogniteActivityList

    name = TextProperty("name")
    description = TextProperty("description")
    source_id = TextProperty("source_id")
    source_context = TextProperty("source_context")
    source_created_time = RangeProperty[datetime]("source_created_time")
    source_updated_time = RangeProperty[datetime]("source_updated_time")
    start_time = RangeProperty[datetime]("start_time")
    end_time = RangeProperty[datetime]("end_time")
    scheduled_start_time = RangeProperty[datetime]("scheduled_start_time")

    @property
    def source(self) -> CogniteSourceSystemQuery[_Root]:
        """The next step: the nodes source connects to."""
        return CogniteSourceSystemQuery(self._instances, self._step, "source")

    @property
    def assets(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes assets connects to."""
        return CogniteAssetQuery(self._instances, self._step, "assets")

    @property
    def equipment(self) -> CogniteEquipmentQuery[_Root]:
        """The next step: the nodes equipment connects to."""
        return CogniteEquipmentQuery(self._instances, self._step, "equipment")

    @property
    def time_series(self) -> CogniteTimeSeriesQuery[_Root]:
        """The next step: the nodes time_series connects to."""
        return CogniteTimeSeriesQuery(self._instances, self._step, "time_series")


class CogniteAssetQuery(NodeQuery[CogniteAsset, CogniteAssetList, _Root]):
    _read_class = CogniteAsset
    _list_class = CogniteAssetList

    name = TextProperty("name")
    description = TextProperty("description")
    source_id = TextProperty("source_id")
    source_context = TextProperty("source_context")
    source_created_time = RangeProperty[datetime]("source_created_time")
    source_updated_time = RangeProperty[datetime]("source_updated_time")
    path_last_updated_time = RangeProperty[datetime]("path_last_updated_time")

    @property
    def object_3d(self) -> Cognite3DObjectQuery[_Root]:
        """The next step: the nodes object_3d connects to."""
        return Cognite3DObjectQuery(self._instances, self._step, "object_3d")

    @property
    def source(self) -> CogniteSourceSystemQuery[_Root]:
        """The next step: the nodes source connects to."""
        return CogniteSourceSystemQuery(self._instances, self._step, "source")

    @property
    def parent(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes parent connects to."""
        return CogniteAssetQuery(self._instances, self._step, "parent")

    @property
    def root(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes root connects to."""
        return CogniteAssetQuery(self._instances, self._step, "root")

    @property
    def path(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes path connects to."""
        return CogniteAssetQuery(self._instances, self._step, "path")

    @property
    def children(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes children connects to."""
        return CogniteAssetQuery(self._instances, self._step, "children")

    @property
    def equipment(self) -> CogniteEquipmentQuery[_Root]:
        """The next step: the nodes equipment connects to."""
        return CogniteEquipmentQuery(self._instances, self._step, "equipment")


class CogniteDescribableQuery(NodeQuery[CogniteDescribable, CogniteDescribableList, _Root]):
    _read_class = CogniteDescribable
    _list_class = CogniteDescribableList

    name = TextProperty("name")
    description = TextProperty("description")


class CogniteEquipmentQuery(NodeQuery[CogniteEquipment, CogniteEquipmentList, _Root]):
    _read_class = CogniteEquipment
    _list_class = CogniteEquipmentList

    name = TextProperty("name")
    description = TextProperty("description")
    source_id = TextProperty("source_id")
    source_context = TextProperty("source_context")
    source_created_time = RangeProperty[datetime]("source_created_time")
    source_updated_time = RangeProperty[datetime]("source_updated_time")
    serial_number = TextProperty("serial_number")
    manufacturer = TextProperty("manufacturer")

    @property
    def source(self) -> CogniteSourceSystemQuery[_Root]:
        """The next step: the nodes source connects to."""
        return CogniteSourceSystemQuery(self._instances, self._step, "source")

    @property
    def asset(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes asset connects to."""
        return CogniteAssetQuery(self._instances, self._step, "asset")

    @property
    def files(self) -> CogniteFileQuery[_Root]:
        """The next step: the nodes files connects to."""
        return CogniteFileQuery(self._instances, self._step, "files")


class CogniteFileQuery(NodeQuery[CogniteFile, CogniteFileList, _Root]):
    _read_class = CogniteFile
    _list_class = CogniteFileList

    name = TextProperty("name")
    description = TextProperty("description")
    source_id = TextProperty("source_id")
    source_context = TextProperty("source_context")
    source_created_time = RangeProperty[datetime]("source_created_time")
    source_updated_time = RangeProperty[datetime]("source_updated_time")
    mime_type = TextProperty("mime_type")
    directory = TextProperty("directory")

    @property
    def source(self) -> CogniteSourceSystemQuery[_Root]:
        """The next step: the nodes source connects to."""
        return CogniteSourceSystemQuery(self._instances, self._step, "source")

    @property
    def assets(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes assets connects to."""
        return CogniteAssetQuery(self._instances, self._step, "assets")


class CogniteSchedulableQuery(NodeQuery[CogniteSchedulable, CogniteSchedulableList, _Root]):
    _read_class = CogniteSchedulable
    _list_class = CogniteSchedulableList

    start_time = RangeProperty[datetime]("start_time")
    end_time = RangeProperty[datetime]("end_time")
    scheduled_start_time = RangeProperty[datetime]("scheduled_start_time")


class CogniteSourceSystemQuery(NodeQuery[CogniteSourceSystem, CogniteSourceSystemList, _Root]):
    _read_class = CogniteSourceSystem
    _list_class = CogniteSourceSystemList

    name = TextProperty("name")
    description = TextProperty("description")
    source_system_version = TextProperty("source_system_version")
    manufacturer = TextProperty("manufacturer")


class CogniteSourceableQuery(NodeQuery[CogniteSourceable, CogniteSourceableList, _Root]):
    _read_class = CogniteSourceable
    _list_class = CogniteSourceableList

    source_id = TextProperty("source_id")
    source_context = TextProperty("source_context")
    source_created_time = RangeProperty[datetime]("source_created_time")
    source_updated_time = RangeProperty[datetime]("source_updated_time")

    @property
    def source(self) -> CogniteSourceSystemQuery[_Root]:
        """The next step: the nodes source connects to."""
        return CogniteSourceSystemQuery(self._instances, self._step, "source")


class CogniteTimeSeriesQuery(NodeQuery[CogniteTimeSeries, CogniteTimeSeriesList, _Root]):
    _read_class = CogniteTimeSeries
    _list_class = CogniteTimeSeriesList

    name = TextProperty("name")
    description = TextProperty("description")
    source_id = TextProperty("source_id")
    source_context = TextProperty("source_context")
    source_created_time = RangeProperty[datetime]("source_created_time")
    source_updated_time = RangeProperty[datetime]("source_updated_time")
    type_ = ValueProperty[CogniteTimeSeriesType]("type_")
    is_step = ValueProperty[bool]("is_step")
    source_unit = TextProperty("source_unit")

    @property
    def source(self) -> CogniteSourceSystemQuery[_Root]:
        """The next step: the nodes source connects to."""
        return CogniteSourceSystemQuery(self._instances, self._step, "source")

    @property
    def assets(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes assets connects to."""
        return CogniteAssetQuery(self._instances, self._step, "assets")

    @property
    def equipment(self) -> CogniteEquipmentQuery[_Root]:
        """The next step: the nodes equipment connects to."""
        return CogniteEquipmentQuery(self._instances, self._step, "equipment")


class CogniteVisualizableQuery(NodeQuery[CogniteVisualizable, CogniteVisualizableList, _Root]):
    _read_class = CogniteVisualizable
    _list_class = CogniteVisualizableList

    @property
    def object_3d(self) -> Cognite3DObjectQuery[_Root]:
        """The next step: the nodes object_3d connects to."""
        return Cognite3DObjectQuery(self._instances, self._step, "object_3d")


class MonitoredQuery(NodeQuery[Monitored, MonitoredList, _Root]):
    _read_class = Monitored
    _list_class = MonitoredList

    name = TextProperty("name")
    description = TextProperty("description")
    alarm_level = ValueProperty[MonitoredAlarmLevel]("alarm_level")


class PumpQuery(NodeQuery[Pump, PumpList, _Root]):
    _read_class = Pump
    _list_class = PumpList

    name = TextProperty("name")
    description = TextProperty("description")
    source_id = TextProperty("source_id")
    source_context = TextProperty("source_context")
    source_created_time = RangeProperty[datetime]("source_created_time")
    source_updated_time = RangeProperty[datetime]("source_updated_time")
    serial_number = TextProperty("serial_number")
    manufacturer = TextProperty("manufacturer")
    alarm_level = ValueProperty[PumpAlarmLevel]("alarm_level")
    flow_rate = RangeProperty[float]("flow_rate")

    @property
    def source(self) -> CogniteSourceSystemQuery[_Root]:
        """The next step: the nodes source connects to."""
        return CogniteSourceSystemQuery(self._instances, self._step, "source")

    @property
    def asset(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes asset connects to."""
        return CogniteAssetQuery(self._instances, self._step, "asset")

    @property
    def files(self) -> CogniteFileQuery[_Root]:
        """The next step: the nodes files connects to."""
        return CogniteFileQuery(self._instances, self._step, "files")

    @property
    def site(self) -> SiteQuery[_Root]:
        """The next step: the nodes site connects to."""
        return SiteQuery(self._instances, self._step, "site")


class PumpFailureQuery(NodeQuery[PumpFailure, PumpFailureList, _Root]):
    _read_class = PumpFailure
    _list_class = PumpFailureList

    name = TextProperty("name")
    description = TextProperty("description")
    source_id = TextProperty("source_id")
    source_context = TextProperty("source_context")
    source_created_time = RangeProperty[datetime]("source_created_time")
    source_updated_time = RangeProperty[datetime]("source_updated_time")
    start_time = RangeProperty[datetime]("start_time")
    end_time = RangeProperty[datetime]("end_time")
    scheduled_start_time = RangeProperty[datetime]("scheduled_start_time")
    alarm_level = ValueProperty[PumpFailureAlarmLevel]("alarm_level")
    cause = ValueProperty[PumpFailureCause]("cause")

    @property
    def source(self) -> CogniteSourceSystemQuery[_Root]:
        """The next step: the nodes source connects to."""
        return CogniteSourceSystemQuery(self._instances, self._step, "source")

    @property
    def assets(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes assets connects to."""
        return CogniteAssetQuery(self._instances, self._step, "assets")

    @property
    def equipment(self) -> CogniteEquipmentQuery[_Root]:
        """The next step: the nodes equipment connects to."""
        return CogniteEquipmentQuery(self._instances, self._step, "equipment")

    @property
    def time_series(self) -> CogniteTimeSeriesQuery[_Root]:
        """The next step: the nodes time_series connects to."""
        return CogniteTimeSeriesQuery(self._instances, self._step, "time_series")

    @property
    def pumps(self) -> PumpQuery[_Root]:
        """The next step: the nodes pumps connects to."""
        return PumpQuery(self._instances, self._step, "pumps")


class SiteQuery(NodeQuery[Site, SiteList, _Root]):
    _read_class = Site
    _list_class = SiteList

    name = TextProperty("name")
    description = TextProperty("description")
    source_id = TextProperty("source_id")
    source_context = TextProperty("source_context")
    source_created_time = RangeProperty[datetime]("source_created_time")
    source_updated_time = RangeProperty[datetime]("source_updated_time")
    path_last_updated_time = RangeProperty[datetime]("path_last_updated_time")

    @property
    def object_3d(self) -> Cognite3DObjectQuery[_Root]:
        """The next step: the nodes object_3d connects to."""
        return Cognite3DObjectQuery(self._instances, self._step, "object_3d")

    @property
    def source(self) -> CogniteSourceSystemQuery[_Root]:
        """The next step: the nodes source connects to."""
        return CogniteSourceSystemQuery(self._instances, self._step, "source")

    @property
    def parent(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes parent connects to."""
        return CogniteAssetQuery(self._instances, self._step, "parent")

    @property
    def root(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes root connects to."""
        return CogniteAssetQuery(self._instances, self._step, "root")

    @property
    def path(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes path connects to."""
        return CogniteAssetQuery(self._instances, self._step, "path")

    @property
    def children(self) -> CogniteAssetQuery[_Root]:
        """The next step: the nodes children connects to."""
        return CogniteAssetQuery(self._instances, self._step, "children")

    @property
    def equipment(self) -> CogniteEquipmentQuery[_Root]:
        """The next step: the nodes equipment connects to."""
        return CogniteEquipmentQuery(self._instances, self._step, "equipment")
