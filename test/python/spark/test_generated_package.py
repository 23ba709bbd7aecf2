"""The PySpark package pygen generates for the bundled example (`pygen generate --language pyspark`), pip-installed
by scripts/python-checks.sh (PYGEN_PYSPARK_EXAMPLE), run in Spark local mode against an emulator of the example
model: every view written from a DataFrame and read back exactly, read with and without filters, and queried from
SQL through its table function; the package's own Python SDK reads what Spark wrote.

It shares the tests' Spark session (conftest.py): its data sources and table functions are registered beside the
runtime tests' ones, under their own names, connected to their own emulator.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timezone

import pytest
from emulator_process import REPOSITORY, EmulatorConnection, start_emulator
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F  # noqa: N812 - PySpark's customary name
from sdk_example_pyspark import HydroPlantModelClient
from sdk_example_pyspark.spark import VIEWS, register_all

pytestmark = pytest.mark.filterwarnings("ignore:Exception ignored in.*socket:pytest.PytestUnraisableExceptionWarning")

SPACE = "spark_generated"
ROWS = 120
START = datetime(2024, 5, 1, 8, 30, tzinfo=timezone.utc)
LAST_MILLISECOND = datetime(2024, 12, 31, 23, 59, 59, 999000, tzinfo=timezone.utc)
FORMATS = {spec.external_id: spec.name for spec in VIEWS}


@pytest.fixture(scope="module")
def example(spark: SparkSession) -> Iterator[EmulatorConnection]:
    """An emulator of the example model, with the package's data sources and table functions registered for it."""
    for connection in start_emulator(REPOSITORY / "examples" / "hydro-plant.model.yaml"):
        # A fresh project has no instance space: the package's Python SDK creates it, as its README says.
        sdk = HydroPlantModelClient(**connection)
        sdk.spaces.apply(SPACE)
        register_all(
            spark,
            pushdown="true",
            baseUrl=connection["base_url"],
            project=connection["project"],
            token=connection["token"],
        )
        yield connection


def node(prefix: str, index: Column) -> list[Column]:
    return [
        F.lit(SPACE).alias("space"),
        F.concat(F.lit(prefix), F.lpad(index.cast("string"), 4, "0")).alias("externalId"),
    ]


def reference(external_id: Column) -> Column:
    return F.struct(F.lit(SPACE).alias("space"), external_id.alias("externalId"))


def frames(spark: SparkSession) -> dict[str, DataFrame]:
    """ROWS nodes per view, built in Spark, with a value of every kind the example has (nulls among them)."""
    i = F.col("id")
    every = spark.range(ROWS)
    asset = [
        F.concat(F.lit("name "), i.cast("string")).alias("name"),
        F.when(i % 3 == 0, None).otherwise(F.lit("described")).alias("description"),
        F.array(F.lit("t"), (i % 4).cast("string")).alias("tags"),
        F.when(i == 0, None).otherwise(reference(F.lit("asset_0000"))).alias("parent"),
    ]
    return {
        "Asset": every.select(*node("asset_", i), *asset),
        "Reservoir": every.select(*node("reservoir_", i), *asset, (i * 1.5).alias("volumeM3")),
        "Inspector": every.select(
            *node("inspector_", i),
            F.concat(F.lit("inspector "), i.cast("string")).alias("name"),
            F.date_add(F.lit(date(2026, 1, 1)), i.cast("int")).alias("certifiedUntil"),
        ),
        "HydroPlant": every.select(
            *node("plant_", i),
            *asset,
            (i * 2.25).alias("capacityMw"),
            (i % 7).cast("int").alias("unitCount"),
            (F.lit(START) + F.make_dt_interval(F.lit(0), i.cast("int"), F.lit(0), i / 1000)).alias("commissionedAt"),
            F.when(i % 5 == 0, None)
            .otherwise(F.date_add(F.lit(date(2025, 2, 1)), i.cast("int")))
            .alias("lastInspectedOn"),
            (i % 2 == 0).alias("isOperational"),
            F.to_json(F.struct(i.alias("turbines"), F.lit("kaplan").alias("kind"))).alias("settings"),
            F.element_at(F.array(F.lit("operating"), F.lit("maintenance")), (i % 2 + 1).cast("int")).alias("status"),
            reference(F.concat(F.lit("reservoir_"), F.lpad(i.cast("string"), 4, "0"))).alias("reservoir"),
            F.array(reference(F.lit("plant_0000")), reference(F.lit("plant_0001"))).alias("neighbours"),
            F.concat(F.lit("ts_"), i.cast("string")).alias("outputPower"),
            F.array(F.lit("manual_a"), F.lit("manual_b")).alias("manuals"),
            F.lit("curve").alias("efficiencyCurve"),
        ),
        "Generator": every.select(
            *node("generator_", i),
            *asset,
            # int64 past 2**31 (the emulator is JavaScript, so not past 2**53).
            (F.lit(2**40) + i).alias("serialNumber"),
            (i / 4).cast("float").alias("ratedPowerKw"),
            reference(F.concat(F.lit("plant_"), F.lpad(i.cast("string"), 4, "0"))).alias("plant"),
            F.array((i * 0.5).cast("double"), F.lit(70.25)).alias("bearingTemperatures"),
            F.array(i.cast("int"), F.lit(1)).alias("runHours"),
            F.array(i * 2**33, F.lit(-1).cast("long")).alias("counters"),
            F.array(F.lit(0.5).cast("float")).alias("efficiencies"),
            F.array(i % 2 == 0, F.lit(True)).alias("inService"),
            F.array(F.lit(date(2024, 2, 29)), F.date_add(F.lit(date(2024, 1, 1)), i.cast("int"))).alias("serviceDates"),
            F.array(F.lit(START), F.lit(datetime(2024, 12, 31, 23, 59, 59, 999000, tzinfo=timezone.utc))).alias(
                "alarms"
            ),
            F.array(F.to_json(F.struct(i.alias("code"))), F.lit('{"a":[1,null]}')).alias("logs"),
            F.array(F.lit("sensor_1")).alias("sensors"),
            F.when(i % 2 == 0, None).otherwise(F.lit("drawing")).alias("drawings"),
            F.array(F.lit("profile")).alias("vibrationProfiles"),
        ),
    }


def read(spark: SparkSession, view: str) -> DataFrame:
    """A fresh DataFrame of the view's nodes in the test space (pushdown is on: one DataFrame per query)."""
    return spark.read.format(FORMATS[view]).load().where(F.col("space") == SPACE)


@pytest.fixture(scope="module")
def written(spark: SparkSession, example: EmulatorConnection) -> dict[str, DataFrame]:
    built = frames(spark)
    for view, frame in built.items():
        frame.write.format(FORMATS[view]).mode("append").save()
    return built


def test_the_package_registers_every_node_view_of_the_example(spark: SparkSession, example: EmulatorConnection) -> None:
    assert sorted(FORMATS) == ["Asset", "Generator", "HydroPlant", "Inspector", "Reservoir"]
    for spec in VIEWS:
        assert spark.read.format(spec.name).load().schema == spec.schema()
        # Planned, not run: the table function's columns are the data source's.
        planned = spark.sql(f"SELECT * FROM {spec.name}_udtf()")  # noqa: S608 - a name from the package's specs
        assert planned.schema.simpleString() == spec.schema().simpleString()


def test_every_view_reads_back_exactly_what_was_written(spark: SparkSession, written: dict[str, DataFrame]) -> None:
    for view, frame in written.items():
        back = read(spark, view).drop("createdTime", "lastUpdatedTime")
        if view == "Asset":
            # The other views extend Asset: their nodes are Assets too.
            back = back.where(F.col("externalId").startswith("asset_"))
        # Row for row and value for value, one read each (a comparison in Spark would read the view again).
        got = sorted(back.collect(), key=lambda row: row["externalId"])
        assert len(got) == ROWS, view
        assert got == sorted(frame.select(*back.columns).collect(), key=lambda row: row["externalId"]), view


def test_every_view_reads_with_filters(spark: SparkSession, written: dict[str, DataFrame]) -> None:
    for view in written:
        prefix = {"HydroPlant": "plant", "Asset": "asset"}.get(view, view.lower())
        # externalId LIKE 'x_00%' and a range on a property of the view: pushed into the request.
        rows = read(spark, view).where(F.col("externalId").startswith(f"{prefix}_00")).collect()
        assert sorted(row["externalId"] for row in rows) == [f"{prefix}_{n:04d}" for n in range(100)], view
    plants = read(spark, "HydroPlant").where((F.col("capacityMw") >= 225) & (F.col("status") == "maintenance"))
    assert sorted(row["externalId"] for row in plants.collect()) == [f"plant_{n:04d}" for n in range(101, ROWS, 2)]
    # A filter Spark keeps (on an array) still gives the right rows.
    generators = read(spark, "Generator").where(F.array_contains("runHours", 7))
    assert [row["externalId"] for row in generators.collect()] == ["generator_0007"]


def test_table_functions_take_the_sdk_keyword_filters(spark: SparkSession, written: dict[str, DataFrame]) -> None:
    rows = spark.sql(
        "SELECT externalId, settings FROM pygen_example_hydro_plant_udtf("
        "min_capacity_mw => 250, status => 'operating', space => 'spark_generated')"
    ).collect()
    assert sorted(row["externalId"] for row in rows) == [f"plant_{n:04d}" for n in range(112, ROWS, 2)]
    assert json.loads(rows[0]["settings"])["kind"] == "kaplan"
    inspectors = spark.sql("SELECT count(*) AS n FROM pygen_example_inspector_udtf(name_prefix => 'inspector 1')")
    assert inspectors.collect()[0]["n"] == 31  # 1, 10-19, 100-119


def test_the_package_python_sdk_reads_what_spark_wrote(
    written: dict[str, DataFrame], example: EmulatorConnection
) -> None:
    sdk = HydroPlantModelClient(**example)
    plant = sdk.hydro_plant.retrieve("plant_0042", space=SPACE)
    assert plant is not None
    assert plant.capacity_mw == 42 * 2.25
    # START plus 42 hours and 42 milliseconds.
    assert plant.commissioned_at == datetime(2024, 5, 3, 2, 30, 0, 42000, tzinfo=timezone.utc)
    assert plant.reservoir is not None
