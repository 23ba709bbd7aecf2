"""retrieve_connections and select() of the WindTurbine SDK end to end against the emulator, on a small wind farm
written here:

    wt1 --blades--> [b1, b2]   wt1 --nacelle--> n1 --gearbox--> g1   wt1 ==Distance 100==> m1, ==250==> m2
    wt2 --blades--> [b3]       wt2 ==Distance 50==> m2
    sp1, sp2 --blade--> b1 (positions 1.0, 2.0)   sp3 --blade--> b2 (1.0)   sp4 --blade--> b3 (3.0)

Blade.sensor_positions and Nacelle.wind_turbine are reverse relations; Metmast.wind_turbines sees the Distance
edges inwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sdk_wind_turbine import Blade, Gearbox, Metmast, Nacelle, WindTurbine, WindTurbineClient
from sdk_wind_turbine._runtime import NodeId, ViewId
from sdk_wind_turbine.data_classes import (
    BLADE_VIEW,
    DISTANCE_VIEW,
    GEARBOX_VIEW,
    METMAST_VIEW,
    NACELLE_VIEW,
    SENSOR_POSITION_VIEW,
    WIND_TURBINE_VIEW,
    Distance,
    SensorPosition,
)

from .connection import EmulatorConnection

SPACE = "windfarm"
WT1, WT2, B1, B2, B3, N1, G1, M1, M2, SP1, SP2, SP3, SP4 = (
    NodeId(SPACE, name) for name in ("wt1", "wt2", "b1", "b2", "b3", "n1", "g1", "m1", "m2", "sp1", "sp2", "sp3", "sp4")
)


def node(view: ViewId, node_id: NodeId, **properties: Any) -> dict[str, Any]:
    values = {key: value.dump() if isinstance(value, NodeId) else value for key, value in properties.items()}
    return {
        "instanceType": "node",
        "space": SPACE,
        "externalId": node_id.external_id,
        "sources": [{"source": view.dump(), "properties": values}],
    }


def distance(turbine: NodeId, metmast: NodeId, value: float) -> dict[str, Any]:
    return {
        "instanceType": "edge",
        "space": SPACE,
        "externalId": f"{turbine.external_id}:{metmast.external_id}",
        "type": {"space": "sp_pygen_power_enterprise", "externalId": "Distance"},
        "startNode": turbine.dump(),
        "endNode": metmast.dump(),
        "sources": [{"source": DISTANCE_VIEW.dump(), "properties": {"distance": value}}],
    }


@pytest.fixture(scope="module")
def client(wind_turbine_emulator: EmulatorConnection) -> Iterator[WindTurbineClient]:
    with WindTurbineClient(**wind_turbine_emulator) as client:
        client._instances.upsert(
            [
                node(WIND_TURBINE_VIEW, WT1, name="wt1", capacity=7.5, nacelle=N1, blades=[B1.dump(), B2.dump()]),
                node(WIND_TURBINE_VIEW, WT2, name="wt2", blades=[B3.dump()]),
                *(node(BLADE_VIEW, blade, name=blade.external_id, is_damaged=blade == B2) for blade in (B1, B2, B3)),
                node(NACELLE_VIEW, N1, gearbox=G1),
                node(GEARBOX_VIEW, G1),
                node(METMAST_VIEW, M1, position=1.0),
                node(METMAST_VIEW, M2, position=2.0),
                node(SENSOR_POSITION_VIEW, SP1, blade=B1, position=1.0),
                node(SENSOR_POSITION_VIEW, SP2, blade=B1, position=2.0),
                node(SENSOR_POSITION_VIEW, SP3, blade=B2, position=1.0),
                node(SENSOR_POSITION_VIEW, SP4, blade=B3, position=3.0),
                distance(WT1, M1, 100.0),
                distance(WT1, M2, 250.0),
                distance(WT2, M2, 50.0),
            ]
        )
        yield client


def test_retrieve_full_compares_field_by_field(client: WindTurbineClient) -> None:
    wt1 = client.wind_turbine.retrieve("wt1", space=SPACE, retrieve_connections="full")
    assert isinstance(wt1, WindTurbine)
    assert (wt1.name, wt1.capacity) == ("wt1", 7.5)
    assert [(blade.id, blade.name, blade.is_damaged) for blade in wt1.blades or [] if isinstance(blade, Blade)] == [
        (B1, "b1", False),
        (B2, "b2", True),
    ]
    assert isinstance(wt1.nacelle, Nacelle)
    assert wt1.nacelle.gearbox == G1  # one level deep: the nacelle's own relations stay ids
    edges = sorted(wt1.metmast or [], key=lambda edge: edge.distance or 0)
    assert all(isinstance(edge, Distance) for edge in edges)
    assert [
        (edge.distance, edge.end_node.id, edge.end_node.position)
        for edge in edges
        if isinstance(edge.end_node, Metmast)
    ] == [
        (100.0, M1, 1.0),
        (250.0, M2, 2.0),
    ]


def test_identifiers_of_inward_edges_and_reverse_relations(client: WindTurbineClient) -> None:
    m2 = client.metmast.retrieve("m2", space=SPACE, retrieve_connections="identifier")
    assert m2 is not None
    assert sorted((edge.end_node, edge.distance) for edge in m2.wind_turbines or []) == [(WT1, 250.0), (WT2, 50.0)]
    blades = client.blade.list(limit=None, retrieve_connections="identifier")
    positions = {
        blade.external_id: sorted(item for item in blade.sensor_positions or [] if isinstance(item, NodeId))
        for blade in blades
    }
    assert positions == {"b1": [SP1, SP2], "b2": [SP3], "b3": [SP4]}
    nacelle = client.nacelle.retrieve("n1", space=SPACE, retrieve_connections="identifier")
    assert nacelle is not None
    assert nacelle.wind_turbine == WT1
    gearbox = client.gearbox.retrieve("g1", space=SPACE, retrieve_connections="full")
    assert isinstance(gearbox, Gearbox)
    assert isinstance(gearbox.nacelle, Nacelle)
    assert gearbox.nacelle.id == N1


def test_select_through_a_list_of_direct_relations_and_a_reverse_relation(client: WindTurbineClient) -> None:
    found = client.wind_turbine.select().name.equals("wt1").blades.sensor_positions.position.range(gte=1.5).list()
    assert [(item.id, item.position) for item in found] == [(SP2, 2.0)]
    assert all(isinstance(item, SensorPosition) for item in found)
    latest = client.wind_turbine.select().blades.sensor_positions.position.latest().list()
    assert latest.ids == [SP4]


def test_select_through_edges_with_properties_both_ways(client: WindTurbineClient) -> None:
    # m2 sees wt1 and wt2 through inward Distance edges; wt2 has no nacelle.
    nacelles = client.metmast.select().external_id.equals("m2").wind_turbines.nacelle.list()
    assert nacelles.ids == [N1]
    turbines = client.wind_turbine.select().metmast.position.range(gt=1.5).list_root()
    by_name = {turbine.name: turbine for turbine in turbines}
    assert [
        (edge.distance, edge.end_node.id) for edge in by_name["wt1"].metmast or [] if isinstance(edge.end_node, Metmast)
    ] == [(250.0, M2)]
    assert [edge.distance for edge in by_name["wt2"].metmast or []] == [50.0]
