"""Errors an SDK user catches: every failure of the runtime is a CDFError.

Messages carry what helps to act (HTTP method, path, status, CDF's message, request id) and never a credential:
tokens and client secrets stay inside the credential objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .ids import InstanceIds

if TYPE_CHECKING:
    from .instances import InstanceResult


class CDFError(Exception):
    """Base of every error raised by the SDK."""


def attempts_note(attempts: int, elapsed: float) -> str:
    """How hard the call tried, for the message of its final error; empty when it tried once."""
    return f" after {attempts} attempts in {elapsed:.1f} s" if attempts > 1 else ""


class CDFConfigError(CDFError, ValueError):
    """The client configuration or the environment it was read from is incomplete or invalid."""


class CDFConnectionError(CDFError):
    """CDF could not be reached (DNS, TCP, TLS, timeout) even after the configured retries.

    `attempts` and `elapsed` (seconds, waits included) say how long the call tried.
    """

    def __init__(self, message: str, *, attempts: int = 1, elapsed: float = 0.0) -> None:
        self.attempts = attempts
        self.elapsed = elapsed
        super().__init__(f"{message}{attempts_note(attempts, elapsed)}")


class CDFAPIError(CDFError):
    """CDF answered with an error status.

    `body` is the decoded error body (CDF's `{"error": {...}}` object, or the raw text when it is not JSON);
    `request_id` is CDF's `x-request-id`, the handle Cognite support asks for. `attempts` and `elapsed` (seconds,
    waits included) say how long the call tried: a transient status is retried before it is raised.
    """

    def __init__(
        self,
        status: int,
        message: str,
        *,
        request_id: str | None = None,
        body: Any = None,
        attempts: int = 1,
        elapsed: float = 0.0,
    ) -> None:
        self.status = status
        self.message = message
        self.request_id = request_id
        self.body = body
        self.attempts = attempts
        self.elapsed = elapsed
        suffix = f" (request id {request_id})" if request_id else ""
        super().__init__(f"{status}: {message}{suffix}{attempts_note(attempts, elapsed)}")

    @property
    def missing(self) -> list[Any]:
        """Identifiers CDF reported as missing, if any."""
        return self._error_list("missing")

    @property
    def duplicated(self) -> list[Any]:
        """Identifiers CDF reported as duplicated, if any."""
        return self._error_list("duplicated")

    def _error_list(self, key: str) -> list[Any]:
        error = self.body.get("error") if isinstance(self.body, dict) else None
        value = error.get(key) if isinstance(error, dict) else None
        return value if isinstance(value, list) else []


class CDFAuthError(CDFAPIError):
    """Authentication or authorisation failed: 401/403 from CDF, or the identity provider refused the client."""


class CDFNotFoundError(CDFAPIError):
    """404: an unknown project or path. (DMS reports missing instances by leaving them out, not with 404.)"""


class CDFRateLimitError(CDFAPIError):
    """429 after every retry: the project's request-rate or concurrency limit was hit."""


class CDFUpsertError(CDFError):
    """An upsert that was applied in part: some of its chunks (each its own transaction) failed.

    `applied` holds the nodes and edges that were written (`results` what CDF reported for them), `failed` those
    that were not: in a chunk that failed, or edges left unsent because the nodes they join failed. `errors` are
    the chunks' errors (the first is also the `__cause__`). Since apply is an upsert, sending `failed` again, or
    the whole call, is safe.
    """

    def __init__(
        self,
        *,
        applied: InstanceIds,
        failed: InstanceIds,
        errors: Sequence[CDFError],
        results: list[InstanceResult],
    ) -> None:
        self.applied = applied
        self.failed = failed
        self.errors = list(errors)
        self.results = results
        super().__init__()

    def __str__(self) -> str:
        first = f": {self.errors[0]}" if self.errors else ""
        # The first write into a fresh project meets this; the message says how to get past it.
        missing_space = any("spaces do not exist" in str(error) for error in self.errors)
        hint = " (create it: client.spaces.apply(...), or upsert(..., create_space=True))" if missing_space else ""
        return (
            f"upsert applied {self.applied.describe()} and failed on {self.failed.describe()}; "
            f"{len(self.errors)} chunk(s) failed, the first{first}{hint}"
        )


def error_from_response(
    status: int, body: Any, *, context: str, request_id: str | None, attempts: int = 1, elapsed: float = 0.0
) -> CDFAPIError:
    """The most specific error for an error response; `context` (e.g. "POST /models/instances") leads the message."""
    message = f"{context}: {_error_message(body)}"
    error_class: type[CDFAPIError]
    if status in (401, 403):
        error_class = CDFAuthError
    elif status == 404:
        error_class = CDFNotFoundError
    elif status == 429:
        error_class = CDFRateLimitError
    else:
        error_class = CDFAPIError
    return error_class(status, message, request_id=request_id, body=body, attempts=attempts, elapsed=elapsed)


def _error_message(body: Any) -> str:
    """CDF's message from `{"error": {"message": ...}}` or GraphQL's `{"errors": [...]}`.

    A plain-string error or a non-JSON body is tolerated.
    """
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return str(error["message"])
        if isinstance(error, str):
            return error
        # GraphQL's shape: {"errors": [{"message": ...}, ...]}
        errors = body.get("errors")
        if isinstance(errors, list) and errors:
            return "; ".join(str(item.get("message", item)) if isinstance(item, dict) else str(item) for item in errors)
    if isinstance(body, str) and body.strip():
        return body.strip()[:1000]
    return "no error message in the response"
