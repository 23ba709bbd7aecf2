"""Test helpers: a fake CDF behind httpx.MockTransport, so no test touches the network or really sleeps."""

from __future__ import annotations

import gzip
import json
import threading
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
    """An injected sleep that records waits instead of waiting."""

    waits: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


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
