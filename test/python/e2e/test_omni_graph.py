"""Connections end to end on the Omni SDK against the emulator: `upsert` of a nested graph with direct relations,
edges outwards and inwards, and edges with properties; the nodes and edges read back; a recursive delete."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import pytest
from sdk_omni import (
    ConnectionItemDWrite,
    ConnectionItemEWrite,
    ConnectionItemFWrite,
    ConnectionItemGWrite,
    NodeId,
    OmniClient,
)
from sdk_omni.data_classes import ConnectionEdgeAWrite

from .connection import EmulatorConnection, by_ids

MODEL = "sp_pygen_models"
SPACE = "sp_omni_instances"
START = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
# A node of the seed: referred to by id only, so neither written nor deleted.
SEEDED = "CDFExternalReferences:Austin"


@pytest.fixture(scope="module")
def client(omni_emulator: EmulatorConnection) -> Iterator[OmniClient]:
    with OmniClient(**omni_emulator) as client:
        yield client


def node(external_id: str) -> NodeId:
    return NodeId(SPACE, external_id)


def graph() -> list[ConnectionItemDWrite | ConnectionItemFWrite | ConnectionItemGWrite | ConnectionItemEWrite]:
    """Three roots sharing nodes: every connection kind a write class has, and a node reached twice."""
    e1 = ConnectionItemEWrite(space=SPACE, external_id="graph-e1", name="e1")
    e2 = ConnectionItemEWrite(space=SPACE, external_id="graph-e2", name="e2", direct_no_source=(SPACE, SEEDED))
    d1 = ConnectionItemDWrite(
        space=SPACE,
        external_id="graph-d1",
        name="d1",
        direct_single=e1,
        direct_multi=[e1, e2],
        outwards_single=e2,
    )
    f1 = ConnectionItemFWrite(
        space=SPACE,
        external_id="graph-f1",
        name="f1",
        direct_list=[d1, (SPACE, SEEDED)],
        outwards_multi=[
            ConnectionEdgeAWrite(
                end_node=ConnectionItemGWrite(space=SPACE, external_id="graph-g1", name="g1"),
                name="f1 to g1",
                start_time=START,
            )
        ],
        outwards_single=ConnectionEdgeAWrite(end_node=e1, name="f1 to e1", external_id="graph-edge-fe"),
    )
    # Inwards edges: from the node in the field to the node holding it.
    g2 = ConnectionItemGWrite(
        space=SPACE,
        external_id="graph-g2",
        name="g2",
        inwards_multi_property=[ConnectionEdgeAWrite(end_node=f1, name="f1 to g2")],
    )
    e3 = ConnectionItemEWrite(space=SPACE, external_id="graph-e3", name="e3", inwards_single=d1)
    return [f1, g2, e3]


NODES = ["graph-d1", "graph-e1", "graph-e2", "graph-e3", "graph-f1", "graph-g1", "graph-g2"]
# external id → (type, start, end)
EDGES = {
    "graph-d1:graph-e2": ("bidirectionalSingle", "graph-d1", "graph-e2"),
    "graph-f1:graph-g1": ("multiProperty", "graph-f1", "graph-g1"),
    "graph-edge-fe": ("singleProperty", "graph-f1", "graph-e1"),
    "graph-f1:graph-g2": ("multiProperty", "graph-f1", "graph-g2"),
    "graph-d1:graph-e3": ("bidirectionalSingle", "graph-d1", "graph-e3"),
}


def raw(client: OmniClient, instance_type: str, external_ids: list[str], view: str | None = None) -> list[Any]:
    source = None if view is None else {"type": "view", "space": MODEL, "externalId": view, "version": "1"}
    return by_ids(client, SPACE, instance_type, external_ids, source)


def test_upsert_writes_the_graph_and_it_reads_back(client: OmniClient) -> None:
    results = client.upsert(graph())
    assert sorted(result.external_id for result in results) == sorted([*NODES, *EDGES])

    d1 = client.connection_item_d.retrieve("graph-d1")
    assert d1 is not None
    assert d1.name == "d1"
    assert d1.direct_single == node("graph-e1")
    assert d1.direct_multi == [node("graph-e1"), node("graph-e2")]
    # The view's filter selects nodes of type ConnectionItemD: written through the view, they have that type.
    assert d1.node_type == NodeId(MODEL, "ConnectionItemD")
    f1 = client.connection_item_f.retrieve("graph-f1")
    assert f1 is not None
    assert f1.direct_list == [node("graph-d1"), node(SEEDED)]
    e2 = client.connection_item_e.retrieve("graph-e2")
    assert e2 is not None
    assert e2.direct_no_source == node(SEEDED)
    listed = client.connection_item_g.retrieve(["graph-g1", "graph-g2"])
    assert sorted(item.name or "" for item in listed) == ["g1", "g2"]

    edges = {item["externalId"]: item for item in raw(client, "edge", list(EDGES))}
    assert {
        xid: (item["type"]["externalId"], item["startNode"]["externalId"], item["endNode"]["externalId"])
        for xid, item in edges.items()
    } == EDGES
    with_properties = {item["externalId"]: item for item in raw(client, "edge", list(EDGES)[1:4], "ConnectionEdgeA")}
    values = {xid: item["properties"][MODEL]["ConnectionEdgeA/1"] for xid, item in with_properties.items()}
    assert values["graph-f1:graph-g1"]["name"] == "f1 to g1"
    assert datetime.fromisoformat(values["graph-f1:graph-g1"]["startTime"]) == START
    assert values["graph-edge-fe"]["name"] == "f1 to e1"
    assert values["graph-f1:graph-g2"]["name"] == "f1 to g2"


def test_as_write_of_what_was_read_writes_the_same_node(client: OmniClient) -> None:
    d1 = client.connection_item_d.retrieve("graph-d1")
    assert d1 is not None
    write = d1.as_write()
    assert write.direct_multi == [node("graph-e1"), node("graph-e2")]
    assert write.outwards_single is None  # edges not loaded are not carried
    results = client.upsert(write)
    # Nothing differs from what is stored, so the API leaves the node as it was.
    assert [(result.external_id, result.was_modified) for result in results] == [("graph-d1", False)]


def test_recursive_delete_leaves_nothing_behind(client: OmniClient) -> None:
    client.upsert(graph())
    deleted = client.delete(graph(), recursive=True)
    assert sorted(item.external_id for item in deleted) == sorted([*NODES, *EDGES])
    assert raw(client, "node", NODES) == []
    assert raw(client, "edge", list(EDGES)) == []
    assert client.connection_item_d.retrieve("graph-d1") is None
    assert raw(client, "node", [SEEDED]) != []
