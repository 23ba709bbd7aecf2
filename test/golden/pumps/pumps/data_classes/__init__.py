from .._runtime import resolve_references
from ._pump import (
    PUMP_VIEW,
    Pump,
    PumpField,
    PumpFilters,
    PumpList,
    PumpStatus,
    PumpTextField,
    PumpWrite,
    PumpWriteList,
)

__all__ = [
    "PUMP_VIEW",
    "Pump",
    "PumpField",
    "PumpFilters",
    "PumpList",
    "PumpStatus",
    "PumpTextField",
    "PumpWrite",
    "PumpWriteList",
]

resolve_references(globals())
