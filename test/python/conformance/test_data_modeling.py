"""cognite-sdk's data-modeling API against the emulator: spaces, containers, views, data models, and instances
(apply, retrieve, list with every filter kind, sort, paging, search, aggregate, histogram, query, sync, delete), and
GraphQL. Each test states what CDF answers; the emulator must answer the same through a client nobody here wrote.

The tests build on each other in file order (schema first, then instances), as one session against one emulator.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import pytest
from cognite.client import CogniteClient
from cognite.client.data_classes import data_modeling as dm
from cognite.client.data_classes import filters as f
from cognite.client.data_classes.data_modeling import aggregations as agg
from cognite.client.data_classes.data_modeling import query as q
from cognite.client.data_classes.data_modeling.containers import BTreeIndexApply, RequiresConstraintApply
from cognite.client.exceptions import CogniteAPIError, CogniteGraphQLError

SPACE = "conformance"
DATA = "conformance_data"
ASSET_CONTAINER = dm.ContainerId(SPACE, "AssetContainer")
PUMP_CONTAINER = dm.ContainerId(SPACE, "PumpContainer")
LINK_CONTAINER = dm.ContainerId(SPACE, "LinkContainer")
VERSION = "v1"
ASSET = dm.ViewId(SPACE, "Asset", VERSION)
PUMP = dm.ViewId(SPACE, "Pump", VERSION)
LINK = dm.ViewId(SPACE, "Link", VERSION)
MODEL = dm.DataModelId(SPACE, "Plant", VERSION)
CHILD = dm.DirectRelationReference(SPACE, "Asset.children")
ASSETS = 30


def prop(view: dm.ViewId, identifier: str) -> list[str]:
    return list(view.as_property_ref(identifier))


def external_ids(instances: Any) -> list[str]:
    return sorted(instance.external_id for instance in instances)


# ── Spaces, containers, views, data models ─────────────────────────────────────────────────────────────────


def test_spaces(client: CogniteClient) -> None:
    created = client.data_modeling.spaces.apply(
        [dm.SpaceApply(SPACE, name="Conformance"), dm.SpaceApply(DATA), dm.SpaceApply("conformance_doomed")]
    )
    assert sorted(space.space for space in created) == [SPACE, DATA, "conformance_doomed"]
    retrieved = client.data_modeling.spaces.retrieve(SPACE)
    assert retrieved is not None
    assert retrieved.name == "Conformance"
    assert retrieved.is_global is False
    assert {SPACE, DATA} <= {space.space for space in client.data_modeling.spaces.list(limit=-1)}
    assert client.data_modeling.spaces.delete("conformance_doomed") == ["conformance_doomed"]
    assert client.data_modeling.spaces.retrieve("conformance_doomed") is None


def test_containers(client: CogniteClient) -> None:
    asset = dm.ContainerApply(
        space=SPACE,
        external_id=ASSET_CONTAINER.external_id,
        used_for="node",
        properties={
            "name": dm.ContainerPropertyApply(dm.Text(), nullable=False),
            "description": dm.ContainerPropertyApply(dm.Text()),
            "tags": dm.ContainerPropertyApply(dm.Text(is_list=True)),
            "weight": dm.ContainerPropertyApply(dm.Float64()),
            "rank": dm.ContainerPropertyApply(dm.Int64()),
            "installed": dm.ContainerPropertyApply(dm.Timestamp()),
            "inspected": dm.ContainerPropertyApply(dm.Date()),
            "active": dm.ContainerPropertyApply(dm.Boolean(), default_value=True),
            "meta": dm.ContainerPropertyApply(dm.Json()),
            "parent": dm.ContainerPropertyApply(dm.DirectRelation()),
            "readings": dm.ContainerPropertyApply(dm.Float64(is_list=True)),
        },
        indexes={"byName": BTreeIndexApply(properties=["name"], cursorable=False)},
    )
    pump = dm.ContainerApply(
        space=SPACE,
        external_id=PUMP_CONTAINER.external_id,
        used_for="node",
        properties={"pressure": dm.ContainerPropertyApply(dm.Float64())},
        constraints={"isAsset": RequiresConstraintApply(ASSET_CONTAINER)},
    )
    link = dm.ContainerApply(
        space=SPACE,
        external_id=LINK_CONTAINER.external_id,
        used_for="edge",
        properties={"strength": dm.ContainerPropertyApply(dm.Float64())},
    )
    doomed = dm.ContainerApply(SPACE, "Doomed", properties={"x": dm.ContainerPropertyApply(dm.Int32())})
    created = client.data_modeling.containers.apply([asset, pump, link, doomed])
    assert len(created) == 4
    retrieved = client.data_modeling.containers.retrieve(ASSET_CONTAINER)
    assert retrieved is not None
    assert isinstance(retrieved.properties["tags"].type, dm.Text)
    assert retrieved.properties["tags"].type.is_list is True
    assert retrieved.properties["name"].nullable is False
    assert retrieved.properties["active"].default_value is True
    listed = client.data_modeling.containers.list(space=SPACE, limit=-1)
    assert {container.external_id for container in listed} >= {"AssetContainer", "PumpContainer", "LinkContainer"}
    assert client.data_modeling.containers.delete(dm.ContainerId(SPACE, "Doomed")) == [dm.ContainerId(SPACE, "Doomed")]


def test_views(client: CogniteClient) -> None:
    def mapped(container: dm.ContainerId, identifier: str, source: dm.ViewId | None = None) -> dm.MappedPropertyApply:
        return dm.MappedPropertyApply(container, identifier, source=source)

    asset = dm.ViewApply(
        space=SPACE,
        external_id=ASSET.external_id,
        version=VERSION,
        properties={
            **{
                name: mapped(ASSET_CONTAINER, name)
                for name in (
                    "name",
                    "description",
                    "tags",
                    "weight",
                    "rank",
                    "installed",
                    "inspected",
                    "active",
                    "meta",
                    "readings",
                )
            },
            "parent": mapped(ASSET_CONTAINER, "parent", source=ASSET),
            "children": dm.MultiEdgeConnectionApply(type=CHILD, source=ASSET, edge_source=LINK, direction="outwards"),
            "kids": dm.MultiReverseDirectRelationApply(
                source=ASSET, through=dm.PropertyId(source=ASSET, property="parent")
            ),
        },
    )
    pump = dm.ViewApply(
        space=SPACE,
        external_id=PUMP.external_id,
        version=VERSION,
        implements=[ASSET],
        properties={"pressure": mapped(PUMP_CONTAINER, "pressure")},
    )
    link = dm.ViewApply(
        space=SPACE,
        external_id=LINK.external_id,
        version=VERSION,
        properties={"strength": mapped(LINK_CONTAINER, "strength")},
    )
    created = client.data_modeling.views.apply([asset, pump, link])
    assert sorted(view.external_id for view in created) == ["Asset", "Link", "Pump"]

    full = client.data_modeling.views.retrieve(PUMP)
    assert len(full) == 1
    assert {"name", "pressure", "children", "kids"} <= set(full[0].properties)
    assert full[0].implements == [ASSET]
    own = client.data_modeling.views.retrieve(PUMP, include_inherited_properties=False)
    assert set(own[0].properties) == {"pressure"}

    children = client.data_modeling.views.retrieve(ASSET)[0].properties["children"]
    assert isinstance(children, dm.MultiEdgeConnection)
    assert (children.type, children.edge_source, children.direction) == (CHILD, LINK, "outwards")
    kids = client.data_modeling.views.retrieve(ASSET)[0].properties["kids"]
    assert isinstance(kids, dm.MultiReverseDirectRelation)
    parent = client.data_modeling.views.retrieve(ASSET)[0].properties["parent"]
    assert isinstance(parent, dm.MappedProperty)
    assert parent.source == ASSET

    listed = client.data_modeling.views.list(space=SPACE, limit=-1, include_inherited_properties=False)
    assert {view.external_id: set(view.properties) for view in listed}["Pump"] == {"pressure"}

    # A second version; all_versions lists both, the default only the latest.
    client.data_modeling.views.apply(
        dm.ViewApply(SPACE, "Link", "v2", properties={"strength": mapped(LINK_CONTAINER, "strength")})
    )
    versions = client.data_modeling.views.list(space=SPACE, all_versions=True, limit=-1)
    assert sorted(view.version for view in versions if view.external_id == "Link") == ["v1", "v2"]
    latest = client.data_modeling.views.list(space=SPACE, limit=-1)
    assert [view.version for view in latest if view.external_id == "Link"] == ["v2"]
    assert client.data_modeling.views.delete(dm.ViewId(SPACE, "Link", "v2")) == [dm.ViewId(SPACE, "Link", "v2")]


def test_data_models(client: CogniteClient) -> None:
    created = client.data_modeling.data_models.apply(
        dm.DataModelApply(SPACE, MODEL.external_id, VERSION, name="Plant", views=[ASSET, PUMP, LINK])
    )
    assert created.as_id() == MODEL
    plain = client.data_modeling.data_models.retrieve(MODEL)
    assert plain[0].views == [ASSET, PUMP, LINK]
    inline = client.data_modeling.data_models.retrieve(MODEL, inline_views=True)
    views = inline[0].views
    assert all(isinstance(view, dm.View) for view in views)
    assert sorted(view.as_id().external_id for view in views) == ["Asset", "Link", "Pump"]
    assert [model.as_id() for model in client.data_modeling.data_models.list(space=SPACE, limit=-1)] == [MODEL]
    client.data_modeling.data_models.apply(dm.DataModelApply(SPACE, "Doomed", "v1", views=[ASSET]))
    assert client.data_modeling.data_models.delete(dm.DataModelId(SPACE, "Doomed", "v1")) == [
        dm.DataModelId(SPACE, "Doomed", "v1")
    ]


def test_views_seeded_from_a_model_file_keep_inherited_properties_apart(seeded_client: CogniteClient) -> None:
    plant = dm.ViewId("pygen_example", "HydroPlant", "1")
    own = seeded_client.data_modeling.views.retrieve(plant, include_inherited_properties=False)[0]
    full = seeded_client.data_modeling.views.retrieve(plant)[0]
    # HydroPlant implements Asset, whose name, description, tags and parent it inherits.
    assert {"name", "description", "tags", "parent"} <= set(full.properties)
    assert not {"name", "description", "tags", "parent"} & set(own.properties)
    assert "capacityMw" in own.properties


# ── Instances ──────────────────────────────────────────────────────────────────────────────────────────────


def asset(index: int) -> dm.NodeApply:
    properties: dict[str, Any] = {
        "name": f"Asset {index:02}",
        "description": "a centrifugal pump" if index % 3 == 0 else "a storage tank",
        "tags": ["even" if index % 2 == 0 else "odd", f"t{index % 5}"],
        "weight": 10.0 * index,
        "rank": index,
        "installed": datetime(2020, 1, 1 + index % 28, tzinfo=timezone.utc).isoformat(timespec="milliseconds"),
        "inspected": date(2024, 1 + index % 12, 1).isoformat(),
        "meta": {"index": index},
        "readings": [float(index), float(index + 1)],
    }
    if index > 0:
        properties["parent"] = {"space": DATA, "externalId": "asset:00"}
    if index % 4 == 0:
        del properties["description"]
    sources = [dm.NodeOrEdgeData(ASSET, properties)]
    if index % 3 == 0:
        sources.append(dm.NodeOrEdgeData(PUMP, {"pressure": 1.5 * index}))
    return dm.NodeApply(DATA, f"asset:{index:02}", sources=sources)


def link(start: int, end: int) -> dm.EdgeApply:
    return dm.EdgeApply(
        DATA,
        f"link:{start:02}:{end:02}",
        type=CHILD,
        start_node=(DATA, f"asset:{start:02}"),
        end_node=(DATA, f"asset:{end:02}"),
        sources=[dm.NodeOrEdgeData(LINK, {"strength": start + end / 100})],
    )


def test_apply_and_retrieve_instances(client: CogniteClient) -> None:
    result = client.data_modeling.instances.apply(
        nodes=[asset(index) for index in range(ASSETS)], edges=[link(0, index) for index in range(1, 6)]
    )
    assert len(result.nodes) == ASSETS
    assert len(result.edges) == 5
    assert all(node.was_modified for node in result.nodes)
    assert result.nodes[0].version == 1

    again = client.data_modeling.instances.apply(nodes=[asset(1)])
    assert again.nodes[0].version in (1, 2)

    # With sources, an instance is returned only when it has data in all of them; missing ids are left out.
    found = client.data_modeling.instances.retrieve(
        nodes=[(DATA, "asset:03"), (DATA, "missing")], sources=[ASSET, PUMP]
    )
    assert not client.data_modeling.instances.retrieve(nodes=[(DATA, "asset:01")], sources=[ASSET, PUMP]).nodes
    assert external_ids(found.nodes) == ["asset:03"]
    node = found.nodes[0]
    values = node.properties[ASSET]
    assert values["name"] == "Asset 03"
    assert values["tags"] == ["odd", "t3"]
    assert values["parent"] == {"space": DATA, "externalId": "asset:00"}
    assert values["active"] is True  # the container's default
    assert node.properties[PUMP]["pressure"] == 4.5
    edge = client.data_modeling.instances.retrieve(edges=[(DATA, "link:00:01")], sources=[LINK]).edges[0]
    assert (edge.start_node, edge.end_node, edge.type) == (
        dm.DirectRelationReference(DATA, "asset:00"),
        dm.DirectRelationReference(DATA, "asset:01"),
        CHILD,
    )
    assert edge.properties[LINK]["strength"] == 0.01

    nodes = client.data_modeling.instances.retrieve_nodes([(DATA, "asset:06")], sources=[PUMP])
    assert external_ids(nodes) == ["asset:06"]


def listed(client: CogniteClient, filter: f.Filter, view: dm.ViewId = ASSET) -> list[str]:
    return external_ids(client.data_modeling.instances.list(sources=[view], filter=filter, limit=-1))


def test_list_with_every_filter_kind(client: CogniteClient) -> None:
    name, rank, tags, weight = prop(ASSET, "name"), prop(ASSET, "rank"), prop(ASSET, "tags"), prop(ASSET, "weight")
    assert listed(client, f.Equals(name, "Asset 07")) == ["asset:07"]
    assert listed(client, f.In(rank, [1, 2, 99])) == ["asset:01", "asset:02"]
    assert listed(client, f.Range(rank, gte=27)) == ["asset:27", "asset:28", "asset:29"]
    assert listed(client, f.Range(weight, gt=250.0, lt=280.0)) == ["asset:26", "asset:27"]
    installed = prop(ASSET, "installed")
    assert listed(client, f.Range(installed, lt="2020-01-02T00:00:00.000+00:00")) == ["asset:00", "asset:28"]
    assert listed(client, f.Prefix(name, "Asset 1")) == [f"asset:{index}" for index in range(10, 20)]
    assert len(listed(client, f.Exists(prop(ASSET, "description")))) == ASSETS - len(range(0, ASSETS, 4))
    assert listed(client, f.ContainsAny(tags, ["t4"])) == [
        "asset:04",
        "asset:09",
        "asset:14",
        "asset:19",
        "asset:24",
        "asset:29",
    ]
    assert listed(client, f.ContainsAll(tags, ["even", "t0"])) == ["asset:00", "asset:10", "asset:20"]
    assert listed(client, f.And(f.Range(rank, lt=3), f.Not(f.Equals(rank, 1)))) == ["asset:00", "asset:02"]
    assert listed(client, f.Or(f.Equals(rank, 1), f.Equals(rank, 2))) == ["asset:01", "asset:02"]
    pumps = [f"asset:{index:02}" for index in range(0, ASSETS, 3)]
    assert listed(client, f.HasData(views=[PUMP]), PUMP) == pumps
    assert listed(client, f.HasData(containers=[PUMP_CONTAINER]), PUMP) == pumps
    assert len(listed(client, f.MatchAll())) == ASSETS
    assert listed(client, f.Equals(["node", "externalId"], "asset:05")) == ["asset:05"]
    assert len(listed(client, f.Equals(["node", "space"], DATA))) == ASSETS
    nested = f.Nested(prop(ASSET, "parent"), f.Equals(name, "Asset 00"))
    assert len(listed(client, nested)) == ASSETS - 1
    assert listed(client, f.Equals(prop(ASSET, "parent"), {"space": DATA, "externalId": "asset:00"}))[:2] == [
        "asset:01",
        "asset:02",
    ]
    refs = f.InstanceReferences([dm.NodeId(DATA, "asset:01"), dm.NodeId(DATA, "asset:02")])
    assert listed(client, refs) == ["asset:01", "asset:02"]
    assert listed(client, f.SpaceFilter(DATA)) == listed(client, f.MatchAll())
    assert listed(client, f.Equals(prop(ASSET, "active"), True)) == listed(client, f.MatchAll())


def test_list_edges_and_overlaps(client: CogniteClient) -> None:
    edges = client.data_modeling.instances.list(instance_type="edge", sources=[LINK], limit=-1)
    assert external_ids(edges) == [f"link:00:{index:02}" for index in range(1, 6)]
    strength = prop(LINK, "strength")
    strong = client.data_modeling.instances.list(
        instance_type="edge", sources=[LINK], filter=f.Range(strength, gte=0.04), limit=-1
    )
    assert external_ids(strong) == ["link:00:04", "link:00:05"]
    counted = client.data_modeling.instances.aggregate(LINK, agg.Count("externalId"), instance_type="edge")
    assert counted.value == 5
    strongest = client.data_modeling.instances.aggregate(LINK, agg.Max("strength"), instance_type="edge")
    assert strongest.value == 0.05
    searched = client.data_modeling.instances.search(
        LINK, None, instance_type="edge", filter=f.Range(strength, lte=0.02), limit=-1
    )
    assert external_ids(searched) == ["link:00:01", "link:00:02"]
    rank, weight = prop(ASSET, "rank"), prop(ASSET, "weight")
    # Overlaps: the range [rank, weight] meets [25, 30]: ranks 3..29 have weight 10*rank >= 25.
    overlapping = listed(client, f.Overlaps(rank, weight, gte=25, lte=30))
    assert overlapping == [f"asset:{index:02}" for index in range(3, 31) if index < ASSETS]


def test_sort_and_paging(client: CogniteClient) -> None:
    rank = prop(ASSET, "rank")
    descending = client.data_modeling.instances.list(sources=[ASSET], sort=dm.InstanceSort(rank, "descending"), limit=5)
    assert [node.external_id for node in descending] == [f"asset:{index:02}" for index in range(29, 24, -1)]
    by_description = client.data_modeling.instances.list(
        sources=[ASSET],
        sort=[
            dm.InstanceSort(prop(ASSET, "description"), "ascending", nulls_first=True),
            dm.InstanceSort(rank, "ascending"),
        ],
        limit=-1,
    )
    assert [node.external_id for node in by_description][:3] == ["asset:00", "asset:04", "asset:08"]
    # Pages of 7 (the SDK follows the cursors) add up to every asset, each once.
    pages = list(client.data_modeling.instances(chunk_size=7, instance_type="node", sources=[ASSET]))
    assert [len(page) for page in pages] == [7, 7, 7, 7, 2]
    assert sorted(node.external_id for page in pages for node in page) == [
        f"asset:{index:02}" for index in range(ASSETS)
    ]


def test_search(client: CogniteClient) -> None:
    found = client.data_modeling.instances.search(ASSET, "centrifugal", limit=-1)
    assert external_ids(found) == [f"asset:{index:02}" for index in (3, 6, 9, 15, 18, 21, 27)]
    narrowed = client.data_modeling.instances.search(
        ASSET, "pump", properties=["description"], filter=f.Range(prop(ASSET, "rank"), lte=9), limit=-1
    )
    assert external_ids(narrowed) == ["asset:03", "asset:06", "asset:09"]
    both = client.data_modeling.instances.search(ASSET, "storage tank", operator="AND", limit=-1)
    assert len(both) == len([index for index in range(ASSETS) if index % 3 and index % 4])
    sorted_by_rank = client.data_modeling.instances.search(
        ASSET, "tank", sort=dm.InstanceSort(prop(ASSET, "rank"), "descending"), limit=2
    )
    assert [node.external_id for node in sorted_by_rank] == ["asset:29", "asset:26"]


def test_aggregate(client: CogniteClient) -> None:
    aggregate = client.data_modeling.instances.aggregate
    # What cognite-sdk's (and pygen v1's) aggregate("count") sends: a count of externalId, which CDF answers.
    assert aggregate(ASSET, agg.Count("externalId")).value == ASSETS
    assert aggregate(ASSET, agg.Count("space")).value == ASSETS
    assert aggregate(ASSET, agg.Count("description")).value == ASSETS - len(range(0, ASSETS, 4))
    assert aggregate(ASSET, agg.Sum("rank")).value == sum(range(ASSETS))
    assert aggregate(ASSET, agg.Avg("weight")).value == pytest.approx(145.0)
    assert aggregate(ASSET, agg.Min("rank")).value == 0
    assert aggregate(ASSET, agg.Max("weight")).value == 290.0
    filtered = aggregate(ASSET, agg.Count("externalId"), filter=f.Range(prop(ASSET, "rank"), lt=10))
    assert filtered.value == 10
    grouped = aggregate(ASSET, agg.Count("externalId"), group_by="description")
    counts = {group.group["description"]: group.aggregates[0].value for group in grouped}
    assert counts == {"a centrifugal pump": 7, "a storage tank": 15}
    pumps = aggregate(PUMP, [agg.Count("externalId"), agg.Max("pressure")])
    assert [value.value for value in pumps] == [10, 40.5]


def test_histogram(client: CogniteClient) -> None:
    histogram = client.data_modeling.instances.histogram(ASSET, agg.Histogram("rank", interval=10))
    assert [(bucket.start, bucket.count) for bucket in histogram.buckets] == [(0, 10), (10, 10), (20, 10)]


def test_query(client: CogniteClient) -> None:
    query = q.Query(
        with_={
            "roots": q.NodeResultSetExpression(
                filter=f.And(f.HasData(views=[ASSET]), f.Equals(prop(ASSET, "rank"), 0)), limit=1
            ),
            "links": q.EdgeResultSetExpression(
                from_="roots", filter=f.Equals(["edge", "type"], CHILD.dump()), limit=100
            ),
            "children": q.NodeResultSetExpression(from_="links", limit=100),
            "kids": q.NodeResultSetExpression(
                from_="roots", through=dm.PropertyId(ASSET, "parent"), direction="inwards", limit=100
            ),
        },
        select={
            "roots": q.Select([q.SourceSelector(ASSET, ["name"])]),
            "links": q.Select([q.SourceSelector(LINK, ["strength"])]),
            "children": q.Select([q.SourceSelector(ASSET, ["*"])]),
            "kids": q.Select(),
        },
    )
    result = client.data_modeling.instances.query(query)
    assert external_ids(result["roots"]) == ["asset:00"]
    assert result["roots"][0].properties[ASSET] == {"name": "Asset 00"}
    assert external_ids(result["links"]) == [f"link:00:{index:02}" for index in range(1, 6)]
    assert external_ids(result["children"]) == [f"asset:{index:02}" for index in range(1, 6)]
    assert len(result["kids"]) == ASSETS - 1


def test_query_with_parameters_and_sort(client: CogniteClient) -> None:
    query = q.Query(
        with_={
            "top": q.NodeResultSetExpression(
                filter=f.Range(prop(ASSET, "rank"), gte={"parameter": "from"}),
                sort=[dm.InstanceSort(prop(ASSET, "rank"), "descending")],
                limit=3,
            )
        },
        select={"top": q.Select([q.SourceSelector(ASSET, ["rank"])])},
        parameters={"from": 10},
    )
    result = client.data_modeling.instances.query(query)
    assert [node.properties[ASSET]["rank"] for node in result["top"]] == [29, 28, 27]


def test_sync(client: CogniteClient) -> None:
    query = q.QuerySync(
        with_={"assets": q.NodeResultSetExpressionSync(filter=f.HasData(views=[ASSET]), limit=1000)},
        select={"assets": q.SelectSync([q.SourceSelector(ASSET, ["name"])])},
    )
    first = client.data_modeling.instances.sync(query)
    assert len(first["assets"]) == ASSETS
    assert first.cursors["assets"]
    query.cursors = first.cursors
    client.data_modeling.instances.apply(
        nodes=[dm.NodeApply(DATA, "asset:02", sources=[dm.NodeOrEdgeData(ASSET, {"name": "Renamed"})])]
    )
    changed = client.data_modeling.instances.sync(query)
    query.cursors = changed.cursors
    assert [(node.external_id, node.properties[ASSET]["name"]) for node in changed["assets"]] == [
        ("asset:02", "Renamed")
    ]
    client.data_modeling.instances.delete(nodes=[(DATA, "asset:29")])
    deleted = client.data_modeling.instances.sync(query)
    assert [(node.external_id, node.deleted_time is not None) for node in deleted["assets"]] == [("asset:29", True)]


def test_graphql(client: CogniteClient) -> None:
    answer = client.data_modeling.graphql.query(
        MODEL,
        'query Top($n: Int) { listAsset(first: $n, filter: {name: {prefix: "Asset 0"}}, sort: {rank: ASC}) '
        "{ items { externalId name rank parent { externalId } } } }",
        variables={"n": 2},
    )
    assert answer["listAsset"]["items"] == [
        {"externalId": "asset:00", "name": "Asset 00", "rank": 0, "parent": None},
        {"externalId": "asset:01", "name": "Asset 01", "rank": 1, "parent": {"externalId": "asset:00"}},
    ]
    with pytest.raises(CogniteGraphQLError, match='Field "listNothing" is not defined on type "Query"'):
        client.data_modeling.graphql.query(MODEL, "{ listNothing { items { externalId } } }")


def test_typing_replace_and_direct_relation_checks(client: CogniteClient) -> None:
    typed = client.data_modeling.instances.list(sources=[ASSET], include_typing=True, limit=1)
    assert typed.typing is not None
    typing = typed.typing.dump()
    assert typing[SPACE]["Asset/v1"]["rank"]["type"]["type"] == "int64"
    # replace=True resets what the write leaves out; the default patches.
    client.data_modeling.instances.apply(
        nodes=[dm.NodeApply(DATA, "asset:10", sources=[dm.NodeOrEdgeData(ASSET, {"name": "Patched"})])]
    )
    patched = client.data_modeling.instances.retrieve_nodes((DATA, "asset:10"), sources=[ASSET])
    assert patched is not None
    assert (patched.properties[ASSET]["name"], patched.properties[ASSET]["rank"]) == ("Patched", 10)
    client.data_modeling.instances.apply(
        nodes=[dm.NodeApply(DATA, "asset:10", sources=[dm.NodeOrEdgeData(ASSET, {"name": "Replaced"})])],
        replace=True,
    )
    replaced = client.data_modeling.instances.retrieve_nodes((DATA, "asset:10"), sources=[ASSET])
    assert replaced is not None
    assert replaced.properties[ASSET].get("rank") is None
    dangling = dm.NodeApply(
        DATA,
        "dangling",
        sources=[dm.NodeOrEdgeData(ASSET, {"name": "x", "parent": {"space": DATA, "externalId": "nope"}})],
    )
    with pytest.raises(CogniteAPIError):
        client.data_modeling.instances.apply(nodes=[dangling], auto_create_direct_relations=False)
    client.data_modeling.instances.apply(nodes=[dangling])
    assert client.data_modeling.instances.retrieve_nodes((DATA, "nope")) is not None
    client.data_modeling.instances.delete(nodes=[(DATA, "dangling"), (DATA, "nope")])


def test_space_parameter_and_set_operations(client: CogniteClient) -> None:
    # asset:29 was deleted by the sync test.
    assert len(client.data_modeling.instances.list(space=DATA, sources=[ASSET], limit=-1)) == ASSETS - 1
    assert len(client.data_modeling.instances.list(space="conformance", limit=-1)) == 0
    rank = prop(ASSET, "rank")
    query = q.Query(
        with_={
            "low": q.NodeResultSetExpression(filter=f.Range(rank, lt=3), limit=100),
            "odd": q.NodeResultSetExpression(filter=f.In(rank, [1, 3, 5]), limit=100),
            "either": q.Union(union=["low", "odd"]),
            "both": q.Intersection(intersection=["low", "odd"]),
        },
        select={"either": q.Select(), "both": q.Select()},
    )
    result = client.data_modeling.instances.query(query)
    assert external_ids(result["either"]) == ["asset:00", "asset:01", "asset:02", "asset:03", "asset:05"]
    assert external_ids(result["both"]) == ["asset:01"]


def test_inspect_and_statistics(client: CogniteClient) -> None:
    inspected = client.data_modeling.instances.inspect(
        nodes=[(DATA, "asset:03")],
        involved_views=dm.InvolvedViews(all_versions=True),
        involved_containers=dm.InvolvedContainers(),
    )
    node = inspected.nodes[0]
    assert node.inspection_results.involved_views is not None
    assert {view.external_id for view in node.inspection_results.involved_views} == {"Asset", "Pump"}
    assert node.inspection_results.involved_containers is not None
    assert {container.external_id for container in node.inspection_results.involved_containers} == {
        "AssetContainer",
        "PumpContainer",
    }
    statistics = client.data_modeling.statistics.project()
    assert statistics.spaces.count >= 2
    assert statistics.containers.count >= 3
    space = client.data_modeling.statistics.spaces.retrieve(DATA)
    assert space is not None
    assert space.nodes >= ASSETS - 1


def test_global_resources_and_all_versions(client: CogniteClient) -> None:
    spaces = client.data_modeling.spaces.list(limit=-1, include_global=True)
    assert {SPACE, DATA} <= {space.space for space in spaces}
    views = client.data_modeling.views.list(space=SPACE, include_global=True, all_versions=True, limit=-1)
    assert {view.external_id for view in views} == {"Asset", "Pump", "Link"}
    models = client.data_modeling.data_models.list(space=SPACE, inline_views=True, all_versions=True, limit=-1)
    assert [model.as_id() for model in models] == [MODEL]
    assert all(isinstance(view, dm.View) for view in models[0].views)


def test_delete_instances(client: CogniteClient) -> None:
    deleted = client.data_modeling.instances.delete(
        nodes=[(DATA, "asset:28"), (DATA, "missing")], edges=[(DATA, "link:00:05")]
    )
    assert [node.external_id for node in deleted.nodes] == ["asset:28"]
    assert [edge.external_id for edge in deleted.edges] == ["link:00:05"]
    remaining = client.data_modeling.instances.retrieve(nodes=[(DATA, "asset:28")], edges=[(DATA, "link:00:05")])
    assert (list(remaining.nodes), list(remaining.edges)) == ([], [])
    # Deleting a node deletes the edges that start or end at it.
    client.data_modeling.instances.delete(nodes=[(DATA, "asset:01")])
    assert not client.data_modeling.instances.retrieve(edges=[(DATA, "link:00:01")]).edges


def test_errors_come_as_cognite_api_errors(client: CogniteClient) -> None:
    with pytest.raises(CogniteAPIError) as raised:
        client.data_modeling.instances.list(sources=[ASSET], filter=f.Equals(prop(ASSET, "nothing"), 1))
    assert raised.value.code == 400
    with pytest.raises(CogniteAPIError) as raised:
        client.data_modeling.instances.apply(
            nodes=[dm.NodeApply(DATA, "bad", sources=[dm.NodeOrEdgeData(ASSET, {"rank": "not a number"})])]
        )
    assert raised.value.code == 400
