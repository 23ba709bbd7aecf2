"""The SDK generated from OmniMulti A, B and C together: one group of APIs per data model, same-name views apart."""

from __future__ import annotations

import json

import httpx
from sdk_omni_multi_all import Implementation1V1, Implementation1V2, MainInterface, OmniMultiAClient, SubInterface
from sdk_omni_multi_all._runtime import DataModelAPIs, DataModelId, Token, ViewAPI


def client(transport: httpx.MockTransport | None = None) -> OmniMultiAClient:
    return OmniMultiAClient(base_url="https://test.cognitedata.com", project="demo", token="t", transport=transport)


def test_one_group_of_apis_per_data_model() -> None:
    with client() as sdk:
        groups = {name: group for name, group in vars(sdk).items() if isinstance(group, DataModelAPIs)}
        assert {name: group._data_model for name, group in groups.items()} == {
            "omni_multi_a": DataModelId("pygen-models", "OmniMultiA", "1"),
            "omni_multi_b": DataModelId("pygen-models", "OmniMultiB", "1"),
            "omni_multi_c": DataModelId("pygen-models", "OmniMultiC", "1"),
        }
        # No view API sits on the client itself: each is in its model's group.
        assert not any(isinstance(value, ViewAPI) for value in vars(sdk).values())
        assert sdk.omni_multi_a.main_interface._read_class is MainInterface
        assert sdk.omni_multi_b.main_interface._read_class is MainInterface
        assert sdk.omni_multi_b.sub_interface._read_class is SubInterface
        assert isinstance(sdk.config.credentials, Token)


def test_same_name_views_of_different_models_are_different_classes() -> None:
    with client() as sdk:
        v1, v2 = sdk.omni_multi_c.implementation_1_v1, sdk.omni_multi_b.implementation_1_v2
        assert (v1._read_class, v2._read_class) == (Implementation1V1, Implementation1V2)
        assert Implementation1V1._view.external_id == Implementation1V2._view.external_id == "Implementation1"
        assert Implementation1V1._view != Implementation1V2._view
        # Only the OmniMultiB one implements the interfaces.
        assert issubclass(Implementation1V2, SubInterface)
        assert not issubclass(Implementation1V1, MainInterface)


def test_graphql_types_follow_the_data_model_queried() -> None:
    paths: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        paths.append(request.url.path)
        item = {"__typename": "Implementation1", "space": "s", "externalId": "x", "value1": "one"}
        return httpx.Response(200, content=json.dumps({"data": {"getImplementation1ById": item}}))

    with client(httpx.MockTransport(answer)) as sdk:
        from_b = sdk.omni_multi_b.graphql_query("{ ... }")["getImplementation1ById"]
        from_c = sdk.omni_multi_c.graphql_query("{ ... }")["getImplementation1ById"]
        by_id = sdk.graphql_query("{ ... }", external_id="OmniMultiC")["getImplementation1ById"]
    assert (type(from_b), type(from_c), type(by_id)) == (Implementation1V2, Implementation1V1, Implementation1V1)
    assert [path.split("/datamodels/")[1] for path in paths] == [
        "OmniMultiB/versions/1/graphql",
        "OmniMultiC/versions/1/graphql",
        "OmniMultiC/versions/1/graphql",
    ]
