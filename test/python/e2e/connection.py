"""How end-to-end tests reach the emulator: the keyword arguments a generated client connects with
(`Client(**emulator)`, as the emulator fixtures yield them), and raw reads that bypass the SDK under test."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from emulator_process import EmulatorConnection

__all__ = ["EmulatorConnection", "by_ids", "listed_external_ids"]


def by_ids(
    client: Any, space: str, instance_type: str, external_ids: Sequence[str], view: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Instances as the API holds them, through its byids endpoint (bypassing the SDK under test); with a view
    reference, the values the instances have in it too. `client` is any generated client."""
    body: dict[str, Any] = {
        "items": [{"instanceType": instance_type, "space": space, "externalId": xid} for xid in external_ids]
    }
    if view is not None:
        body["sources"] = [{"source": dict(view)}]
    items: list[dict[str, Any]] = client._http.post("/models/instances/byids", body).get("items", [])
    return items


def listed_external_ids(client: Any, space: str, instance_type: str) -> Counter[str]:
    """How often each external id of the space's nodes or edges is listed, paging through the list endpoint
    (bypassing the SDK under test, with its retries): an id listed twice is a duplicate."""
    seen: Counter[str] = Counter()
    body: dict[str, Any] = {
        "instanceType": instance_type,
        "filter": {"equals": {"property": [instance_type, "space"], "value": space}},
        "limit": 1000,
    }
    while True:
        page = client._http.post("/models/instances/list", body)
        seen.update(item["externalId"] for item in page["items"])
        if not page.get("nextCursor"):
            return seen
        body["cursor"] = page["nextCursor"]
