"""PumpsClient: one attribute per view of data model sp_pumps_model:Pumps/v1."""

from __future__ import annotations

from ._api import PumpAPI
from ._runtime import BaseClient, DataModelId


class PumpsClient(BaseClient):
    """Typed access to sp_pumps_model:Pumps/v1. Built from a config, arguments, or CDF_* variables."""

    default_space = "sp_pumps"
    _data_model = DataModelId("sp_pumps_model", "Pumps", "v1")

    def _connect_apis(self) -> None:
        self.pump = PumpAPI(self._instances, self.default_space)
