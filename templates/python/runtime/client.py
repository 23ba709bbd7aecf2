"""The base of a generated `<Name>Client`: configuration, transport, and instance writes across views."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import httpx
from typing_extensions import Self

from .config import ClientConfig
from .data_classes import NodeWrite
from .http import HTTPClient
from .ids import NodeId, as_node_ids
from .instances import InstanceResult, InstancesClient


class BaseClient:
    """Owns the HTTP connection pool; the generated subclass adds one attribute per view API.

    Without a config the client reads the environment (see `ClientConfig.from_env`). `transport` replaces httpx's
    network transport, e.g. with `httpx.MockTransport` in tests.
    """

    # The instance space bare external ids refer to; None makes callers name a space.
    default_space: ClassVar[str | None] = None

    def __init__(self, config: ClientConfig | None = None, *, transport: httpx.BaseTransport | None = None) -> None:
        self.config = config if config is not None else ClientConfig.from_env()
        self._http = HTTPClient(self.config, transport=transport)
        self._instances = InstancesClient(self._http)

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
