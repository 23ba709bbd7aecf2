"""Measures a generated SDK's runtime: parse throughput and memory while iterating. Run by bench/sdk-runtime.ts.

    python bench/sdk_runtime_probe.py --sdk DIR --package NAME --client CLASS --measure parse
    python bench/sdk_runtime_probe.py ... --measure http|memory --base-url URL --project P --token T --nodes N

Uses the Generator view of the bundled example (examples/hydro-plant.model.yaml). `parse`: 1000-item pages in
memory; `http`: list() and iterate() against the server; `memory`: peak memory iterating N nodes. Prints one JSON
object, which the bench script formats as a table.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

PAGE_SIZE = 1000
VIEW = {"space": "pygen_example", "externalId": "Generator", "version": "1"}
VIEW_KEY = f"{VIEW['externalId']}/{VIEW['version']}"


def generator_properties(index: int, *, all_properties: bool) -> dict[str, Any]:
    """Values of the Generator view as the API returns them (bench/sdk-runtime.ts seeds the same 12), or 2."""
    values: dict[str, Any] = {"name": f"Generator {index}", "serialNumber": index}
    if not all_properties:
        return values
    return values | {
        "description": "A generator of the bench",
        "tags": ["bench", "generator"],
        "parent": {"space": "example_instances", "externalId": "plant-0"},
        "ratedPowerKw": 1250.5,
        "plant": {"space": "example_instances", "externalId": "plant-0"},
        "bearingTemperatures": [61.5, 62.25],
        "runHours": [1200, 1300],
        "inService": [True, False],
        "serviceDates": ["2024-01-15", "2025-02-01"],
        "alarms": ["2025-03-04T05:06:07.890+00:00"],
    }


def instance(index: int, *, all_properties: bool) -> dict[str, Any]:
    """A node as a list/query response item carries it."""
    return {
        "instanceType": "node",
        "space": "example_instances",
        "externalId": f"generator-{index}",
        "version": 1,
        "createdTime": 1735689600000 + index,
        "lastUpdatedTime": 1735689600000 + index,
        "type": {"space": VIEW["space"], "externalId": "Generator"},
        "properties": {VIEW["space"]: {VIEW_KEY: generator_properties(index, all_properties=all_properties)}},
    }


def rate(work: Callable[[], int], *, seconds: float = 3.0) -> float:
    """Objects per second of `work` (which returns how many objects it made), best of repeated runs.

    The best run, not the mean: on a shared machine the others measure the neighbours as much as the parser.
    """
    best = 0.0
    deadline = time.perf_counter() + seconds
    while True:
        start = time.perf_counter()
        count = work()
        elapsed = time.perf_counter() - start
        best = max(best, count / elapsed)
        if time.perf_counter() > deadline:
            return best


def in_memory(package: Any) -> dict[str, float]:
    """Objects/s parsing 1000-item pages without HTTP, the way the view API parses each page it receives."""
    generator_class = package.data_classes.Generator
    results = {}
    for label, all_properties in (("12 properties", True), ("2 properties", False)):
        page = [instance(index, all_properties=all_properties) for index in range(PAGE_SIZE)]
        results[label] = rate(functools.partial(parse_page, generator_class, page))
    return results


def parse_page(read_class: Any, page: list[dict[str, Any]]) -> int:
    return len(read_class.from_instances(page))


def rss_mib() -> float:
    # ru_maxrss is KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def over_http(client: Any, nodes: int) -> dict[str, Any]:
    """Throughput of list() and iterate() against a live server (whose own time is included)."""
    api = client.generator
    start = time.perf_counter()
    listed = len(api.list(limit=nodes))
    list_rate = listed / (time.perf_counter() - start)
    start = time.perf_counter()
    iterated = sum(len(chunk) for chunk in api.iterate(chunk_size=PAGE_SIZE))
    iterate_rate = iterated / (time.perf_counter() - start)
    return {"list": {"nodes": listed, "rate": list_rate}, "iterate": {"nodes": iterated, "rate": iterate_rate}}


def iterate_nodes(client: Any, count: int) -> int:
    """Iterates `count` nodes a chunk at a time, keeping none of them, as a streaming job would."""
    seen = 0
    for chunk in client.generator.iterate(chunk_size=PAGE_SIZE):
        seen += len(chunk)
        if seen >= count:
            break
    return seen


def memory(client: Any, nodes: int) -> dict[str, Any]:
    """Peak memory iterating `nodes` nodes: growth of the maximum RSS, then (a second pass) tracemalloc's peak.

    One process per figure (the bench starts one per count): the maximum RSS never falls, so only a fresh process
    shows what one run needs. A first chunk is read before measuring, so imports and schema builds are not counted.
    """
    iterate_nodes(client, PAGE_SIZE)
    gc.collect()
    before = rss_mib()
    seen = iterate_nodes(client, nodes)
    rss_growth = rss_mib() - before
    tracemalloc.start()
    iterate_nodes(client, nodes)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"nodes": seen, "rss_growth_mib": rss_growth, "tracemalloc_peak_mib": peak / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sdk", required=True, help="the generated package's root directory")
    parser.add_argument("--package", required=True)
    parser.add_argument("--client", required=True, help="the generated client class")
    parser.add_argument("--measure", choices=["parse", "http", "memory"], required=True)
    parser.add_argument("--base-url", help="the server of http and memory")
    parser.add_argument("--project", default="bench")
    parser.add_argument("--token", default="bench-token")
    parser.add_argument("--nodes", type=int, default=100_000)
    args = parser.parse_args()
    sys.path.insert(0, args.sdk)
    package = importlib.import_module(args.package)
    if args.measure == "parse":
        report = in_memory(package)
    else:
        client_class = getattr(package, args.client)
        with client_class(
            base_url=args.base_url, project=args.project, token=args.token, client_name="bench"
        ) as client:
            report = (over_http if args.measure == "http" else memory)(client, args.nodes)
    sys.stdout.write(json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
