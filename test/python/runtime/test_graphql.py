"""`graphql_query`: the request to the data model's GraphQL endpoint, typed parsing by `__typename`, errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import httpx
import pytest
from support import Recorder, request_json

from pumps import NodeId, Pump, PumpsClient
from pumps._runtime import CDFAPIError, CDFGraphQLError

ClientFactory = Callable[..., tuple[PumpsClient, Recorder]]

GRAPHQL_PATH = "/api/v1/projects/demo/userapis/spaces/sp_pumps_model/datamodels/Pumps/versions/v1/graphql"


def answering(answer: Any, status: int = 200) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, content=json.dumps(answer))


def pump(external_id: str, **values: Any) -> dict[str, Any]:
    return {"__typename": "Pump", "space": "sp_pumps", "externalId": external_id, **values}


def test_the_query_goes_to_the_sdk_data_model(pumps_client: ClientFactory) -> None:
    client, recorder = pumps_client(answering({"data": {}}))
    assert client.graphql_query("query Q($n: Int) { listPump(first: $n) { items { name } } }", {"n": 2}) == {}
    (request,) = recorder.requests
    assert (request.method, request.url.path) == ("POST", GRAPHQL_PATH)
    assert request_json(request) == {
        "query": "query Q($n: Int) { listPump(first: $n) { items { name } } }",
        "variables": {"n": 2},
    }


def test_another_data_model_by_its_id(pumps_client: ClientFactory) -> None:
    client, recorder = pumps_client(answering({"data": {}}))
    client.graphql_query("{ x }", space="other space", external_id="Other", version="2")
    path = recorder.requests[0].url.raw_path.decode()
    assert path.endswith("/userapis/spaces/other%20space/datamodels/Other/versions/2/graphql")
    assert request_json(recorder.requests[0])["variables"] == {}


def test_objects_are_parsed_by_typename_and_the_rest_is_kept(pumps_client: ClientFactory) -> None:
    answer = {
        "data": {
            "listPump": {
                "items": [
                    pump(
                        "p1",
                        name="P1",
                        flowRate=2.5,
                        installedAt="2024-10-19T16:18:26.630+00:00",
                        createdTime="2024-10-19T16:18:26.630Z",
                        site={"space": "sp_sites", "externalId": "s1", "__typename": "Site"},
                    ),
                    {"__typename": "Unknown", "externalId": "u1"},
                ],
                "pageInfo": {"hasNextPage": False, "endCursor": None},
            },
            "getPumpById": {"edges": [{"node": pump("p2", name="P2")}]},
        }
    }
    client, _ = pumps_client(answering(answer))
    data = client.graphql_query("{ ... }")
    first, unknown = data["listPump"]["items"]
    assert isinstance(first, Pump)
    assert (first.id, first.name, first.flow_rate) == (NodeId("sp_pumps", "p1"), "P1", 2.5)
    assert first.installed_at == datetime(2024, 10, 19, 16, 18, 26, 630000, tzinfo=timezone.utc)
    assert first.created_time == datetime(2024, 10, 19, 16, 18, 26, 630000, tzinfo=timezone.utc)
    # A direct relation to a type outside the SDK is read as the relation's id.
    assert first.site == NodeId("sp_sites", "s1")
    # Only what the query selected is set; the rest is unset, not invented.
    selected = {"space", "external_id", "name", "flow_rate", "installed_at", "created_time", "site"}
    assert first.model_fields_set == selected
    assert unknown == {"__typename": "Unknown", "externalId": "u1"}
    assert data["listPump"]["pageInfo"] == {"hasNextPage": False, "endCursor": None}
    assert isinstance(data["getPumpById"]["edges"][0]["node"], Pump)


def test_a_nested_object_on_a_field_that_holds_ids_gives_its_id(pumps_client: ClientFactory) -> None:
    nested = pump("p9", name="the site, typed as a pump")
    client, _ = pumps_client(answering({"data": {"getPumpById": pump("p1", name="P1", site=nested)}}))
    result = client.graphql_query("{ ... }")["getPumpById"]
    assert isinstance(result, Pump)
    assert result.site == NodeId("sp_pumps", "p9")


def test_a_value_of_the_wrong_type_fails_as_validation_does(pumps_client: ClientFactory) -> None:
    client, _ = pumps_client(answering({"data": {"getPumpById": pump("p1", flowRate="fast")}}))
    with pytest.raises(ValueError, match="flow_rate"):
        client.graphql_query("{ ... }")


def test_graphql_errors_raise(pumps_client: ClientFactory) -> None:
    errors = [{"message": "Cannot query field 'nme' on type 'Pump'", "locations": [{"line": 1, "column": 20}]}]
    client, _ = pumps_client(answering({"data": None, "errors": errors}))
    with pytest.raises(CDFGraphQLError, match="Cannot query field 'nme'") as raised:
        client.graphql_query("{ listPump { items { nme } } }")
    assert raised.value.errors == errors


def test_an_error_status_carries_the_graphql_message(pumps_client: ClientFactory) -> None:
    client, _ = pumps_client(answering({"errors": [{"message": "Syntax Error: Expected Name"}]}, status=400))
    with pytest.raises(CDFAPIError, match="Syntax Error: Expected Name") as raised:
        client.graphql_query("{")
    assert raised.value.status == 400
