"""Data objects as a pandas DataFrame, with column types that keep their values: pandas stays optional.

One row per object, one column per field, named by Python field. Timestamps become timezone-aware (UTC) datetime
columns and dates datetime columns; whole numbers stay exact as int64, or as pandas' nullable Int64 when a value is
missing (a float64 column would round integers beyond 2**53); booleans with gaps become the nullable `boolean`.
Direct relations, connections and JSON objects are in their JSON form (`{"space", "externalId"}`, dicts, lists).
"""

from __future__ import annotations

import importlib
import importlib.metadata
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    import pandas

# Values that pandas holds natively; anything else goes into the frame as its JSON form.
_NATIVE = (str, int, float, bool, datetime, date)


def to_data_frame(items: Sequence[BaseModel]) -> pandas.DataFrame:
    pd = _import_pandas()
    columns: dict[str, list[Any]] = {}
    for item in items:
        dumped: dict[str, Any] | None = None
        for name in type(item).model_fields:
            value = getattr(item, name)
            if value is not None and not isinstance(value, _NATIVE):
                dumped = dumped if dumped is not None else item.model_dump(mode="json")
                value = dumped[name]
            columns.setdefault(name, []).append(value)
    frame: pandas.DataFrame = pd.DataFrame({name: _series(pd, values) for name, values in columns.items()})
    return frame


def _series(pd: Any, values: list[Any]) -> Any:
    """One column, typed by the values it holds (all of one kind, or missing)."""
    present = [value for value in values if value is not None]
    kinds = {_kind(value) for value in present}
    kind = "float" if kinds == {"int", "float"} else kinds.pop() if len(kinds) == 1 else "object"
    if kind in ("datetime", "date"):
        # Mixed offsets meet in UTC; a date is midnight of a naive datetime column.
        return pd.to_datetime(pd.Series(values, dtype="object"), utc=kind == "datetime")
    missing = len(present) < len(values)
    dtypes = {"bool": "boolean" if missing else "bool", "int": "Int64" if missing else "int64", "float": "float64"}
    return pd.Series(values, dtype=dtypes.get(kind, "object"))


def _kind(value: Any) -> str:
    # bool before int and datetime before date: each is a subclass of the other.
    for kind, types in (("bool", bool), ("int", int), ("float", float), ("datetime", datetime), ("date", date)):
        if isinstance(value, types):
            return kind
    return "object"


def _import_pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError as error:
        raise ImportError(f"to_pandas() needs pandas: pip install '{_distribution()}[pandas]'") from error


def _distribution() -> str:
    """The installed distribution of the SDK this runtime is vendored in, for the install hint."""
    package = __name__.split(".")[0]
    try:
        return importlib.metadata.packages_distributions().get(package, [package])[0]
    except Exception:  # noqa: BLE001 - only an install hint: fall back to the package's name
        return package
