"""Rows → node apply items, without Spark: the space fallback, the node type, and clear errors."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import pytest
from pygen_spark_check._spark.rows import to_node
from pyspark.sql import Row
from pyspark.sql.types import StringType, StructField, StructType, TimestampType

from .views import UNIT

SCHEMA = StructType(
    [
        StructField("externalId", StringType()),
        StructField("name", StringType()),
        StructField("startedAt", TimestampType()),
        StructField("settings", StringType()),
    ]
)


def test_a_row_becomes_a_node_of_the_view() -> None:
    row = Row(externalId="u_1", name=None, startedAt=datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc), settings="[1]")
    typed = dataclasses.replace(UNIT, node_type=("spark_model", "UnitType"))
    assert to_node(typed, row, SCHEMA, "fallback") == {
        "instanceType": "node",
        "space": "fallback",
        "externalId": "u_1",
        "type": {"space": "spark_model", "externalId": "UnitType"},
        "sources": [
            {
                "source": UNIT.view_id.dump(),
                # The row's columns only, nulls as nulls; times in UTC with milliseconds; json parsed.
                "properties": {"name": None, "startedAt": "2024-01-02T03:04:05.000+00:00", "settings": [1]},
            }
        ],
    }


def test_a_row_without_space_or_external_id_is_refused() -> None:
    row = Row(externalId="u_1", name="x", startedAt=None, settings=None)
    with pytest.raises(ValueError, match="a space"):
        to_node(UNIT, row, SCHEMA, None)
    with pytest.raises(ValueError, match="needs an externalId"):
        to_node(UNIT, Row(externalId=None, name="x", startedAt=None, settings=None), SCHEMA, "space")
