"""Connections end to end on the WindTurbine SDK against the emulator: a nested wind turbine graph with single and
list direct relations (to targets of several views, and to any node), edges with properties (`Distance`) outwards
from the turbine and inwards into a met mast, and both sides of reverse relations, written by one `upsert`; nodes
read back through their views, edges through the instances API, reverse relations by filtering the direct relation
they follow; `as_write` of what was read writes nothing new; a recursive delete leaves nothing behind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sdk_wind_turbine import (
    BladeWrite,
    DataSheetWrite,
    GearboxWrite,
    Metmast,
    MetmastWrite,
    NacelleWrite,
    NodeId,
    RotorWrite,
    SensorPositionWrite,
    SensorTimeSeriesWrite,
    WindTurbine,
    WindTurbineClient,
    WindTurbineWrite,
)
from sdk_wind_turbine._runtime import EdgeRead, EdgeWrite, NodeRead, NodeWrite
from sdk_wind_turbine.data_classes import DISTANCE_VIEW, Distance, DistanceWrite

from .connection import EmulatorConnection, by_ids

SPACE = "windfarm"
EDGE_TYPE = ("sp_pygen_power_enterprise", "Distance")


@pytest.fixture(scope="module")
def client(wind_turbine_emulator: EmulatorConnection) -> Iterator[WindTurbineClient]:
    with WindTurbineClient(**wind_turbine_emulator) as client:
        yield client


def node(external_id: str) -> NodeId:
    return NodeId(SPACE, external_id)


def series(external_id: str) -> SensorTimeSeriesWrite:
    return SensorTimeSeriesWrite(space=SPACE, external_id=external_id, type_="numeric", name=external_id)


def parts() -> tuple[WindTurbineWrite, list[SensorPositionWrite], MetmastWrite]:
    """One turbine and what it holds; sensor positions point at its blades (the blades' reverse relation), a met
    mast holds an inwards edge from the turbine, and one time series is reached from three places."""
    yaw = series("wt-yaw")
    blade_1 = BladeWrite(space=SPACE, external_id="wt-blade-1", name="blade 1")
    blade_2 = BladeWrite(space=SPACE, external_id="wt-blade-2", name="blade 2")
    nacelle = NacelleWrite(
        space=SPACE,
        external_id="wt-nacelle",
        yaw_direction=yaw,
        yaw_error=series("wt-yaw-error"),
        acc_from_back_side_x=yaw.id,  # a direct relation without a source view: an id of any node
        gearbox=GearboxWrite(space=SPACE, external_id="wt-gearbox", displacement_x=series("wt-gear-x")),
    )
    near = MetmastWrite(space=SPACE, external_id="wt-metmast-near", position=1.0)
    far = MetmastWrite(space=SPACE, external_id="wt-metmast-far", position=2.0)
    turbine = WindTurbineWrite(
        space=SPACE,
        external_id="wt-1",
        name="turbine 1",
        capacity=7.5,
        windfarm="north",
        blades=[blade_1, blade_2],
        datasheets=[DataSheetWrite(space=SPACE, external_id="wt-sheet", name="sheet", is_uploaded=True)],
        nacelle=nacelle,
        rotor=RotorWrite(space=SPACE, external_id="wt-rotor", rpm_low_speed_shaft=yaw),
        metmast=[DistanceWrite(end_node=near, distance=120.0, external_id="wt-1-near")],
    )
    # Inwards: the edge goes from the turbine to the met mast holding the field.
    far.wind_turbines = [DistanceWrite(end_node=turbine, distance=450.0)]
    positions = [
        SensorPositionWrite(space=SPACE, external_id=f"wt-position-{index}", blade=blade, position=float(index))
        for index, blade in enumerate([blade_1, blade_2], start=1)
    ]
    return turbine, positions, far


def graph() -> list[WindTurbineWrite | SensorPositionWrite | MetmastWrite]:
    turbine, positions, far = parts()
    return [turbine, *positions, far]


NODES = sorted(
    [
        "wt-1",
        "wt-blade-1",
        "wt-blade-2",
        "wt-sheet",
        "wt-nacelle",
        "wt-gearbox",
        "wt-rotor",
        "wt-yaw",
        "wt-yaw-error",
        "wt-gear-x",
        "wt-metmast-near",
        "wt-metmast-far",
        "wt-position-1",
        "wt-position-2",
    ]
)
# external id → (start, end, distance)
EDGES = {"wt-1-near": ("wt-1", "wt-metmast-near", 120.0), "wt-1:wt-metmast-far": ("wt-1", "wt-metmast-far", 450.0)}


def raw(client: WindTurbineClient, instance_type: str, external_ids: list[str]) -> list[dict[str, Any]]:
    """Instances as stored; edges with their Distance values."""
    return by_ids(client, SPACE, instance_type, external_ids, DISTANCE_VIEW.dump() if instance_type == "edge" else None)


def test_upsert_writes_the_nested_graph_once(client: WindTurbineClient) -> None:
    results = client.upsert(graph())
    written = [result.external_id for result in results]
    assert sorted(written) == sorted([*NODES, *EDGES])
    assert len(written) == len(set(written))  # the time series reached three times is written once


def test_nodes_read_back_with_their_direct_relations(client: WindTurbineClient) -> None:
    turbine = client.wind_turbine.retrieve("wt-1")
    assert turbine is not None
    assert (turbine.name, turbine.capacity, turbine.windfarm) == ("turbine 1", 7.5, "north")
    assert turbine.blades == [node("wt-blade-1"), node("wt-blade-2")]
    assert turbine.datasheets == [node("wt-sheet")]
    assert (turbine.nacelle, turbine.rotor) == (node("wt-nacelle"), node("wt-rotor"))
    assert turbine.metmast is None  # edges are read with connections only

    nacelle = client.nacelle.retrieve("wt-nacelle")
    assert nacelle is not None
    assert (nacelle.yaw_direction, nacelle.acc_from_back_side_x) == (node("wt-yaw"), node("wt-yaw"))
    assert (nacelle.yaw_error, nacelle.gearbox) == (node("wt-yaw-error"), node("wt-gearbox"))
    gearbox = client.gearbox.retrieve("wt-gearbox")
    assert gearbox is not None
    assert gearbox.displacement_x == node("wt-gear-x")
    rotor = client.rotor.retrieve("wt-rotor")
    assert rotor is not None
    assert rotor.rpm_low_speed_shaft == node("wt-yaw")

    listed = client.sensor_time_series.list(limit=None)
    assert sorted(item.external_id for item in listed) == ["wt-gear-x", "wt-yaw", "wt-yaw-error"]
    assert {item.type_ for item in listed} == {"numeric"}
    blades = client.blade.retrieve(["wt-blade-1", "wt-blade-2"])
    assert sorted(blade.name or "" for blade in blades) == ["blade 1", "blade 2"]
    sheet = client.data_sheet.retrieve("wt-sheet")
    assert sheet is not None
    assert sheet.is_uploaded is True
    masts = client.metmast.retrieve(["wt-metmast-near", "wt-metmast-far"])
    assert sorted((mast.external_id, mast.position) for mast in masts) == [
        ("wt-metmast-far", 2.0),
        ("wt-metmast-near", 1.0),
    ]


def test_reverse_relations_are_the_direct_relations_of_the_other_side(client: WindTurbineClient) -> None:
    # Blade.sensor_positions follows SensorPosition.blade back; Nacelle.wind_turbine follows WindTurbine.nacelle.
    positions = client.sensor_position.list(blade=node("wt-blade-1"))
    assert [(item.external_id, item.position) for item in positions] == [("wt-position-1", 1.0)]
    both = client.sensor_position.list(blade=[node("wt-blade-1"), node("wt-blade-2")])
    assert sorted(item.external_id for item in both) == ["wt-position-1", "wt-position-2"]
    turbines = client.wind_turbine.list(nacelle=node("wt-nacelle"))
    assert [item.external_id for item in turbines] == ["wt-1"]


def test_edges_with_properties_point_the_way_of_their_field(client: WindTurbineClient) -> None:
    edges = raw(client, "edge", list(EDGES))
    assert {
        item["externalId"]: (
            item["startNode"]["externalId"],
            item["endNode"]["externalId"],
            item["properties"][DISTANCE_VIEW.space][f"{DISTANCE_VIEW.external_id}/{DISTANCE_VIEW.version}"]["distance"],
        )
        for item in edges
    } == EDGES
    assert {(item["type"]["space"], item["type"]["externalId"]) for item in edges} == {EDGE_TYPE}
    assert {item["space"] for item in edges} == {SPACE}


def assert_read_as_written(
    read: NodeRead | EdgeRead, written: NodeWrite | EdgeWrite, depth: int = 1, skip: frozenset[str] = frozenset()
) -> None:
    """Every field the write object was given, as the read object holds it: values equal, connected write objects
    read as objects with their values `depth` levels deep (connections are read one level deep: beyond it, direct
    relations hold ids and edges are not read), ids as ids."""
    for name in sorted(written.model_fields_set - {"space", "external_id", "node_type", *skip}):
        connection = type(written)._connections.get(name)
        if depth == 0 and connection is not None and connection.kind != "direct":
            continue
        assert_value(getattr(read, name), getattr(written, name), depth, f"{type(written).__name__}.{name}")


def assert_value(read: Any, written: Any, depth: int, where: str) -> None:
    if isinstance(written, list):
        assert isinstance(read, list), where
        assert len(read) == len(written), where
        for index, (read_item, written_item) in enumerate(zip(read, written, strict=True)):
            assert_value(read_item, written_item, depth, f"{where}[{index}]")
    elif isinstance(written, NodeWrite):
        if depth == 0:
            assert (read.id if isinstance(read, NodeRead) else read) == written.id, where
            return
        assert isinstance(read, NodeRead), f"{where}: {read!r} is not an object"
        assert read.id == written.id, where
        assert_read_as_written(read, written, depth - 1)
    elif isinstance(written, EdgeWrite):
        assert isinstance(read, EdgeRead), f"{where}: {read!r} is not an edge object"
        assert_read_as_written(read, written, depth)
    else:
        assert read == written, where


def test_retrieve_with_full_connections_reads_the_graph_as_it_was_written(client: WindTurbineClient) -> None:
    turbine, positions, far = parts()
    read = client.wind_turbine.retrieve("wt-1", retrieve_connections="full")
    assert read is not None
    assert_read_as_written(read, turbine, skip=frozenset({"metmast"}))
    # Its Distance edges: the one of its own field, and the one the far met mast holds inwards.
    assert read.metmast is not None
    edges = sorted(read.metmast, key=lambda edge: edge.external_id)
    assert [(edge.external_id, edge.distance) for edge in edges] == [
        ("wt-1-near", 120.0),
        ("wt-1:wt-metmast-far", 450.0),
    ]
    assert turbine.metmast is not None
    assert_value(edges[:1], turbine.metmast, 1, "WindTurbine.metmast")
    assert [edge.end_node.position if isinstance(edge.end_node, Metmast) else None for edge in edges] == [1.0, 2.0]
    # Inwards: the met mast's edge leads to the turbine, read as an object with its properties.
    mast = client.metmast.retrieve("wt-metmast-far", retrieve_connections="full")
    assert mast is not None
    assert mast.wind_turbines is not None
    (edge,) = mast.wind_turbines
    assert isinstance(edge, Distance)
    assert isinstance(edge.end_node, WindTurbine)
    assert (edge.distance, edge.end_node.id) == (450.0, node("wt-1"))
    assert_read_as_written(mast, far)
    # Reverse relations: the nodes whose direct relation points here.
    blade = client.blade.retrieve("wt-blade-1", retrieve_connections="full")
    assert blade is not None
    assert blade.sensor_positions is not None
    assert [item.id if isinstance(item, NodeRead) else item for item in blade.sensor_positions] == [
        node("wt-position-1")
    ]
    assert_value(blade.sensor_positions, [positions[0]], 1, "Blade.sensor_positions")
    nacelle = client.nacelle.retrieve("wt-nacelle", retrieve_connections="full")
    assert nacelle is not None
    assert isinstance(nacelle.wind_turbine, NodeRead)
    assert nacelle.wind_turbine.id == node("wt-1")
    assert isinstance(turbine.nacelle, NacelleWrite)
    assert_read_as_written(nacelle, turbine.nacelle)  # its time series and gearbox as objects
    identifiers = client.blade.retrieve("wt-blade-2", retrieve_connections="identifier")
    assert identifiers is not None
    assert identifiers.sensor_positions == [node("wt-position-2")]
    # Written again as read, one level of connections and the edges included, nothing changes.
    results = client.upsert(read.as_write())
    assert len(results) == 1 + 2 + 1 + 2 + 2 + 2  # turbine, blades, sheet, nacelle and rotor, met masts, edges
    assert [result.external_id for result in results if result.was_modified] == []


def test_as_write_of_what_was_read_changes_nothing(client: WindTurbineClient) -> None:
    turbines = client.wind_turbine.retrieve(["wt-1"])
    nacelle = client.nacelle.retrieve("wt-nacelle")
    assert nacelle is not None
    results = client.upsert([*turbines.as_write(), nacelle.as_write()])
    assert sorted((result.external_id, result.was_modified) for result in results) == [
        ("wt-1", False),
        ("wt-nacelle", False),
    ]


def test_recursive_delete_leaves_nothing_behind(client: WindTurbineClient) -> None:
    deleted = client.delete(graph(), recursive=True)
    assert sorted(item.external_id for item in deleted) == sorted([*NODES, *EDGES])
    assert raw(client, "node", NODES) == []
    assert raw(client, "edge", list(EDGES)) == []
    assert client.wind_turbine.list() == []
    assert client.metmast.retrieve("seed") is not None  # the seed node is not part of the graph
