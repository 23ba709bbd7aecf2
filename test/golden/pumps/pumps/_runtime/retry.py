"""When to try a request again and how long to wait first.

Capped exponential backoff with full jitter: the wait is uniform in [0, min(max_wait, initial_wait * 2**retry)],
so many clients that failed together do not come back together. A server's Retry-After wins when present.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

# 408 request timeout, 429 too many requests, 502/503/504 gateway trouble: the same request may succeed later.
RETRYABLE_STATUSES = frozenset({408, 429, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """`max_retries` retries after the first attempt; waits start below `initial_wait` seconds and double."""

    max_retries: int = 10
    initial_wait: float = 0.5
    max_wait: float = 60.0

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
    """The retries of one call: each `after_*` says whether to try again, and if so has already waited."""

    def __init__(self, policy: RetryPolicy, sleep: Callable[[float], None], random: Callable[[], float]) -> None:
        self.policy = policy
        self.count = 0
        self._sleep = sleep
        self._random = random

    def after_network_error(self) -> bool:
        if self.count >= self.policy.max_retries:
            return False
        self._sleep(self.policy.backoff(self.count, self._random))
        self.count += 1
        return True

    def after_response(self, response: httpx.Response) -> bool:
        if not is_retryable(response) or self.count >= self.policy.max_retries:
            return False
        self._sleep(self.policy.wait_before_retry(self.count, response, self._random))
        self.count += 1
        return True


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
