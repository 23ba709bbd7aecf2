"""Reads of views through the PySpark data source and table functions, against the emulator."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F  # noqa: N812 - PySpark's customary name
from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DateType,
    DoubleType,
    FloatType,
    IntegerType,
    LongType,
    StringType,
    StructType,
    TimestampType,
)

from .conftest import RequestLog
from .seeding import UNITS, seed, unit_values
from .views import INSTANCES

UNIT_REF = ["spark_model", "Unit/1"]
# PySpark leaves the sockets of collected results to the garbage collector.
pytestmark = pytest.mark.filterwarnings("ignore:Exception ignored in.*socket:pytest.PytestUnraisableExceptionWarning")


@pytest.fixture(scope="module", autouse=True)
def seeded(connection: dict[str, str]) -> None:
    seed(connection)


def units(spark: SparkSession, **options: str) -> DataFrame:
    return spark.read.format("test_unit").options(**options).load().where(F.col("space") == INSTANCES)


def list_filters(log: RequestLog) -> list[Any]:
    """The filters of the list requests since the log was cleared."""
    return [body.get("filter") for body in log.bodies("/models/instances/list")]


def test_schema_has_exact_spark_types(spark: SparkSession) -> None:
    fields = {field.name: field.dataType for field in spark.read.format("test_unit").load().schema.fields}
    assert fields == {
        "space": StringType(),
        "externalId": StringType(),
        "createdTime": TimestampType(),
        "lastUpdatedTime": TimestampType(),
        "name": StringType(),
        "serial": LongType(),
        "power": IntegerType(),
        "efficiency": FloatType(),
        "startedAt": TimestampType(),
        "installed": DateType(),
        "active": BooleanType(),
        "status": StringType(),
        "settings": StringType(),
        "tags": ArrayType(StringType(), containsNull=False),
        "readings": ArrayType(LongType(), containsNull=False),
        "plant": StructType.fromJson(
            {
                "type": "struct",
                "fields": [
                    {"name": "space", "type": "string", "nullable": False, "metadata": {}},
                    {"name": "externalId", "type": "string", "nullable": False, "metadata": {}},
                ],
            }
        ),
    }
    assert spark.read.format("test_plant").load().schema["capacity"].dataType == DoubleType()


def test_count_reads_every_node(spark: SparkSession, request_log: RequestLog) -> None:
    request_log.clear()
    assert units(spark).count() == UNITS
    # The space filter went to the API; the 10 000 nodes came in pages of 1000.
    filters = list_filters(request_log)
    assert len(filters) >= UNITS // 1000
    assert all(f == {"equals": {"property": ["node", "space"], "value": INSTANCES}} for f in filters)


def test_values_read_exactly(spark: SparkSession) -> None:
    rows = {row["externalId"]: row for row in units(spark).where(F.col("externalId").isin("u_0", "u_4321")).collect()}
    assert sorted(rows) == ["u_0", "u_4321"]
    for index in (0, 4321):
        expected = unit_values(index)
        row = rows[f"u_{index}"].asDict()
        assert row["serial"] == expected["serial"]
        assert row["power"] == expected["power"]
        assert row["efficiency"] == expected["efficiency"]
        # The session's time zone is UTC; collected timestamps are naive in the driver's local time.
        assert row["startedAt"].astimezone().timestamp() == expected["startedAt"].timestamp()
        assert row["installed"] == expected["installed"]
        assert row["active"] is expected["active"]
        assert row["status"] == expected["status"]
        assert json.loads(row["settings"]) == expected["settings"]
        assert row["tags"] == expected["tags"]
        assert row["readings"] == expected["readings"]
        assert tuple(row["plant"]) == expected["plant"]


def test_filters_are_pushed_down(spark: SparkSession, request_log: RequestLog) -> None:
    request_log.clear()
    selected = units(spark).where(
        (F.col("power") >= 100)
        & (F.col("power") < 103)
        & (F.col("status") == "running")
        & F.col("name").startswith("unit 0")
    )
    found = sorted(row["externalId"] for row in selected.select("externalId").collect())
    expected = sorted(
        f"u_{i}"
        for i in range(UNITS)
        if (unit_values(i)["power"] or -1) in (100, 101, 102) and i % 3 == 0 and i < 10000
    )
    assert found
    assert found == expected
    (sent,) = {json.dumps(f, sort_keys=True) for f in list_filters(request_log)}
    operands = json.loads(sent)["and"]
    assert {"equals": {"property": [*UNIT_REF, "status"], "value": "running"}} in operands
    assert {"prefix": {"property": [*UNIT_REF, "name"], "value": "unit 0"}} in operands
    ranges = [operand["range"] for operand in operands if "range" in operand]
    assert {"property": [*UNIT_REF, "power"], "gte": 100} in ranges
    assert {"property": [*UNIT_REF, "power"], "lt": 103} in ranges


def test_filters_the_api_cannot_take_stay_in_spark(spark: SparkSession, request_log: RequestLog) -> None:
    request_log.clear()
    selected = units(spark).where(F.col("name").endswith("99") | (F.col("power") == 7))
    expected = {f"u_{i}" for i in range(UNITS) if f"{i:05d}".endswith("99") or unit_values(i)["power"] == 7}
    assert {row["externalId"] for row in selected.select("externalId").collect()} == expected
    # Only the space filter was sent: Spark hands over no OR and the suffix test has no DMS equivalent.
    assert {json.dumps(f) for f in list_filters(request_log)} == {
        json.dumps({"equals": {"property": ["node", "space"], "value": INSTANCES}})
    }


def test_null_checks_and_negation_keep_sql_semantics(spark: SparkSession, request_log: RequestLog) -> None:
    request_log.clear()
    assert units(spark).where(F.col("power").isNull()).count() == UNITS // 1000
    assert {"not": {"exists": {"property": [*UNIT_REF, "power"]}}} in list_filters(request_log)[0]["and"]
    # NOT (power = 7) drops the nodes without power, as SQL does.
    expected = sum(1 for i in range(UNITS) if unit_values(i)["power"] not in (None, 7))
    assert units(spark).where(F.col("power") != 7).count() == expected


def test_join_of_two_views(spark: SparkSession) -> None:
    plants = spark.read.format("test_plant").load().where(F.col("externalId").startswith("p_"))
    joined = (
        units(spark)
        .join(
            plants.select(F.col("externalId").alias("plantId"), F.col("name").alias("plantName")),
            F.col("plant.externalId") == F.col("plantId"),
        )
        .groupBy("plantName")
        .count()
    )
    assert {row["plantName"]: row["count"] for row in joined.collect()} == {
        f"plant {p}": sum(1 for i in range(UNITS) if i % 3 == p) for p in range(3)
    }


def test_range_partitions_split_the_read(spark: SparkSession, request_log: RequestLog) -> None:
    request_log.clear()
    options = {
        "partitionColumn": "serial",
        "lowerBound": str(2**40),
        "upperBound": str(2**40 + UNITS),
        "numPartitions": "4",
    }
    frame = units(spark, **options)
    assert frame.rdd.getNumPartitions() == 4
    ids = [row["externalId"] for row in frame.select("externalId").collect()]
    assert len(ids) == UNITS
    assert len(set(ids)) == UNITS
    sent = [json.dumps(f) for f in list_filters(request_log)]
    assert any('"gte": 1099511630276' in f or '"gte":1099511630276' in f for f in sent)


def test_table_function_from_sql(spark: SparkSession) -> None:
    rows = spark.sql(
        "SELECT externalId, power FROM test_unit_udtf(min_power => 100, max_power => 102, status => 'running', "
        "space => 'spark_instances')"
    ).collect()
    expected = {f"u_{i}" for i in range(UNITS) if unit_values(i)["power"] in (100, 101, 102) and i % 3 == 0}
    assert {row["externalId"] for row in rows} == expected
    listed = spark.sql("SELECT count(*) AS n FROM test_unit_udtf(status => array('running', 'stopped'))").collect()
    assert listed[0]["n"] == sum(1 for i in range(UNITS) if i % 3 != 2)


def test_without_pushdown_spark_filters_and_a_dataframe_can_be_reused(
    spark: SparkSession, request_log: RequestLog
) -> None:
    request_log.clear()
    frame = spark.read.format("test_unit").option("pushdown", "false").load()
    assert frame.where(F.col("power") == 7).count() == sum(1 for i in range(UNITS) if unit_values(i)["power"] == 7)
    assert frame.where(F.col("space") == INSTANCES).count() == UNITS
    assert frame.select("externalId").where(F.col("externalId").startswith("u_")).count() == UNITS
    # No filter went to the API: Spark filtered every row itself.
    sent = list_filters(request_log)
    assert sent
    assert sent == [None] * len(sent)
