"""HydroPlantModelClient: one attribute per view of data model pygen_example:HydroPlantModel/1."""

from __future__ import annotations

from ._asset_api import AssetAPI
from ._generator_api import GeneratorAPI
from ._hydro_plant_api import HydroPlantAPI
from ._inspector_api import InspectorAPI
from ._reservoir_api import ReservoirAPI
from ._runtime import BaseClient, DataModelId


class HydroPlantModelClient(BaseClient):
    """Typed access to pygen_example:HydroPlantModel/1. Built from a config, arguments, or CDF_* variables."""

    _data_model = DataModelId("pygen_example", "HydroPlantModel", "1")

    def _connect_apis(self) -> None:
        self.asset = AssetAPI(self._instances, self.default_space)
        self.generator = GeneratorAPI(self._instances, self.default_space)
        self.hydro_plant = HydroPlantAPI(self._instances, self.default_space)
        self.inspector = InspectorAPI(self._instances, self.default_space)
        self.reservoir = ReservoirAPI(self._instances, self.default_space)
