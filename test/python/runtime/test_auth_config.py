"""Credentials and configuration: token caching and refresh, one refresh at a time, environment, validation."""

from __future__ import annotations

import logging
import threading
import time
import urllib.parse
from typing import Any

import httpx
import pytest
from cognite.client import ClientConfig as CogniteClientConfig
from cognite.client import CogniteClient
from cognite.client.credentials import Token as CogniteToken
from support import SECRET_TOKEN, Recorder, transport

from pumps import PumpsClient
from pumps._runtime import (
    CDFAuthError,
    CDFConfigError,
    CDFConnectionError,
    ClientConfig,
    OAuthClientCredentials,
    RetryPolicy,
    Token,
    credentials_from_env,
    default_scopes,
)

CLIENT_SECRET = "client-secret-do-not-print"
TOKEN_URL = "https://login.example.com/tenant/oauth2/v2.0/token"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def token_endpoint(*, expires_in: int = 3600) -> tuple[httpx.MockTransport, Recorder]:
    recorder = Recorder()
    issued = iter(range(1, 1000))

    def handle(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"access_token": f"access-{next(issued)}", "expires_in": expires_in})

    return transport(handle, recorder), recorder


def credentials(mock: httpx.BaseTransport, clock: Clock | None = None, **options: Any) -> OAuthClientCredentials:
    return OAuthClientCredentials(
        token_url=TOKEN_URL,
        client_id="my-client",
        client_secret=CLIENT_SECRET,
        scopes=["https://test.cognitedata.com/.default"],
        transport=mock,
        clock=clock or Clock(),
        sleep=lambda _: None,
        **options,
    )


def form(request: httpx.Request) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(request.content.decode()))


def test_client_credentials_request_a_token_with_the_scopes() -> None:
    mock, recorder = token_endpoint()
    creds = credentials(mock, audience="https://aud")
    assert creds.authorization_header() == "Bearer access-1"
    assert form(recorder.requests[0]) == {
        "grant_type": "client_credentials",
        "client_id": "my-client",
        "client_secret": CLIENT_SECRET,
        "scope": "https://test.cognitedata.com/.default",
        "audience": "https://aud",
    }


def test_the_token_is_cached_and_refreshed_before_it_expires() -> None:
    mock, recorder = token_endpoint(expires_in=3600)
    clock = Clock()
    creds = credentials(mock, clock)
    assert creds.authorization_header() == "Bearer access-1"
    clock.now += 3600 - 31  # still more than the 30 s leeway left
    assert creds.authorization_header() == "Bearer access-1"
    clock.now += 1  # within the leeway: refresh before it lapses
    assert creds.authorization_header() == "Bearer access-2"
    assert len(recorder.requests) == 2


def test_short_lived_tokens_refresh_at_half_their_lifetime() -> None:
    mock, _ = token_endpoint(expires_in=20)
    clock = Clock()
    creds = credentials(mock, clock)
    creds.authorization_header()
    clock.now += 9
    assert creds.authorization_header() == "Bearer access-1"
    clock.now += 1
    assert creds.authorization_header() == "Bearer access-2"


def test_invalidate_forces_a_new_token() -> None:
    mock, _ = token_endpoint()
    creds = credentials(mock)
    creds.authorization_header()
    assert creds.invalidate() is True
    assert creds.authorization_header() == "Bearer access-2"


def test_concurrent_callers_share_one_refresh() -> None:
    calls = []

    def slow(_: httpx.Request) -> httpx.Response:
        calls.append(1)
        time.sleep(0.05)
        return httpx.Response(200, json={"access_token": "shared", "expires_in": 3600})

    creds = credentials(httpx.MockTransport(slow))
    start = threading.Barrier(8)
    headers: list[str] = []

    def worker() -> None:
        start.wait()
        headers.append(creds.authorization_header())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert headers == ["Bearer shared"] * 8
    assert len(calls) == 1


def test_the_token_endpoint_is_retried_on_transient_failures() -> None:
    answers = iter([httpx.Response(503), httpx.Response(200, json={"access_token": "late", "expires_in": 60})])
    creds = credentials(httpx.MockTransport(lambda _: next(answers)))
    assert creds.authorization_header() == "Bearer late"


def test_a_refusal_names_the_reason_but_never_the_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    refusal = {"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret provided."}
    creds = credentials(httpx.MockTransport(lambda _: httpx.Response(401, json=refusal)))
    with pytest.raises(CDFAuthError) as raised:
        creds.authorization_header()
    message = str(raised.value)
    assert "invalid_client" in message
    assert "my-client" in message
    assert f"POST {TOKEN_URL} -> 401" in caplog.text
    assert all(CLIENT_SECRET not in text for text in (message, repr(raised.value), repr(creds), caplog.text))


def test_an_unreachable_token_endpoint_is_a_connection_error() -> None:
    def refuse(_: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    creds = credentials(httpx.MockTransport(refuse), retry=RetryPolicy(max_retries=1))
    with pytest.raises(CDFConnectionError, match="cannot reach the token endpoint"):
        creds.authorization_header()


def test_a_response_without_access_token_is_an_auth_error() -> None:
    creds = credentials(httpx.MockTransport(lambda _: httpx.Response(200, json={"token_type": "Bearer"})))
    with pytest.raises(CDFAuthError, match="no access_token"):
        creds.authorization_header()


def test_token_hides_itself() -> None:
    assert SECRET_TOKEN not in repr(Token(SECRET_TOKEN))
    with pytest.raises(CDFConfigError):
        Token("")


def test_default_scopes_follow_the_cluster() -> None:
    assert default_scopes("https://westeurope-1.cognitedata.com/") == ["https://westeurope-1.cognitedata.com/.default"]


def test_credentials_from_env() -> None:
    base = "https://az-eastus-1.cognitedata.com"
    token = credentials_from_env({"CDF_TOKEN": "abc"}, base_url=base)
    assert token.authorization_header() == "Bearer abc"

    oauth = credentials_from_env(
        {"CDF_CLIENT_ID": "id", "CDF_CLIENT_SECRET": "s3cret", "CDF_TENANT_ID": "tenant-1"}, base_url=base
    )
    assert isinstance(oauth, OAuthClientCredentials)
    assert oauth.token_url == "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token"
    assert oauth.scopes == ("https://az-eastus-1.cognitedata.com/.default",)

    custom = credentials_from_env(
        {"CDF_CLIENT_ID": "id", "CDF_CLIENT_SECRET": "s", "CDF_TOKEN_URL": TOKEN_URL, "CDF_SCOPES": "a b,c"},
        base_url=base,
    )
    assert isinstance(custom, OAuthClientCredentials)
    assert (custom.token_url, custom.scopes) == (TOKEN_URL, ("a", "b", "c"))


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "CDF_TOKEN"),
        ({"CDF_CLIENT_ID": "id"}, "CDF_CLIENT_SECRET"),
        ({"CDF_CLIENT_ID": "id", "CDF_CLIENT_SECRET": "s"}, "CDF_TOKEN_URL or CDF_TENANT_ID"),
    ],
)
def test_incomplete_credentials_in_env_are_explained(env: dict[str, str], message: str) -> None:
    with pytest.raises(CDFConfigError, match=message):
        credentials_from_env(env, base_url="https://x.cognitedata.com")


def test_config_from_env_with_cluster_or_url() -> None:
    config = ClientConfig.from_env({"CDF_CLUSTER": "greenfield", "CDF_PROJECT": "p", "CDF_TOKEN": "t"})
    assert config.base_url == "https://greenfield.cognitedata.com"
    assert config.project_url == "https://greenfield.cognitedata.com/api/v1/projects/p"
    local = ClientConfig.from_env({"CDF_URL": "http://localhost:8080/", "CDF_PROJECT": "p", "CDF_TOKEN": "t"})
    assert local.base_url == "http://localhost:8080"
    with pytest.raises(CDFConfigError, match="CDF_PROJECT"):
        ClientConfig.from_env({"CDF_URL": "http://localhost:8080", "CDF_TOKEN": "t"})
    with pytest.raises(CDFConfigError, match="CDF_URL"):
        ClientConfig.from_env({"CDF_PROJECT": "p", "CDF_TOKEN": "t"})


@pytest.mark.parametrize(
    "overrides",
    [
        {"base_url": "westeurope-1.cognitedata.com"},
        {"base_url": "https://api.cognitedata.com/api/v1/projects/x"},
        {"project": ""},
        {"timeout": 0},
        {"rate_limit": -1.0},
        {"max_workers": 0},
        {"retry": RetryPolicy(max_retries=-1)},
        {"client_name": ""},
    ],
)
def test_config_validation(overrides: dict[str, Any]) -> None:
    settings: dict[str, Any] = {"base_url": "https://api.cognitedata.com", "project": "p", "credentials": Token("t")}
    with pytest.raises(CDFConfigError):
        ClientConfig(**{**settings, **overrides})


def test_client_credentials_for_a_cluster() -> None:
    creds = OAuthClientCredentials.for_cluster(
        "https://westeurope-1.cognitedata.com", client_id="id", client_secret="s", tenant_id="t-1"
    )
    assert creds.token_url == "https://login.microsoftonline.com/t-1/oauth2/v2.0/token"
    assert creds.scopes == ("https://westeurope-1.cognitedata.com/.default",)
    with pytest.raises(CDFConfigError, match="token_url"):
        OAuthClientCredentials.for_cluster("https://x.cognitedata.com", client_id="id", client_secret="s")


def test_a_cognite_client_lends_its_cluster_project_and_credentials() -> None:
    tokens = iter(["first-token", "second-token"])
    cognite = CogniteClient(
        CogniteClientConfig(
            client_name="notebook",
            project="borrowed-project",
            base_url="https://bluefield.cognitedata.com",
            credentials=CogniteToken(lambda: next(tokens)),
        )
    )
    recorder = Recorder()
    config = ClientConfig.from_cognite_client(cognite)
    assert (config.base_url, config.project, config.client_name) == (
        "https://bluefield.cognitedata.com",
        "borrowed-project",
        "notebook",
    )
    assert repr(config.credentials) == "CogniteSDKCredentials(Token)"  # never a token
    with PumpsClient(
        config, transport=transport(lambda _: httpx.Response(200, json={"items": []}), recorder)
    ) as client:
        client.pump.list(limit=1)
        client.pump.list(limit=1)
    # The provider is asked for each request, so its own refreshing carries over.
    assert [request.headers["authorization"] for request in recorder.requests] == [
        "Bearer first-token",
        "Bearer second-token",
    ]
    assert str(recorder.requests[0].url).startswith(
        "https://bluefield.cognitedata.com/api/v1/projects/borrowed-project/"
    )
    assert PumpsClient.from_cognite_client(cognite, client_name="other").config.client_name == "other"


def test_something_else_than_a_cognite_client_is_refused() -> None:
    with pytest.raises(CDFConfigError, match="object is no CogniteClient: its config lacks base_url, project"):
        ClientConfig.from_cognite_client(object())
