"""Where the client connects and how it behaves: one immutable, validated object."""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .auth import CogniteSDKCredentials, Credentials, credentials_from_env
from .errors import CDFConfigError
from .retry import RetryPolicy

# A scheme and a host (with an optional port); emulators run on http://localhost:PORT.
_BASE_URL = re.compile(r"^https?://[A-Za-z0-9.\-]+(:\d+)?$")


@dataclass(frozen=True, kw_only=True)
class ClientConfig:
    """Connection settings of a generated client.

    - `base_url`: the cluster, e.g. `https://westeurope-1.cognitedata.com` (no path).
    - `client_name`: sent as `x-cdp-app`, so CDF's logs tell which application called.
    - `timeout`: seconds an attempt may wait for the server (read, write); `connect_timeout`: seconds it may spend
      connecting, short so that an unreachable host fails fast; `retry`: how often and how long to retry transient
      failures (a busy server long, a host that cannot be connected to within `retry.connect_budget`).
    - `rate_limit`: requests per second across all threads, or None for no client-side limit.
    - `max_connections`: the HTTP connection pool; `max_workers`: threads for chunked writes and deletes, further
      capped by CDF's per-project concurrency limits (apply 4, delete 2).
    """

    base_url: str
    project: str
    credentials: Credentials
    client_name: str = "pygen-sdk"
    sdk_identifier: str = "pygen"
    timeout: float = 60.0
    connect_timeout: float = 4.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    rate_limit: float | None = None
    max_connections: int = 10
    max_workers: int = 4

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", self.base_url.rstrip("/"))
        if not _BASE_URL.match(self.base_url):
            raise CDFConfigError(
                f"base_url must be a scheme and host such as https://api.cognitedata.com: {self.base_url!r}"
            )
        if not self.project:
            raise CDFConfigError("project is required")
        if not self.client_name:
            raise CDFConfigError("client_name must not be empty")
        if self.timeout <= 0 or self.connect_timeout <= 0:
            raise CDFConfigError("timeout and connect_timeout must be positive")
        retry = self.retry
        if min(retry.max_retries, retry.initial_wait, retry.max_wait, retry.connect_budget) < 0:
            raise CDFConfigError("retry settings must not be negative")
        if self.rate_limit is not None and self.rate_limit <= 0:
            raise CDFConfigError("rate_limit must be positive (or None for no limit)")
        if self.max_connections < 1 or self.max_workers < 1:
            raise CDFConfigError("max_connections and max_workers must be at least 1")

    @property
    def project_url(self) -> str:
        return f"{self.base_url}/api/v1/projects/{urllib.parse.quote(self.project, safe='')}"

    @classmethod
    def from_cognite_client(cls, cognite_client: Any, *, client_name: str | None = None) -> ClientConfig:
        """The cluster, project and credentials of a cognite-sdk `CogniteClient` (its `config`), so a program that
        has one connects without configuring twice. cognite-sdk itself is not needed by the SDK.
        """
        config: Any = getattr(cognite_client, "config", None)
        missing = [name for name in ("base_url", "project", "credentials") if not getattr(config, name, None)]
        if missing:
            raise CDFConfigError(
                f"{type(cognite_client).__name__} is no CogniteClient: its config lacks {', '.join(missing)}"
            )
        return cls(
            base_url=config.base_url,
            project=config.project,
            credentials=CogniteSDKCredentials(config.credentials),
            client_name=client_name or getattr(config, "client_name", None) or "pygen-sdk",
        )

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, *, client_name: str = "pygen-sdk", sdk_identifier: str = "pygen"
    ) -> ClientConfig:
        """Reads CDF_URL (or CDF_CLUSTER), CDF_PROJECT and the credentials of `credentials_from_env`."""
        env = os.environ if env is None else env
        base_url = env.get("CDF_URL", "").strip()
        cluster = env.get("CDF_CLUSTER", "").strip()
        if not base_url and cluster:
            base_url = f"https://{cluster}.cognitedata.com"
        if not base_url:
            raise CDFConfigError("set CDF_URL (e.g. https://westeurope-1.cognitedata.com) or CDF_CLUSTER")
        project = env.get("CDF_PROJECT", "").strip()
        if not project:
            raise CDFConfigError("set CDF_PROJECT")
        return cls(
            base_url=base_url,
            project=project,
            credentials=credentials_from_env(env, base_url=base_url),
            client_name=client_name,
            sdk_identifier=sdk_identifier,
        )
