"""A view used for nodes and edges (usedFor=all) end to end against the emulator: its node class and API, and its
edge class as the properties of edges outwards and inwards, written by `upsert`, read back, deleted recursively."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sdk_used_for_all import (
    Flow,
    FlowEdge,
    FlowEdgeWrite,
    FlowWrite,
    NodeId,
    Station,
    StationWrite,
    UsedForAllClient,
)
from sdk_used_for_all._runtime import CDFUpsertError, EdgeId, EdgeRead, NodeRead, class_of
from sdk_used_for_all.data_classes import FLOW_VIEW

from .connection import EmulatorConnection, by_ids

SPACE = "all_instances"


@pytest.fixture(scope="module")
def client(used_for_all_emulator: EmulatorConnection) -> Iterator[UsedForAllClient]:
    with UsedForAllClient(**used_for_all_emulator) as client:
        yield client


def graph() -> StationWrite:
    """a → b through a Flow edge outwards; c → a through a Flow edge in a's inwards field; a Flow node beside."""
    b = StationWrite(space=SPACE, external_id="b", name="b")
    c = StationWrite(space=SPACE, external_id="c", name="c")
    return StationWrite(
        space=SPACE,
        external_id="a",
        name="a",
        outlets=[FlowEdgeWrite(end_node=b, rate=1.5, meter=c)],
        inlet=FlowEdgeWrite(end_node=c, rate=0.5, external_id="c-feeds-a"),
    )


def raw(client: UsedForAllClient, external_ids: list[str], instance_type: str = "edge") -> list[dict[str, Any]]:
    """Instances whatever views they have data in; edges with their Flow values."""
    return by_ids(client, SPACE, instance_type, external_ids, FLOW_VIEW.dump() if instance_type == "edge" else None)


def test_the_view_has_a_node_class_and_an_edge_class_registered_apart() -> None:
    assert issubclass(Flow, NodeRead)
    assert issubclass(FlowEdge, EdgeRead)
    assert class_of(FLOW_VIEW, "read") is Flow
    assert class_of(FLOW_VIEW, "read", "edge") is FlowEdge
    assert class_of(FLOW_VIEW, "write", "edge") is FlowEdgeWrite
    assert class_of(FLOW_VIEW, "write", "node") is FlowWrite
    # Edges have no edges of their own: the edge class holds the view's stored properties only.
    assert set(FlowEdge.property_identifiers()) == {"rate", "meter"}


def test_edges_with_the_views_properties_are_written_and_read_back(client: UsedForAllClient) -> None:
    results = client.upsert(graph())
    assert sorted(result.external_id for result in results) == ["a", "a:b", "b", "c", "c-feeds-a"]
    edges = {item["externalId"]: item for item in raw(client, ["a:b", "c-feeds-a"])}
    outwards = FlowEdge.from_instance(edges["a:b"])
    assert (outwards.start_node, outwards.end_node) == (NodeId(SPACE, "a"), NodeId(SPACE, "b"))
    assert (outwards.rate, outwards.meter) == (1.5, NodeId(SPACE, "c"))
    inwards = FlowEdge.from_instance(edges["c-feeds-a"])
    assert (inwards.start_node, inwards.end_node, inwards.rate) == (NodeId(SPACE, "c"), NodeId(SPACE, "a"), 0.5)
    # The same view still serves nodes, through its own API.
    client.upsert(FlowWrite(space=SPACE, external_id="flow-node", rate=3.0))
    flows = client.flow.list()
    assert [(flow.external_id, flow.rate) for flow in flows] == [("flow-node", 3.0)]


def test_retrieve_connections_reads_edges_into_the_edge_class(client: UsedForAllClient) -> None:
    a = client.station.retrieve("a", retrieve_connections="full")
    assert a is not None
    assert a.outlets is not None
    (outlet,) = a.outlets
    assert isinstance(outlet, FlowEdge)
    assert isinstance(outlet.end_node, Station)
    assert (outlet.end_node.name, outlet.rate, outlet.meter) == ("b", 1.5, NodeId(SPACE, "c"))
    assert isinstance(a.inlet, FlowEdge)
    assert (a.inlet.external_id, a.inlet.rate) == ("c-feeds-a", 0.5)
    assert isinstance(a.inlet.end_node, Station)
    assert a.inlet.end_node.name == "c"
    b = client.station.retrieve("b", retrieve_connections="full")
    assert b is not None
    assert isinstance(b.inlet, FlowEdge)
    assert isinstance(b.inlet.end_node, Station)
    assert b.inlet.end_node.id == a.id
    # Each retrieval reads objects of its own, one level deep; joined up, a and b lead to each other. Printing,
    # comparing and dumping them still ends.
    again = client.station.retrieve("a", retrieve_connections="full")
    assert again == a
    outlet.end_node, b.inlet.end_node = b, a
    assert "end_node=NodeId(space='all_instances', external_id='b')" in repr(a)
    assert again != a  # b's inlet is loaded now
    assert a.dump()["outlets"][0]["end_node"] == {"space": SPACE, "externalId": "b"}
    identifiers = client.station.retrieve("a", retrieve_connections="identifier")
    assert identifiers is not None
    assert identifiers.outlets is not None
    assert [(edge.end_node, edge.rate) for edge in identifiers.outlets] == [(NodeId(SPACE, "b"), 1.5)]


def test_select_follows_edges_with_the_views_properties(client: UsedForAllClient) -> None:
    downstream = client.station.select().name.equals("a").outlets.list()
    assert [station.external_id for station in downstream] == ["b"]
    (root,) = client.station.select().name.equals("a").outlets.list_root()
    assert root.outlets is not None
    assert [(type(edge), edge.rate) for edge in root.outlets] == [(FlowEdge, 1.5)]


def test_as_write_turns_read_edges_into_the_edge_write_class(client: UsedForAllClient) -> None:
    edge = FlowEdge.from_instance(raw(client, ["a:b"])[0])
    station = client.station.retrieve("a")
    assert station is not None
    loaded = station.model_copy(update={"outlets": [edge]})
    write = loaded.as_write()
    assert write.outlets is not None
    assert [type(item) for item in write.outlets] == [FlowEdgeWrite]
    assert write.outlets[0].rate == 1.5


def test_edges_may_be_kept_from_creating_the_nodes_they_lack(client: UsedForAllClient) -> None:
    dangling = StationWrite(space=SPACE, external_id="d", outlets=[FlowEdgeWrite(end_node=(SPACE, "missing"))])
    with pytest.raises(CDFUpsertError, match="does not exist") as raised:
        client.upsert(dangling, auto_create_end_nodes=False)
    # The node was written; its edge, refused, is reported with it.
    assert raised.value.applied.nodes == [NodeId(SPACE, "d")]
    assert raised.value.applied.edges == []
    assert raised.value.failed.nodes == []
    assert raised.value.failed.edges == [EdgeId(SPACE, "d:missing")]
    assert raw(client, ["missing"], "node") == []
    # The graph's own nodes are written first, so its edges find them.
    results = client.upsert(graph(), auto_create_start_nodes=False, auto_create_end_nodes=False)
    assert len(results) == 5
    client.upsert(dangling)  # by default, the missing end node is created, with no values
    assert [node["externalId"] for node in raw(client, ["missing"], "node")] == ["missing"]
    client.delete(["d", "missing"])


def test_the_edge_apis_list_the_edges_in_the_edge_class_filtered_by_its_properties(client: UsedForAllClient) -> None:
    # outlets (outwards) and inlet (inwards) share their edge type: a node's outlets start at it, its inlet ends there.
    outlets = client.station.outlets_edge.list(start_node="a")
    assert [(type(edge), edge.end_node, edge.rate) for edge in outlets] == [(FlowEdge, NodeId(SPACE, "b"), 1.5)]
    inlet = client.station.inlet_edge.list(end_node="a")
    assert [(edge.external_id, edge.start_node) for edge in inlet] == [("c-feeds-a", NodeId(SPACE, "c"))]
    assert client.station.outlets_edge.list(min_rate=1.0, limit=None).ids == [EdgeId(SPACE, "a:b")]
    assert client.station.outlets_edge.list(meter=NodeId(SPACE, "c"), limit=None).ids == [EdgeId(SPACE, "a:b")]
    # The Flow node is no edge: it never shows up here.
    assert sorted(edge.external_id for edge in client.station.inlet_edge.list(limit=None)) == ["a:b", "c-feeds-a"]


def test_recursive_delete_takes_the_edges_too(client: UsedForAllClient) -> None:
    deleted = client.delete([graph(), FlowWrite(space=SPACE, external_id="flow-node")], recursive=True)
    assert sorted(item.external_id for item in deleted) == ["a", "a:b", "b", "c", "c-feeds-a", "flow-node"]
    assert raw(client, ["a:b", "c-feeds-a"]) == []
    assert client.station.retrieve(["a", "b", "c"]) == []
    assert isinstance(client.station.retrieve("seed"), Station)
