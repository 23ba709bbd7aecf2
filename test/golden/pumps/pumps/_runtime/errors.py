"""Errors an SDK user catches: every failure of the runtime is a CDFError.

Messages carry what helps to act (HTTP method, path, status, CDF's message, request id) and never a credential:
tokens and client secrets stay inside the credential objects.
"""

from __future__ import annotations

from typing import Any


class CDFError(Exception):
    """Base of every error raised by the SDK."""


class CDFConfigError(CDFError, ValueError):
    """The client configuration or the environment it was read from is incomplete or invalid."""


class CDFConnectionError(CDFError):
    """CDF could not be reached (DNS, TCP, TLS, timeout) even after the configured retries."""


class CDFAPIError(CDFError):
    """CDF answered with an error status.

    `body` is the decoded error body (CDF's `{"error": {...}}` object, or the raw text when it is not JSON);
    `request_id` is CDF's `x-request-id`, the handle Cognite support asks for.
    """

    def __init__(self, status: int, message: str, *, request_id: str | None = None, body: Any = None) -> None:
        self.status = status
        self.message = message
        self.request_id = request_id
        self.body = body
        suffix = f" (request id {request_id})" if request_id else ""
        super().__init__(f"{status}: {message}{suffix}")

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


def error_from_response(status: int, body: Any, *, context: str, request_id: str | None) -> CDFAPIError:
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
    return error_class(status, message, request_id=request_id, body=body)


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
