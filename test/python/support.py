"""Test helpers: a fake CDF behind httpx.MockTransport, so no test touches the network or really sleeps."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from pumps._runtime import ClientConfig, HTTPClient, RetryPolicy, Token

SECRET_TOKEN = "tok-0123456789-very-secret"  # a fake credential whose leaks the tests look for
BASE_URL = "https://test.cognitedata.com"
PROJECT = "demo"

Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class Recorder:
    """Collects the requests a transport saw, with their gzip bodies decoded."""

    requests: list[httpx.Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, request: httpx.Request) -> None:
        with self.lock:
            self.requests.append(request)

    def bodies(self, path_suffix: str = "") -> list[Any]:
        return [request_json(request) for request in self.requests if request.url.path.endswith(path_suffix)]


def request_json(request: httpx.Request) -> Any:
    content = request.content
    if request.headers.get("content-encoding") == "gzip":
        content = gzip.decompress(content)
    return json.loads(content) if content else None


def transport(handler: Handler, recorder: Recorder | None = None) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        if recorder is not None:
            recorder.add(request)
        return handler(request)

    return httpx.MockTransport(handle)


def make_config(**overrides: Any) -> ClientConfig:
    settings: dict[str, Any] = {
        "base_url": BASE_URL,
        "project": PROJECT,
        "credentials": Token(SECRET_TOKEN),
        "retry": RetryPolicy(max_retries=3, initial_wait=0.5, max_wait=4.0),
    }
    settings.update(overrides)
    return ClientConfig(**settings)


@dataclass
class Sleeps:
    """An injected sleep that records waits instead of waiting, and a clock that only they move."""

    waits: list[float] = field(default_factory=list)
    now: float = 0.0

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def http_client(handler: Handler, recorder: Recorder, sleeps: Sleeps, **config: Any) -> HTTPClient:
    """An HTTPClient on a fake CDF whose jitter always picks the upper bound, so waits are predictable."""
    return HTTPClient(make_config(**config), transport=transport(handler, recorder), sleep=sleeps, random=lambda: 1.0)


def node_payload(external_id: str, space: str = "sp_pumps", **properties: Any) -> dict[str, Any]:
    """A Pump node as the API returns it."""
    return {
        "instanceType": "node",
        "space": space,
        "externalId": external_id,
        "version": 1,
        "createdTime": 1729354706630,
        "lastUpdatedTime": 1729354706630,
        "properties": {"sp_pumps_model": {"Pump/v1": {"name": external_id, **properties}}},
    }


class FakeDMS:
    """An in-memory DMS instances endpoint: paged list, byids, apply and delete of Pump nodes.

    It counts requests in flight to check concurrency caps, and can slow writes down so overlaps happen.
    """

    def __init__(self, nodes: list[dict[str, Any]] | None = None, *, write_delay: float = 0.0) -> None:
        self.nodes = {(node["space"], node["externalId"]): node for node in nodes or []}
        self.write_delay = write_delay
        self.in_flight = 0
        self.max_in_flight: dict[str, int] = {}
        self.lock = threading.Lock()
        self.canned: dict[str, Any] = {}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.rsplit("/models/", 1)[1]
        body = request_json(request)
        if path in self.canned:
            return httpx.Response(200, json=self.canned[path])
        if path == "instances/list":
            return httpx.Response(200, json=self.list(body))
        if path == "instances/byids":
            found = [self.nodes.get((item["space"], item["externalId"])) for item in body["items"]]
            return httpx.Response(200, json={"items": [node for node in found if node is not None]})
        if path in ("instances", "instances/delete"):
            return httpx.Response(200, json=self.write(path, body))
        return httpx.Response(404, json={"error": {"code": 404, "message": f"no fake for {path}"}})

    def list(self, body: dict[str, Any]) -> dict[str, Any]:
        offset = int(body.get("cursor") or 0)
        ordered = sorted(self.nodes)[offset : offset + body["limit"]]
        end = offset + len(ordered)
        return {
            "items": [self.nodes[key] for key in ordered],
            "nextCursor": str(end) if end < len(self.nodes) else None,
        }

    def write(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            self.in_flight += 1
            self.max_in_flight[path] = max(self.max_in_flight.get(path, 0), self.in_flight)
        time.sleep(self.write_delay)
        with self.lock:
            self.in_flight -= 1
            if path == "instances/delete":
                deleted = [item for item in body["items"] if self.nodes.pop((item["space"], item["externalId"]), None)]
                return {"items": deleted}
            for item in body["items"]:
                self.nodes[(item["space"], item["externalId"])] = item
            return {
                "items": [
                    {
                        "instanceType": "node",
                        "space": item["space"],
                        "externalId": item["externalId"],
                        "version": 1,
                        "wasModified": True,
                        "createdTime": 1,
                        "lastUpdatedTime": 1,
                    }
                    for item in body["items"]
                ]
            }
