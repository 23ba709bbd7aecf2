"""PlantOnCoreClient: one attribute per view of data model plant_ext:PlantOnCore/v1."""

from __future__ import annotations

from ._api import (
    Cognite3DModelAPI,
    Cognite3DObjectAPI,
    Cognite360ImageAPI,
    CogniteActivityAPI,
    CogniteAssetAPI,
    CogniteDescribableAPI,
    CogniteEquipmentAPI,
    CogniteFileAPI,
    CogniteSchedulableAPI,
    CogniteSourceableAPI,
    CogniteSourceSystemAPI,
    CogniteTimeSeriesAPI,
    CogniteVisualizableAPI,
    MonitoredAPI,
    PumpAPI,
    PumpFailureAPI,
    SiteAPI,
)
from ._runtime import BaseClient, DataModelId


class PlantOnCoreClient(BaseClient):
    """Typed access to plant_ext:PlantOnCore/v1. Built from a config, arguments, or CDF_* variables."""

    _data_model = DataModelId("plant_ext", "PlantOnCore", "v1")

    def _connect_apis(self) -> None:
        self.cognite_360_image = Cognite360ImageAPI(self._instances, self.default_space)
        self.cognite_3d_model = Cognite3DModelAPI(self._instances, self.default_space)
        self.cognite_3d_object = Cognite3DObjectAPI(self._instances, self.default_space)
        self.cognite_activity = CogniteActivityAPI(self._instances, self.default_space)
        self.cognite_asset = CogniteAssetAPI(self._instances, self.default_space)
        self.cognite_describable = CogniteDescribableAPI(self._instances, self.default_space)
        self.cognite_equipment = CogniteEquipmentAPI(self._instances, self.default_space)
        self.cognite_file = CogniteFileAPI(self._instances, self.default_space)
        self.cognite_schedulable = CogniteSchedulableAPI(self._instances, self.default_space)
        self.cognite_source_system = CogniteSourceSystemAPI(self._instances, self.default_space)
        self.cognite_sourceable = CogniteSourceableAPI(self._instances, self.default_space)
        self.cognite_time_series = CogniteTimeSeriesAPI(self._instances, self.default_space)
        self.cognite_visualizable = CogniteVisualizableAPI(self._instances, self.default_space)
        self.monitored = MonitoredAPI(self._instances, self.default_space)
        self.pump = PumpAPI(self._instances, self.default_space)
        self.pump_failure = PumpFailureAPI(self._instances, self.default_space)
        self.site = SiteAPI(self._instances, self.default_space)
