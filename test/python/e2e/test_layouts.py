"""The example SDK in each package layout, end to end against the emulator: the same calls give the same typed
objects whether the views' modules sit in data_classes/ and _api/, directly in the package (flat_structure), or
all in one module (single_file)."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from .connection import EmulatorConnection

SPACE = "example_instances"
# The package of each layout (test/python/generate-sdks.ts).
LAYOUTS = {"nested": "sdk_example", "flat": "sdk_example_flat", "single": "sdk_example_single"}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def sdk(request: pytest.FixtureRequest) -> ModuleType:
    return importlib.import_module(LAYOUTS[request.param])


@pytest.fixture(scope="module")
def client(sdk: ModuleType, example_emulator: EmulatorConnection) -> Iterator[Any]:
    with sdk.HydroPlantModelClient(**example_emulator) as client:
        yield client


def data_classes(sdk: ModuleType) -> ModuleType:
    """Where a layout offers every data class name: data_classes/ when nested, the package root otherwise."""
    return sdk if sdk.__name__ != LAYOUTS["nested"] else importlib.import_module(f"{sdk.__name__}.data_classes")


def test_connections_read_back_as_typed_objects(sdk: ModuleType, client: Any) -> None:
    prefix = sdk.__name__
    client.upsert(
        [
            sdk.ReservoirWrite(space=SPACE, external_id=f"{prefix}:reservoir", name="Lake", volume_m3=3.0),
            sdk.HydroPlantWrite(
                space=SPACE,
                external_id=f"{prefix}:plant",
                name="Plant",
                unit_count=1,
                is_operational=True,
                status="operating",
                reservoir=sdk.NodeId(SPACE, f"{prefix}:reservoir"),
            ),
            sdk.GeneratorWrite(
                space=SPACE,
                external_id=f"{prefix}:generator",
                node_type=sdk.NodeId("pygen_example", "Generator"),
                name="G",
                serial_number=3,
                plant=sdk.NodeId(SPACE, f"{prefix}:plant"),
            ),
        ]
    )
    plant = client.hydro_plant.retrieve(f"{prefix}:plant", retrieve_connections="full")
    assert isinstance(plant, sdk.HydroPlant)
    assert isinstance(plant.reservoir, sdk.Reservoir)
    assert plant.reservoir.volume_m3 == 3.0
    typed = client.asset.retrieve([f"{prefix}:generator", f"{prefix}:plant"], as_child_class=True)
    assert [type(item) for item in typed] == [sdk.Generator, sdk.HydroPlant]
    found = client.hydro_plant.list(status="operating", external_id_prefix=f"{prefix}:")
    assert [item.external_id for item in found] == [f"{prefix}:plant"]
    assert client.delete([f"{prefix}:generator", f"{prefix}:plant", f"{prefix}:reservoir"]) == [
        sdk.NodeId(SPACE, f"{prefix}:generator"),
        sdk.NodeId(SPACE, f"{prefix}:plant"),
        sdk.NodeId(SPACE, f"{prefix}:reservoir"),
    ]


def test_every_data_class_name_is_offered(sdk: ModuleType) -> None:
    names = data_classes(sdk)
    assert names.HYDRO_PLANT_VIEW.external_id == "HydroPlant"
    assert "HydroPlantFilters" in names.__all__
    assert "HydroPlantStatus" in names.__all__


def test_graphql_answers_become_typed_objects(sdk: ModuleType) -> None:
    """References between views' modules are bound (resolve_references) in either layout."""
    generator = {"__typename": "Generator", "space": SPACE, "externalId": "g1", "serialNumber": 7}
    plant = {
        "__typename": "HydroPlant",
        "space": SPACE,
        "externalId": "plant:1",
        "name": "Plant 1",
        "reservoir": {"__typename": "Reservoir", "space": SPACE, "externalId": "reservoir:1", "volumeM3": 2.0},
        "generators": {"items": [generator]},
    }
    answer = {"data": {"listHydroPlant": {"items": [plant], "pageInfo": {"hasNextPage": False}}}}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=json.dumps(answer)))
    with sdk.HydroPlantModelClient(
        base_url="https://test.cognitedata.com", project="p", token="t", transport=transport
    ) as client:
        (read,) = client.graphql_query("{ listHydroPlant { items { ... } } }")["listHydroPlant"]["items"]
    assert isinstance(read, sdk.HydroPlant)
    assert isinstance(read.reservoir, sdk.Reservoir)
    assert [type(item) for item in read.generators or []] == [sdk.Generator]
