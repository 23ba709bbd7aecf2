"""The base of a generated `<Name>Client`: configuration, transport, and instance writes across views."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, TypeVar, overload

import httpx

from .api import ViewAPI
from .auth import Credentials, Token
from .config import ClientConfig
from .data_classes import EdgeWrite, NodeRead, NodeWrite
from .errors import CDFConfigError, CDFUpsertError
from .graph import Writable, flatten
from .graphql import graphql_query
from .http import HTTPClient
from .ids import DataModelId, EdgeId, InstanceIds, NodeId, as_node_ids
from .instances import InstanceResult, InstancesClient
from .spaces import SpacesAPI

# The client a constructor returns, spelled as a type variable rather than `Self`: jedi (Jupyter, IPython) infers
# no type through `typing_extensions.Self`, so `client = XClient.from_env()` would complete nothing in a notebook.
_Client = TypeVar("_Client", bound="BaseClient")


class _GraphQL:
    """`graphql_query` of the client and of each data model's group of APIs in a multi-model SDK."""

    # The data model GraphQL queries go to unless the call names another.
    _data_model: ClassVar[DataModelId]
    _instances: InstancesClient

    def graphql_query(
        self,
        query: str,
        variables: Mapping[str, Any] | None = None,
        *,
        space: str | None = None,
        external_id: str | None = None,
        version: str | None = None,
    ) -> dict[str, Any]:
        """Runs a GraphQL query on the data model and returns its `data`, objects parsed into the read classes.

        Objects that select `__typename` become the generated class of their view (see `graphql.py`); `space`,
        `external_id` and `version` pick another data model than this SDK's. GraphQL errors raise
        `CDFGraphQLError`.
        """
        default = self._data_model
        data_model = DataModelId(space or default.space, external_id or default.external_id, version or default.version)
        classes = {api._read_class._view.external_id: api._read_class for api in self._view_apis(data_model)}
        return graphql_query(self._instances.http, data_model, query, variables, classes)

    def _view_apis(self, data_model: DataModelId) -> Iterator[ViewAPI[NodeRead, Any]]:
        """The view APIs whose classes name the types of `data_model`: those of its group, if it has one here."""
        groups = [value for value in vars(self).values() if isinstance(value, DataModelAPIs)]
        selected: list[_GraphQL] = [group for group in groups if group._data_model == data_model] or [self, *groups]
        for owner in selected:
            yield from (value for value in vars(owner).values() if isinstance(value, ViewAPI))


class DataModelAPIs(_GraphQL):
    """The view APIs of one data model in an SDK of several (`client.<model>.<view>`); the generated subclass sets
    `_data_model` and the APIs (`_connect_apis`), as the client does in an SDK of one data model.
    """

    def __init__(self, instances: InstancesClient, default_space: str | None) -> None:
        self._instances = instances
        self.default_space = default_space
        self._connect_apis()

    def _connect_apis(self) -> None:
        """Sets the view APIs of the data model."""


class BaseClient(_GraphQL):
    """Owns the HTTP connection pool; the generated subclass adds one attribute per view API (`_connect_apis`), or,
    in an SDK of several data models, one `DataModelAPIs` per data model.

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
        self.spaces = SpacesAPI(self._http)
        self._connect_apis()

    def _connect_apis(self) -> None:
        """Sets the view APIs: the generated client overrides this, so it need not repeat `__init__`."""

    @classmethod
    def from_cognite_client(cls: type[_Client], cognite_client: Any, *, client_name: str | None = None) -> _Client:
        """Borrows the cluster, project and credentials of a cognite-sdk `CogniteClient` (cognite-sdk is optional:
        the SDK never imports it); see `ClientConfig.from_cognite_client`.
        """
        return cls(ClientConfig.from_cognite_client(cognite_client, client_name=client_name))

    @classmethod
    def from_env(cls: type[_Client]) -> _Client:
        """CDF_URL or CDF_CLUSTER, CDF_PROJECT, and CDF_TOKEN or client credentials (see `credentials_from_env`)."""
        return cls(ClientConfig.from_env())

    def upsert(
        self,
        items: Writable | Sequence[Writable],
        *,
        replace: bool = False,
        auto_create_direct_relations: bool = True,
        auto_create_start_nodes: bool = True,
        auto_create_end_nodes: bool = True,
        create_space: bool = False,
    ) -> list[InstanceResult]:
        """Creates or updates nodes and edges of any views, with everything their connection fields hold.

        Nested write objects are written too, each instance once, edges in the direction of their field (see
        graph.py); in chunks of 1000, up to 4 chunks at a time.

        `replace=False` patches: only the properties given are written. `replace=True` resets every other property
        of the containers involved.

        Edges create the start and end nodes they lack by default, as direct relations create their missing
        targets: each chunk is applied on its own, concurrently, so an edge may be applied before the nodes of the
        graph it joins. `auto_create_start_nodes=False` / `auto_create_end_nodes=False` make an edge to a node that
        neither exists nor is written here fail (CDF refuses the chunk) instead of creating an empty node; the
        graph's nodes are then written before its edges, so its own edges still find their nodes.

        `create_space=True` first creates the spaces the graph needs that do not exist yet (see `client.spaces`),
        as the first write into a fresh project needs: those it writes to and those its types, edge ends and direct
        relations point into (where missing nodes are created). Without it, a missing space fails the write with
        CDF's "One or more spaces do not exist".

        Transient failures are retried (see `RetryPolicy`). When a chunk still fails, the other chunks are applied
        all the same and `CDFUpsertError` lists the nodes and edges applied and those not (`applied`, `failed`).
        """
        writes = [items] if isinstance(items, (NodeWrite, EdgeWrite)) else items
        graph = flatten(writes)
        if create_space:
            self.spaces.ensure(graph.spaces)

        def apply(instances: Iterable[dict[str, Any]]) -> list[InstanceResult]:
            return self._instances.upsert(
                instances,
                replace=replace,
                auto_create_direct_relations=auto_create_direct_relations,
                auto_create_start_nodes=auto_create_start_nodes,
                auto_create_end_nodes=auto_create_end_nodes,
            )

        if auto_create_start_nodes and auto_create_end_nodes:
            return apply(graph.items)
        try:
            nodes = apply(graph.nodes.values())
        except CDFUpsertError as error:
            # The edges are not sent when nodes they may join were not written.
            error.failed.extend(InstanceIds.of(graph.edges.values()))
            raise
        try:
            return nodes + apply(graph.edges.values())
        except CDFUpsertError as error:
            error.applied.extend(InstanceIds.of(graph.nodes.values()))
            error.results[:0] = nodes
            raise

    def delete(
        self,
        external_id: str | NodeId | NodeRead | Writable | Sequence[str | NodeId | NodeRead | Writable],
        space: str | None = None,
        *,
        recursive: bool = False,
    ) -> list[NodeId | EdgeId]:
        """Deletes nodes (and their edges) in chunks of 1000, 2 at a time; returns the ids that existed, a NodeId
        for each node and an EdgeId for each edge.

        Read objects (e.g. a `list` result) delete their node. Write objects delete the instance they would write;
        with `recursive=True`, every node and edge `upsert` would write for them (graph.py). Edges are deleted
        first, then nodes.
        """
        single = (str, NodeId, NodeRead, NodeWrite, EdgeWrite)
        given = [external_id] if isinstance(external_id, single) else external_id
        objects = [item for item in given if isinstance(item, (NodeWrite, EdgeWrite))]
        ids = [
            item.id if isinstance(item, NodeRead) else item
            for item in given
            if not isinstance(item, (NodeWrite, EdgeWrite))
        ]
        nodes = as_node_ids(ids, space or self.default_space) if ids else []
        graph = flatten(objects, follow=recursive)
        deleted: list[NodeId | EdgeId] = [*self._instances.delete(list(graph.edges))] if graph.edges else []
        return [*deleted, *self._instances.delete([*nodes, *graph.nodes])]

    def close(self) -> None:
        self._http.close()

    def __enter__(self: _Client) -> _Client:
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
