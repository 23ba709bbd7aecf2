"""retrieve_connections and select() on hand-written classes shaped as the generator writes them (the runtime
bases register them under their views), against a fake graph: which sets are queried, how pages are followed, and
what ends up in the connection fields."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, TypeVar

import pytest
from fake_graph import SPACE, FakeGraph
from support import Recorder, Sleeps, http_client
from typing_extensions import assert_type

from pumps._runtime import (
    Connection,
    DirectRelation,
    EdgeRead,
    InstancesClient,
    NodeId,
    NodeList,
    NodeRead,
    ViewId,
    edge_end,
)
from pumps._runtime import query as query_module
from pumps._runtime.query import fill_connections
from pumps._runtime.select import NodeQuery, RangeProperty, TextProperty

SITE = ViewId(SPACE, "Site", "v1")
PUMP = ViewId(SPACE, "Pump", "v1")
VALVE = ViewId(SPACE, "Valve", "v1")
PUMP_VALVE = ViewId(SPACE, "PumpValve", "v1")
VALVES = NodeId(SPACE, "Pump.valves")


class Site(NodeRead):
    _view: ClassVar[ViewId] = SITE
    _connections: ClassVar[dict[str, Connection]] = {
        "pumps": Connection(
            "reverse", "pumps", many=True, target_view=PUMP, through_source=PUMP, through_property="site"
        )
    }
    name: str
    pumps: list[NodeId | Pump] | None = None


class Pump(NodeRead):
    _view: ClassVar[ViewId] = PUMP
    _connections: ClassVar[dict[str, Connection]] = {
        "site": Connection("direct", "site", many=False, target_view=SITE),
        "spares": Connection("direct", "spares", many=True, target_view=VALVE),
        "valves": Connection("edge", "valves", many=True, target_view=VALVE, edge_type=VALVES, edge_view=PUMP_VALVE),
    }
    name: str
    rating: int | None = None
    site: DirectRelation | Site | None = None
    spares: list[DirectRelation | Valve] | None = None
    valves: list[PumpValve] | None = None


class Valve(NodeRead):
    _view: ClassVar[ViewId] = VALVE
    _connections: ClassVar[dict[str, Connection]] = {
        "pump": Connection("edge", "pump", many=False, target_view=PUMP, direction="inwards", edge_type=VALVES),
        "spare_for": Connection(
            "reverse",
            "spareFor",
            many=True,
            target_view=PUMP,
            through_source=PUMP,
            through_property="spares",
            through_is_list=True,
        ),
    }
    name: str
    pump: NodeId | Pump | None = None
    spare_for: list[NodeId | Pump] | None = None


class PumpValve(EdgeRead):
    _view: ClassVar[ViewId] = PUMP_VALVE
    end_node: Annotated[DirectRelation | Valve, edge_end()]
    position: int | None = None


class SiteList(NodeList[Site]): ...


class PumpList(NodeList[Pump]): ...


class ValveList(NodeList[Valve]): ...


for model in (Site, Pump, Valve, PumpValve):
    model.model_rebuild()

_Root = TypeVar("_Root", bound=NodeList[Any])


class SiteQuery(NodeQuery[Site, SiteList, _Root]):
    _read_class = Site
    _list_class = SiteList
    name = TextProperty("name")

    @property
    def pumps(self) -> PumpQuery[_Root]:
        return PumpQuery(self._instances, self._step, "pumps")


class PumpQuery(NodeQuery[Pump, PumpList, _Root]):
    _read_class = Pump
    _list_class = PumpList
    name = TextProperty("name")
    rating = RangeProperty[int]("rating")

    @property
    def site(self) -> SiteQuery[_Root]:
        return SiteQuery(self._instances, self._step, "site")

    @property
    def valves(self) -> ValveQuery[_Root]:
        return ValveQuery(self._instances, self._step, "valves")


class ValveQuery(NodeQuery[Valve, ValveList, _Root]):
    _read_class = Valve
    _list_class = ValveList
    name = TextProperty("name")

    @property
    def pump(self) -> PumpQuery[_Root]:
        return PumpQuery(self._instances, self._step, "pump")


def ref(external_id: str) -> dict[str, str]:
    return {"space": SPACE, "externalId": external_id}


@pytest.fixture
def graph() -> FakeGraph:
    """Sites s1, s2; pumps p1, p2 at s1 and p3 at s2; valves v1-v4: p1 → v1 (position 1), v2 (2); p2 → v3; v4 spare
    of p1 and p3."""
    graph = FakeGraph()
    for site in ("s1", "s2"):
        graph.node(site, "Site", name=site)
    for pump, site, rating in (("p1", "s1", 5), ("p2", "s1", 7), ("p3", "s2", 9)):
        spares = [ref("v4")] if pump in ("p1", "p3") else []
        graph.node(pump, "Pump", name=pump, rating=rating, site=ref(site), spares=spares)
    for valve in ("v1", "v2", "v3", "v4"):
        graph.node(valve, "Valve", name=valve)
    for pump, valve, position in (("p1", "v1", 1), ("p1", "v2", 2), ("p2", "v3", 1)):
        graph.edge("Pump.valves", pump, valve, "PumpValve", position=position)
    return graph


def instances_on(graph: FakeGraph) -> InstancesClient:
    return InstancesClient(http_client(graph, Recorder(), Sleeps()))


def read(graph: FakeGraph, cls: type[NodeRead], *ids: str) -> list[Any]:
    return cls.from_instances([graph.nodes[(SPACE, external_id)] for external_id in ids])


def test_identifier_fills_node_ids_and_edge_objects_ending_in_node_ids(graph: FakeGraph) -> None:
    pumps: list[Pump] = read(graph, Pump, "p1", "p2", "p3")
    fill_connections(instances_on(graph), pumps, "identifier")
    p1, p2, p3 = pumps
    assert p1.site == NodeId(SPACE, "s1")
    assert p1.spares == [NodeId(SPACE, "v4")]
    assert [(edge.end_node, edge.position) for edge in p1.valves or []] == [
        (NodeId(SPACE, "v1"), 1),
        (NodeId(SPACE, "v2"), 2),
    ]
    assert [edge.end_node for edge in p2.valves or []] == [NodeId(SPACE, "v3")]
    assert p3.valves == []
    # Direct relations hold their ids already: one query reads only the edges, with no node set for their ends.
    (body,) = graph.query_bodies
    # Set names are generated: `hop<n>` per connection queried (here only valves).
    assert sorted(body["with"]) == ["hop0.edges", "root"]
    assert body["with"]["hop0.edges"]["edges"]["filter"] == {
        "equals": {"property": ["edge", "type"], "value": ref("Pump.valves")}
    }


def test_full_fills_objects_of_their_read_classes(graph: FakeGraph) -> None:
    pumps: list[Pump] = read(graph, Pump, "p1", "p3")
    fill_connections(instances_on(graph), pumps, "full")
    p1, p3 = pumps
    assert isinstance(p1.site, Site)
    assert p1.site.name == "s1"
    assert isinstance(p3.site, Site)
    assert p3.site.name == "s2"
    assert [valve.name for valve in p1.spares or [] if isinstance(valve, Valve)] == ["v4"]
    valves = [(edge.end_node, edge.position) for edge in p1.valves or []]
    assert [(end.name, position) for end, position in valves if isinstance(end, Valve)] == [
        ("v1", 1),
        ("v2", 2),
    ]


def test_items_of_several_classes_are_filled_each_with_its_own_connections(graph: FakeGraph) -> None:
    # As `as_child_class` returns them: one list, objects of different classes.
    mixed: list[NodeRead] = [*read(graph, Site, "s2"), *read(graph, Pump, "p3")]
    fill_connections(instances_on(graph), mixed, "identifier")
    s2, p3 = mixed
    assert isinstance(s2, Site)
    assert s2.pumps == [NodeId(SPACE, "p3")]
    assert isinstance(p3, Pump)
    assert p3.valves == []


def test_reverse_relations_and_inward_edges(graph: FakeGraph) -> None:
    sites: list[Site] = read(graph, Site, "s1", "s2")
    fill_connections(instances_on(graph), sites, "full")
    assert [[pump.name for pump in site.pumps or [] if isinstance(pump, Pump)] for site in sites] == [
        ["p1", "p2"],
        ["p3"],
    ]
    valves: list[Valve] = read(graph, Valve, "v1", "v3", "v4")
    fill_connections(instances_on(graph), valves, "identifier")
    assert [valve.pump for valve in valves] == [NodeId(SPACE, "p1"), NodeId(SPACE, "p2"), None]
    # Reverse through a list of direct relations: read with containsAny on the list endpoint, not the query API.
    assert [valve.spare_for for valve in valves] == [[], [], [NodeId(SPACE, "p1"), NodeId(SPACE, "p3")]]
    assert all("spareFor" not in name for body in graph.query_bodies for name in body["with"])


def test_every_page_of_every_set_is_read_against_its_parent_page(
    graph: FakeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    for index in range(5):
        graph.edge("Pump.valves", "p3", f"v{index}", "PumpValve", position=10 + index)
        graph.node(f"v{index}", "Valve", name=f"v{index}")
    monkeypatch.setattr(query_module, "MAX_QUERY_LIMIT", 2)
    pumps: list[Pump] = read(graph, Pump, "p1", "p2", "p3")
    fill_connections(instances_on(graph), pumps, "full")
    assert [[edge.position for edge in pump.valves or []] for pump in pumps] == [[1, 2], [1], [10, 11, 12, 13, 14]]
    assert len(graph.query_bodies) > 3
    assert any("hop2.edges" in body.get("cursors", {}) for body in graph.query_bodies)


def test_lists_of_ids_and_connections_are_split_within_the_api_limits(
    graph: FakeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query_module, "MAX_FILTER_VALUES", 2)
    monkeypatch.setattr(query_module, "MAX_RESULT_SETS", 3)  # the root and one connection's two sets
    recorder = Recorder()
    valves: list[Valve] = read(graph, Valve, "v1", "v2", "v3", "v4")
    fill_connections(InstancesClient(http_client(graph, recorder, Sleeps())), valves, "full")
    assert [valve.spare_for for valve in valves][3] == read(graph, Pump, "p1", "p3")
    # containsAny with at most 2 ids per list request; two chunks of roots, each one query.
    lists = recorder.bodies("/instances/list")
    filters = [item["containsAny"] for body in lists for item in body["filter"]["and"] if "containsAny" in item]
    assert [item["values"] for item in filters] == [
        [ref("v1"), ref("v2")],
        [ref("v3"), ref("v4")],
    ]
    assert [len(body["with"]["root"]["nodes"]["filter"]["instanceReferences"]) for body in graph.query_bodies] == [2, 2]
    pumps: list[Pump] = read(graph, Pump, "p1", "p2")
    graph.query_bodies.clear()
    fill_connections(instances_on(graph), pumps, "full")
    # site, spares and valves (edges and their ends): one connection per request.
    assert sorted(name for body in graph.query_bodies for name in body["with"] if name != "root") == [
        "hop0",
        "hop1",
        "hop2",
        "hop2.edges",
    ]
    assert len(graph.query_bodies) == 3


PART = ViewId(SPACE, "Part", "v1")


class Part(NodeRead):
    """An asset-like class whose connection fields are spelled like the query's own set names."""

    _view: ClassVar[ViewId] = PART
    _connections: ClassVar[dict[str, Connection]] = {
        "root": Connection("direct", "root", many=False, target_view=PART),
        "parent": Connection("direct", "parent", many=False, target_view=PART),
        "hop0": Connection(
            "reverse", "hop0", many=True, target_view=PART, through_source=PART, through_property="parent"
        ),
    }
    name: str
    root: DirectRelation | Part | None = None
    parent: DirectRelation | Part | None = None
    hop0: list[NodeId | Part] | None = None


Part.model_rebuild()


def test_result_set_names_are_generated_whatever_the_fields_are_called() -> None:
    graph = FakeGraph()
    graph.node("top", "Part", name="top")
    graph.node("mid", "Part", name="mid", root=ref("top"), parent=ref("top"))
    graph.node("leaf", "Part", name="leaf", root=ref("top"), parent=ref("mid"))
    parts: list[Part] = read(graph, Part, "mid", "leaf")
    fill_connections(instances_on(graph), parts, "full")
    mid, leaf = parts
    assert isinstance(mid.root, Part)
    assert mid.root.name == "top"
    assert isinstance(leaf.parent, Part)
    assert leaf.parent.name == "mid"
    assert [child.name for child in mid.hop0 or [] if isinstance(child, Part)] == ["leaf"]
    (body,) = graph.query_bodies
    # One set per name, each from another: no field's name became a set that is its own parent.
    assert sorted(body["with"]) == ["hop0", "hop1", "hop2", "root"]
    parents = {name: expression["nodes"].get("from") for name, expression in body["with"].items()}
    assert parents == {"root": None, "hop0": "root", "hop1": "root", "hop2": "root"}


def test_select_steps_are_lazy_and_immutable(graph: FakeGraph) -> None:
    root = PumpQuery[PumpList](instances_on(graph))
    filtered = root.name.prefix("p")
    assert filtered is not root
    assert root._step.filters == ()
    chain: Any = filtered
    for _ in range(10):  # no depth cap: each step is one small object
        chain = chain.valves.pump
    assert len(chain._step.chain()) == 21
    assert graph.query_bodies == []


def test_select_list_returns_the_last_steps_objects(graph: FakeGraph) -> None:
    query = PumpQuery[PumpList](instances_on(graph)).site.name.equals("s1").pumps.valves.name.in_(["v1", "v3"])
    valves = query.list()
    assert_type(valves, ValveList)  # mypy follows the chain's types: each step's class, the last step's list
    assert isinstance(valves, ValveList)
    assert sorted(valve.name for valve in valves) == ["v1", "v3"]
    (body,) = graph.query_bodies
    assert body["select"].keys() >= {"step3"}


def test_select_list_stops_reading_once_the_last_step_is_full(
    graph: FakeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query_module, "MAX_QUERY_LIMIT", 1)
    valves = PumpQuery[PumpList](instances_on(graph)).valves.list(limit=1)
    assert len(valves) == 1
    assert len(graph.query_bodies) == 1
    assert len(PumpQuery[PumpList](instances_on(graph)).valves.list(limit=None)) == 3


def test_select_list_root_nests_the_path(graph: FakeGraph) -> None:
    sites = SiteQuery[SiteList](instances_on(graph)).pumps.rating.range(lte=7).valves.name.equals("v2").list_root()
    assert_type(sites, SiteList)
    assert isinstance(sites, SiteList)
    by_name = {site.name: site for site in sites}
    assert set(by_name) == {"s1", "s2"}
    s1_pumps = [pump for pump in by_name["s1"].pumps or [] if isinstance(pump, Pump)]
    assert [pump.name for pump in s1_pumps] == ["p1", "p2"]
    assert [
        [(edge.end_node.name, edge.position) for edge in pump.valves or [] if isinstance(edge.end_node, Valve)]
        for pump in s1_pumps
    ] == [
        [("v2", 2)],
        [],
    ]
    assert by_name["s2"].pumps == []  # p3 is rated 9


def test_traversal_through_a_field_that_is_no_connection_fails() -> None:
    pumps = PumpQuery[PumpList](instances_on(FakeGraph()))
    with pytest.raises(ValueError, match="not a connection"):
        ValveQuery(pumps._instances, pumps._step, "rating")


def test_select_filters_check_their_values_types_before_any_request(graph: FakeGraph) -> None:
    pumps = PumpQuery[PumpList](instances_on(graph))
    wrong: Any = "big"
    with pytest.raises(TypeError, match=r"rating\.range\(gte=\.\.\.\) expects int, got str \('big'\)"):
        pumps.rating.range(gte=wrong)
    with pytest.raises(TypeError, match=r"rating\.equals expects int, got bool"):
        pumps.rating.equals(True)
    with pytest.raises(TypeError, match=r"name\.prefix expects str, got int"):
        pumps.name.prefix(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"name\.in_ expects a list of values"):
        pumps.name.in_("p1")
    with pytest.raises(TypeError, match=r"name\.in_ expects str, got int"):
        pumps.name.in_(["p1", 2])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"external_id\.equals expects str"):
        pumps.external_id.equals(NodeId(SPACE, "p1"))  # type: ignore[arg-type]
    # Values of the declared types pass: an int is a fine float, a datetime a fine date.
    assert pumps.rating.range(gte=1, lte=3).name.in_(("p1", "p2"))._step.filters
    assert graph.query_bodies == []
