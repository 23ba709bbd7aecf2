"""Synchronous HTTP to one CDF project, on httpx.

Every call gets CDF's headers, a gzip-compressed JSON body, the client's rate limit, retries of transient
failures (408/429/502/503/504, `cdf-is-auto-retryable`, network errors) with capped exponential backoff and full
jitter or the server's Retry-After, and one re-authentication after a 401. A host that cannot be connected to
fails within `RetryPolicy.connect_budget` (10 s by default), not after the long budget of a busy server. Every
DMS endpoint is an upsert, a delete that ignores missing items, or a read, so repeating a request is safe.

Debug logs (logger `<package>._runtime.http`) hold method, path, status, duration, request id and retry count;
each retry is a WARNING of `<package>._runtime.retry`. Never headers or bodies, so never a token.
"""

from __future__ import annotations

import gzip
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from .config import ClientConfig
from .errors import CDFConnectionError, CDFError, error_from_response
from .retry import Retries
from .throttle import RateLimiter

logger = logging.getLogger(__name__)

CDF_API_VERSION = "20230101"

QueryParams = Mapping[str, str | int | float | bool | None]


class HTTPClient:
    """Project-scoped requests: `post("/models/instances/list", body)` returns the decoded JSON response.

    `transport`, `sleep`, `random` and `clock` are injectable so tests run without network or waiting.
    """

    def __init__(
        self,
        config: ClientConfig,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        random: Callable[[], float] = random.random,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self._sleep = sleep
        self._random = random
        self._clock = clock
        self._rate_limiter = RateLimiter(config.rate_limit, clock=clock, sleep=sleep) if config.rate_limit else None
        self._headers = {
            "Accept": "application/json",
            "cdf-version": CDF_API_VERSION,
            "x-cdp-app": config.client_name,
            "x-cdp-sdk": config.sdk_identifier,
        }
        limits = httpx.Limits(max_connections=config.max_connections, max_keepalive_connections=config.max_connections)
        timeout = httpx.Timeout(config.timeout, connect=config.connect_timeout)
        self._client = httpx.Client(base_url=config.project_url, timeout=timeout, limits=limits, transport=transport)

    def post(self, path: str, body: Mapping[str, Any]) -> Any:
        return self.request("POST", path, body=body)

    def get(self, path: str, params: QueryParams | None = None) -> Any:
        return self.request("GET", path, params=params)

    def request(
        self, method: str, path: str, *, body: Mapping[str, Any] | None = None, params: QueryParams | None = None
    ) -> Any:
        headers = dict(self._headers)
        content: bytes | None = None
        if body is not None:
            content = gzip.compress(encode_json(body), compresslevel=5, mtime=0)
            headers["Content-Type"] = "application/json"
            headers["Content-Encoding"] = "gzip"
        query = {key: _query_value(value) for key, value in (params or {}).items() if value is not None}
        context = f"{method} {path}"
        retries = Retries(
            self.config.retry,
            self._sleep,
            self._random,
            self._clock,
            context=context,
            connect_timeout=self.config.connect_timeout,
        )
        reauthenticated = False
        while True:
            if self._rate_limiter is not None:
                self._rate_limiter.acquire()
            headers["Authorization"] = self.config.credentials.authorization_header()
            retries.attempted()
            started = self._clock()
            try:
                response = self._client.request(method, path, content=content, params=query, headers=headers)
            except httpx.TransportError as error:
                logger.debug("%s failed: %s (retry %d)", context, type(error).__name__, retries.count)
                if retries.after_network_error(error):
                    continue
                raise CDFConnectionError(
                    f"{context}: cannot reach {self.config.base_url}: {type(error).__name__} ({error})",
                    attempts=retries.attempts,
                    elapsed=retries.elapsed,
                ) from error
            request_id = response.headers.get("x-request-id")
            logger.debug(
                "%s -> %d in %.0f ms (request id %s, retry %d)",
                context,
                response.status_code,
                (self._clock() - started) * 1000,
                request_id or "-",
                retries.count,
            )
            if response.is_success:
                return _decode(response, context)
            if response.status_code == 401 and not reauthenticated and self.config.credentials.invalidate():
                reauthenticated = True
                continue
            if retries.after_response(response):
                continue
            raise error_from_response(
                response.status_code,
                _error_body(response),
                context=context,
                request_id=request_id,
                attempts=retries.attempts,
                elapsed=retries.elapsed,
            )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HTTPClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def encode_json(body: Any) -> bytes:
    """Compact JSON. NaN and infinity are refused: CDF cannot store them and JSON cannot spell them."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def _query_value(value: str | int | float | bool) -> str | int | float:
    # The API spells query-string booleans in lower case.
    return str(value).lower() if isinstance(value, bool) else value


def _decode(response: httpx.Response, context: str) -> Any:
    # json.loads keeps integers as int, so int64 values beyond 2**53 stay exact.
    if not response.content:
        return None
    try:
        return json.loads(response.content)
    except ValueError as error:
        raise CDFError(f"{context}: the response is not JSON") from error


def _error_body(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        return response.text
