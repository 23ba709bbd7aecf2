"""Credentials: a fixed token, OAuth2 client credentials with a cached, refreshed token, or the credential
provider of a cognite-sdk `CogniteClient` (cognite-sdk is never imported: any object with its shape works).

A credential object only hands out Authorization header values. Secrets are kept out of `repr`, logs and error
messages; errors name the token URL and client id (neither is secret) and the identity provider's reason.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from .errors import CDFAuthError, CDFConfigError, CDFConnectionError
from .retry import Retries, RetryPolicy

logger = logging.getLogger(__name__)

# Token endpoints are fast or down: a few retries, not the ten of CDF calls.
_TOKEN_RETRY = RetryPolicy(max_retries=3)
_TOKEN_CONNECT_TIMEOUT = 4.0


class Credentials(Protocol):
    def authorization_header(self) -> str:
        """The Authorization header value for the next request."""
        ...

    def invalidate(self) -> bool:
        """Forget a token the server refused; True when asking again may give a different one."""
        ...


class Token:
    """A bearer token, fixed or returned by a callable (e.g. the caller's own token cache)."""

    def __init__(self, token: str | Callable[[], str]) -> None:
        if isinstance(token, str) and not token:
            raise CDFConfigError("the token is empty")
        self._token = token

    def authorization_header(self) -> str:
        token = self._token if isinstance(self._token, str) else self._token()
        return f"Bearer {token}"

    def invalidate(self) -> bool:
        # A callable may hand out a fresh token on the next call; a fixed string never changes.
        return callable(self._token)

    def __repr__(self) -> str:
        return "Token(<hidden>)"


class CogniteSDKCredentials:
    """The credentials of cognite-sdk: any of its `CredentialProvider`s (`OAuthClientCredentials`,
    `OAuthInteractive`, `OAuthDeviceCode`, `Token`, ...), which refresh their own tokens.

    cognite-sdk's `authorization_header()` returns a `(name, value)` pair; this hands out the value.
    """

    def __init__(self, provider: Any) -> None:
        if not callable(getattr(provider, "authorization_header", None)):
            raise CDFConfigError(
                f"{type(provider).__name__} is no cognite-sdk credential provider: it has no authorization_header()"
            )
        self._provider = provider

    def authorization_header(self) -> str:
        header = self._provider.authorization_header()
        if isinstance(header, tuple):
            return str(header[1])
        return str(header)

    def invalidate(self) -> bool:
        # cognite-sdk's providers decide themselves when to refresh; asking again gives the same token.
        return False

    def __repr__(self) -> str:
        return f"CogniteSDKCredentials({type(self._provider).__name__})"


@dataclass(frozen=True)
class _CachedToken:
    value: str
    refresh_at: float


class OAuthClientCredentials:
    """The OAuth2 client-credentials flow.

    The token is cached and refreshed `leeway` seconds before it expires (at most half its lifetime early), so no
    request leaves with a token about to lapse. One thread refreshes while the others wait for its result.
    """

    def __init__(
        self,
        *,
        token_url: str,
        client_id: str,
        client_secret: str,
        scopes: Sequence[str],
        audience: str | None = None,
        leeway: float = 30.0,
        timeout: float = 30.0,
        retry: RetryPolicy = _TOKEN_RETRY,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        for name, value in (("token_url", token_url), ("client_id", client_id), ("client_secret", client_secret)):
            if not value:
                raise CDFConfigError(f"{name} is required for OAuth client credentials")
        if not scopes:
            raise CDFConfigError("at least one scope is required for OAuth client credentials")
        self.token_url = token_url
        self.client_id = client_id
        self._client_secret = client_secret
        self.scopes = tuple(scopes)
        self.audience = audience
        self._leeway = leeway
        self._retry = retry
        self._clock = clock
        self._sleep = sleep
        self._http = httpx.Client(timeout=httpx.Timeout(timeout, connect=_TOKEN_CONNECT_TIMEOUT), transport=transport)
        self._lock = threading.Lock()
        self._token: _CachedToken | None = None

    @classmethod
    def for_cluster(
        cls,
        base_url: str,
        *,
        client_id: str,
        client_secret: str,
        token_url: str | None = None,
        tenant_id: str | None = None,
        scopes: Sequence[str] | None = None,
        audience: str | None = None,
    ) -> OAuthClientCredentials:
        """Client credentials for one CDF cluster.

        The scope defaults to the cluster's `.default`, and an Entra ID tenant id stands for its token URL.
        """
        if token_url is None and tenant_id:
            token_url = f"https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token"
        if not token_url:
            raise CDFConfigError("give token_url, or tenant_id for Entra ID")
        return cls(
            token_url=token_url,
            client_id=client_id,
            client_secret=client_secret,
            scopes=scopes or default_scopes(base_url),
            audience=audience,
        )

    def authorization_header(self) -> str:
        token = self._token
        if token is None or self._clock() >= token.refresh_at:
            with self._lock:
                # Another thread may have refreshed while this one waited for the lock.
                token = self._token
                if token is None or self._clock() >= token.refresh_at:
                    token = self._fetch_token()
                    self._token = token
        return f"Bearer {token.value}"

    def invalidate(self) -> bool:
        self._token = None
        return True

    def _fetch_token(self) -> _CachedToken:
        form = {
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self._client_secret,
            "scope": " ".join(self.scopes),
        }
        if self.audience:
            form["audience"] = self.audience
        retries = Retries(
            self._retry,
            self._sleep,
            random.random,
            self._clock,
            context=f"POST {self.token_url}",
            connect_timeout=_TOKEN_CONNECT_TIMEOUT,
        )
        while True:
            retries.attempted()
            started = self._clock()
            try:
                response = self._http.post(self.token_url, data=form)
            except httpx.TransportError as error:
                if retries.after_network_error(error):
                    continue
                raise CDFConnectionError(
                    f"cannot reach the token endpoint {self.token_url}: {type(error).__name__} ({error})",
                    attempts=retries.attempts,
                    elapsed=retries.elapsed,
                ) from error
            logger.debug(
                "POST %s -> %d in %.0f ms (retry %d)",
                self.token_url,
                response.status_code,
                (self._clock() - started) * 1000,
                retries.count,
            )
            if retries.after_response(response):
                continue
            return self._read_token_response(response, started, retries)

    def _read_token_response(self, response: httpx.Response, requested_at: float, retries: Retries) -> _CachedToken:
        body = _json_object(response)
        if not response.is_success:
            raise CDFAuthError(
                response.status_code,
                f"the token endpoint {self.token_url} refused client {self.client_id}{_oauth_reason(body)}",
                attempts=retries.attempts,
                elapsed=retries.elapsed,
            )
        access_token = body.get("access_token")
        if not isinstance(access_token, str) or not access_token:
            raise CDFAuthError(response.status_code, f"the token endpoint {self.token_url} sent no access_token")
        expires_in = _seconds(body.get("expires_in"), default=3600.0)
        leeway = min(self._leeway, expires_in / 2)
        return _CachedToken(access_token, refresh_at=requested_at + expires_in - leeway)

    def __repr__(self) -> str:
        return (
            f"OAuthClientCredentials(token_url={self.token_url!r}, client_id={self.client_id!r}, "
            f"scopes={self.scopes!r})"
        )


def _json_object(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _seconds(value: Any, *, default: float) -> float:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return default
    return seconds if seconds > 0 else default


def _oauth_reason(body: Mapping[str, Any]) -> str:
    """OAuth2's standard `error` and `error_description` fields, which never echo the secret."""
    parts = [str(body[key]) for key in ("error", "error_description") if isinstance(body.get(key), str)]
    return "".join(f": {part}" for part in parts)


def default_scopes(base_url: str) -> list[str]:
    """CDF's Entra ID scope for a cluster, e.g. `https://westeurope-1.cognitedata.com/.default`."""
    return [f"{base_url.rstrip('/')}/.default"]


def credentials_from_env(env: Mapping[str, str], *, base_url: str) -> Credentials:
    """CDF_TOKEN, or CDF_CLIENT_ID + CDF_CLIENT_SECRET with CDF_TOKEN_URL (or CDF_TENANT_ID for Entra ID).

    CDF_SCOPES (space- or comma-separated) defaults to the cluster's `.default` scope; CDF_AUDIENCE is passed on
    for identity providers that need it.
    """
    token = env.get("CDF_TOKEN", "").strip()
    if token:
        return Token(token)
    client_id = env.get("CDF_CLIENT_ID", "").strip()
    client_secret = env.get("CDF_CLIENT_SECRET", "").strip()
    if not (client_id and client_secret):
        raise CDFConfigError(
            "set CDF_TOKEN, or CDF_CLIENT_ID and CDF_CLIENT_SECRET (with CDF_TOKEN_URL or CDF_TENANT_ID)"
        )
    if not (env.get("CDF_TOKEN_URL", "").strip() or env.get("CDF_TENANT_ID", "").strip()):
        raise CDFConfigError("set CDF_TOKEN_URL or CDF_TENANT_ID for client credentials")
    return OAuthClientCredentials.for_cluster(
        base_url,
        client_id=client_id,
        client_secret=client_secret,
        token_url=env.get("CDF_TOKEN_URL", "").strip() or None,
        tenant_id=env.get("CDF_TENANT_ID", "").strip() or None,
        scopes=env.get("CDF_SCOPES", "").replace(",", " ").split() or None,
        audience=env.get("CDF_AUDIENCE", "").strip() or None,
    )
