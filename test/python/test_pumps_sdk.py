"""The pumps SDK as pygen generates it (test/golden/pumps) against a fake CDF: parse, write, list, filter."""

from __future__ import annotations

import gc
import sys
import types
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import httpx
import pydantic
import pytest
from support import FakeDMS, Recorder, node_payload

from pumps import NodeId, Pump, PumpList, PumpsClient, PumpWrite, PumpWriteList
from pumps._api import PumpAPI
from pumps._runtime import CDFConfigError, ClientConfig, Token, equals

ClientFactory = Callable[..., tuple[PumpsClient, Recorder]]
VIEW_REF = {"type": "view", "space": "sp_pumps_model", "externalId": "Pump", "version": "v1"}
HAS_PUMP_DATA = {"hasData": [VIEW_REF]}
BIG = 9_223_372_036_854_775_807


def prop(identifier: str) -> list[str]:
    return ["sp_pumps_model", "Pump/v1", identifier]


FULL_PUMP = node_payload(
    "pump:1",
    description="Main feed pump",
    flowRate=-983.93,
    serialNumber=BIG,
    isActive=True,
    installedAt="2024-03-13T10:22:04.5+02:00",
    commissioned="2023-12-24",
    status="running",
    site={"space": "sp_pumps", "externalId": "site:oslo"},
    specs={"Newspaper modern rate newspaper.": "Feeling player often kitchen.", "rpm": 1450},
    tags=["feed", "critical"],
    sensor="timeseries_jacob",
) | {"type": {"space": "sp_pumps_model", "externalId": "Pump"}}


def test_a_full_payload_parses_into_typed_fields() -> None:
    pump = Pump.from_instance(FULL_PUMP)
    assert (pump.space, pump.external_id, pump.version) == ("sp_pumps", "pump:1", 1)
    assert pump.created_time == datetime(2024, 10, 19, 16, 18, 26, 630_000, tzinfo=timezone.utc)
    assert pump.node_type == NodeId("sp_pumps_model", "Pump")
    assert pump.name == "pump:1"
    assert pump.flow_rate == -983.93
    assert pump.serial_number == BIG
    assert pump.is_active is True
    assert pump.installed_at == datetime(2024, 3, 13, 8, 22, 4, 500_000, tzinfo=timezone.utc)
    assert pump.installed_at is not None
    assert pump.installed_at.utcoffset() == timedelta(hours=2)
    assert pump.commissioned == date(2023, 12, 24)
    assert pump.status == "running"
    assert pump.site == NodeId("sp_pumps", "site:oslo")
    assert pump.specs == {"Newspaper modern rate newspaper.": "Feeling player often kitchen.", "rpm": 1450}
    assert pump.tags == ["feed", "critical"]
    assert pump.sensor == "timeseries_jacob"
    assert pump.deleted_time is None
    assert pump.data_record.version == 1
    assert pump.data_record.last_updated_time == pump.last_updated_time


def test_a_sparse_payload_leaves_absent_properties_unset() -> None:
    pump = Pump.from_instance(node_payload("pump:2") | {"deletedTime": 1729354706631})
    assert pump.flow_rate is None
    assert pump.deleted_time == datetime(2024, 10, 19, 16, 18, 26, 631_000, tzinfo=timezone.utc)
    assert "flow_rate" not in pump.model_fields_set


def test_an_unknown_enum_value_from_a_newer_server_still_parses() -> None:
    assert Pump.from_instance(node_payload("pump:3", status="decommissioned")).status == "decommissioned"


def test_properties_of_other_views_and_unknown_properties_are_ignored() -> None:
    payload = node_payload("pump:4", futureProperty=1)
    payload["properties"]["other_space"] = {"Other/v1": {"name": "not mine"}}
    assert Pump.from_instance(payload).name == "pump:4"


def test_a_write_object_dumps_to_the_apply_payload() -> None:
    write = PumpWrite(
        space="sp_pumps",
        external_id="pump:1",
        name="P1",
        flow_rate=12.5,
        serial_number=BIG,
        installed_at=datetime(2024, 3, 13, 10, 22, 4, 123_456, tzinfo=timezone(timedelta(hours=2))),
        commissioned=date(2023, 12, 24),
        status="stopped",
        site=NodeId("sp_pumps", "site:oslo"),
        specs={"rpm": 1450},
        tags=["a"],
        node_type=NodeId("sp_pumps_model", "Pump"),
    )
    assert write.dump() == {
        "instanceType": "node",
        "space": "sp_pumps",
        "externalId": "pump:1",
        "type": {"space": "sp_pumps_model", "externalId": "Pump"},
        "sources": [
            {
                "source": VIEW_REF,
                "properties": {
                    "name": "P1",
                    "flowRate": 12.5,
                    "serialNumber": BIG,
                    "installedAt": "2024-03-13T08:22:04.123+00:00",
                    "commissioned": "2023-12-24",
                    "status": "stopped",
                    "site": {"space": "sp_pumps", "externalId": "site:oslo"},
                    "specs": {"rpm": 1450},
                    "tags": ["a"],
                },
            }
        ],
    }


def test_not_given_is_left_alone_while_none_clears() -> None:
    write = PumpWrite(space="sp_pumps", external_id="pump:1", name="P1", description=None)
    assert write.dump()["sources"][0]["properties"] == {"name": "P1", "description": None}
    write.flow_rate = None
    assert write.dump()["sources"][0]["properties"] == {"name": "P1", "description": None, "flowRate": None}


def test_write_objects_validate_their_input() -> None:
    with pytest.raises(pydantic.ValidationError, match="finite"):
        PumpWrite(space="s", external_id="x", name="n", flow_rate=float("nan"))
    with pytest.raises(pydantic.ValidationError, match="status"):
        PumpWrite.model_validate({"space": "s", "externalId": "x", "name": "n", "status": "exploded"})
    with pytest.raises(pydantic.ValidationError, match="colour"):
        PumpWrite.model_validate({"space": "s", "externalId": "x", "name": "n", "colour": "red"})
    # CDF identifiers are accepted as well as Python names.
    assert PumpWrite.model_validate({"space": "s", "externalId": "x", "name": "n", "flowRate": 1}).flow_rate == 1


def test_as_write_carries_what_was_read() -> None:
    write = Pump.from_instance(node_payload("pump:5", flowRate=3.0, description=None)).as_write()
    assert isinstance(write, PumpWrite)
    assert write.dump()["sources"][0]["properties"] == {"name": "pump:5", "flowRate": 3.0, "description": None}
    assert write.node_type is None
    assert write.existing_version is None


def test_lists_dump_convert_and_look_up() -> None:
    pumps = PumpList([Pump.from_instance(FULL_PUMP), Pump.from_instance(node_payload("pump:2"))])
    assert pumps.ids == [NodeId("sp_pumps", "pump:1"), NodeId("sp_pumps", "pump:2")]
    assert pumps.get("pump:2") is pumps[1]
    assert pumps.get("pump:2", space="elsewhere") is None
    dumped = pumps.dump()
    assert dumped[0]["installed_at"] == "2024-03-13T08:22:04.500+00:00"
    assert dumped[0]["serial_number"] == BIG
    assert dumped[0]["site"] == {"space": "sp_pumps", "externalId": "site:oslo"}
    writes = pumps.as_write()
    assert isinstance(writes, PumpWriteList)
    assert [item["externalId"] for item in writes.dump()] == ["pump:1", "pump:2"]


def test_to_pandas_uses_pandas_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    pumps = PumpList([Pump.from_instance(node_payload("pump:1", flowRate=2.0))])
    monkeypatch.setitem(sys.modules, "pandas", None)  # None makes the import fail
    with pytest.raises(ImportError, match="pip install pandas"):
        pumps.to_pandas()
    fake_pandas = types.ModuleType("pandas")
    fake_pandas.DataFrame = lambda rows: ("DataFrame", rows)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pandas", fake_pandas)
    kind, rows = pumps.to_pandas()
    assert kind == "DataFrame"
    assert rows[0]["external_id"] == "pump:1"
    assert rows[0]["flow_rate"] == 2.0


def test_typed_keyword_filters_become_the_request_filter(pumps_client: ClientFactory) -> None:
    client, recorder = pumps_client(FakeDMS([node_payload("A1", flowRate=5.0)]))
    pumps = client.pump.list(
        name_prefix="A",
        min_flow_rate=3,
        max_installed_at=datetime(2025, 1, 1, tzinfo=timezone.utc),
        status=["running", "stopped"],
        site=NodeId("sp_pumps", "site:oslo"),
        is_active=True,
        space="sp_pumps",
        sort_by="flow_rate",
        direction="descending",
        filter=equals(["node", "externalId"], "A1"),
    )
    assert [pump.external_id for pump in pumps] == ["A1"]
    (body,) = recorder.bodies("/list")
    assert body["limit"] == 25
    assert body["sort"] == [{"property": prop("flowRate"), "direction": "descending"}]
    assert body["filter"] == {
        "and": [
            HAS_PUMP_DATA,
            {"prefix": {"property": prop("name"), "value": "A"}},
            {"in": {"property": prop("status"), "values": ["running", "stopped"]}},
            {"equals": {"property": prop("site"), "value": {"space": "sp_pumps", "externalId": "site:oslo"}}},
            {"equals": {"property": prop("isActive"), "value": True}},
            {"equals": {"property": ["node", "space"], "value": "sp_pumps"}},
            {"range": {"property": prop("flowRate"), "gte": 3}},
            {"range": {"property": prop("installedAt"), "lte": "2025-01-01T00:00:00.000+00:00"}},
            {"equals": {"property": ["node", "externalId"], "value": "A1"}},
        ]
    }


def test_unknown_keyword_filters_fail_at_type_check_and_at_run_time(pumps_client: ClientFactory) -> None:
    client, _ = pumps_client(FakeDMS())
    with pytest.raises(TypeError, match="colour"):
        client.pump.list(colour="red")  # type: ignore[call-arg]


def test_list_without_limit_pages_through_everything(pumps_client: ClientFactory) -> None:
    client, recorder = pumps_client(FakeDMS([node_payload(f"p{index:04}") for index in range(2300)]))
    assert len(client.pump.list(limit=None)) == 2300
    assert len(client.pump.list(limit=-1)) == 2300
    assert len(client.pump.list(limit=1500)) == 1500
    assert [body["limit"] for body in recorder.bodies("/list")] == [1000, 1000, 1000] * 2 + [1000, 500]


def test_retrieve_one_many_or_missing(pumps_client: ClientFactory) -> None:
    client, recorder = pumps_client(FakeDMS([node_payload("p1"), node_payload("p2", space="other")]))
    one = client.pump.retrieve("p1")
    assert isinstance(one, Pump)
    assert one.external_id == "p1"
    assert client.pump.retrieve("missing") is None
    many = client.pump.retrieve(["p1", NodeId("other", "p2"), "missing"])
    assert isinstance(many, PumpList)
    assert many.ids == [NodeId("sp_pumps", "p1"), NodeId("other", "p2")]
    assert recorder.bodies("/byids")[2]["items"] == [
        {"instanceType": "node", "space": "sp_pumps", "externalId": "p1"},
        {"instanceType": "node", "space": "other", "externalId": "p2"},
        {"instanceType": "node", "space": "sp_pumps", "externalId": "missing"},
    ]


def test_without_a_default_space_a_bare_external_id_needs_one(pumps_client: ClientFactory) -> None:
    client, _ = pumps_client(FakeDMS([node_payload("p1")]))
    api = PumpAPI(client._instances)
    with pytest.raises(ValueError, match="give a space"):
        api.retrieve("p1")
    assert api.retrieve("p1", space="sp_pumps") is not None


def test_iterate_resumes_and_holds_one_chunk_at_a_time(pumps_client: ClientFactory) -> None:
    chunk = 200
    client, recorder = pumps_client(FakeDMS([node_payload(f"p{index:05}") for index in range(2000)]))
    seen: list[str] = []
    alive: list[int] = []
    saved: str | None = None
    for page in client.pump.iterate(chunk, min_flow_rate=None):
        seen.extend(page.ids[i].external_id for i in (0, -1))
        saved = page.next_cursor
        gc.collect()
        alive.append(sum(isinstance(obj, Pump) for obj in gc.get_objects()))
        if len(seen) == 6:
            break
    # While a page is in hand, its objects are the only ones alive: memory follows the chunk, not the total read.
    assert alive == [chunk, chunk, chunk]
    resumed = list(client.pump.iterate(chunk, cursor=saved))
    assert resumed[0][0].external_id == "p00600"
    assert sum(len(page) for page in resumed) == 1400
    assert recorder.bodies("/list")[3]["cursor"] == saved


def test_search_maps_field_names_to_identifiers(pumps_client: ClientFactory) -> None:
    fake = FakeDMS()
    fake.canned["instances/search"] = {"items": [node_payload("p1", description="feed")]}
    client, recorder = pumps_client(fake)
    found = client.pump.search("feed", ["description", "name"], limit=5, is_active=False)
    assert found[0].description == "feed"
    assert recorder.bodies("/search")[0] == {
        "view": VIEW_REF,
        "instanceType": "node",
        "limit": 5,
        "query": "feed",
        "properties": ["description", "name"],
        "filter": {"equals": {"property": prop("isActive"), "value": False}},
    }


def test_aggregate_ungrouped_and_grouped(pumps_client: ClientFactory) -> None:
    fake = FakeDMS()
    client, recorder = pumps_client(fake)
    fake.canned["instances/aggregate"] = {
        "items": [{"instanceType": "node", "aggregates": [{"aggregate": "count", "value": 42}]}]
    }
    assert client.pump.aggregate("count").value == 42
    fake.canned["instances/aggregate"] = {
        "items": [
            {
                "instanceType": "node",
                "group": {"status": "running"},
                "aggregates": [{"aggregate": "avg", "value": 2.5}],
            },
            {
                "instanceType": "node",
                "group": {"site": {"space": "sp", "externalId": "s"}},
                "aggregates": [{"aggregate": "avg", "property": "flowRate", "value": None}],
            },
        ]
    }
    result = client.pump.aggregate("avg", "flow_rate", group_by=["status", "site"], name_prefix="P")
    assert [(group.group, group.value) for group in result.groups] == [
        ({"status": "running"}, 2.5),
        ({"site": NodeId("sp", "s")}, None),
    ]
    with pytest.raises(ValueError, match="grouped"):
        _ = result.value
    body = recorder.bodies("/aggregate")[1]
    assert body["aggregates"] == [{"avg": {"property": "flowRate"}}]
    assert body["groupBy"] == ["status", "site"]
    assert body["filter"] == {"prefix": {"property": prop("name"), "value": "P"}}
    with pytest.raises(ValueError, match="needs a property"):
        client.pump.aggregate("sum")


def test_histogram(pumps_client: ClientFactory) -> None:
    fake = FakeDMS()
    fake.canned["instances/aggregate"] = {
        "items": [
            {
                "instanceType": "node",
                "aggregates": [
                    {
                        "aggregate": "histogram",
                        "property": "flowRate",
                        "interval": 10.0,
                        "buckets": [{"start": 0.0, "count": 3}, {"start": 10.0, "count": 1}],
                    }
                ],
            }
        ]
    }
    client, recorder = pumps_client(fake)
    histogram = client.pump.histogram("flow_rate", 10.0, min_flow_rate=0)
    assert [(bucket.start, bucket.count) for bucket in histogram.buckets] == [(0.0, 3), (10.0, 1)]
    assert recorder.bodies("/aggregate")[0]["aggregates"] == [{"histogram": {"property": "flowRate", "interval": 10.0}}]


def test_unknown_field_names_are_rejected(pumps_client: ClientFactory) -> None:
    client, _ = pumps_client(FakeDMS())
    with pytest.raises(ValueError, match="colour: not a property of view Pump"):
        client.pump.list(sort_by="colour")  # type: ignore[arg-type]


def test_client_upsert_and_delete(pumps_client: ClientFactory) -> None:
    fake = FakeDMS()
    client, recorder = pumps_client(fake)
    results = client.upsert([PumpWrite(space="sp_pumps", external_id=f"p{index}", name="x") for index in range(3)])
    assert [result.external_id for result in results] == ["p0", "p1", "p2"]
    assert recorder.bodies("/models/instances")[0]["replace"] is False
    single = client.upsert(PumpWrite(space="sp_pumps", external_id="p9", name="y"), replace=True)
    assert single[0].was_modified is True
    assert client.delete(["p0", NodeId("sp_pumps", "p1"), "missing"]) == [
        NodeId("sp_pumps", "p0"),
        NodeId("sp_pumps", "p1"),
    ]
    assert sorted(key[1] for key in fake.nodes) == ["p2", "p9"]


def test_client_from_env_and_context_manager(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"CDF_URL": "http://localhost:9", "CDF_PROJECT": "p", "CDF_TOKEN": "t"}.items():
        monkeypatch.setenv(name, value)
    with PumpsClient.from_env() as client:
        assert client.config.project_url == "http://localhost:9/api/v1/projects/p"
    monkeypatch.delenv("CDF_PROJECT")
    with pytest.raises(CDFConfigError, match="CDF_PROJECT"):
        PumpsClient()


def test_client_sends_through_the_given_transport() -> None:
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, json={"items": []})

    config = ClientConfig(base_url="http://localhost:1", project="p", credentials=Token("t"))
    with PumpsClient(config, transport=httpx.MockTransport(handle)) as client:
        assert client.pump.list() == []
    assert seen == ["/api/v1/projects/p/models/instances/list"]


def test_client_from_arguments() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"items": []})

    mock = httpx.MockTransport(handle)
    with PumpsClient(
        base_url="http://localhost:1", project="p", token="t", client_name="app", transport=mock
    ) as client:
        assert client.pump.list() == []
    with PumpsClient(
        base_url="http://localhost:1", project="p", credentials=Token(lambda: "t2"), transport=mock
    ) as client:
        assert client.config.client_name == ClientConfig.client_name  # the default
        client.pump.list()
    assert [(request.url.path, request.headers["authorization"]) for request in seen] == [
        ("/api/v1/projects/p/models/instances/list", "Bearer t"),
        ("/api/v1/projects/p/models/instances/list", "Bearer t2"),
    ]
    assert seen[0].headers["x-cdp-app"] == "app"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            {"config": ClientConfig(base_url="http://localhost:1", project="p", credentials=Token("t")), "token": "t"},
            "either a config or token, not both",
        ),
        (
            {"base_url": "http://localhost:1", "project": "p", "token": "t", "credentials": Token("t")},
            "either token or credentials",
        ),
        ({"base_url": "http://localhost:1", "token": "t"}, "needs base_url, project, and token or credentials"),
        ({"base_url": "http://localhost:1", "project": "p"}, "needs base_url, project, and token or credentials"),
        ({"base_url": "http://localhost:1", "project": "p", "token": "t", "client_name": ""}, "client_name"),
    ],
)
def test_client_arguments_are_checked(arguments: dict[str, Any], message: str) -> None:
    with pytest.raises(CDFConfigError, match=message):
        PumpsClient(**arguments)


def check_static_types(client: PumpsClient) -> Any:
    """Never run: mypy checks that the generated signatures accept and refuse what they should."""
    client.pump.list(status="running", min_commissioned=date(2024, 1, 1), external_id_prefix="x")
    client.pump.list(status="exploded")  # type: ignore[arg-type]
    client.pump.list(min_flow_rate="high")  # type: ignore[arg-type]
    client.pump.aggregate("median")  # type: ignore[arg-type]
    PumpsClient(base_url="http://localhost:1", project="p")  # type: ignore[call-overload]
    PumpsClient(ClientConfig.from_env(), token="t")  # type: ignore[call-overload]
    return PumpWrite(space="s", external_id="x")  # type: ignore[call-arg]
