"""Measures the PySpark runtime's reads against a running emulator. Run by bench/pyspark-read.ts.

    python bench/pyspark_read_probe.py --base-url URL --project P --token T --nodes N

Seeds N nodes of the bundled example's Generator view (examples/hydro-plant.model.yaml) through the Python
runtime, then times: the Python runtime's own iteration (raw pages, the plain SDK's transport); a full read into a
DataFrame (every column converted, materialized with Spark's `noop` sink), in one and in two range partitions; a
selective filter on serialNumber with pushdown, and the same filter without (option `pushdown`); and, without Spark
running, the Python worker's conversion of the listed pages: Arrow batches (`to_batch`, what reads yield) beside
tuples handed to Spark's own tuple-to-Arrow conversion (what they yielded before). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parents[1]
SPACE = "bench_instances"
VIEW = {"type": "view", "space": "pygen_example", "externalId": "Generator", "version": "1"}


def generator(index: int) -> dict[str, Any]:
    plant = {"space": SPACE, "externalId": "plant-0"}
    properties = {
        "name": f"Generator {index}",
        "serialNumber": index,
        "description": "A generator of the bench",
        "tags": ["bench", "generator"],
        "ratedPowerKw": 1250.5,
        "plant": plant,
        "bearingTemperatures": [61.5, 62.25],
        "runHours": [1200, 1300],
        "serviceDates": ["2024-01-15", "2025-02-01"],
        "alarms": ["2025-03-04T05:06:07.890+00:00"],
    }
    return {
        "instanceType": "node",
        "space": SPACE,
        "externalId": f"generator-{index}",
        # The Generator view's filter: nodes of this type.
        "type": {"space": "pygen_example", "externalId": "Generator"},
        "sources": [{"source": VIEW, "properties": properties}],
    }


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def conversions(view: Any, options: dict[str, str]) -> dict[str, float]:
    """Seconds (best of three) to turn the view's pages into Arrow batches: ours per page, and Spark's from tuples."""
    from pygen_spark_bench._spark import instances_client  # noqa: PLC0415
    from pygen_spark_bench._spark.rows import arrow_schema, to_batch, to_row  # noqa: PLC0415
    from pygen_spark_bench._spark.source import view_data_source  # noqa: PLC0415
    from pyspark.sql.worker.plan_data_source_read import records_to_arrow_batches  # noqa: PLC0415

    client = instances_client(options)
    try:
        pages = [page.items for page in client.iterate(view.view_id)]
    finally:
        client.http.close()

    schema = view.schema()
    columns, arrow = schema.names, arrow_schema(schema)
    source = view_data_source(view)({})

    def ours() -> None:
        for items in pages:
            to_batch(view, items, columns, arrow)

    def sparks() -> None:
        rows = (to_row(view, item, columns) for items in pages for item in items)
        for _ in records_to_arrow_batches(rows, 10_000, schema, source):
            pass

    return {
        "convert_arrow_s": min(timed(ours) for _ in range(3)),
        "convert_tuples_s": min(timed(sparks) for _ in range(3)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--nodes", type=int, default=100_000)
    args = parser.parse_args()
    sys.path.insert(0, str(REPOSITORY / "test" / "python"))
    from spark_package import assemble_spark_package  # noqa: PLC0415 - from the tests' folder, on the path now

    root = assemble_spark_package(Path(tempfile.mkdtemp(prefix="pygen-spark-bench-")), "pygen_spark_bench")
    sys.path.insert(0, str(root))
    os.environ["PYTHONPATH"] = os.pathsep.join([str(root), *sys.path])
    os.environ["PYSPARK_PYTHON"] = sys.executable

    # Imported once the package is on the path, which Spark's Python workers inherit from the environment.
    from pygen_spark_bench._runtime.ids import ViewId  # noqa: PLC0415
    from pygen_spark_bench._spark import PropertySpec, ViewSpec, instances_client, register_all  # noqa: PLC0415
    from pyspark.sql import SparkSession  # noqa: PLC0415
    from pyspark.sql import functions as F  # noqa: N812, PLC0415 - PySpark's customary name

    options = {"baseUrl": args.base_url, "project": args.project, "token": args.token}
    client = instances_client(options)
    client.http.post("/models/spaces", {"items": [{"space": SPACE}]})
    seeding = timed(
        lambda: [
            client.upsert([generator(i) for i in range(s, min(s + 10_000, args.nodes))])
            for s in range(0, args.nodes, 10_000)
        ]
    )
    view_id = ViewId("pygen_example", "Generator", "1")
    listed = 0

    def iterate() -> None:
        nonlocal listed
        listed = sum(len(page.items) for page in client.iterate(view_id))

    plain = timed(iterate)
    if listed != args.nodes:
        raise SystemExit(f"the view lists {listed} nodes, not the {args.nodes} seeded")
    client.http.close()

    view = ViewSpec(
        name="bench_generator",
        node_type=("pygen_example", "Generator"),
        space="pygen_example",
        external_id="Generator",
        version="1",
        properties=(
            PropertySpec("name", "text"),
            PropertySpec("description", "text"),
            PropertySpec("tags", "text", is_list=True),
            PropertySpec("serialNumber", "int64", field="serial_number"),
            PropertySpec("ratedPowerKw", "float32", field="rated_power_kw"),
            PropertySpec("plant", "direct"),
            PropertySpec("bearingTemperatures", "float64", field="bearing_temperatures", is_list=True),
            PropertySpec("runHours", "int32", field="run_hours", is_list=True),
            PropertySpec("serviceDates", "date", field="service_dates", is_list=True),
            PropertySpec("alarms", "timestamp", is_list=True),
        ),
    )
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    register_all(spark, [view], **options)

    def load(**read_options: str) -> Any:
        # A fresh DataFrame per query: Spark would reuse a read planned with pushed filters (see source.py).
        return spark.read.format("bench_generator").options(**read_options).load()

    def materialize(data: Any) -> None:
        data.write.format("noop").mode("overwrite").save()

    load().limit(10).collect()  # warms the Python workers up
    full = timed(lambda: materialize(load()))
    split_options = {
        "partitionColumn": "serialNumber",
        "lowerBound": "0",
        "upperBound": str(args.nodes),
        "numPartitions": "2",
    }
    split = timed(lambda: materialize(load(**split_options)))
    low, high = args.nodes // 2, args.nodes // 2 + 99
    selective = F.col("serialNumber").between(low, high)
    pushed = timed(lambda: materialize(load(pushdown="true").where(selective)))
    hidden = timed(lambda: materialize(load(pushdown="false").where(selective)))
    count = load(pushdown="true").where(selective).count()
    if count != high - low + 1 or load().count() != args.nodes:
        raise SystemExit(f"the DataFrame holds {load().count()} nodes and {count} selected, not the ones seeded")
    spark.stop()
    shutil.rmtree(root, ignore_errors=True)
    sys.stdout.write(
        json.dumps(
            {
                "nodes": args.nodes,
                "seeding_s": seeding,
                "plain_iterate_s": plain,
                "spark_full_s": full,
                "spark_two_partitions_s": split,
                "selective_rows": count,
                "selective_pushed_s": pushed,
                "selective_not_pushed_s": hidden,
                **conversions(view, options),
            }
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
