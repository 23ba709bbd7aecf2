"""Instance operations: chunking, concurrency caps, de-duplication, lazy resumable paging with bounded memory."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from support import FakeDMS, Recorder, Sleeps, http_client, node_payload, request_json

from pumps._runtime import CDFAPIError, CDFUpsertError, InstancesClient, NodeId, ViewId
from pumps._runtime.instances import Aggregate, Sort
from pumps.data_classes import PUMP_VIEW, PumpWrite


def instances(fake: FakeDMS, recorder: Recorder, sleeps: Sleeps, **config: Any) -> InstancesClient:
    return InstancesClient(http_client(fake, recorder, sleeps, **config))


def node_write(index: int) -> dict[str, Any]:
    return PumpWrite(space="sp_pumps", external_id=f"p{index}", name=f"Pump {index}").dump()


def test_upsert_sends_chunks_of_1000_with_at_most_4_in_flight(recorder: Recorder, sleeps: Sleeps) -> None:
    # Each write takes long enough for every worker to be in flight at once.
    fake = FakeDMS(write_delay=0.2)
    client = instances(fake, recorder, sleeps, max_workers=8)
    results = client.upsert([node_write(index) for index in range(5500)], replace=True)
    sizes = [len(body["items"]) for body in recorder.bodies("/models/instances")]
    assert sorted(sizes) == [500, 1000, 1000, 1000, 1000, 1000]
    assert all(body["replace"] is True for body in recorder.bodies("/models/instances"))
    assert fake.max_in_flight["instances"] == 4
    assert [result.external_id for result in results] == [f"p{index}" for index in range(5500)]


def test_upsert_concurrency_follows_max_workers(recorder: Recorder, sleeps: Sleeps) -> None:
    fake = FakeDMS(write_delay=0.2)
    instances(fake, recorder, sleeps, max_workers=2).upsert([node_write(index) for index in range(4000)])
    assert fake.max_in_flight["instances"] == 2


def test_upsert_keeps_the_last_of_duplicate_ids(recorder: Recorder, sleeps: Sleeps) -> None:
    first, second = node_write(1), node_write(1)
    second["sources"][0]["properties"]["name"] = "renamed"
    instances(FakeDMS(), recorder, sleeps).upsert([first, second])
    (body,) = recorder.bodies("/models/instances")
    assert [item["sources"][0]["properties"]["name"] for item in body["items"]] == ["renamed"]


def test_an_upsert_failing_in_part_says_which_instances_were_applied(recorder: Recorder, sleeps: Sleeps) -> None:
    fake = FakeDMS()

    def refuse_the_second_chunk(request: httpx.Request) -> httpx.Response:
        if any(item["externalId"] == "p1500" for item in request_json(request)["items"]):
            return httpx.Response(400, json={"error": {"code": 400, "message": "Value too long"}})
        return fake(request)

    client = InstancesClient(http_client(refuse_the_second_chunk, recorder, sleeps))
    with pytest.raises(CDFUpsertError) as raised:
        client.upsert([node_write(index) for index in range(3500)])
    error = raised.value
    written = [f"p{index}" for index in [*range(1000), *range(2000, 3500)]]
    assert [node.external_id for node in error.applied.nodes] == written
    assert [node.external_id for node in error.failed.nodes] == [f"p{index}" for index in range(1000, 2000)]
    assert error.applied.edges == error.failed.edges == []
    assert [result.external_id for result in error.results] == written
    assert sorted(external_id for _, external_id in fake.nodes) == sorted(written)
    (cause,) = error.errors
    assert isinstance(cause, CDFAPIError)
    assert cause.status == 400
    assert error.__cause__ is cause
    assert str(error).startswith("upsert applied 2500 nodes and 0 edges and failed on 1000 nodes and 0 edges")
    assert "Value too long" in str(error)


def test_delete_sends_chunks_with_at_most_2_in_flight(recorder: Recorder, sleeps: Sleeps) -> None:
    fake = FakeDMS([node_payload(f"p{index}") for index in range(3500)], write_delay=0.2)
    deleted = instances(fake, recorder, sleeps).delete([NodeId("sp_pumps", f"p{index}") for index in range(4000)])
    assert len(deleted) == 3500
    assert sorted(len(body["items"]) for body in recorder.bodies("/delete")) == [1000, 1000, 1000, 1000]
    assert fake.max_in_flight["instances/delete"] == 2
    assert fake.nodes == {}


def test_retrieve_reads_in_chunks_of_1000_and_leaves_out_missing(recorder: Recorder, sleeps: Sleeps) -> None:
    fake = FakeDMS([node_payload(f"p{index}") for index in range(1500)])
    found = instances(fake, recorder, sleeps).retrieve(
        [NodeId("sp_pumps", f"p{index}") for index in range(2100)], PUMP_VIEW
    )
    assert len(found) == 1500
    assert [len(body["items"]) for body in recorder.bodies("/byids")] == [1000, 1000, 100]
    assert recorder.bodies("/byids")[0]["sources"] == [{"source": PUMP_VIEW.dump()}]


def test_iterate_pages_lazily_and_resumes_from_a_saved_cursor(recorder: Recorder, sleeps: Sleeps) -> None:
    fake = FakeDMS([node_payload(f"p{index:05}") for index in range(2500)])
    client = instances(fake, recorder, sleeps)
    pages = client.iterate(PUMP_VIEW, chunk_size=1000)
    assert recorder.requests == []  # nothing is fetched before the first page is asked for
    first = next(pages)
    assert len(recorder.requests) == 1
    saved = first.cursor
    assert saved is not None

    resumed = list(client.iterate(PUMP_VIEW, chunk_size=1000, cursor=saved))
    assert [len(page.items) for page in resumed] == [1000, 500]
    assert resumed[0].items[0]["externalId"] == "p01000"
    assert recorder.bodies("/list")[1]["cursor"] == saved
    assert resumed[-1].cursor is None


def test_iterate_stops_at_a_limit(recorder: Recorder, sleeps: Sleeps) -> None:
    fake = FakeDMS([node_payload(f"p{index:05}") for index in range(2500)])
    pages = list(instances(fake, recorder, sleeps).iterate(PUMP_VIEW, chunk_size=1000, limit=1200))
    assert [len(page.items) for page in pages] == [1000, 200]
    assert [body["limit"] for body in recorder.bodies("/list")] == [1000, 200]


def test_list_page_request_shape(recorder: Recorder, sleeps: Sleeps) -> None:
    client = instances(FakeDMS(), recorder, sleeps)
    client.list_page(PUMP_VIEW, sort=[Sort(PUMP_VIEW.property_ref("name"), "descending", nulls_first=True)], limit=5)
    assert recorder.bodies("/list")[0] == {
        "instanceType": "node",
        "sources": [{"source": {"type": "view", "space": "sp_pumps_model", "externalId": "Pump", "version": "v1"}}],
        "limit": 5,
        "sort": [{"property": ["sp_pumps_model", "Pump/v1", "name"], "direction": "descending", "nullsFirst": True}],
    }


def test_aggregate_and_search_request_shapes(recorder: Recorder, sleeps: Sleeps) -> None:
    fake = FakeDMS()
    fake.canned["instances/aggregate"] = {"items": [{"instanceType": "node", "aggregates": []}]}
    fake.canned["instances/search"] = {"items": []}
    client = instances(fake, recorder, sleeps)
    view = ViewId("sp", "V", "1")
    client.aggregate(view, [Aggregate("count"), Aggregate("avg", "x")], group_by=["g"], query="q", limit=10)
    client.search(view, query="pump", properties=["name"], operator="AND", limit=5000)
    aggregate_body, search_body = recorder.bodies("/aggregate")[0], recorder.bodies("/search")[0]
    assert aggregate_body["aggregates"] == [{"count": {}}, {"avg": {"property": "x"}}]
    assert (aggregate_body["groupBy"], aggregate_body["query"], aggregate_body["limit"]) == (["g"], "q", 10)
    assert search_body == {
        "view": view.dump(),
        "instanceType": "node",
        "limit": 1000,
        "query": "pump",
        "properties": ["name"],
        "operator": "AND",
    }


def test_chunk_size_must_be_positive(recorder: Recorder, sleeps: Sleeps) -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        next(instances(FakeDMS(), recorder, sleeps).iterate(PUMP_VIEW, chunk_size=0))
