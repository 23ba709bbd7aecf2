"""When to try a request again and how long to wait first.

Capped exponential backoff with full jitter: the wait is uniform in [0, min(max_wait, initial_wait * 2**retry)],
so many clients that failed together do not come back together. A server's Retry-After wins when present.

Two budgets: a server that answers "busy" (429, 503, ...) or drops a connection it accepted is reachable and gets
the long one (`max_retries`); a host that refuses or never accepts the connection (a wrong URL, a stopped emulator,
no network) is most likely not coming back within a call, so connection failures stop once another attempt would
end past `connect_budget` seconds. Every retry is logged at WARNING (logger `<package>._runtime.retry`) with the
call, the failure and the wait: never headers or bodies, so never a token.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

logger = logging.getLogger(__name__)

# 408 request timeout, 429 too many requests, 502/503/504 gateway trouble: the same request may succeed later.
RETRYABLE_STATUSES = frozenset({408, 429, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """`max_retries` retries after the first attempt; waits start below `initial_wait` seconds and double.

    The defaults give a call 11 attempts. The wait before retry k (from 0) is drawn from [0, min(60, 0.5 * 2**k)]
    seconds: at most 0.5, 1, 2, 4, 8, 16, 32, 60, 60 and 60, so 243.5 s of waiting at most and about 2 minutes on
    average, unless the server's Retry-After asks for longer waits (each capped at `max_wait`).

    Connection failures (refused, unknown host, connect timeout) are retried only while the next attempt, given its
    connect timeout, would end within `connect_budget` seconds of the call's start: with the client's default 4 s
    connect timeout, an unreachable host fails after 2 attempts in under 9 s, a refused port in a few seconds.
    """

    max_retries: int = 10
    initial_wait: float = 0.5
    max_wait: float = 60.0
    connect_budget: float = 10.0

    def backoff(self, retry: int, random: Callable[[], float]) -> float:
        """The jittered wait in seconds before retry number `retry` (counting from 0)."""
        return random() * min(self.max_wait, self.initial_wait * 2.0**retry)

    def wait_before_retry(self, retry: int, response: httpx.Response | None, random: Callable[[], float]) -> float:
        """Retry-After when the response carries a readable one (capped at max_wait), else the backoff."""
        retry_after = parse_retry_after(response.headers.get("retry-after")) if response is not None else None
        if retry_after is not None:
            return min(retry_after, self.max_wait)
        return self.backoff(retry, random)


class Retries:
    """The retries of one call: each `after_*` says whether to try again, and if so has already waited.

    It also counts the call's attempts (`attempted()` before each request) and the time since it began, which the
    call's final error reports. `context` names the call in the WARNING logged before each retry (e.g.
    `POST /models/instances`); `connect_timeout` is how long one attempt may spend connecting.
    """

    def __init__(
        self,
        policy: RetryPolicy,
        sleep: Callable[[float], None],
        random: Callable[[], float],
        clock: Callable[[], float] = time.monotonic,
        *,
        context: str = "request",
        connect_timeout: float = 0.0,
    ) -> None:
        self.policy = policy
        self.count = 0
        self.attempts = 0
        self._sleep = sleep
        self._random = random
        self._clock = clock
        self._started = clock()
        self._context = context
        self._connect_timeout = connect_timeout

    def attempted(self) -> None:
        self.attempts += 1

    @property
    def elapsed(self) -> float:
        """Seconds since the call began, waits included."""
        return self._clock() - self._started

    def after_network_error(self, error: httpx.TransportError) -> bool:
        if self.count >= self.policy.max_retries:
            return False
        wait = self.policy.backoff(self.count, self._random)
        if is_connect_failure(error) and self.elapsed + wait + self._connect_timeout > self.policy.connect_budget:
            return False
        return self._retry(wait, f"{type(error).__name__} ({error})")

    def after_response(self, response: httpx.Response) -> bool:
        if not is_retryable(response) or self.count >= self.policy.max_retries:
            return False
        request_id = response.headers.get("x-request-id") or "-"
        wait = self.policy.wait_before_retry(self.count, response, self._random)
        return self._retry(wait, f"status {response.status_code} (request id {request_id})")

    def _retry(self, wait: float, failure: str) -> bool:
        self.count += 1
        logger.warning(
            "%s: %s; retry %d of at most %d in %.1f s",
            self._context,
            failure,
            self.count,
            self.policy.max_retries,
            wait,
        )
        self._sleep(wait)
        return True


def is_connect_failure(error: httpx.TransportError) -> bool:
    """The connection was never made: refused, unknown host, unreachable network or connect timeout."""
    return isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout))


def is_retryable(response: httpx.Response) -> bool:
    """A transient status, or CDF's explicit `cdf-is-auto-retryable: true`."""
    explicit = response.headers.get("cdf-is-auto-retryable", "").lower() == "true"
    return explicit or response.status_code in RETRYABLE_STATUSES


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if value is None or not value.strip():
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - now())
