"""HTTP: headers, gzip, retries and backoff, Retry-After, re-authentication, errors, and no leaked secrets."""

from __future__ import annotations

import gzip
import json
import logging
import socket
import time
from collections.abc import Callable, Iterator

import httpx
import pytest
from support import BASE_URL, SECRET_TOKEN, Recorder, Sleeps, http_client, make_config, request_json, transport

from pumps._runtime import (
    CDFAPIError,
    CDFAuthError,
    CDFConnectionError,
    CDFNotFoundError,
    CDFRateLimitError,
    ClientConfig,
    HTTPClient,
    RetryPolicy,
    Token,
)
from pumps._runtime.retry import parse_retry_after
from pumps._runtime.throttle import RateLimiter


def respond(*responses: httpx.Response | Exception) -> Callable[[httpx.Request], httpx.Response]:
    """A handler that answers with the given responses in turn (raising the exceptions)."""
    queue: Iterator[httpx.Response | Exception] = iter(responses)

    def handle(request: httpx.Request) -> httpx.Response:
        answer = next(queue)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return handle


def ok(body: object = None) -> httpx.Response:
    return httpx.Response(200, json=body if body is not None else {"items": []})


def test_requests_are_project_scoped_with_cdf_headers(recorder: Recorder, sleeps: Sleeps) -> None:
    client = http_client(respond(ok()), recorder, sleeps, client_name="my-app", sdk_identifier="pumps:1.0")
    client.post("/models/instances/list", {"limit": 5})
    (request,) = recorder.requests
    assert str(request.url) == f"{BASE_URL}/api/v1/projects/demo/models/instances/list"
    assert request.headers["authorization"] == f"Bearer {SECRET_TOKEN}"
    assert request.headers["x-cdp-app"] == "my-app"
    assert request.headers["x-cdp-sdk"] == "pumps:1.0"
    assert request.headers["cdf-version"] == "20230101"
    assert request.headers["content-type"] == "application/json"


def test_request_bodies_are_gzip_compressed_json(recorder: Recorder, sleeps: Sleeps) -> None:
    client = http_client(respond(ok()), recorder, sleeps)
    client.post("/models/instances", {"items": [{"name": "æøå"}]})
    (request,) = recorder.requests
    assert request.headers["content-encoding"] == "gzip"
    assert json.loads(gzip.decompress(request.content)) == {"items": [{"name": "æøå"}]}


def test_query_parameters_spell_booleans_in_lower_case(recorder: Recorder, sleeps: Sleeps) -> None:
    client = http_client(respond(ok()), recorder, sleeps)
    client.get("/models/spaces", {"includeGlobal": True, "limit": 10, "cursor": None})
    assert recorder.requests[0].url.params == httpx.QueryParams({"includeGlobal": "true", "limit": "10"})


def test_int64_beyond_2_53_stays_exact_both_ways(recorder: Recorder, sleeps: Sleeps) -> None:
    big = 2**63 - 1
    client = http_client(
        lambda _: httpx.Response(200, content=b'{"items":[{"int64":9223372036854775807}]}'), recorder, sleeps
    )
    response = client.post("/models/instances", {"value": big})
    assert response["items"][0]["int64"] == big
    assert request_json(recorder.requests[0]) == {"value": big}


def test_nan_is_refused_before_sending(recorder: Recorder, sleeps: Sleeps) -> None:
    client = http_client(respond(ok()), recorder, sleeps)
    with pytest.raises(ValueError, match="JSON compliant"):
        client.post("/models/instances", {"value": float("nan")})
    assert recorder.requests == []


@pytest.mark.parametrize("status", [408, 429, 502, 503, 504])
def test_transient_statuses_are_retried_with_capped_exponential_backoff(
    status: int, recorder: Recorder, sleeps: Sleeps
) -> None:
    failures = [httpx.Response(status, json={"error": {"code": status, "message": "busy"}})] * 3
    client = http_client(respond(*failures, ok({"items": [1]})), recorder, sleeps)
    assert client.post("/models/instances/list", {}) == {"items": [1]}
    # random() is pinned to 1.0, so each wait is its upper bound: 0.5 * 2**n, capped at max_wait 4.0.
    assert sleeps.waits == [0.5, 1.0, 2.0]
    assert len(recorder.requests) == 4


def test_backoff_is_capped_and_jittered() -> None:
    policy = RetryPolicy(max_retries=10, initial_wait=0.5, max_wait=4.0)
    assert [policy.backoff(retry, lambda: 1.0) for retry in range(6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert policy.backoff(5, lambda: 0.25) == 1.0


def test_retries_give_up_with_the_last_error(recorder: Recorder, sleeps: Sleeps) -> None:
    busy = httpx.Response(429, json={"error": {"code": 429, "message": "Too many requests"}})
    client = http_client(respond(busy, busy, busy, busy), recorder, sleeps)
    with pytest.raises(CDFRateLimitError) as raised:
        client.post("/models/instances", {})
    assert raised.value.status == 429
    assert len(recorder.requests) == 4


def test_retry_after_is_honoured_and_capped(recorder: Recorder, sleeps: Sleeps) -> None:
    client = http_client(
        respond(
            httpx.Response(429, headers={"Retry-After": "1.5"}),
            httpx.Response(503, headers={"Retry-After": "120"}),
            ok(),
        ),
        recorder,
        sleeps,
    )
    client.post("/models/instances", {})
    assert sleeps.waits == [1.5, 4.0]


def test_retry_after_as_http_date() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=lambda: 1445412480.0) == 10.0
    assert parse_retry_after("soon") is None


def test_cdf_auto_retryable_header_makes_any_status_retryable(recorder: Recorder, sleeps: Sleeps) -> None:
    flaky = httpx.Response(500, headers={"cdf-is-auto-retryable": "true"}, json={"error": {"message": "oops"}})
    client = http_client(respond(flaky, ok()), recorder, sleeps)
    client.post("/models/instances", {})
    assert len(recorder.requests) == 2


def test_network_errors_are_retried_then_raised_as_connection_errors(recorder: Recorder, sleeps: Sleeps) -> None:
    refused = httpx.ConnectError("connection refused")
    client = http_client(respond(refused, httpx.ReadTimeout("slow"), ok()), recorder, sleeps)
    assert client.post("/models/instances", {}) == {"items": []}
    client = http_client(respond(*[refused] * 4), recorder, sleeps)
    with pytest.raises(CDFConnectionError, match=r"ConnectError \(connection refused\) after 4 attempts in") as raised:
        client.post("/models/instances", {})
    assert raised.value.attempts == 4


def test_the_final_error_says_how_many_attempts_were_made_and_for_how_long(recorder: Recorder, sleeps: Sleeps) -> None:
    busy = httpx.Response(503, json={"error": {"code": 503, "message": "Service unavailable"}})
    client = HTTPClient(
        make_config(),
        transport=transport(respond(*[busy] * 4), recorder),
        sleep=sleeps,
        random=lambda: 1.0,
        clock=sleeps.clock,
    )
    with pytest.raises(CDFAPIError) as raised:
        client.post("/models/instances", {})
    # Three retries, waiting 0.5 + 1 + 2 seconds (random() pinned to the upper bound).
    assert (raised.value.attempts, raised.value.elapsed) == (4, 3.5)
    assert str(raised.value).endswith("Service unavailable after 4 attempts in 3.5 s")
    refused = httpx.Response(400, json={"error": {"code": 400, "message": "Bad filter"}})
    with pytest.raises(CDFAPIError) as raised:
        http_client(respond(refused), recorder, sleeps).post("/models/instances/list", {})
    assert raised.value.attempts == 1
    assert "attempts" not in str(raised.value)


def test_the_default_retry_budget_is_11_attempts_and_at_most_243_5_seconds_of_waiting() -> None:
    policy = RetryPolicy()
    assert policy.max_retries + 1 == 11
    assert sum(policy.backoff(retry, lambda: 1.0) for retry in range(policy.max_retries)) == 243.5


def test_a_401_re_authenticates_once_with_a_token_provider(recorder: Recorder, sleeps: Sleeps) -> None:
    tokens = iter(["expired", "fresh"])
    unauthorized = httpx.Response(401, json={"error": {"code": 401, "message": "Could not authenticate."}})
    client = http_client(respond(unauthorized, ok()), recorder, sleeps, credentials=Token(lambda: next(tokens)))
    client.post("/models/instances/list", {})
    assert [request.headers["authorization"] for request in recorder.requests] == ["Bearer expired", "Bearer fresh"]


def test_a_second_401_or_a_fixed_token_raises_an_auth_error(recorder: Recorder, sleeps: Sleeps) -> None:
    unauthorized = httpx.Response(401, json={"error": {"code": 401, "message": "Could not authenticate."}})
    client = http_client(respond(unauthorized), recorder, sleeps)
    with pytest.raises(CDFAuthError, match="Could not authenticate"):
        client.post("/models/instances/list", {})
    client = http_client(respond(unauthorized, unauthorized), recorder, sleeps, credentials=Token(lambda: "x"))
    with pytest.raises(CDFAuthError):
        client.post("/models/instances/list", {})


def test_errors_carry_status_message_request_id_and_body(recorder: Recorder, sleeps: Sleeps) -> None:
    body = {"error": {"code": 400, "message": "One or more views do not exist", "missing": [{"space": "x"}]}}
    client = http_client(respond(httpx.Response(400, json=body, headers={"x-request-id": "req-42"})), recorder, sleeps)
    with pytest.raises(CDFAPIError) as raised:
        client.post("/models/instances/list", {})
    error = raised.value
    assert (error.status, error.request_id, error.body, error.missing) == (400, "req-42", body, [{"space": "x"}])
    assert str(error) == ("400: POST /models/instances/list: One or more views do not exist (request id req-42)")
    assert len(recorder.requests) == 1


def test_non_json_error_bodies_become_the_message(recorder: Recorder, sleeps: Sleeps) -> None:
    client = http_client(respond(httpx.Response(404, text="no such project")), recorder, sleeps)
    with pytest.raises(CDFNotFoundError, match="no such project"):
        client.get("/models/spaces")


def test_no_secret_reaches_logs_or_errors(recorder: Recorder, sleeps: Sleeps, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    failures = [
        httpx.Response(503, headers={"x-request-id": "r1"}),
        httpx.Response(403, json={"error": {"message": "forbidden"}}),
    ]
    client = http_client(respond(*failures), recorder, sleeps)
    with pytest.raises(CDFAuthError) as raised:
        client.post("/models/instances", {"items": []})
    texts = [caplog.text, str(raised.value), repr(raised.value), repr(client.config)]
    assert all(SECRET_TOKEN not in text for text in texts)
    # The log does say what happened.
    assert "POST /models/instances -> 503" in caplog.text
    assert "request id r1" in caplog.text
    assert "retry 1" in caplog.text


def test_rate_limiter_spaces_request_starts() -> None:
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)

    limiter = RateLimiter(4, clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        limiter.acquire()
    assert waits == [0.25, 0.5]


def test_rate_limit_applies_to_requests(recorder: Recorder, sleeps: Sleeps) -> None:
    config = make_config(rate_limit=10.0)
    client = HTTPClient(config, transport=transport(lambda _: ok(), recorder), sleep=sleeps, clock=lambda: 0.0)
    for _ in range(3):
        client.post("/models/instances/list", {})
    assert sleeps.waits == [0.1, 0.2]


def test_context_manager_closes_the_pool(recorder: Recorder, sleeps: Sleeps) -> None:
    with http_client(respond(ok()), recorder, sleeps) as client:
        assert isinstance(client, HTTPClient)
    with pytest.raises(RuntimeError):
        client.post("/models/instances/list", {})


def free_port() -> int:
    """A loopback port nothing listens on: bound once to learn a free number, then released."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_a_refused_port_fails_within_10_seconds_with_the_default_policy() -> None:
    # Real sockets, real waits: the default settings a user gets, against a port that refuses connections.
    config = ClientConfig(base_url=f"http://127.0.0.1:{free_port()}", project="demo", credentials=Token(SECRET_TOKEN))
    started = time.monotonic()
    with (
        HTTPClient(config) as client,
        pytest.raises(CDFConnectionError, match=r"cannot reach http://127\.0\.0\.1") as raised,
    ):
        client.post("/models/instances/list", {})
    assert time.monotonic() - started < 10
    assert raised.value.attempts >= 2


def test_an_unreachable_host_stops_retrying_within_the_connect_budget(recorder: Recorder, sleeps: Sleeps) -> None:
    # Each attempt spends the whole connect timeout before failing, as a host that drops packets makes it.
    def time_out(_: httpx.Request) -> httpx.Response:
        sleeps.now += 4.0
        raise httpx.ConnectTimeout("timed out")

    config = make_config(retry=RetryPolicy())
    client = HTTPClient(
        config, transport=transport(time_out, recorder), sleep=sleeps, random=lambda: 1.0, clock=sleeps.clock
    )
    with pytest.raises(CDFConnectionError, match="ConnectTimeout") as raised:
        client.post("/models/instances/list", {})
    assert raised.value.elapsed <= config.retry.connect_budget
    assert len(recorder.requests) == 2


def test_a_busy_server_keeps_the_long_retry_budget(recorder: Recorder, sleeps: Sleeps) -> None:
    busy = [httpx.Response(status, json={"error": {"message": "busy"}}) for status in [429, 503] * 5]
    client = HTTPClient(
        make_config(retry=RetryPolicy()),
        transport=transport(respond(*busy, ok({"items": [1]})), recorder),
        sleep=sleeps,
        random=lambda: 1.0,
        clock=sleeps.clock,
    )
    assert client.post("/models/instances/list", {}) == {"items": [1]}
    assert len(recorder.requests) == 11
    assert sum(sleeps.waits) == 243.5


def test_a_dropped_connection_of_a_reachable_server_keeps_the_long_budget(recorder: Recorder, sleeps: Sleeps) -> None:
    dropped = [httpx.ReadError("connection reset")] * 10
    client = HTTPClient(
        make_config(retry=RetryPolicy()),
        transport=transport(respond(*dropped, ok()), recorder),
        sleep=sleeps,
        random=lambda: 1.0,
        clock=sleeps.clock,
    )
    client.post("/models/instances/list", {})
    assert len(recorder.requests) == 11


def test_each_retry_is_logged_at_warning_without_secrets(
    recorder: Recorder, sleeps: Sleeps, caplog: pytest.LogCaptureFixture
) -> None:
    busy = httpx.Response(503, headers={"x-request-id": "req-7"}, json={"error": {"message": "busy"}})
    client = http_client(respond(httpx.ConnectError("connection refused"), busy, ok()), recorder, sleeps)
    with caplog.at_level(logging.WARNING):
        client.post("/models/instances/list", {"token": SECRET_TOKEN})
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert [record.name for record in warnings] == ["pumps._runtime.retry"] * 2
    assert warnings[0].getMessage() == (
        "POST /models/instances/list: ConnectError (connection refused); retry 1 of at most 3 in 0.5 s"
    )
    assert warnings[1].getMessage() == (
        "POST /models/instances/list: status 503 (request id req-7); retry 2 of at most 3 in 1.0 s"
    )
    assert SECRET_TOKEN not in caplog.text
