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

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

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

_REFERENCES = {"timeseries", "file", "sequence"}
_EQUATABLE = _REFERENCES | {
    "text",
    "enum",
    "boolean",
    "int32",
    "int64",
    "float32",
    "float64",
    "timestamp",
    "date",
    "epoch",
}
_ORDERED = {"int32", "int64", "float32", "float64", "timestamp", "date", "epoch"}
_PREFIXABLE = _REFERENCES | {"text", "enum"}
# The node's fields and their kinds; "epoch" is milliseconds since 1970 (createdTime, lastUpdatedTime).
_NODE_KINDS = {"space": "text", "externalId": "text", "createdTime": "epoch", "lastUpdatedTime": "epoch"}


class Column(NamedTuple):
    reference: list[str]
    kind: str
    # A view property may be missing (null); the node's fields never are.
    is_property: bool


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
    negated = isinstance(spark_filter, Not)
    inner = spark_filter.child if isinstance(spark_filter, Not) else spark_filter
    column = _column(view, getattr(inner, "attribute", None))
    rule = _RULES.get(type(inner))
    if column is None or rule is None:
        return None
    translated = rule(column, inner)
    if translated is None or not negated:
        return translated
    # SQL's NOT drops the rows where the inner filter is null (a missing property), DMS's `not` keeps them.
    if column.is_property and not isinstance(inner, IsNull):
        return dms.and_(dms.not_(translated), dms.exists(column.reference))
    return dms.not_(translated)


def _null_check(column: Column, spark_filter: Filter) -> dms.Filter | None:
    if not column.is_property:
        return None
    found = dms.exists(column.reference)
    return dms.not_(found) if isinstance(spark_filter, IsNull) else found


def _equals(column: Column, spark_filter: Filter) -> dms.Filter | None:
    literal = getattr(spark_filter, "value", None)
    if literal is None and isinstance(spark_filter, EqualNullSafe):
        return dms.not_(dms.exists(column.reference)) if column.is_property else None
    value = _value(column.kind, literal)
    return dms.equals(column.reference, value) if column.kind in _EQUATABLE and value is not None else None


def _in(column: Column, spark_filter: Filter) -> dms.Filter | None:
    values = [_value(column.kind, item) for item in getattr(spark_filter, "value", ())]
    if column.kind not in _EQUATABLE or not values or any(item is None for item in values):
        return None
    return dms.in_(column.reference, values)


def _range(bound: str) -> Callable[[Column, Filter], dms.Filter | None]:
    def rule(column: Column, spark_filter: Filter) -> dms.Filter | None:
        value = _value(column.kind, getattr(spark_filter, "value", None))
        if column.kind not in _ORDERED or value is None:
            return None
        return dms.range_(column.reference, **{bound: value})

    return rule


def _prefix(column: Column, spark_filter: Filter) -> dms.Filter | None:
    value = getattr(spark_filter, "value", None)
    return dms.prefix(column.reference, value) if column.kind in _PREFIXABLE and isinstance(value, str) else None


_RULES: dict[type[Filter], Callable[[Column, Filter], dms.Filter | None]] = {
    IsNull: _null_check,
    IsNotNull: _null_check,
    EqualTo: _equals,
    EqualNullSafe: _equals,
    In: _in,
    GreaterThan: _range("gt"),
    GreaterThanOrEqual: _range("gte"),
    LessThan: _range("lt"),
    LessThanOrEqual: _range("lte"),
    StringStartsWith: _prefix,
}


def _column(view: ViewSpec, attribute: Any) -> Column | None:
    """The column of a top-level attribute, or None for struct fields and lists."""
    if not isinstance(attribute, tuple) or len(attribute) != 1:
        return None
    (name,) = attribute
    if name in _NODE_KINDS:
        return Column(["node", name], _NODE_KINDS[name], is_property=False)
    prop = view.by_column.get(name)
    if prop is None or prop.is_list:
        return None
    return Column(view.view_id.property_ref(prop.identifier), prop.kind, is_property=True)


def _timestamp(value: Any) -> datetime | None:
    """An aware datetime, unless finer than CDF's milliseconds (then no DMS filter says it exactly)."""
    if not isinstance(value, datetime) or value.microsecond % 1000:
        return None
    # PySpark gives naive datetimes in the local time zone.
    return value if value.tzinfo is not None else value.astimezone()


def _number(value: Any, kinds: tuple[type, ...]) -> Any:
    return value if isinstance(value, kinds) and not isinstance(value, bool) else None


_LITERALS: dict[str, Callable[[Any], Any]] = {
    "timestamp": lambda value: None if (moment := _timestamp(value)) is None else format_timestamp(moment),
    "epoch": lambda value: None if (moment := _timestamp(value)) is None else int(moment.timestamp() * 1000),
    "date": lambda value: value.isoformat() if isinstance(value, date) and not isinstance(value, datetime) else None,
    "int32": lambda value: _number(value, (int,)),
    "int64": lambda value: _number(value, (int,)),
    "float32": lambda value: _number(value, (int, float)),
    "float64": lambda value: _number(value, (int, float)),
    "boolean": lambda value: value if isinstance(value, bool) else None,
}


def _value(kind: str, value: Any) -> Any:
    """A Spark literal as the DMS filter value of a column of `kind`; None when it cannot be said exactly."""
    if value is None:
        return None
    convert = _LITERALS.get(kind)
    if convert is not None:
        return convert(value)
    return value if isinstance(value, str) else None
