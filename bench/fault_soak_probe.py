"""Upserts and deletes through a generated SDK against a faulty emulator, then counts what is there. Run by
bench/fault-soak.ts.

    python bench/fault_soak_probe.py --sdk DIR --package NAME --client CLASS --base-url URL --project P --token T
        [--upserts 10000] [--deletes 5000] [--batch 1000] [--deadline-seconds 600]

Writes --upserts Asset nodes in calls of --batch, deletes the first --deletes of them, then lists the instance
space (through the same retrying client) and prints one JSON object: what was attempted, written, lost and
duplicated, the responses that failed and were retried, the calls that gave up, and the time taken.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import re
import sys
import time
from collections import Counter
from pathlib import Path

# The end-to-end tests' raw listing, which counts duplicates.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "test" / "python"))
from e2e.connection import listed_external_ids

SPACE = "example_instances"


class FailedResponses(logging.Handler):
    """Counts the runtime's debug lines of failed responses (`-> 503 in 3 ms ...`), by status."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statuses: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        match = re.search(r"-> (\d{3}) in", record.getMessage())
        if match and not match.group(1).startswith("2"):
            self.statuses[match.group(1)] += 1


def main() -> None:
    parser = argparse.ArgumentParser()
    for option in ("--sdk", "--package", "--client", "--base-url", "--project", "--token"):
        parser.add_argument(option, required=True)
    parser.add_argument("--upserts", type=int, default=10_000)
    parser.add_argument("--deletes", type=int, default=5_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--deadline-seconds", type=float, default=600.0)
    args = parser.parse_args()
    sys.path.insert(0, args.sdk)
    sdk = importlib.import_module(args.package)
    runtime = importlib.import_module(f"{args.package}._runtime")
    failed = FailedResponses()
    http_logger = logging.getLogger(f"{args.package}._runtime.http")
    http_logger.setLevel(logging.DEBUG)
    http_logger.addHandler(failed)

    # Short waits keep the soak bounded; 30 retries let a call through even when half the requests fail.
    retry = runtime.RetryPolicy(max_retries=30, initial_wait=0.01, max_wait=0.2)
    config = sdk.ClientConfig(
        base_url=args.base_url, project=args.project, credentials=sdk.Token(args.token), retry=retry
    )
    client = getattr(sdk, args.client)(config)
    asset_write = sdk.AssetWrite
    ids = [f"soak:{index:06}" for index in range(args.upserts)]
    deadline = time.monotonic() + args.deadline_seconds
    gave_up: list[str] = []
    started = time.monotonic()

    written = 0
    for start in range(0, len(ids), args.batch):
        if time.monotonic() > deadline:
            gave_up.append(f"upserts stopped at {start}: deadline")
            break
        batch = [asset_write(space=SPACE, external_id=xid, name=xid) for xid in ids[start : start + args.batch]]
        try:
            written += len(client.upsert(batch))
        except runtime.CDFError as error:
            gave_up.append(f"upsert {start}: {error}")
    upsert_seconds = time.monotonic() - started

    doomed = ids[: args.deletes]
    reported_deleted = 0
    delete_started = time.monotonic()
    for start in range(0, len(doomed), args.batch):
        if time.monotonic() > deadline:
            gave_up.append(f"deletes stopped at {start}: deadline")
            break
        try:
            reported_deleted += len(client.delete(doomed[start : start + args.batch], space=SPACE))
        except runtime.CDFError as error:
            gave_up.append(f"delete {start}: {error}")
    delete_seconds = time.monotonic() - delete_started

    seen = listed_external_ids(client, SPACE, "node")
    kept = set(ids[args.deletes :])
    gone = set(doomed)
    report = {
        "upserts_attempted": len(ids),
        "upserts_written": written,
        "deletes_attempted": len(doomed),
        "deletes_reported_by_sdk": reported_deleted,
        "lost": len(kept - set(seen)),
        "duplicated": sum(1 for count in seen.values() if count > 1),
        "not_deleted": len(gone & set(seen)),
        "unexpected": len(set(seen) - kept - gone - {"seed"}),
        "failed_responses_retried": dict(failed.statuses),
        "calls_given_up": gave_up,
        "upsert_seconds": round(upsert_seconds, 1),
        "delete_seconds": round(delete_seconds, 1),
        "total_seconds": round(time.monotonic() - started, 1),
    }
    client.close()
    sys.stdout.write(json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
