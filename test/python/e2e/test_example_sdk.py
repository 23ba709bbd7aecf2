"""The SDK generated from the bundled example, end to end against the emulator: write, read, filter, page, delete."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import httpx
import pytest
from sdk_example import (
    Asset,
    AssetWrite,
    Generator,
    GeneratorWrite,
    HydroPlant,
    HydroPlantList,
    HydroPlantModelClient,
    HydroPlantWrite,
    NodeId,
    Reservoir,
    ReservoirWrite,
)
from sdk_example.data_classes import HydroPlantStatus

from .connection import EmulatorConnection

SPACE = "example_instances"
OSLO = timezone(timedelta(hours=2))
ASSETS = 10_000
STATUSES: tuple[HydroPlantStatus, ...] = ("operating", "maintenance", "decommissioned")


@pytest.fixture(scope="module")
def client(example_emulator: EmulatorConnection) -> Iterator[HydroPlantModelClient]:
    with HydroPlantModelClient(**example_emulator) as client:
        reservoir = ReservoirWrite(space=SPACE, external_id="reservoir:1", name="Upper lake", volume_m3=1.5e9)
        client.upsert([reservoir, *plants()])
        client.upsert(
            [AssetWrite(space=SPACE, external_id=f"asset:{index:05}", name=f"A{index}") for index in range(ASSETS)]
        )
        yield client


def plants() -> list[HydroPlantWrite]:
    return [
        HydroPlantWrite(
            space=SPACE,
            external_id=f"plant:{index}",
            name=f"Plant {index}",
            description="run-of-river" if index % 2 else "storage",
            tags=["hydro", f"t{index}"],
            capacity_mw=100.0 * index,
            unit_count=index,
            commissioned_at=datetime(2000 + index, 1, 2, 3, 4, 5, 678_000, tzinfo=OSLO),
            last_inspected_on=date(2024, 1, index),
            is_operational=index != 3,
            settings={"mode": "auto", "level": index},
            status=STATUSES[index % 3],
            reservoir=NodeId(SPACE, "reservoir:1") if index <= 2 else None,
            neighbours=[NodeId(SPACE, f"plant:{other}") for other in range(1, 6) if other != index],
            output_power=f"ts:plant:{index}",
            manuals=[f"file:manual:{index}"],
            efficiency_curve=f"seq:curve:{index}",
        )
        for index in range(1, 6)
    ]


def test_written_values_read_back_into_typed_fields(client: HydroPlantModelClient) -> None:
    plant = client.hydro_plant.retrieve("plant:2")
    assert isinstance(plant, HydroPlant)
    assert plant.name == "Plant 2"
    assert plant.capacity_mw == 200.0
    assert plant.unit_count == 2
    assert plant.commissioned_at == datetime(2002, 1, 2, 1, 4, 5, 678_000, tzinfo=timezone.utc)
    assert plant.last_inspected_on == date(2024, 1, 2)
    assert plant.is_operational is True
    assert plant.settings == {"mode": "auto", "level": 2}
    assert plant.status == "decommissioned"
    assert plant.reservoir == NodeId(SPACE, "reservoir:1")
    assert plant.neighbours is not None
    assert NodeId(SPACE, "plant:5") in plant.neighbours
    assert (plant.output_power, plant.manuals, plant.efficiency_curve) == (
        "ts:plant:2",
        ["file:manual:2"],
        "seq:curve:2",
    )
    assert plant.as_write().dump()["sources"][0]["properties"]["capacityMw"] == 200.0


def test_container_defaults_apply_when_not_given(client: HydroPlantModelClient) -> None:
    client.upsert(HydroPlantWrite(space=SPACE, external_id="plant:defaults", name="Defaults"))
    plant = client.hydro_plant.retrieve("plant:defaults")
    assert plant is not None
    assert (plant.unit_count, plant.is_operational) == (1, True)
    client.delete("plant:defaults")


def test_retrieve_one_many_and_missing(client: HydroPlantModelClient) -> None:
    assert client.hydro_plant.retrieve("plant:missing") is None
    many = client.hydro_plant.retrieve(["plant:1", NodeId(SPACE, "plant:3"), "plant:missing"])
    assert isinstance(many, HydroPlantList)
    assert sorted(plant.external_id for plant in many) == ["plant:1", "plant:3"]


def external_ids(plants: HydroPlantList) -> list[str]:
    return sorted(plant.external_id for plant in plants)


def test_every_filter_kind(client: HydroPlantModelClient) -> None:
    api = client.hydro_plant
    assert external_ids(api.list(name="Plant 1")) == ["plant:1"]
    assert external_ids(api.list(name=["Plant 1", "Plant 2"])) == ["plant:1", "plant:2"]
    assert external_ids(api.list(description_prefix="run")) == ["plant:1", "plant:3", "plant:5"]
    assert external_ids(api.list(min_capacity_mw=200, max_capacity_mw=300)) == ["plant:2", "plant:3"]
    assert external_ids(api.list(min_unit_count=5)) == ["plant:5"]
    after_2003 = datetime(2003, 6, 1, tzinfo=timezone.utc)
    assert external_ids(api.list(min_commissioned_at=after_2003)) == ["plant:4", "plant:5"]
    assert external_ids(api.list(max_last_inspected_on=date(2024, 1, 1))) == ["plant:1"]
    assert external_ids(api.list(is_operational=False)) == ["plant:3"]
    assert external_ids(api.list(status="operating")) == ["plant:3"]
    assert external_ids(api.list(status=["maintenance", "decommissioned"])) == [
        "plant:1",
        "plant:2",
        "plant:4",
        "plant:5",
    ]
    assert external_ids(api.list(reservoir=NodeId(SPACE, "reservoir:1"))) == ["plant:1", "plant:2"]
    assert external_ids(api.list(external_id_prefix="plant:4", space=SPACE)) == ["plant:4"]
    assert external_ids(api.list(space="elsewhere")) == []


def test_sorting_and_limits(client: HydroPlantModelClient) -> None:
    by_capacity = client.hydro_plant.list(sort_by="capacity_mw", direction="descending", limit=2)
    assert [plant.external_id for plant in by_capacity] == ["plant:5", "plant:4"]
    assert len(client.asset.list()) == 25
    assert len(client.asset.list(limit=None, name_prefix="A1")) == 1111


def test_iterate_resumes_from_a_saved_cursor(client: HydroPlantModelClient) -> None:
    seen: list[str] = []
    cursor: str | None = None
    for page in client.asset.iterate(1000, external_id_prefix="asset:"):
        seen.extend(page.ids[index].external_id for index in range(len(page)))
        cursor = page.next_cursor
        if len(seen) == 3000:
            break
    assert cursor is not None
    for page in client.asset.iterate(1000, cursor=cursor, external_id_prefix="asset:"):
        assert len(page) <= 1000
        seen.extend(asset.external_id for asset in page)
    assert len(seen) == ASSETS
    assert len(set(seen)) == ASSETS


def test_search(client: HydroPlantModelClient) -> None:
    found = client.hydro_plant.search("storage", "description")
    assert external_ids(found) == ["plant:2", "plant:4"]
    assert external_ids(client.hydro_plant.search("storage", min_unit_count=3)) == ["plant:4"]


def test_aggregate_and_histogram(client: HydroPlantModelClient) -> None:
    assert client.hydro_plant.aggregate("count", external_id_prefix="plant:").value == 5
    assert client.hydro_plant.aggregate("avg", "capacity_mw").value == pytest.approx(300.0)
    grouped = client.hydro_plant.aggregate("count", group_by="status")
    assert sorted((group.group["status"], group.value) for group in grouped.groups) == [
        ("decommissioned", 2),
        ("maintenance", 2),
        ("operating", 1),
    ]
    histogram = client.hydro_plant.histogram("capacity_mw", 200.0)
    assert sum(bucket.count for bucket in histogram.buckets) == 5


def test_child_classes_write_through_their_view_and_read_back_as_child_class(client: HydroPlantModelClient) -> None:
    # The Generator view filters on the node type.
    generator = GeneratorWrite(
        space=SPACE,
        external_id="generator:1",
        node_type=NodeId("pygen_example", "Generator"),
        name="G1",
        serial_number=7,
        plant=NodeId(SPACE, "plant:1"),
    )
    assert isinstance(generator, AssetWrite)
    client.upsert(generator)
    ids = ["asset:00001", "plant:2", "generator:1", "reservoir:1", "missing"]
    assert [type(item) for item in client.asset.retrieve(ids)] == [Asset, Asset, Asset, Asset]
    typed = client.asset.retrieve(ids, as_child_class=True)
    assert [type(item) for item in typed] == [Asset, HydroPlant, Generator, Reservoir]
    read = typed.get("generator:1")
    assert isinstance(read, Generator)
    assert (read.name, read.serial_number, read.plant) == ("G1", 7, NodeId(SPACE, "plant:1"))
    listed = client.asset.list(limit=None, as_child_class=True, name_prefix="Plant ")
    assert {type(item) for item in listed} == {HydroPlant}


def test_delete(client: HydroPlantModelClient) -> None:
    client.upsert(HydroPlantWrite(space=SPACE, external_id="plant:temporary", name="Temporary"))
    assert client.delete(["plant:temporary", "plant:never"]) == [NodeId(SPACE, "plant:temporary")]
    assert client.hydro_plant.retrieve("plant:temporary") is None


def test_graphql_connections_become_typed_objects() -> None:
    generator = {"__typename": "Generator", "space": SPACE, "externalId": "g1", "serialNumber": 7}
    plant = {
        "__typename": "HydroPlant",
        "space": SPACE,
        "externalId": "plant:1",
        "name": "Plant 1",
        "reservoir": {"__typename": "Reservoir", "space": SPACE, "externalId": "reservoir:1", "volumeM3": 2.0},
        "generators": {"items": [generator]},
        "units": {"edges": [{"node": generator}]},
    }
    answer = {"data": {"listHydroPlant": {"items": [plant], "pageInfo": {"hasNextPage": False}}}}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=json.dumps(answer)))
    with HydroPlantModelClient(
        base_url="https://test.cognitedata.com", project="p", token="t", transport=transport
    ) as sdk:
        (read,) = sdk.graphql_query("{ listHydroPlant { items { ... } } }")["listHydroPlant"]["items"]
    assert isinstance(read, HydroPlant)
    assert isinstance(read.reservoir, Reservoir)
    assert read.reservoir.volume_m3 == 2.0
    assert [type(item) for item in read.generators or []] == [Generator]
    assert [type(item) for item in read.units or []] == [Generator]
