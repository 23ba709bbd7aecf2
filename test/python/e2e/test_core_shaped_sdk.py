"""The SDK of a model shaped like CDF's core data model (test/fixtures/models/core-shaped.model.yaml) end to end on
the emulator: an asset tree with parent, root and path, equipment on it, files, time series, a 3D object with 360
image edges; filters, retrieve and list with their connections (the asset view has a property named `root`), a
select() chain, and a recursive delete that tells nodes from edges."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sdk_core_shaped import (
    Cognite3DModelWrite,
    Cognite3DObject,
    Cognite3DObjectWrite,
    Cognite360Image,
    Cognite360ImageWrite,
    CogniteAsset,
    CogniteAssetWrite,
    CogniteEquipment,
    CogniteFileWrite,
    CogniteTimeSeries,
    CogniteTimeSeriesWrite,
    EdgeId,
    NodeId,
    PlantOnCoreClient,
    Pump,
    PumpWrite,
    SiteWrite,
)

from .connection import EmulatorConnection, by_ids

SPACE = "plant_instances"


@pytest.fixture(scope="module")
def client(core_shaped_emulator: EmulatorConnection) -> Iterator[PlantOnCoreClient]:
    with PlantOnCoreClient(**core_shaped_emulator) as client:
        yield client


def node(external_id: str) -> NodeId:
    return NodeId(SPACE, external_id)


def plant() -> list[SiteWrite | CogniteTimeSeriesWrite]:
    """A site (a view with no property of its own) at the root of two levels of assets, with a 3D object and its
    360 images on the unit, a pump on the unit with a document, and a time series on both."""
    site = SiteWrite(space=SPACE, external_id="site", name="Site Nord", tags=["north"])
    area = CogniteAssetWrite(
        space=SPACE, external_id="area", name="Area 1", parent=site, root=site, path=[site, (SPACE, "area")]
    )
    model = Cognite3DModelWrite(space=SPACE, external_id="model", name="Plant model", type_="CAD")
    shot = Cognite360ImageWrite(space=SPACE, external_id="shot", name="Shot 1", model_3d=model)
    scan = Cognite3DObjectWrite(space=SPACE, external_id="scan", name="Unit scan", x_min=0.5, images_360=[shot])
    unit = CogniteAssetWrite(
        space=SPACE,
        external_id="unit",
        name="Unit 1",
        parent=area,
        root=site,
        path=[site, area, (SPACE, "unit")],
        object_3d=scan,
    )
    manual = CogniteFileWrite(space=SPACE, external_id="manual", name="Pump manual", assets=[unit], mime_type="pdf")
    pump = PumpWrite(
        space=SPACE,
        external_id="pump",
        name="Pump 1",
        asset=unit,
        site=site,
        files=[manual],
        alarm_level="high",
        flow_rate=12.5,
    )
    spare = PumpWrite(space=SPACE, external_id="spare", name="Spare pump", asset=unit, alarm_level="low", flow_rate=3.0)
    flow = CogniteTimeSeriesWrite(
        space=SPACE, external_id="flow", name="Flow", type_="numeric", is_step=False, assets=[unit], equipment=[pump]
    )
    # The spare pump is reached only through a second time series: upsert walks from every item it is given.
    spare_flow = CogniteTimeSeriesWrite(
        space=SPACE, external_id="spare-flow", name="Spare flow", type_="numeric", is_step=True, equipment=[spare]
    )
    return [site, flow, spare_flow]


NODES = ["site", "area", "unit", "model", "shot", "scan", "manual", "pump", "spare", "flow", "spare-flow"]


@pytest.fixture(scope="module", autouse=True)
def written(client: PlantOnCoreClient) -> None:
    results = client.upsert(plant())
    assert sorted(result.external_id for result in results if result.instance_type == "node") == sorted(NODES)
    assert [result.external_id for result in results if result.instance_type == "edge"] == ["scan:shot"]


def test_the_tree_is_stored_with_parent_root_and_path(client: PlantOnCoreClient) -> None:
    unit = client.cognite_asset.retrieve("unit")
    assert isinstance(unit, CogniteAsset)
    assert unit.parent == node("area")
    assert unit.root == node("site")
    assert unit.path == [node("site"), node("area"), node("unit")]
    assert unit.object_3d == node("scan")
    # The site was written through a view with no property of its own: its values are CogniteAsset's.
    (site,) = by_ids(client, SPACE, "node", ["site"])
    assert site["externalId"] == "site"
    assert client.site.retrieve("site") is not None


def test_filters_of_several_inherited_views(client: PlantOnCoreClient) -> None:
    assert sorted(item.external_id for item in client.cognite_asset.list(name_prefix="Area", limit=None)) == ["area"]
    assert [item.external_id for item in client.cognite_asset.list(parent=node("area"), limit=None)] == ["unit"]
    # Pump's filters come from CogniteEquipment, CogniteDescribable, CogniteSourceable, Monitored and its own.
    high = client.pump.list(alarm_level="high", min_flow_rate=10.0, name_prefix="Pump", limit=None)
    assert [item.external_id for item in high] == ["pump"]
    assert all(isinstance(item, Pump) for item in high)
    assert [item.external_id for item in client.pump.list(asset=node("unit"), max_flow_rate=5.0)] == ["spare"]
    assert [item.external_id for item in client.cognite_time_series.list(type_="numeric", is_step=True)] == [
        "spare-flow"
    ]


def test_retrieve_connections_as_identifiers(client: PlantOnCoreClient) -> None:
    area = client.cognite_asset.retrieve("area", retrieve_connections="identifier")
    assert isinstance(area, CogniteAsset)
    assert area.root == node("site")
    assert area.children == [node("unit")]
    unit = client.cognite_asset.retrieve("unit", retrieve_connections="identifier")
    assert unit is not None
    assert sorted(item for item in unit.equipment or [] if isinstance(item, NodeId)) == [node("pump"), node("spare")]
    assert unit.time_series == [node("flow")]
    assert unit.files == [node("manual")]


def test_retrieve_and_list_full_follow_root_parent_and_reverse_relations(client: PlantOnCoreClient) -> None:
    unit = client.cognite_asset.retrieve("unit", retrieve_connections="full")
    assert isinstance(unit, CogniteAsset)
    assert isinstance(unit.root, CogniteAsset)
    assert unit.root.name == "Site Nord"
    assert isinstance(unit.parent, CogniteAsset)
    assert unit.parent.external_id == "area"
    assert [item.external_id for item in unit.path or [] if isinstance(item, CogniteAsset)] == ["site", "area", "unit"]
    assert sorted(item.external_id for item in unit.equipment or [] if isinstance(item, CogniteEquipment)) == [
        "pump",
        "spare",
    ]
    assert [item.external_id for item in unit.time_series or [] if isinstance(item, CogniteTimeSeries)] == ["flow"]
    listed = client.cognite_asset.list(retrieve_connections="full", limit=None)
    by_id = {item.external_id: item for item in listed}
    assert {"site", "area", "unit"} <= set(by_id)
    area = by_id["area"]
    assert isinstance(area.root, CogniteAsset)
    assert area.root.external_id == "site"
    assert [child.external_id for child in area.children or [] if isinstance(child, CogniteAsset)] == ["unit"]
    site = by_id["site"]
    assert site.root is None
    assert sorted(child.external_id for child in site.children or [] if isinstance(child, CogniteAsset)) == ["area"]


def test_a_reverse_relation_through_an_interface_property_and_edges_to_360_images(client: PlantOnCoreClient) -> None:
    # Cognite3DObject.asset goes back through CogniteAsset.object3D, a property CogniteVisualizable defines.
    scan = client.cognite_3d_object.retrieve("scan", retrieve_connections="full")
    assert isinstance(scan, Cognite3DObject)
    assert isinstance(scan.asset, CogniteAsset)
    assert scan.asset.external_id == "unit"
    (shot,) = scan.images_360 or []
    assert isinstance(shot, Cognite360Image)
    assert shot.model_3d == node("model")
    ids = client.cognite_3d_object.retrieve("scan", retrieve_connections="identifier")
    assert ids is not None
    assert ids.asset == node("unit")
    assert ids.images_360 == [node("shot")]


def test_select_across_a_connection(client: PlantOnCoreClient) -> None:
    assets = client.pump.select().flow_rate.range(gte=10.0).asset.list()
    assert [asset.external_id for asset in assets] == ["unit"]
    pumps = client.pump.select().alarm_level.equals("high").asset.name.prefix("Unit").list_root()
    (pump,) = pumps
    assert isinstance(pump.asset, CogniteAsset)
    assert pump.asset.path == [node("site"), node("area"), node("unit")]


def test_delete_reports_nodes_and_edges_each_by_kind(client: PlantOnCoreClient) -> None:
    scan = Cognite3DObjectWrite(
        space=SPACE, external_id="scan", images_360=[Cognite360ImageWrite(space=SPACE, external_id="shot")]
    )
    deleted = client.delete(scan, recursive=True)
    assert [(type(item), item.external_id) for item in deleted] == [
        (EdgeId, "scan:shot"),
        (NodeId, "scan"),
        (NodeId, "shot"),
    ]
    assert by_ids(client, SPACE, "edge", ["scan:shot"]) == []
    rest = client.delete([node(external_id) for external_id in NODES])
    assert all(type(item) is NodeId for item in rest)
    assert sorted(item.external_id for item in rest) == sorted(set(NODES) - {"scan", "shot"})
    # Only the seed node the emulator started with is left.
    assert [item.external_id for item in client.cognite_asset.list(limit=None)] == ["seed"]
