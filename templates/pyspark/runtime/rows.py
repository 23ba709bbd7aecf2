"""CDF instances ⇄ Spark rows of one view: the values converted by each property's kind. Reads hand Spark a page at
a time as an Arrow record batch (`to_batch`), which Spark takes as it is; the alternative, tuples, costs a Python
conversion per value in Spark's worker on top of ours.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timezone
from typing import Any

from pyspark.sql import Row
from pyspark.sql.pandas.types import to_arrow_schema
from pyspark.sql.types import StructType

from .._runtime.values import format_timestamp, parse_date, parse_timestamp
from .metadata import PropertySpec, ViewSpec


def to_row(view: ViewSpec, item: Mapping[str, Any], columns: Sequence[str]) -> tuple[Any, ...]:
    """One instance from /models/instances/list as a tuple of `columns` (a subset of the view's schema)."""
    values: Mapping[str, Any] = (
        item.get("properties", {}).get(view.space, {}).get(f"{view.external_id}/{view.version}", {})
    )
    row: list[Any] = []
    for column in columns:
        if column in ("space", "externalId"):
            row.append(item[column])
        elif column in ("createdTime", "lastUpdatedTime"):
            row.append(datetime.fromtimestamp(item[column] / 1000, tz=timezone.utc))
        else:
            prop = view.by_column[column]
            value = values.get(prop.identifier)
            if value is None:
                row.append(None)
            elif prop.is_list:
                row.append([_read(prop, element) for element in value])
            else:
                row.append(_read(prop, value))
    return tuple(row)


def arrow_schema(schema: StructType) -> Any:
    """The Arrow schema Spark expects of batches of `schema` (timestamps in microseconds, UTC)."""
    return to_arrow_schema(schema)


def to_batch(view: ViewSpec, items: Sequence[Mapping[str, Any]], columns: Sequence[str], schema: Any) -> Any:
    """Instances as one Arrow record batch of `columns`, with `schema` (from `arrow_schema`) for their types:
    int64 stays exact, timestamps are UTC instants, direct relations structs, lists lists, nulls nulls.
    """
    # pyarrow ships no type information; it is a dependency of Spark's Python data sources anyway.
    pa: Any = importlib.import_module("pyarrow")
    rows = [to_row(view, item, columns) for item in items]
    arrays = [
        pa.array([row[index] for row in rows], type=schema.field(index).type, from_pandas=False)
        for index in range(len(columns))
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _read(prop: PropertySpec, value: Any) -> Any:
    if prop.kind == "timestamp":
        return parse_timestamp(value).astimezone(timezone.utc)
    if prop.kind == "date":
        return parse_date(value)
    if prop.kind == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if prop.kind == "direct":
        return (value["space"], value["externalId"])
    if prop.kind in ("float32", "float64"):
        return float(value)
    return value


def to_node(view: ViewSpec, row: Row, schema: StructType, instance_space: str | None) -> dict[str, Any]:
    """One row as a node apply item. The row's columns that are view properties are written, nulls as nulls;
    properties without a column are left as they are. `space` comes from the row, else from `instance_space`.
    """
    data = row.asDict(recursive=False)
    space = data.get("space") or instance_space
    external_id = data.get("externalId")
    if not space or not external_id:
        raise ValueError(
            "every row needs an externalId, and a space (a `space` column or the `instanceSpace` option)"
            f"; got space={space!r}, externalId={external_id!r}"
        )
    properties: dict[str, Any] = {}
    for name in schema.names:
        prop = view.by_column.get(name)
        if prop is None:  # a node column: space and externalId are read above, the times are the API's own
            continue
        value = data[name]
        if value is None:
            properties[prop.identifier] = None
        elif prop.is_list:
            properties[prop.identifier] = [_write(prop, element) for element in value]
        else:
            properties[prop.identifier] = _write(prop, value)
    node: dict[str, Any] = {"instanceType": "node", "space": space, "externalId": external_id}
    if view.node_type is not None:
        node["type"] = {"space": view.node_type[0], "externalId": view.node_type[1]}
    node["sources"] = [{"source": view.view_id.dump(), "properties": properties}]
    return node


def _write(prop: PropertySpec, value: Any) -> Any:
    if prop.kind == "timestamp" and isinstance(value, datetime):
        # PySpark hands timestamps over as naive datetimes in the local time zone.
        moment = value if value.tzinfo is not None else value.astimezone()
        return format_timestamp(moment)
    if prop.kind == "date" and isinstance(value, date):
        return value.isoformat()
    if prop.kind == "json" and isinstance(value, str):
        return json.loads(value)
    if prop.kind == "direct":
        space, external_id = (value["space"], value["externalId"]) if isinstance(value, Row) else value
        return {"space": space, "externalId": external_id}
    return value
