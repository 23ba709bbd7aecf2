"""Writes of DataFrames to a view through the PySpark data source, read back through it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F  # noqa: N812 - PySpark's customary name

from .seeding import client
from .views import INSTANCES, UNIT

pytestmark = pytest.mark.filterwarnings("ignore:Exception ignored in.*socket:pytest.PytestUnraisableExceptionWarning")

SPACE = "spark_written"
ROWS = 10_000
START = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module", autouse=True)
def written_space(connection: dict[str, str]) -> None:
    instances = client(connection)
    try:
        instances.http.post("/models/spaces", {"items": [{"space": SPACE}]})
    finally:
        instances.http.close()


def frame(spark: SparkSession) -> DataFrame:
    """ROWS units built in Spark: int64 beyond 2**53 is avoided (the emulator is JavaScript), but not beyond 2**31."""
    index = F.col("id")
    return spark.range(ROWS).select(
        F.lit(SPACE).alias("space"),
        F.concat(F.lit("w_"), index.cast("string")).alias("externalId"),
        F.concat(F.lit("written "), index.cast("string")).alias("name"),
        (F.lit(2**45) + index).alias("serial"),
        F.when(index % 10 == 0, None).otherwise((index % 1000).cast("int")).alias("power"),
        (index % 8 / 8).cast("float").alias("efficiency"),
        (F.lit(START) + F.make_dt_interval(F.lit(0), F.lit(0), F.lit(0), index / 1000)).alias("startedAt"),
        F.date_add(F.lit(date(2021, 6, 1)), (index % 100).cast("int")).alias("installed"),
        (index % 2 == 1).alias("active"),
        F.element_at(F.array(F.lit("running"), F.lit("stopped")), (index % 2 + 1).cast("int")).alias("status"),
        F.to_json(F.struct(index.alias("i"))).alias("settings"),
        F.array(F.lit("w"), (index % 5).cast("string")).alias("tags"),
        F.array(index, index * 2**32).alias("readings"),
        F.struct(F.lit(INSTANCES).alias("space"), F.lit("p_1").alias("externalId")).alias("plant"),
    )


def test_append_writes_rows_that_read_back_exactly(spark: SparkSession) -> None:
    written = frame(spark)
    written.write.format("test_unit").mode("append").save()
    back = spark.read.format("test_unit").load().where(F.col("space") == SPACE).drop("createdTime", "lastUpdatedTime")
    assert back.count() == ROWS
    # Row for row and value for value: the difference both ways is empty.
    expected = written.select(*back.columns)
    assert expected.exceptAll(back).count() == 0
    assert back.exceptAll(expected).count() == 0
    row = back.where(F.col("externalId") == "w_1234").first()
    assert row is not None
    assert row["serial"] == 2**45 + 1234
    assert row["readings"] == [1234, 1234 * 2**32]
    moment = START + timedelta(seconds=1.234)
    assert row["startedAt"].astimezone().timestamp() == moment.timestamp()


def test_partial_columns_update_only_those_properties(spark: SparkSession) -> None:
    spark.createDataFrame([(SPACE, "w_7", "renamed")], "space string, externalId string, name string").write.format(
        "test_unit"
    ).mode("append").save()
    row = spark.read.format("test_unit").load().where(F.col("externalId") == "w_7").first()
    assert row is not None
    assert row["name"] == "renamed"
    assert row["power"] == 7


def test_instance_space_option_fills_a_missing_space(spark: SparkSession) -> None:
    rows = spark.createDataFrame([("w_extra", "extra")], "externalId string, name string")
    rows.write.format("test_unit").option("instanceSpace", SPACE).mode("append").save()
    assert spark.read.format("test_unit").load().where(F.col("externalId") == "w_extra").count() == 1


def test_overwrite_is_refused(spark: SparkSession) -> None:
    rows = spark.createDataFrame([(SPACE, "w_refused")], "space string, externalId string")
    with pytest.raises(Exception, match="mode 'overwrite' is not supported"):
        rows.write.format("test_unit").mode("overwrite").save()
    assert spark.read.format("test_unit").load().where(F.col("externalId") == "w_refused").count() == 0


def test_unknown_columns_are_refused(spark: SparkSession) -> None:
    rows = spark.createDataFrame([(SPACE, "w_bad", 1)], "space string, externalId string, nonsense int")
    with pytest.raises(Exception, match="no such properties in view Unit: nonsense"):
        rows.write.format("test_unit").mode("append").save()
    assert UNIT.by_column.get("nonsense") is None


@pytest.mark.parametrize(("mode", "spelled"), [("errorifexists", "ErrorIfExists"), ("ignore", "Ignore")])
def test_spark_refuses_the_other_modes(spark: SparkSession, mode: str, spelled: str) -> None:
    # Spark checks these before the data source sees the write.
    rows = spark.createDataFrame([(SPACE, f"w_{mode}")], "space string, externalId string")
    with pytest.raises(Exception, match=f'cannot be written in the "{spelled}" mode'):
        rows.write.format("test_unit").mode(mode).save()
    assert spark.read.format("test_unit").load().where(F.col("externalId") == f"w_{mode}").count() == 0
