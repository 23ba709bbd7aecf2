"""The example SDK against an emulator that fails 30 % of requests before serving them and 30 % after applying
them (the write is done, its response lost): the SDK's retries must leave every upsert and delete exactly done,
with nothing lost and nothing written twice, counted afterwards."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from emulator_process import TOKEN
from sdk_example import ClientConfig, GeneratorWrite, HydroPlantModelClient, HydroPlantWrite, NodeId, Token
from sdk_example._runtime import RetryPolicy

from .connection import EmulatorConnection, listed_external_ids

SPACE = "example_instances"
PLANTS = 600


@pytest.fixture(scope="module")
def client(faulty_example_emulator: EmulatorConnection) -> Iterator[HydroPlantModelClient]:
    # Quick retries, and enough of them that a call failing 51 % of the time still gets through.
    retry = RetryPolicy(max_retries=30, initial_wait=0.01, max_wait=0.05)
    config = ClientConfig(
        base_url=faulty_example_emulator["base_url"],
        project=faulty_example_emulator["project"],
        credentials=Token(TOKEN),
        retry=retry,
    )
    with HydroPlantModelClient(config) as client:
        yield client


def plant(index: int) -> HydroPlantWrite:
    generators: list[GeneratorWrite | NodeId | tuple[str, str]] = [
        GeneratorWrite(space=SPACE, external_id=f"gen:{index}:{unit}", name="G", serial_number=unit)
        for unit in range(2)
    ]
    return HydroPlantWrite(space=SPACE, external_id=f"plant:{index}", name=f"Plant {index}", generators=generators)


def expected(plants: range) -> tuple[set[str], set[str]]:
    nodes = {f"plant:{index}" for index in plants} | {f"gen:{index}:{unit}" for index in plants for unit in range(2)}
    edges = {f"plant:{index}:gen:{index}:{unit}" for index in plants for unit in range(2)}
    return nodes, edges


def check(client: HydroPlantModelClient, nodes: set[str], edges: set[str]) -> None:
    """Every expected instance listed exactly once, and nothing else (the seed node aside)."""
    for instance_type, wanted in (("node", nodes | {"seed"}), ("edge", edges)):
        seen = listed_external_ids(client, SPACE, instance_type)
        lost = wanted - set(seen)
        duplicated = {external_id for external_id, count in seen.items() if count > 1}
        unexpected = set(seen) - wanted
        assert (lost, duplicated, unexpected) == (set(), set(), set()), instance_type


def test_upserts_and_deletes_survive_lost_responses(
    client: HydroPlantModelClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="sdk_example._runtime.http")
    # 600 plants, 1200 generators, 1200 edges: 3000 instances in 3 chunks, each failing now and then.
    results = client.upsert([plant(index) for index in range(PLANTS)])
    assert len(results) == 5 * PLANTS
    check(client, *expected(range(PLANTS)))
    # Writing the same again changes nothing and duplicates nothing.
    client.upsert([plant(index) for index in range(PLANTS)])
    check(client, *expected(range(PLANTS)))

    # Deleting the first half of the plants with their generators (and so their edges), in several chunks.
    doomed = [plant(index) for index in range(PLANTS // 2)]
    client.delete(doomed, recursive=True)
    check(client, *expected(range(PLANTS // 2, PLANTS)))
    # Deleting what is gone is harmless.
    client.delete([NodeId(SPACE, f"plant:{index}") for index in range(PLANTS // 2)])
    check(client, *expected(range(PLANTS // 2, PLANTS)))
    client.delete([plant(index) for index in range(PLANTS // 2, PLANTS)], recursive=True)
    check(client, set(), set())
    # The faults were there: writes and deletes failed and were sent again.
    retried = [record.getMessage() for record in caplog.records if record.getMessage().endswith(", retry 1)")]
    assert any(message.startswith("POST /models/instances ->") for message in retried)
    assert any(message.startswith("POST /models/instances/delete ->") for message in retried)
