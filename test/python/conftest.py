"""Fixtures shared by the Python tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from support import Handler, Recorder, Sleeps, make_config, transport

from pumps import PumpsClient


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def pumps_client() -> Iterator[Callable[..., tuple[PumpsClient, Recorder]]]:
    clients: list[PumpsClient] = []

    def create(handler: Handler, **config: Any) -> tuple[PumpsClient, Recorder]:
        recorder = Recorder()
        client = PumpsClient(make_config(**config), transport=transport(handler, recorder))
        clients.append(client)
        return client, recorder

    yield create
    for client in clients:
        client.close()
