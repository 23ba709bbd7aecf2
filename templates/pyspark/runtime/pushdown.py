"""Spark's pushed-down filters → one DMS filter, exactly or not at all.

Spark does not evaluate a filter again once the data source has taken it, so a filter is taken only when the DMS
filter selects exactly the rows Spark would keep:

- `=`, `<=>`, `IN` on text, enums, booleans, numbers, timestamps, dates and the node's fields → equals / in;
- `<`, `<=`, `>`, `>=` on numbers, timestamps, dates and created/updated times → range (not on text: Spark compares
  bytes, CDF a collation);
- `IS NULL` / `IS NOT NULL` on properties → not exists / exists;
- `LIKE 'abc%'` on text, enums, space and externalId → prefix;
- `NOT` of any of these, with `exists` added for properties, since SQL's NOT drops nulls and DMS's `not` keeps them.

Everything else (json and list columns, `LIKE '%abc'`, timestamps finer than CDF's milliseconds, struct fields) is
returned to Spark, which filters the rows itself. Spark 4.1 hands over no OR: a disjunction stays in Spark.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timezone
from typing import Any

from pyspark.sql.datasource import (
    EqualNullSafe,
    EqualTo,
    Filter,
    GreaterThan,
    GreaterThanOrEqual,
    In,
    IsNotNull,
    IsNull,
    LessThan,
    LessThanOrEqual,
    Not,
    StringStartsWith,
)

from .._runtime import filters as dms
from .._runtime.values import format_timestamp
from .metadata import ViewSpec

_EQUATABLE = {"text", "enum", "boolean", "int32", "int64", "float32", "float64", "timestamp", "date"}
_ORDERED = {"int32", "int64", "float32", "float64", "timestamp", "date"}
_PREFIXABLE = {"text", "enum"}
# The node's fields: their kinds, and whether a property (nullable, `exists`-checked) or always present.
_NODE_KINDS = {"space": "text", "externalId": "text", "createdTime": "epoch", "lastUpdatedTime": "epoch"}
_RANGES = {GreaterThan: "gt", GreaterThanOrEqual: "gte", LessThan: "lt", LessThanOrEqual: "lte"}


def push_filters(view: ViewSpec, filters: Sequence[Filter]) -> tuple[dms.Filter | None, list[Filter]]:
    """(the DMS filter of everything taken, the filters left to Spark, by reference as Spark requires)."""
    taken: list[dms.Filter] = []
    left: list[Filter] = []
    for spark_filter in filters:
        translated = translate(view, spark_filter)
        if translated is None:
            left.append(spark_filter)
        else:
            taken.append(translated)
    return dms.all_of(*taken), left


def translate(view: ViewSpec, spark_filter: Filter) -> dms.Filter | None:
    """The DMS filter selecting exactly the rows `spark_filter` keeps, or None when there is none."""
    if isinstance(spark_filter, Not):
        inner = translate(view, spark_filter.child)
        if inner is None:
            return None
        attribute = getattr(spark_filter.child, "attribute", None)
        column = _column(view, attribute)
        if column is None:
            return None
        reference, kind, is_property = column
        # SQL's NOT keeps neither the rows where the inner filter is null; for IS NULL that is none.
        if is_property and not isinstance(spark_filter.child, IsNull):
            return dms.and_(dms.not_(inner), dms.exists(reference))
        return dms.not_(inner)
    column = _column(view, getattr(spark_filter, "attribute", None))
    if column is None:
        return None
    reference, kind, is_property = column
    if isinstance(spark_filter, (IsNull, IsNotNull)):
        if not is_property:
            return None
        found = dms.exists(reference)
        return dms.not_(found) if isinstance(spark_filter, IsNull) else found
    if isinstance(spark_filter, EqualNullSafe) and spark_filter.value is None:
        return dms.not_(dms.exists(reference)) if is_property else None
    if isinstance(spark_filter, (EqualTo, EqualNullSafe)):
        value = _value(kind, spark_filter.value)
        return dms.equals(reference, value) if kind in _EQUATABLE | {"epoch"} and value is not None else None
    if isinstance(spark_filter, In):
        values = [_value(kind, item) for item in spark_filter.value]
        if kind not in _EQUATABLE | {"epoch"} or not values or any(item is None for item in values):
            return None
        return dms.in_(reference, values)
    for filter_type, bound in _RANGES.items():
        if isinstance(spark_filter, filter_type):
            value = _value(kind, spark_filter.value)
            if kind not in _ORDERED | {"epoch"} or value is None:
                return None
            return dms.range_(reference, **{bound: value})
    if isinstance(spark_filter, StringStartsWith) and kind in _PREFIXABLE:
        return dms.prefix(reference, spark_filter.value)
    return None


def _column(view: ViewSpec, attribute: Any) -> tuple[list[str], str, bool] | None:
    """(DMS reference, kind, is a view property) of a top-level column, or None for struct fields and lists."""
    if not isinstance(attribute, tuple) or len(attribute) != 1:
        return None
    (name,) = attribute
    if name in _NODE_KINDS:
        return ["node", name], _NODE_KINDS[name], False
    prop = view.by_identifier.get(name)
    if prop is None or prop.is_list:
        return None
    return view.view_id.property_ref(prop.identifier), prop.kind, True


def _value(kind: str, value: Any) -> Any:
    """A Spark literal as the DMS filter value of a column of `kind`; None when it cannot be said exactly."""
    if value is None:
        return None
    if kind in ("timestamp", "epoch"):
        if not isinstance(value, datetime) or value.microsecond % 1000:
            return None
        moment = value if value.tzinfo is not None else value.astimezone()
        if kind == "epoch":
            return int(moment.timestamp() * 1000)
        return format_timestamp(moment.astimezone(timezone.utc))
    if kind == "date":
        return value.isoformat() if isinstance(value, date) and not isinstance(value, datetime) else None
    if kind in ("int32", "int64"):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if kind in ("float32", "float64"):
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if kind == "boolean":
        return value if isinstance(value, bool) else None
    return value if isinstance(value, str) else None
