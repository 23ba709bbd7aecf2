"""The translation of Spark's pushed-down filters into DMS filters, without Spark: what is taken must select
exactly the rows Spark would keep, and everything else must be handed back."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from pygen_spark_check._spark.pushdown import push_filters, translate
from pyspark.sql.datasource import (
    EqualNullSafe,
    EqualTo,
    Filter,
    GreaterThan,
    In,
    IsNotNull,
    IsNull,
    LessThanOrEqual,
    Not,
    StringContains,
    StringEndsWith,
    StringStartsWith,
)

from .views import UNIT

POWER = ["spark_model", "Unit/1", "power"]


def dumped(spark_filter: Filter) -> object:
    translated = translate(UNIT, spark_filter)
    return None if translated is None else translated.dump()


def test_comparisons_become_dms_filters() -> None:
    assert dumped(EqualTo(("status",), "running")) == {
        "equals": {"property": ["spark_model", "Unit/1", "status"], "value": "running"}
    }
    assert dumped(In(("power",), (1, 2))) == {"in": {"property": POWER, "values": [1, 2]}}
    assert dumped(GreaterThan(("power",), 3)) == {"range": {"property": POWER, "gt": 3}}
    assert dumped(LessThanOrEqual(("installed",), date(2024, 2, 29))) == {
        "range": {"property": ["spark_model", "Unit/1", "installed"], "lte": "2024-02-29"}
    }
    assert dumped(StringStartsWith(("externalId",), "u_1")) == {
        "prefix": {"property": ["node", "externalId"], "value": "u_1"}
    }
    assert dumped(IsNotNull(("power",))) == {"exists": {"property": POWER}}
    assert dumped(IsNull(("power",))) == {"not": {"exists": {"property": POWER}}}
    assert dumped(EqualNullSafe(("power",), None)) == {"not": {"exists": {"property": POWER}}}


def test_times_are_written_as_cdf_reads_them() -> None:
    moment = datetime(2024, 5, 1, 12, 30, 0, 250_000, tzinfo=timezone.utc)
    assert dumped(GreaterThan(("startedAt",), moment)) == {
        "range": {"property": ["spark_model", "Unit/1", "startedAt"], "gt": "2024-05-01T12:30:00.250+00:00"}
    }
    assert dumped(GreaterThan(("createdTime",), moment)) == {
        "range": {"property": ["node", "createdTime"], "gt": 1714566600250}
    }
    # Finer than CDF's milliseconds: no DMS filter says it exactly.
    assert dumped(EqualTo(("startedAt",), moment.replace(microsecond=250_001))) is None


def test_negation_keeps_sql_null_semantics() -> None:
    # NOT (power = 7) keeps no row without power, as in SQL; DMS's `not` alone would.
    assert dumped(Not(EqualTo(("power",), 7))) == {
        "and": [{"not": {"equals": {"property": POWER, "value": 7}}}, {"exists": {"property": POWER}}]
    }
    assert dumped(Not(IsNull(("power",)))) == {"not": {"not": {"exists": {"property": POWER}}}}
    assert dumped(Not(EqualTo(("space",), "a"))) == {"not": {"equals": {"property": ["node", "space"], "value": "a"}}}


@pytest.mark.parametrize(
    "spark_filter",
    [
        EqualTo(("settings",), "{}"),  # json: text in Spark, an object in CDF
        EqualTo(("tags",), ["a"]),  # lists
        GreaterThan(("name",), "m"),  # Spark orders bytes, CDF a collation
        StringEndsWith(("name",), "9"),
        StringContains(("name",), "9"),
        EqualTo(("plant", "externalId"), "p_1"),  # struct fields
        EqualTo(("power",), "7"),  # a literal of another type
        In(("power",), (1, None)),
        IsNull(("space",)),  # never null: Spark's own answer is cheaper
        Not(StringEndsWith(("name",), "9")),
        EqualTo(("unknown",), 1),
    ],
)
def test_what_cannot_be_said_exactly_is_left_to_spark(spark_filter: Filter) -> None:
    assert translate(UNIT, spark_filter) is None


def test_push_filters_hands_back_the_same_objects() -> None:
    taken = EqualTo(("power",), 1)
    left = StringEndsWith(("name",), "x")
    combined, remaining = push_filters(UNIT, [taken, left])
    assert remaining == [left]
    assert remaining[0] is left
    assert combined is not None
    assert combined.dump() == {"equals": {"property": POWER, "value": 1}}
    assert push_filters(UNIT, []) == (None, [])
