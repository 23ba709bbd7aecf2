"""The example SDK's `graphql_query` end to end against the emulator's GraphQL endpoint: typed objects back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from sdk_example import (
    Generator,
    GeneratorWrite,
    HydroPlant,
    HydroPlantModelClient,
    HydroPlantWrite,
    NodeId,
    Reservoir,
    ReservoirWrite,
)
from sdk_example._runtime import CDFGraphQLError

from .connection import EmulatorConnection

SPACE = "example_instances"


@pytest.fixture(scope="module")
def client(example_emulator: EmulatorConnection) -> Iterator[HydroPlantModelClient]:
    with HydroPlantModelClient(**example_emulator) as client:
        lake = ReservoirWrite(space=SPACE, external_id="lake", name="Upper lake", volume_m3=1.5e9)
        generators: list[GeneratorWrite | NodeId | tuple[str, str]] = [
            GeneratorWrite(space=SPACE, external_id=f"gen:{index}", name=f"Gen {index}", serial_number=index)
            for index in range(1, 4)
        ]
        plants = [
            HydroPlantWrite(
                space=SPACE,
                external_id=f"plant:{index}",
                name=f"Plant {index}",
                capacity_mw=100.0 * index,
                reservoir=lake if index == 1 else None,
                generators=generators[:2] if index == 1 else None,
            )
            for index in range(1, 4)
        ]
        units = [
            GeneratorWrite(
                space=SPACE,
                external_id=f"unit:{index}",
                name=f"Unit {index}",
                serial_number=10 + index,
                plant=NodeId(SPACE, "plant:2"),
            )
            for index in range(1, 3)
        ]
        client.upsert([*plants, *units])
        yield client


def test_list_pages_into_typed_objects(client: HydroPlantModelClient) -> None:
    query = """
        query Plants($first: Int, $after: String) {
          listHydroPlant(first: $first, after: $after, sort: {capacityMw: DESC}) {
            items { __typename externalId space name capacityMw createdTime }
            pageInfo { hasNextPage endCursor }
          }
        }"""
    first = client.graphql_query(query, {"first": 2})["listHydroPlant"]
    plants = first["items"]
    assert all(isinstance(plant, HydroPlant) for plant in plants)
    assert [(plant.external_id, plant.capacity_mw) for plant in plants] == [("plant:3", 300.0), ("plant:2", 200.0)]
    assert isinstance(plants[0].created_time, datetime)
    assert first["pageInfo"]["hasNextPage"] is True
    rest = client.graphql_query(query, {"first": 2, "after": first["pageInfo"]["endCursor"]})["listHydroPlant"]
    assert [plant.name for plant in rest["items"]] == ["Plant 1"]
    assert rest["pageInfo"] == {"hasNextPage": False, "endCursor": None}


def test_filter_and_get_by_id(client: HydroPlantModelClient) -> None:
    found = client.graphql_query(
        '{ listHydroPlant(filter: {and: [{capacityMw: {gte: 150}}, {name: {prefix: "Plant"}}]}) '
        "{ items { __typename name } } }"
    )["listHydroPlant"]["items"]
    assert [plant.name for plant in found] == ["Plant 2", "Plant 3"]
    query = """query One($id: _HydroPlantId!) {
      getHydroPlantById(instance: $id) { items { __typename space externalId name } }
    }"""
    [plant] = client.graphql_query(query, {"id": {"space": SPACE, "externalId": "plant:2"}})["getHydroPlantById"][
        "items"
    ]
    assert isinstance(plant, HydroPlant)
    assert plant.id == NodeId(SPACE, "plant:2")
    assert (
        client.graphql_query(query, {"id": {"space": SPACE, "externalId": "nope"}})["getHydroPlantById"]["items"] == []
    )


def test_direct_relation_edges_and_reverse_relation_are_typed(client: HydroPlantModelClient) -> None:
    query = """{
      getHydroPlantById(instance: {space: "example_instances", externalId: "plant:1"}) {
        items {
          __typename name
          reservoir { __typename name volumeM3 }
          generators(first: 5) { items { __typename externalId name } }
        }
      }
      units: getHydroPlantById(instance: {space: "example_instances", externalId: "plant:2"}) {
        items { __typename units { items { __typename name plant { __typename externalId } } } }
      }
    }"""
    data = client.graphql_query(query)
    [plant] = data["getHydroPlantById"]["items"]
    assert isinstance(plant.reservoir, Reservoir)
    assert (plant.reservoir.name, plant.reservoir.volume_m3) == ("Upper lake", 1.5e9)
    assert plant.generators is not None
    assert all(isinstance(generator, Generator) for generator in plant.generators)
    assert [generator.external_id for generator in plant.generators] == ["gen:1", "gen:2"]
    [other] = data["units"]["items"]
    assert [unit.name for unit in other.units] == ["Unit 1", "Unit 2"]
    assert all(isinstance(unit.plant, HydroPlant) and unit.plant.external_id == "plant:2" for unit in other.units)


def test_graphql_errors_raise(client: HydroPlantModelClient) -> None:
    with pytest.raises(CDFGraphQLError, match='Field "colour" is not defined on type "HydroPlant"') as raised:
        client.graphql_query("{ listHydroPlant { items { colour } } }")
    assert raised.value.errors[0]["locations"] == [{"line": 1, "column": 28}]
