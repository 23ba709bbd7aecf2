"""PumpsClient: one attribute per view of data model sp_pumps_model:Pumps/v1."""

from __future__ import annotations

import httpx

from ._api import PumpAPI
from ._runtime import BaseClient, ClientConfig


class PumpsClient(BaseClient):
    """Typed access to sp_pumps_model:Pumps/v1. Without a config it reads CDF_* environment variables."""

    default_space = "sp_pumps"

    def __init__(self, config: ClientConfig | None = None, *, transport: httpx.BaseTransport | None = None) -> None:
        super().__init__(config, transport=transport)
        self.pump = PumpAPI(self._instances, self.default_space)
