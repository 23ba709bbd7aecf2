"""Rows → node apply items, without Spark: the space fallback, the node type, and clear errors."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone

import pytest
from pygen_spark_check._spark.metadata import PropertySpec, ViewSpec
from pygen_spark_check._spark.rows import arrow_schema, to_batch, to_node, to_row
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


def test_a_property_named_like_a_node_column_is_read_and_written_under_its_own_column() -> None:
    # The generator renames such a column (`space` → `spaceProperty`); values still go to and come from `space`.
    view = ViewSpec("t_renamed", "t", "Renamed", "1", (PropertySpec("space", "text", column="spaceProperty"),))
    assert view.schema().names == ["space", "externalId", "createdTime", "lastUpdatedTime", "spaceProperty"]
    item = {
        "space": "inst",
        "externalId": "r_1",
        "createdTime": 0,
        "lastUpdatedTime": 0,
        "properties": {"t": {"Renamed/1": {"space": "orbit"}}},
    }
    assert to_row(view, item, ["space", "spaceProperty"]) == ("inst", "orbit")
    schema = StructType([StructField("externalId", StringType()), StructField("spaceProperty", StringType())])
    node = to_node(view, Row(externalId="r_1", spaceProperty="orbit"), schema, "inst")
    assert node["space"] == "inst"
    assert node["sources"][0]["properties"] == {"space": "orbit"}


def test_a_column_named_like_a_node_column_is_refused() -> None:
    with pytest.raises(ValueError, match="column 'space' collides with the node column"):
        PropertySpec("space", "text")
    with pytest.raises(ValueError, match="columns declared twice: a"):
        ViewSpec("t_twice", "t", "Twice", "1", (PropertySpec("a", "text"), PropertySpec("b", "text", column="a")))


def test_a_page_becomes_one_arrow_batch_with_exact_values() -> None:
    pa = pytest.importorskip("pyarrow")
    view = ViewSpec(
        "t_kinds",
        "t",
        "Kinds",
        "1",
        (
            PropertySpec("big", "int64"),
            PropertySpec("at", "timestamp"),
            PropertySpec("on", "date"),
            PropertySpec("ratio", "float32"),
            PropertySpec("blob", "json"),
            PropertySpec("next", "direct", is_list=True),
            PropertySpec("tags", "text", is_list=True),
        ),
    )
    values = {
        "big": 2**62 + 1,
        "at": "2024-02-29T23:59:59.999+01:00",
        "on": "2024-02-29",
        "ratio": 0.1,
        "blob": {"a": [1, None]},
        "next": [{"space": "s", "externalId": "n1"}],
        "tags": ["x", "y"],
    }
    items = [
        {
            "space": "s",
            "externalId": "k1",
            "createdTime": 1,
            "lastUpdatedTime": 2,
            "properties": {"t": {"Kinds/1": values}},
        },
        {"space": "s", "externalId": "k2", "createdTime": 1, "lastUpdatedTime": 2, "properties": {}},
    ]
    schema = view.schema()
    batch = to_batch(view, items, schema.names, arrow_schema(schema))
    assert batch.schema.field("big").type == pa.int64()
    assert batch.schema.field("at").type == pa.timestamp("us", tz="UTC")
    first, second = batch.to_pylist()
    assert first["big"] == 2**62 + 1
    assert first["at"] == datetime(2024, 2, 29, 22, 59, 59, 999000, tzinfo=timezone.utc)
    assert first["on"] == date(2024, 2, 29)
    assert first["ratio"] == pytest.approx(0.1)
    assert first["blob"] == '{"a":[1,null]}'
    assert first["next"] == [{"space": "s", "externalId": "n1"}]
    assert first["tags"] == ["x", "y"]
    assert first["createdTime"] == datetime(1970, 1, 1, 0, 0, 0, 1000, tzinfo=timezone.utc)
    assert {key: value for key, value in second.items() if value is not None} == {
        "space": "s",
        "externalId": "k2",
        "createdTime": first["createdTime"],
        "lastUpdatedTime": first["lastUpdatedTime"],
    }
