"""Generated classes that extend their parents' (`class Pump(Asset)`): fields, dumps, parsing, and `as_child_class`."""

from __future__ import annotations

import json
import sys
import textwrap
import types
from collections.abc import Mapping
from typing import Annotated, Any, ClassVar

import httpx
from support import Recorder, Sleeps, http_client, request_json

from pumps._runtime import (
    InstancesClient,
    NodeFilters,
    NodeList,
    NodeRead,
    NodeWrite,
    ViewAPI,
    ViewId,
    cdf_name,
    resolve_references,
)

ASSET_VIEW = ViewId("sp_model", "Asset", "1")
PUMP_VIEW = ViewId("sp_model", "Pump", "1")
BOOSTER_VIEW = ViewId("sp_model", "BoosterPump", "1")
VALVE_VIEW = ViewId("sp_model", "Valve", "1")


class Asset(NodeRead):
    _view: ClassVar[ViewId] = ASSET_VIEW

    name: str


class AssetWrite(NodeWrite):
    _view: ClassVar[ViewId] = ASSET_VIEW

    name: str


class Pump(Asset):
    _view: ClassVar[ViewId] = PUMP_VIEW

    flow_rate: Annotated[float | None, cdf_name("flowRate")] = None


class PumpWrite(AssetWrite):
    _view: ClassVar[ViewId] = PUMP_VIEW

    flow_rate: Annotated[float | None, cdf_name("flowRate")] = None


class BoosterPump(Pump):
    _view: ClassVar[ViewId] = BOOSTER_VIEW

    stages: int | None = None


class Valve(NodeRead):
    """A child the generator flattened: no subclass of Asset, so never returned where an Asset is expected."""

    _view: ClassVar[ViewId] = VALVE_VIEW

    name: str


class AssetList(NodeList[Asset]):
    pass


class AssetFilters(NodeFilters, total=False):
    name: str | None


def node(external_id: str, views: Mapping[ViewId, dict[str, Any]]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for view, values in views.items():
        properties.setdefault(view.space, {})[f"{view.external_id}/{view.version}"] = values
    return {
        "instanceType": "node",
        "space": "sp_data",
        "externalId": external_id,
        "version": 1,
        "createdTime": 1729354706630,
        "lastUpdatedTime": 1729354706630,
        "properties": properties,
    }


# Each node with the views it has data in, as CDF answers byids: only nodes with data in the requested view.
NODES: dict[str, dict[ViewId, dict[str, Any]]] = {
    "a1": {ASSET_VIEW: {"name": "plain"}},
    "p1": {ASSET_VIEW: {"name": "pump"}, PUMP_VIEW: {"name": "pump", "flowRate": 2.5}},
    "b1": {
        ASSET_VIEW: {"name": "booster"},
        PUMP_VIEW: {"name": "booster", "flowRate": 9.0},
        BOOSTER_VIEW: {"name": "booster", "flowRate": 9.0, "stages": 3},
    },
    "v1": {ASSET_VIEW: {"name": "valve"}, VALVE_VIEW: {"name": "valve"}},
}


def fake_dms(request: httpx.Request) -> httpx.Response:
    body = request_json(request)
    source = body["sources"][0]["source"]
    view = ViewId(source["space"], source["externalId"], source["version"])
    # byids: the nodes asked for; list: every node, one page.
    byids = request.url.path.endswith("/byids")
    wanted = [item["externalId"] for item in body["items"]] if byids else list(NODES)
    items = [node(xid, {view: NODES[xid][view]}) for xid in wanted if view in NODES.get(xid, {})]
    return httpx.Response(200, content=json.dumps({"items": items}))


def asset_api(recorder: Recorder, sleeps: Sleeps) -> ViewAPI[Asset, AssetList]:
    instances = InstancesClient(http_client(fake_dms, recorder, sleeps))
    return ViewAPI(instances, Asset, AssetList, AssetFilters, "sp_data")


def test_child_classes_carry_inherited_fields_their_own_view_and_dump_through_it() -> None:
    assert Pump._property_fields == frozenset({"name", "flow_rate"})
    assert Pump.property_identifiers() == {"flow_rate": "flowRate", "name": "name"}
    assert BoosterPump._property_fields == frozenset({"name", "flow_rate", "stages"})
    assert PumpWrite(space="sp_data", external_id="p1", name="n", flow_rate=1.0).dump()["sources"] == [
        {"source": PUMP_VIEW.dump(), "properties": {"name": "n", "flowRate": 1.0}}
    ]
    pump = Pump.from_instance(node("p1", {PUMP_VIEW: {"name": "pump", "flowRate": 2.5}}))
    assert (pump.name, pump.flow_rate) == ("pump", 2.5)
    # Values of the parent's view are not the child's: a Pump reads its own view only.
    assert Pump.from_instances([node("p1", {ASSET_VIEW: {"name": "x"}, PUMP_VIEW: {"name": "pump"}})])[0].name == "pump"


def test_retrieve_as_child_class_returns_the_most_specific_class(recorder: Recorder, sleeps: Sleeps) -> None:
    api = asset_api(recorder, sleeps)
    items = api.retrieve(["a1", "p1", "b1", "v1", "missing"], as_child_class=True)
    assert [type(item) for item in items] == [Asset, Pump, BoosterPump, Asset]
    assert isinstance(items, AssetList)
    booster = items[2]
    assert isinstance(booster, BoosterPump)
    assert (booster.flow_rate, booster.stages) == (9.0, 3)
    # One read through the view, then one per descendant view (Valve is not one: it was flattened), each about
    # the nodes found in its bases' views: the pumps' about every node found, the boosters' about the pumps only.
    asked = [
        (body["sources"][0]["source"]["externalId"], [item["externalId"] for item in body["items"]])
        for body in recorder.bodies("/byids")
    ]
    assert asked == [
        ("Asset", ["a1", "p1", "b1", "v1", "missing"]),
        ("Pump", ["a1", "p1", "b1", "v1"]),
        ("BoosterPump", ["p1", "b1"]),
    ]


def test_a_view_none_of_whose_bases_matched_is_not_asked(recorder: Recorder, sleeps: Sleeps) -> None:
    items = asset_api(recorder, sleeps).retrieve(["a1", "v1"], as_child_class=True)
    assert [type(item) for item in items] == [Asset, Asset]
    views = [body["sources"][0]["source"]["externalId"] for body in recorder.bodies("/byids")]
    assert views == ["Asset", "Pump"]


def test_retrieve_one_as_child_class_and_by_default_as_the_view_class(recorder: Recorder, sleeps: Sleeps) -> None:
    api = asset_api(recorder, sleeps)
    assert type(api.retrieve("p1", as_child_class=True)) is Pump
    assert type(api.retrieve("p1")) is Asset
    assert api.retrieve("missing", as_child_class=True) is None


def test_list_as_child_class(recorder: Recorder, sleeps: Sleeps) -> None:
    listed = asset_api(recorder, sleeps)._list(
        {}, limit=None, sort_by=None, direction="ascending", filter=None, as_child_class=True
    )
    assert [type(item).__name__ for item in listed] == ["Asset", "Pump", "BoosterPump", "Asset"]


def _module(name: str, source: str) -> types.ModuleType:
    """A module written from `source` and registered, as the generated modules of a package are."""
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(textwrap.dedent(source), module.__dict__)  # noqa: S102 - fixed test source
    return module


def test_resolve_references_binds_names_a_class_inherits_from_another_modules_fields() -> None:
    # `Tower` has no field of its own and its module imports nothing its parent's fields name (a view that only
    # implements another); `Crane` connects to it. Its parent is incomplete until the references are resolved,
    # so pydantic evaluates the inherited annotations where `Tower` is.
    runtime = "pumps._runtime"
    structure = _module(
        "resolve_probe_structure",
        f"""
        from __future__ import annotations
        from typing import TYPE_CHECKING, Annotated, ClassVar
        from {runtime} import DirectRelation, NodeRead, ViewId, cdf_name
        if TYPE_CHECKING:
            from resolve_probe_crane import Crane
        class Structure(NodeRead):
            _view: ClassVar[ViewId] = ViewId("sp", "Structure", "1")
            height: Annotated[float | None, cdf_name("heightM")] = None
            owner: DirectRelation | Crane | None = None
        """,
    )
    tower = _module(
        "resolve_probe_tower",
        f"""
        from __future__ import annotations
        from typing import ClassVar
        from {runtime} import ViewId
        from resolve_probe_structure import Structure
        class Tower(Structure):
            _view: ClassVar[ViewId] = ViewId("sp", "Tower", "1")
        """,
    )
    crane = _module(
        "resolve_probe_crane",
        f"""
        from __future__ import annotations
        from typing import ClassVar
        from {runtime} import DirectRelation, NodeRead, ViewId
        from resolve_probe_tower import Tower
        class Crane(NodeRead):
            _view: ClassVar[ViewId] = ViewId("sp", "Crane", "1")
            tower: DirectRelation | Tower | None = None
        """,
    )
    try:
        # As a package's data_classes/__init__.py does: the classes, in an order that rebuilds Crane first.
        resolve_references({"Crane": crane.Crane, "Tower": tower.Tower, "Structure": structure.Structure})
        read = tower.Tower.model_validate(
            {"space": "sp", "externalId": "t1", "version": 1, "createdTime": 0, "lastUpdatedTime": 0, "heightM": 12.5}
        )
        assert read.height == 12.5
    finally:
        for name in ("resolve_probe_structure", "resolve_probe_tower", "resolve_probe_crane"):
            sys.modules.pop(name, None)
