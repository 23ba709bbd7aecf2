"""Nodes the read tests expect: written through the plain Python runtime, so the reads check against it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from pygen_spark_check._runtime.config import ClientConfig
from pygen_spark_check._runtime.http import HTTPClient
from pygen_spark_check._runtime.instances import InstancesClient

from .views import INSTANCES, PLANT, UNIT

UNITS = 10_000
STATUSES = ("running", "stopped", "maintenance")
START = datetime(2024, 1, 1, tzinfo=timezone.utc)


def client(connection: dict[str, str]) -> InstancesClient:
    env = {"CDF_URL": connection["baseUrl"], "CDF_PROJECT": connection["project"], "CDF_TOKEN": connection["token"]}
    return InstancesClient(HTTPClient(ClientConfig.from_env(env)))


def unit_values(index: int) -> dict[str, Any]:
    """The properties of unit `u_<index>` as Python values; every 1000th has no power."""
    return {
        "name": f"unit {index:05d}",
        "serial": 2**40 + index,
        "power": None if index % 1000 == 0 else index % 500,
        "efficiency": (index % 4) * 0.25,
        "startedAt": START + timedelta(seconds=index, milliseconds=index % 1000),
        "installed": date(2020, 1, 1) + timedelta(days=index % 365),
        "active": index % 2 == 0,
        "status": STATUSES[index % 3],
        "settings": {"level": index % 7, "label": f"l{index}"},
        "tags": [f"t{index % 3}", "all"],
        "readings": [index, 2**33 + index],
        "plant": ("spark_instances", f"p_{index % 3}"),
    }


def _dump(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return {"space": value[0], "externalId": value[1]}
    return value


def seed(connection: dict[str, str]) -> None:
    plants = [
        {
            "instanceType": "node",
            "space": INSTANCES,
            "externalId": f"p_{index}",
            "sources": [
                {
                    "source": PLANT.view_id.dump(),
                    "properties": {"name": f"plant {index}", "capacity": 100.0 * (index + 1), "commissioned": None},
                }
            ],
        }
        for index in range(3)
    ]
    units = [
        {
            "instanceType": "node",
            "space": INSTANCES,
            "externalId": f"u_{index}",
            "sources": [
                {
                    "source": UNIT.view_id.dump(),
                    "properties": {key: _dump(value) for key, value in unit_values(index).items()},
                }
            ],
        }
        for index in range(UNITS)
    ]
    instances = client(connection)
    try:
        instances.upsert(plants + units)
    finally:
        instances.http.close()
