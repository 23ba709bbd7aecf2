"""The conformance suite's client: the official Python SDK (cognite-sdk) pointed at an emulator of its own, with a
static token. The emulator is held to a client nobody here wrote."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cognite.client import ClientConfig, CogniteClient, global_config
from cognite.client.credentials import Token
from emulator_process import REPOSITORY, EmulatorConnection, start_emulator


@pytest.fixture(scope="session")
def emulator() -> Iterator[EmulatorConnection]:
    yield from start_emulator()


@pytest.fixture(scope="session")
def seeded_emulator() -> Iterator[EmulatorConnection]:
    """An emulator seeded from the bundled example's model file (views with inherited properties)."""
    yield from start_emulator(REPOSITORY / "examples" / "hydro-plant.model.yaml")


def cognite_client(connection: EmulatorConnection) -> CogniteClient:
    # An emulator error is a finding, not a blip to retry away.
    global_config.max_retries = 0
    config = ClientConfig(
        client_name="pygen-conformance",
        project=connection["project"],
        credentials=Token(connection["token"]),
        base_url=connection["base_url"],
    )
    return CogniteClient(config)


@pytest.fixture(scope="session")
def client(emulator: EmulatorConnection) -> CogniteClient:
    return cognite_client(emulator)


@pytest.fixture(scope="session")
def seeded_client(seeded_emulator: EmulatorConnection) -> CogniteClient:
    return cognite_client(seeded_emulator)
