"""The base of a generated `<Name>Client`: configuration, transport, and instance writes across views."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import ClassVar, overload

import httpx
from typing_extensions import Self

from .auth import Credentials, Token
from .config import ClientConfig
from .data_classes import NodeWrite
from .errors import CDFConfigError
from .http import HTTPClient
from .ids import NodeId, as_node_ids
from .instances import InstanceResult, InstancesClient


class BaseClient:
    """Owns the HTTP connection pool; the generated subclass adds one attribute per view API (`_connect_apis`).

    Built from a `ClientConfig`, from arguments (`base_url`, `project`, `token` or `credentials`, optionally
    `client_name`), or, given neither, from the environment (see `ClientConfig.from_env`). `transport` replaces
    httpx's network transport, e.g. with `httpx.MockTransport` in tests.
    """

    # The instance space bare external ids refer to; None makes callers name a space.
    default_space: ClassVar[str | None] = None

    @overload
    def __init__(self, config: ClientConfig | None = None, *, transport: httpx.BaseTransport | None = None) -> None: ...

    @overload
    def __init__(
        self,
        *,
        base_url: str,
        project: str,
        token: str | Callable[[], str],
        client_name: str | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        *,
        base_url: str,
        project: str,
        credentials: Credentials,
        client_name: str | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None: ...

    def __init__(
        self,
        config: ClientConfig | None = None,
        *,
        base_url: str | None = None,
        project: str | None = None,
        token: str | Callable[[], str] | None = None,
        credentials: Credentials | None = None,
        client_name: str | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.config = _ConnectArguments(base_url, project, token, credentials, client_name).config(config)
        self._http = HTTPClient(self.config, transport=transport)
        self._instances = InstancesClient(self._http)
        self._connect_apis()

    def _connect_apis(self) -> None:
        """Sets the view APIs: the generated client overrides this, so it need not repeat `__init__`."""

    @classmethod
    def from_env(cls) -> Self:
        """CDF_URL or CDF_CLUSTER, CDF_PROJECT, and CDF_TOKEN or client credentials (see `credentials_from_env`)."""
        return cls(ClientConfig.from_env())

    def upsert(
        self,
        items: NodeWrite | Sequence[NodeWrite],
        *,
        replace: bool = False,
        auto_create_direct_relations: bool = True,
    ) -> list[InstanceResult]:
        """Creates or updates nodes of any views in chunks of 1000, up to 4 chunks at a time.

        `replace=False` patches: only the properties given are written. `replace=True` resets every other property
        of the containers involved.
        """
        writes = [items] if isinstance(items, NodeWrite) else items
        return self._instances.upsert(
            [item.dump() for item in writes], replace=replace, auto_create_direct_relations=auto_create_direct_relations
        )

    def delete(self, external_id: str | NodeId | Sequence[str | NodeId], space: str | None = None) -> list[NodeId]:
        """Deletes nodes (and their edges) in chunks of 1000, 2 at a time; returns the ids that existed."""
        return self._instances.delete(as_node_ids(external_id, space or self.default_space))

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@dataclasses.dataclass(frozen=True)
class _ConnectArguments:
    """The connection arguments of `BaseClient`, which stand in for a config object."""

    base_url: str | None
    project: str | None
    token: str | Callable[[], str] | None
    credentials: Credentials | None
    client_name: str | None

    def config(self, config: ClientConfig | None) -> ClientConfig:
        """`config` when given, else the config of these arguments, else that of the environment."""
        given = [field.name for field in dataclasses.fields(self) if getattr(self, field.name) is not None]
        if config is not None:
            if given:
                raise CDFConfigError(f"give either a config or {', '.join(given)}, not both")
            return config
        if not given:
            return ClientConfig.from_env()
        if self.token is not None and self.credentials is not None:
            raise CDFConfigError("give either token or credentials, not both")
        credentials = Token(self.token) if self.token is not None else self.credentials
        if self.base_url is None or self.project is None or credentials is None:
            raise CDFConfigError("a client built from arguments needs base_url, project, and token or credentials")
        built = ClientConfig(base_url=self.base_url, project=self.project, credentials=credentials)
        # ClientConfig keeps its default name unless one is given; replace() validates it as the constructor would.
        return built if self.client_name is None else dataclasses.replace(built, client_name=self.client_name)
