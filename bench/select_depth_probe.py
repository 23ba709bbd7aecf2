"""Memory of select() chains in a generated SDK. Run by bench/select-depth.ts.

    python bench/select_depth_probe.py --sdk DIR --package NAME --client CLASS --path a,b,c --measure build --steps N
    python bench/select_depth_probe.py ... --measure list|list_root --steps N --base-url URL --project P --token T

`build`: builds a chain of N steps from the first view (following --path over and over, a name filter on every
step) without running it. `list` / `list_root`: builds the chain and runs it against the server. Prints one JSON
object: tracemalloc's peak and the growth of the maximum RSS over what importing the SDK and connecting took.
"""

from __future__ import annotations

import argparse
import importlib
import json
import resource
import sys
import tracemalloc
from typing import Any


def max_rss_kib() -> int:
    # Linux reports KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def build(client: Any, path: list[str], steps: int) -> Any:
    """A chain `steps` traversals deep from the client's first view; every step filters on its name."""
    api = next(value for name, value in vars(client).items() if not name.startswith("_") and hasattr(value, "select"))
    step = api.select().name.prefix("s")
    for index in range(steps):
        step = getattr(step, path[index % len(path)]).name.prefix("s")
    return step


def main() -> None:
    parser = argparse.ArgumentParser()
    for option in ("--sdk", "--package", "--client", "--path", "--measure"):
        parser.add_argument(option, required=True)
    parser.add_argument("--steps", type=int, required=True)
    parser.add_argument("--base-url", default="http://127.0.0.1:1")
    parser.add_argument("--project", default="bench")
    parser.add_argument("--token", default="bench-token")
    arguments = parser.parse_args()
    sys.path.insert(0, arguments.sdk)
    package = importlib.import_module(arguments.package)
    client = getattr(package, arguments.client)(
        base_url=arguments.base_url, project=arguments.project, token=arguments.token
    )
    path = arguments.path.split(",")
    build(client, path, 1)  # first use: imports and caches warmed, as in a running program
    rss_before = max_rss_kib()
    tracemalloc.start()
    chain = build(client, path, arguments.steps)
    report: dict[str, Any] = {"measure": arguments.measure, "steps": arguments.steps}
    if arguments.measure in ("list", "list_root"):
        result = getattr(chain, arguments.measure)(limit=None)
        report["items"] = len(result)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report |= {
        "tracemalloc_peak_kib": peak / 1024,
        "rss_growth_kib": max_rss_kib() - rss_before,
        "max_rss_mib": max_rss_kib() / 1024,
    }
    client.close()
    sys.stdout.write(json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
