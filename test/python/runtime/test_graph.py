"""Connection fields: metadata and registry, direct relations on the wire, `as_write` through connections, and the
graph `upsert` and recursive `delete` write, on hand-written classes shaped as the generator writes them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, ClassVar

import pytest
from support import FakeDMS, Recorder

from pumps import PumpsClient
from pumps._runtime import (
    Connection,
    DirectRelation,
    EdgeId,
    EdgeRead,
    EdgeWrite,
    NodeId,
    NodeRead,
    NodeWrite,
    ViewId,
    cdf_name,
    class_of,
    edge_end,
    flatten,
    resolve_references,
)

SPACE = "sp_model"
STATION_VIEW = ViewId(SPACE, "Station", "1")
SITE_VIEW = ViewId(SPACE, "Site", "1")
FLOW_VIEW = ViewId(SPACE, "Flow", "1")
PIPE = NodeId(SPACE, "pipe")
FLOW = NodeId(SPACE, "flow")
FEED = NodeId(SPACE, "feed")

STATION_CONNECTIONS = {
    "site": Connection("direct", "site", many=False, target_view=SITE_VIEW),
    "parent": Connection("direct", "parent", many=False, target_view=STATION_VIEW),
    "pipes": Connection("edge", "pipes", many=True, target_view=STATION_VIEW, direction="outwards", edge_type=PIPE),
    "flows": Connection(
        "edge", "flows", many=True, target_view=STATION_VIEW, direction="outwards", edge_type=FLOW, edge_view=FLOW_VIEW
    ),
    "feeder": Connection("edge", "feeder", many=False, target_view=STATION_VIEW, direction="inwards", edge_type=FEED),
}
SITE_CONNECTIONS = {
    "stations": Connection(
        "reverse", "stations", many=True, target_view=STATION_VIEW, through_source=STATION_VIEW, through_property="site"
    ),
}


class Station(NodeRead):
    _view: ClassVar[ViewId] = STATION_VIEW
    _connections: ClassVar[dict[str, Connection]] = STATION_CONNECTIONS

    name: str | None = None
    site: DirectRelation | Site | None = None
    parent: DirectRelation | Station | None = None
    pipes: list[DirectRelation | Station] | None = None
    flows: list[Flow] | None = None
    feeder: DirectRelation | Station | None = None

    def as_write(self) -> StationWrite:
        return self._to_write(StationWrite)


class StationWrite(NodeWrite):
    _view: ClassVar[ViewId] = STATION_VIEW
    _connections: ClassVar[dict[str, Connection]] = STATION_CONNECTIONS

    name: str | None = None
    site: SiteWrite | DirectRelation | tuple[str, str] | None = None
    parent: StationWrite | DirectRelation | tuple[str, str] | None = None
    pipes: list[StationWrite | DirectRelation | tuple[str, str]] | None = None
    flows: list[FlowWrite] | None = None
    feeder: StationWrite | DirectRelation | tuple[str, str] | None = None


class Site(NodeRead):
    _view: ClassVar[ViewId] = SITE_VIEW
    _connections: ClassVar[dict[str, Connection]] = SITE_CONNECTIONS

    name: str | None = None
    stations: list[DirectRelation | Station] | None = None


class SiteWrite(NodeWrite):
    _view: ClassVar[ViewId] = SITE_VIEW
    _connections: ClassVar[dict[str, Connection]] = SITE_CONNECTIONS

    name: str | None = None


class Flow(EdgeRead):
    _view: ClassVar[ViewId] = FLOW_VIEW

    end_node: Annotated[DirectRelation | Station, edge_end()]
    flow_rate: Annotated[float | None, cdf_name("flowRate")] = None

    def as_write(self) -> FlowWrite:
        return self._to_write(FlowWrite)


class FlowWrite(EdgeWrite):
    _view: ClassVar[ViewId] = FLOW_VIEW

    end_node: Annotated[StationWrite | DirectRelation | tuple[str, str], edge_end()]
    flow_rate: Annotated[float | None, cdf_name("flowRate")] = None


resolve_references(globals())

READ_BASE = {"space": "sp_data", "version": 1, "createdTime": 1729354706630, "lastUpdatedTime": 1729354706630}


def station(external_id: str, **values: Any) -> StationWrite:
    return StationWrite(space="sp_data", external_id=external_id, **values)


def edge_ends(item: dict[str, Any]) -> tuple[str, str, str]:
    return item["type"]["externalId"], item["startNode"]["externalId"], item["endNode"]["externalId"]


def test_classes_register_under_their_view_and_keep_the_connections_they_have() -> None:
    assert class_of(STATION_VIEW, "read") is Station
    assert class_of(STATION_VIEW, "write") is StationWrite
    assert class_of(FLOW_VIEW, "write") is FlowWrite
    assert set(Site._connections) == {"stations"}
    assert SiteWrite._connections == {}  # reverse relations are written as the other side's direct relation
    # Direct relations are stored values; edges are instances of their own.
    assert StationWrite._property_fields == {"name", "site", "parent"}
    assert Flow.property_identifiers() == {"flow_rate": "flowRate"}


def test_a_subclass_keeps_the_connections_it_inherits_and_adds_its_own() -> None:
    class Pumping(StationWrite):
        _view: ClassVar[ViewId] = ViewId(SPACE, "PumpingStation", "1")
        _connections: ClassVar[dict[str, Connection]] = {"backup": Connection("direct", "backup", many=False)}

        backup: DirectRelation | tuple[str, str] | None = None

    assert set(Pumping._connections) == {*StationWrite._connections, "backup"}
    assert Pumping._property_fields == {"name", "site", "parent", "backup"}
    assert class_of(Pumping._view, "write") is Pumping


def test_direct_relations_dump_as_ids_whatever_they_hold() -> None:
    write = station("s1", site=SiteWrite(space="sp_data", external_id="here"), parent=("sp_data", "s0"), pipes=[])
    assert write.parent == NodeId("sp_data", "s0")
    assert write.dump()["sources"][0]["properties"] == {
        "site": {"space": "sp_data", "externalId": "here"},
        "parent": {"space": "sp_data", "externalId": "s0"},
    }


def test_read_fields_hold_ids_from_the_api_and_objects_when_given() -> None:
    values = {"name": "one", "site": {"space": "sp_data", "externalId": "here"}}
    read = Station.from_instance({**READ_BASE, "externalId": "s1", "properties": {SPACE: {"Station/1": values}}})
    assert read.site == NodeId("sp_data", "here")
    site = Site.from_instance({**READ_BASE, "externalId": "here"})
    assert Station.model_validate({**READ_BASE, "externalId": "s2", "site": site}).site is site


def test_flatten_writes_nested_nodes_and_edges_in_their_direction() -> None:
    root = station(
        "root",
        site=SiteWrite(space="sp_data", external_id="here", name="Here"),
        pipes=[station("downstream"), ("sp_other", "elsewhere")],
        flows=[FlowWrite(end_node=station("sink"), flow_rate=2.5, external_id="f1", space="sp_edges")],
        feeder=station("source"),
    )
    graph = flatten([root])
    assert [node.external_id for node in graph.nodes] == ["root", "here", "downstream", "sink", "source"]
    edges = {key.external_id: item for key, item in graph.edges.items()}
    assert {key: edge_ends(item) for key, item in edges.items()} == {
        "root:downstream": ("pipe", "root", "downstream"),
        "root:elsewhere": ("pipe", "root", "elsewhere"),
        "f1": ("flow", "root", "sink"),
        # Inwards: from the other node to the one holding the field.
        "source:root": ("feed", "source", "root"),
    }
    assert edges["root:elsewhere"]["space"] == "sp_data"  # the start node's space
    assert edges["root:elsewhere"]["endNode"] == {"space": "sp_other", "externalId": "elsewhere"}
    assert edges["f1"]["space"] == "sp_edges"
    assert edges["f1"]["sources"] == [{"source": FLOW_VIEW.dump(), "properties": {"flowRate": 2.5}}]
    assert "sources" not in edges["root:downstream"]
    assert graph.items[: len(graph.nodes)] == list(graph.nodes.values())


def test_flatten_writes_each_instance_once_and_ends_on_cycles() -> None:
    first, second = station("a", name="first"), station("b")
    first.pipes = [second]
    second.pipes = [first]
    second.parent = first
    again = station("a", name="again")
    graph = flatten([first, second, again, first])
    assert len(graph.nodes) == 2
    assert graph.nodes[NodeId("sp_data", "a")]["sources"][0]["properties"]["name"] == "first"
    assert sorted(key.external_id for key in graph.edges) == ["a:b", "b:a"]


def test_two_edges_of_different_types_with_one_default_id_are_refused_not_lost() -> None:
    # `pipes` and `feeder` (inwards) both make an edge b -> a: both would be "b:a", the second silently dropped.
    downstream = station("b", pipes=[station("a")])
    downstream.feeder = None
    upstream = station("a", feeder=downstream)
    with pytest.raises(ValueError, match="sp_model:pipe and sp_model:feed would both be written as sp_data:b:a"):
        flatten([downstream, upstream])
    # The same edge reached twice is one edge.
    twice = station("a", pipes=[station("b"), station("b")])
    assert list(flatten([twice]).edges) == [EdgeId("sp_data", "a:b")]


def test_flatten_without_follow_gives_only_the_items_themselves() -> None:
    edge = FlowWrite(end_node=("sp_data", "b"), start_node=NodeId("sp_data", "a"), edge_type=FLOW)
    graph = flatten([station("a", pipes=[station("b")]), edge], follow=False)
    assert list(graph.nodes) == [NodeId("sp_data", "a")]
    assert list(graph.edges) == [EdgeId("sp_data", "a:b")]
    with pytest.raises(ValueError, match="start_node and edge_type"):
        FlowWrite(end_node=("sp_data", "b")).dump()


def test_as_write_carries_loaded_connections_and_ends_on_cycles() -> None:
    site = Site.from_instance({**READ_BASE, "externalId": "here"})
    a = Station.model_validate({**READ_BASE, "externalId": "a", "site": site})
    b = Station.model_validate({**READ_BASE, "externalId": "b", "parent": a, "pipes": [NodeId("sp_data", "x")]})
    a.parent = b
    edge = Flow.model_validate(
        {
            **READ_BASE,
            "externalId": "e",
            "type": {"space": SPACE, "externalId": "flow"},
            "startNode": {"space": "sp_data", "externalId": "a"},
            "end_node": b,
            "flowRate": 1.0,
        }
    )
    a.flows = [edge]
    write = a.as_write()
    assert isinstance(write.site, SiteWrite)
    assert isinstance(write.parent, StationWrite)
    assert write.parent.parent == NodeId("sp_data", "a")  # back at the node being converted: its id
    assert write.parent.pipes == [NodeId("sp_data", "x")]
    assert write.flows is not None
    assert (write.flows[0].external_id, write.flows[0].flow_rate) == ("e", 1.0)
    assert write.flows[0].end_node is write.parent
    assert write.feeder is None  # not loaded: not carried
    assert "feeder" not in write.model_fields_set


def cyclic_pair() -> tuple[Station, Station]:
    """a → b through an edge with properties and a direct relation; b → a through its parent and an edge."""
    a = Station.model_validate({**READ_BASE, "externalId": "a", "name": "a"})
    b = Station.model_validate({**READ_BASE, "externalId": "b", "name": "b", "parent": a, "pipes": [a]})
    flow = {"type": {"space": SPACE, "externalId": "flow"}, "startNode": {"space": "sp_data", "externalId": "a"}}
    a.flows = [Flow.model_validate({**READ_BASE, **flow, "externalId": "e", "end_node": b, "flowRate": 1.0})]
    a.parent = b
    return a, b


def test_repr_and_str_of_connected_objects_show_the_connected_nodes_by_id() -> None:
    a, _ = cyclic_pair()
    text = repr(a)
    assert "parent=NodeId(space='sp_data', external_id='b')" in text
    assert "end_node=NodeId(space='sp_data', external_id='b')" in text
    assert "flow_rate=1.0" in text  # an edge object is shown with its own values
    assert "name='b'" not in text
    assert str(a).startswith("space='sp_data' external_id='a'")
    write = station("w1", pipes=[station("w2", parent=station("w3"))])
    assert "pipes=[NodeId(space='sp_data', external_id='w2')]" in repr(write)


def test_equality_compares_whole_graphs_and_ends_on_cycles() -> None:
    a, b = cyclic_pair()
    a_again, b_again = cyclic_pair()
    assert a == a_again
    assert a != b
    assert a != a.model_copy(update={"parent": NodeId("sp_data", "b")})  # an id is not the object loaded
    assert a != a.model_copy(update={"name": "other"})
    flow, flow_again = (a.flows or [])[0], (a_again.flows or [])[0]
    assert flow == flow_again
    assert flow != flow_again.model_copy(update={"flow_rate": 2.0})
    b_again.name = "changed"  # a difference one step away, on the cycle
    assert a != a_again
    assert flow != flow_again
    first, second = station("x"), station("x")
    first.pipes = [station("y", pipes=[first])]
    second.pipes = [station("y", pipes=[second])]
    assert first == second
    assert first != station("x")
    with pytest.raises(TypeError):
        hash(a)


def test_dump_of_read_objects_is_flat_and_of_write_objects_ends_where_the_graph_repeats() -> None:
    a, _ = cyclic_pair()
    b_id = {"space": "sp_data", "externalId": "b"}
    dumped = a.dump()
    assert dumped["parent"] == b_id
    assert dumped["flows"][0]["end_node"] == b_id
    assert dumped["flows"][0]["flow_rate"] == 1.0
    assert a.model_dump()["parent"] == b_id
    assert '"parent":{"space":"sp_data","externalId":"b"}' in a.model_dump_json()
    first = station("x")
    first.pipes = [station("y", pipes=[first])]
    nested = first.model_dump()
    assert nested["pipes"][0]["external_id"] == "y"
    assert nested["pipes"][0]["pipes"] == [{"space": "sp_data", "externalId": "x"}]
    assert "pipes" not in first.dump()["sources"][0].get("properties", {})  # edges are instances of their own


def test_a_view_used_for_nodes_and_edges_registers_a_class_of_each_kind() -> None:
    gauge_view = ViewId(SPACE, "Gauge", "1")

    class Gauge(NodeRead):
        _view: ClassVar[ViewId] = gauge_view
        value: float | None = None

    class GaugeEdge(EdgeRead):
        _view: ClassVar[ViewId] = gauge_view
        end_node: Annotated[DirectRelation, edge_end()]
        value: float | None = None

    assert class_of(gauge_view, "read") is Gauge
    assert class_of(gauge_view, "read", "node") is Gauge
    assert class_of(gauge_view, "read", "edge") is GaugeEdge
    assert class_of(FLOW_VIEW, "read") is Flow  # a view with an edge class only
    assert class_of(FLOW_VIEW, "read", "node") is None


def test_client_upsert_writes_the_graph_and_recursive_delete_removes_it(
    pumps_client: Callable[..., tuple[PumpsClient, Recorder]],
) -> None:
    fake = FakeDMS()
    client, recorder = pumps_client(fake)
    root = station("root", pipes=[station("downstream")], feeder=station("source"))
    client.upsert(root)
    (body,) = recorder.bodies("/models/instances")
    assert [item["instanceType"] for item in body["items"]] == ["node"] * 3 + ["edge"] * 2
    assert body["autoCreateStartNodes"] is body["autoCreateEndNodes"] is True
    assert len(fake.nodes) == 5

    deleted = client.delete(root, recursive=True)
    first, second = recorder.bodies("/delete")
    assert {item["instanceType"] for item in first["items"]} == {"edge"}
    assert {item["instanceType"] for item in second["items"]} == {"node"}
    # Each kind comes back as its own id type: the edges first, as they were deleted.
    assert [type(instance) for instance in deleted] == [EdgeId] * 2 + [NodeId] * 3
    assert {instance.external_id for instance in deleted[:2]} == {item["externalId"] for item in first["items"]}
    assert fake.nodes == {}


def test_client_delete_of_a_write_object_alone_deletes_its_node(
    pumps_client: Callable[..., tuple[PumpsClient, Recorder]],
) -> None:
    client, recorder = pumps_client(FakeDMS())
    client.delete([station("root", pipes=[station("downstream")]), "other"], space="sp_data")
    (body,) = recorder.bodies("/delete")
    assert body["items"] == [
        {"instanceType": "node", "space": "sp_data", "externalId": "other"},
        {"instanceType": "node", "space": "sp_data", "externalId": "root"},
    ]


def test_client_upsert_without_auto_created_edge_ends_writes_nodes_before_edges(
    pumps_client: Callable[..., tuple[PumpsClient, Recorder]],
) -> None:
    client, recorder = pumps_client(FakeDMS())
    root = station("root", pipes=[station("downstream"), ("sp_data", "elsewhere")], feeder=station("source"))
    client.upsert(root, auto_create_end_nodes=False)
    nodes, edges = recorder.bodies("/models/instances")
    assert [item["externalId"] for item in nodes["items"]] == ["root", "downstream", "source"]
    assert {item["instanceType"] for item in edges["items"]} == {"edge"}
    assert len(edges["items"]) == 3
    for body in (nodes, edges):
        assert (body["autoCreateStartNodes"], body["autoCreateEndNodes"]) == (True, False)
