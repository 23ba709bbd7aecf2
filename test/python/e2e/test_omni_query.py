"""retrieve_connections and select() of the Omni SDK end to end against the emulator, on a small graph written
here with every connection kind:

    D1 --directSingle--> E1     D1 --directMulti--> [E1, E2]     D1 ==bidirectionalSingle==> E2   (D.outwardsSingle)
    F1 ==singleProperty {name: "f1-e1"}==> E1                                                     (F.outwardsSingle)
    F1 ==multiProperty {name: "f1-g1", "f1-g2"}==> G1, G2                                          (F.outwardsMulti)
    F1 --directList--> [D1, D2]

so E1 is D1's through both reverse relations (single: directSingle; multi: the list directMulti), E2 is the
inward end of D1's edge, and G1, G2 see F1's edges inwards, with their properties.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import pytest
from sdk_omni import OmniClient
from sdk_omni._runtime import NodeId, ViewId
from sdk_omni.data_classes import (
    CONNECTION_EDGE_A_VIEW,
    CONNECTION_ITEM_D_VIEW,
    CONNECTION_ITEM_E_VIEW,
    CONNECTION_ITEM_F_VIEW,
    CONNECTION_ITEM_G_VIEW,
    ConnectionEdgeA,
    ConnectionItemD,
    ConnectionItemDList,
    ConnectionItemE,
    ConnectionItemEList,
    ConnectionItemF,
    ConnectionItemFList,
    ConnectionItemG,
)
from typing_extensions import assert_type

from .connection import EmulatorConnection

SPACE = "sp_omni_instances"
MODEL_SPACE = "sp_pygen_models"
START = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def ids(*external_ids: str) -> list[NodeId]:
    return [NodeId(SPACE, f"query:{external_id}") for external_id in external_ids]


D1, D2, E1, E2, F1, G1, G2 = ids("d1", "d2", "e1", "e2", "f1", "g1", "g2")


def node(view: ViewId, node_id: NodeId, **properties: Any) -> dict[str, Any]:
    return {
        "instanceType": "node",
        "space": node_id.space,
        "externalId": node_id.external_id,
        # Omni's views hold the nodes of their own node type.
        "type": {"space": MODEL_SPACE, "externalId": view.external_id},
        "sources": [{"source": view.dump(), "properties": {"name": node_id.external_id, **properties}}],
    }


def edge(edge_type: str, start: NodeId, end: NodeId, **properties: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "instanceType": "edge",
        "space": SPACE,
        "externalId": f"{start.external_id}:{end.external_id}",
        "type": {"space": MODEL_SPACE, "externalId": edge_type},
        "startNode": start.dump(),
        "endNode": end.dump(),
    }
    if properties:
        item["sources"] = [{"source": CONNECTION_EDGE_A_VIEW.dump(), "properties": properties}]
    return item


@pytest.fixture(scope="module")
def client(omni_emulator: EmulatorConnection) -> Iterator[OmniClient]:
    with OmniClient(**omni_emulator) as client:
        client._instances.upsert(
            [
                node(CONNECTION_ITEM_E_VIEW, E1),
                node(CONNECTION_ITEM_E_VIEW, E2),
                node(CONNECTION_ITEM_D_VIEW, D1, directSingle=E1.dump(), directMulti=[E1.dump(), E2.dump()]),
                node(CONNECTION_ITEM_D_VIEW, D2),
                node(CONNECTION_ITEM_F_VIEW, F1, directList=[D1.dump(), D2.dump()]),
                node(CONNECTION_ITEM_G_VIEW, G1),
                node(CONNECTION_ITEM_G_VIEW, G2),
                edge("bidirectionalSingle", D1, E2),
                edge("singleProperty", F1, E1, name="f1-e1", startTime=START.isoformat()),
                edge("multiProperty", F1, G1, name="f1-g1"),
                edge("multiProperty", F1, G2, name="f1-g2"),
            ]
        )
        yield client


def test_retrieve_identifier_fills_node_ids(client: OmniClient) -> None:
    d1 = client.connection_item_d.retrieve(D1, retrieve_connections="identifier")
    assert d1 is not None
    assert d1.direct_single == E1
    assert d1.direct_multi == [E1, E2]
    assert d1.outwards_single == E2
    e1, e2 = client.connection_item_e.retrieve([E1, E2], retrieve_connections="identifier")
    assert e1.direct_reverse_single == D1
    assert e1.direct_reverse_multi == [D1]  # through a list of direct relations: read with containsAny
    assert e2.direct_reverse_multi == [D1]
    assert e2.direct_reverse_single is None
    assert e2.inwards_single == D1
    assert e1.inwards_single is None


def test_retrieve_identifier_gives_edge_objects_ending_in_node_ids(client: OmniClient) -> None:
    f1 = client.connection_item_f.retrieve(F1, retrieve_connections="identifier")
    assert f1 is not None
    assert isinstance(f1.outwards_single, ConnectionEdgeA)
    assert f1.outwards_single.end_node == E1
    assert f1.outwards_single.name == "f1-e1"
    assert f1.outwards_single.start_time == START
    assert sorted((item.end_node, item.name) for item in f1.outwards_multi or []) == [(G1, "f1-g1"), (G2, "f1-g2")]
    g1 = client.connection_item_g.retrieve(G1, retrieve_connections="identifier")
    assert g1 is not None
    assert [(item.end_node, item.name) for item in g1.inwards_multi_property or []] == [(F1, "f1-g1")]


def test_list_full_fills_objects_compared_field_by_field(client: OmniClient) -> None:
    found = client.connection_item_d.list(limit=None, external_id_prefix="query:", retrieve_connections="full")
    assert isinstance(found, ConnectionItemDList)
    d1 = found.get("query:d1")
    assert d1 is not None
    assert isinstance(d1.direct_single, ConnectionItemE)
    assert (d1.direct_single.id, d1.direct_single.name) == (E1, "query:e1")
    assert [(item.id, item.name) for item in d1.direct_multi or [] if isinstance(item, ConnectionItemE)] == [
        (E1, "query:e1"),
        (E2, "query:e2"),
    ]
    assert isinstance(d1.outwards_single, ConnectionItemE)
    assert d1.outwards_single.id == E2
    d2 = found.get("query:d2")
    assert d2 is not None
    assert (d2.direct_single, d2.direct_multi, d2.outwards_single) == (None, None, None)


def test_retrieve_full_reads_edge_ends_and_reverse_sources_as_objects(client: OmniClient) -> None:
    f1 = client.connection_item_f.retrieve(F1, retrieve_connections="full")
    assert f1 is not None
    assert isinstance(f1.outwards_single, ConnectionEdgeA)
    assert isinstance(f1.outwards_single.end_node, ConnectionItemE)
    assert f1.outwards_single.end_node.name == "query:e1"
    ends = [item.end_node for item in f1.outwards_multi or []]
    assert sorted(end.id for end in ends if isinstance(end, ConnectionItemG)) == [G1, G2]
    assert [item.name for item in f1.direct_list or [] if isinstance(item, ConnectionItemD)] == ["query:d1", "query:d2"]
    e1 = client.connection_item_e.retrieve(E1, retrieve_connections="full")
    assert e1 is not None
    assert isinstance(e1.direct_reverse_single, ConnectionItemD)
    assert e1.direct_reverse_single.direct_multi == [E1, E2]  # one level: the connected object's own relations stay ids
    assert [item.id for item in e1.direct_reverse_multi or [] if isinstance(item, ConnectionItemD)] == [D1]


def test_select_across_an_edge_with_properties_a_reverse_and_a_direct_relation(client: OmniClient) -> None:
    chain = client.connection_item_f.select().external_id.prefix("query:").outwards_single.direct_reverse_single
    # F1 ==singleProperty==> E1, whose reverse directSingle is D1, whose directMulti holds E1 and E2.
    ends = chain.direct_multi.list(limit=None)
    assert_type(ends, ConnectionItemEList)  # mypy sees each generated step's type through the chain
    assert sorted(item.id for item in ends) == [E1, E2]
    assert all(isinstance(item, ConnectionItemE) for item in ends)
    assert [item.id for item in chain.list(limit=None)] == [D1]
    # Filters apply on their own step.
    assert chain.direct_multi.name.equals("query:e2").list(limit=None).ids == [E2]


def test_select_list_root_nests_the_path(client: OmniClient) -> None:
    roots = (
        client.connection_item_f.select()
        .external_id.prefix("query:")
        .outwards_single.direct_reverse_single.direct_multi.name.equals("query:e2")
        .list_root(limit=None)
    )
    assert_type(roots, ConnectionItemFList)
    assert [root.id for root in roots] == [F1]
    (f1,) = roots
    assert isinstance(f1, ConnectionItemF)
    edge_a = f1.outwards_single
    assert isinstance(edge_a, ConnectionEdgeA)
    assert edge_a.name == "f1-e1"
    e1 = edge_a.end_node
    assert isinstance(e1, ConnectionItemE)
    d1 = e1.direct_reverse_single
    assert isinstance(d1, ConnectionItemD)
    assert [(item.id, item.name) for item in d1.direct_multi or [] if isinstance(item, ConnectionItemE)] == [
        (E2, "query:e2")
    ]
    assert f1.outwards_multi is None  # not on the path
