"""Python SDK for data model sp_pumps_model:Pumps/v1 (hand-written sample of pygen's output)."""

from ._client import PumpsClient
from ._runtime import ClientConfig, EdgeId, NodeId, OAuthClientCredentials, Token
from .data_classes import Pump, PumpList, PumpWrite, PumpWriteList

__pygen_version__ = "0.1.0"
__model_version__ = "v1"
__generated_at__ = "2026-01-01T00:00:00+00:00"

__all__ = [
    "ClientConfig",
    "EdgeId",
    "NodeId",
    "OAuthClientCredentials",
    "Pump",
    "PumpList",
    "PumpWrite",
    "PumpWriteList",
    "PumpsClient",
    "Token",
]
