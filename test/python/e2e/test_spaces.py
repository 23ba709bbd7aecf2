"""A fresh project: the first upsert needs its instance space, which the client can create."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from emulator_process import REPOSITORY, start_emulator
from sdk_example import AssetWrite, HydroPlantModelClient, HydroPlantWrite, NodeId, ReservoirWrite
from sdk_example._runtime import CDFUpsertError

from .connection import EmulatorConnection


@pytest.fixture(scope="module")
def fresh_project() -> Iterator[EmulatorConnection]:
    """The example model and no instances: no instance space exists yet, as in a project just set up."""
    yield from start_emulator(REPOSITORY / "examples" / "hydro-plant.model.yaml")


@pytest.fixture
def client(fresh_project: EmulatorConnection) -> Iterator[HydroPlantModelClient]:
    with HydroPlantModelClient(**fresh_project) as client:
        yield client


def test_the_first_upsert_into_a_missing_space_fails_and_says_so(client: HydroPlantModelClient) -> None:
    with pytest.raises(CDFUpsertError, match="spaces do not exist") as raised:
        client.upsert(AssetWrite(space="never_created", external_id="a", name="A"))
    assert raised.value.applied.nodes == []
    assert str(raised.value).endswith("(create it: client.spaces.apply(...), or upsert(..., create_space=True))")
    assert client.spaces.retrieve("never_created") == []


def test_upsert_with_create_space_creates_the_spaces_it_writes_to(client: HydroPlantModelClient) -> None:
    asset = AssetWrite(space="fresh_assets", external_id="asset:1", name="Pump house")
    reservoir = ReservoirWrite(space="fresh_reservoirs", external_id="reservoir:1", name="Lake", volume_m3=1.0e6)
    results = client.upsert([asset, reservoir], create_space=True)
    assert {(result.space, result.external_id) for result in results} == {
        ("fresh_assets", "asset:1"),
        ("fresh_reservoirs", "reservoir:1"),
    }
    assert {space.space for space in client.spaces.retrieve(["fresh_assets", "fresh_reservoirs"])} == {
        "fresh_assets",
        "fresh_reservoirs",
    }
    read = client.asset.retrieve("asset:1", space="fresh_assets")
    assert read is not None
    assert read.name == "Pump house"
    # Once the spaces exist, create_space writes no space again.
    assert client.spaces.ensure(["fresh_assets", "fresh_reservoirs"]) == []
    client.upsert(asset, create_space=True)


def test_create_space_creates_the_spaces_relations_point_into(client: HydroPlantModelClient) -> None:
    # The plant is written to one new space; its reservoir (a direct relation), a neighbour (a list of them) and
    # a generator (an edge end) are only referred to, in three more: CDF creates those nodes, in existing spaces.
    plant = HydroPlantWrite(
        space="plants_only",
        external_id="plant:1",
        name="P",
        unit_count=1,
        is_operational=True,
        reservoir=NodeId("reservoirs_only", "reservoir:1"),
        neighbours=[NodeId("neighbours_only", "plant:2")],
        generators=[NodeId("generators_only", "gen:1")],
    )
    spaces = ["plants_only", "reservoirs_only", "neighbours_only", "generators_only"]
    with pytest.raises(CDFUpsertError, match="spaces do not exist"):
        client.upsert(plant)
    client.upsert(plant, create_space=True)
    assert sorted(space.space for space in client.spaces.retrieve(spaces)) == sorted(spaces)
    edges = client.hydro_plant.generators_edge.list(start_node=NodeId("plants_only", "plant:1"))
    assert [edge.end_node for edge in edges] == [NodeId("generators_only", "gen:1")]


def test_spaces_apply_retrieve_and_delete(client: HydroPlantModelClient) -> None:
    (created,) = client.spaces.apply("my_space", name="My space", description="Made by a test")
    assert (created.space, created.name, created.description) == ("my_space", "My space", "Made by a test")
    assert created.created_time is not None
    assert not created.is_global
    (found,) = client.spaces.retrieve("my_space")
    assert found.name == "My space"
    # The default space of the SDK is created the same way, before the first upsert of bare ids.
    assert client.default_space == "example_instances"
    client.spaces.apply(client.default_space)
    client.upsert(AssetWrite(space=client.default_space, external_id="asset:2", name="B"))
    assert client.asset.retrieve("asset:2") is not None
    assert client.spaces.delete(["my_space", "no_such_space"]) == ["my_space"]
    assert client.spaces.retrieve("my_space") == []
