"""pygen's vendored runtime: copied verbatim into `<package>/_runtime/` of every generated SDK.

It needs only pydantic>=2 and httpx (plus typing_extensions, which pydantic requires), and imports its own modules
relatively. Public API, by module:

- config: `ClientConfig(base_url, project, credentials, client_name, timeout, connect_timeout, retry, rate_limit,
  max_connections, max_workers)`, `ClientConfig.from_env()` (CDF_URL or CDF_CLUSTER, CDF_PROJECT, plus credentials).
- auth: `Token(str | callable)`, `OAuthClientCredentials(token_url, client_id, client_secret, scopes, audience)`
  and `OAuthClientCredentials.for_cluster(base_url, client_id=, client_secret=, tenant_id= | token_url=)`,
  `credentials_from_env(env, base_url=...)`, `default_scopes(base_url)`; the `Credentials` protocol;
  `auth.CogniteSDKCredentials(provider)`, a cognite-sdk credential provider (with `ClientConfig.from_cognite_client`
  and `BaseClient.from_cognite_client`, which borrow a `CogniteClient`'s cluster, project and credentials).
- retry: `RetryPolicy(max_retries, initial_wait, max_wait, connect_budget)`; `Retries`, the retry count and waits
  of one call, each retry logged at WARNING.
- http: `HTTPClient(config)`: `post(path, body)`, `get(path, params)`; gzip, retries, re-auth, rate limit.
- errors: `CDFError` > `CDFConfigError`, `CDFConnectionError`, `CDFAPIError(status, message, request_id, body)` >
  `CDFAuthError`, `CDFNotFoundError`, `CDFRateLimitError`; `CDFUpsertError` (`applied`, `failed`: the nodes and
  edges of an upsert that failed in part). Errors after retries carry `attempts` and `elapsed`.
- ids: `NodeId(space, external_id)`, `EdgeId(space, external_id)` (what a delete reports for an edge),
  `InstanceIds(nodes, edges)`, `ViewId(space, external_id, version)`, `ContainerId(space, external_id)`,
  `DataModelId(space, external_id, version)`.
- graphql: `graphql_query` of a data model with `__typename` objects parsed into read classes; `CDFGraphQLError`.
- values: annotated field types `Timestamp`, `Date`, `DirectRelation`, and their parse/format functions.
- filters: `Filter` and the builders `equals`, `in_`, `range_`, `prefix`, `exists`, `contains_any`,
  `contains_all`, `match_all`, `nested`, `overlaps`, `has_data`, `instance_references`, `and_`, `or_`, `not_`
  (also `&`, `|`, `~`); `KeywordFilters`, which turns a view's typed keyword arguments into one filter;
  `NodeFilters`, the TypedDict of keyword filters every view has.
- instances: `InstancesClient`: `list`, `iterate`, `retrieve`, `search`, `aggregate`, `upsert`, `delete` on raw
  API objects, with chunking and bounded concurrency.
- connections: `Connection` (one connection property of a view), `register_class` / `class_of` (view → generated
  class); the shape of connection fields, which generator and runtime share.
- data_classes: `NodeRead` (`from_instance`, `from_instances`: a page, `data_record`, `dump`), `NodeWrite`
  (`dump`: the apply item), `EdgeRead`, `EdgeWrite` (edge views), `NodeList`, `NodeWriteList`, `cdf_name`,
  `edge_end`, `DataRecord` — bases of the generated data classes; `resolve_references`, which binds the names
  generated modules use for each other's classes.
- graph: `flatten(items, follow=True)` → `Graph` (`nodes`, `edges`, `items`): write objects and what their
  connection fields hold as apply items, each instance once, edges in their field's direction.
- api: `ViewAPI[Read, List]` — base of generated per-view APIs; `AggregateResult`, `Histogram`, `DEFAULT_LIMIT`,
  `NodeField` (the node's own fields `sort_by` takes).
- edges: `EdgeAPI[Edge]` — base of the generated per-edge APIs (`<field>_edge` of a view API), `PlainEdgeAPI`
  (edges without properties), `Edge` (a plain edge), `EdgeList`, `NodeRefs`.
- query: `RetrieveConnections` ("skip" | "identifier" | "full"); runs DMS queries with paging and fills connection
  fields (`fill_connections`).
- select: `NodeQuery` — base of the generated `XQuery` steps of `select()`; `TextProperty`, `ValueProperty`,
  `RangeProperty`, the descriptors that declare a step's filters.
- spaces: `SpacesAPI` (`client.spaces`: `apply`, `retrieve`, `ensure`, `delete`) and `Space`; imported from
  `_runtime.spaces`, not re-exported here, so their names stay free for views.
- client: `BaseClient` — base of the generated `<Name>Client`, built from a `ClientConfig`, from arguments
  (`base_url`, `project`, `token` or `credentials`, `client_name`) or `from_env()`; `upsert` (a graph of write
  objects, `create_space=True` to create missing instance spaces first),
  `delete` (ids, or write objects, `recursive=True` for their whole graph), `close`, `graphql_query`;
  `DataModelAPIs`, one data model's group of view APIs in an SDK of several.
"""

from .api import DEFAULT_LIMIT, AggregateResult, Bucket, GroupValue, Histogram, NodeField, ViewAPI
from .auth import Credentials, OAuthClientCredentials, Token, credentials_from_env, default_scopes
from .client import BaseClient, DataModelAPIs
from .config import ClientConfig
from .connections import Connection, class_of, register_class
from .data_classes import (
    DataRecord,
    EdgeRead,
    EdgeWrite,
    NodeList,
    NodeRead,
    NodeWrite,
    NodeWriteList,
    cdf_name,
    edge_end,
    resolve_references,
)
from .edges import Edge, EdgeAPI, EdgeList, NodeRefs, PlainEdgeAPI
from .errors import (
    CDFAPIError,
    CDFAuthError,
    CDFConfigError,
    CDFConnectionError,
    CDFError,
    CDFNotFoundError,
    CDFRateLimitError,
    CDFUpsertError,
)
from .filters import (
    Filter,
    KeywordFilters,
    NodeFilters,
    RawFilter,
    and_,
    contains_all,
    contains_any,
    equals,
    exists,
    has_data,
    in_,
    instance_references,
    match_all,
    nested,
    not_,
    or_,
    overlaps,
    prefix,
    range_,
)
from .graph import Graph, flatten
from .graphql import CDFGraphQLError
from .http import HTTPClient
from .ids import ContainerId, DataModelId, EdgeId, InstanceIds, NodeId, ViewId
from .instances import AggregateName, InstanceResult, InstancesClient, SortDirection
from .query import RetrieveConnections
from .retry import RetryPolicy
from .select import NodeQuery, RangeProperty, TextProperty, ValueProperty
from .values import Date, DirectRelation, Timestamp

__all__ = [
    "DEFAULT_LIMIT",
    "AggregateName",
    "AggregateResult",
    "BaseClient",
    "Bucket",
    "CDFAPIError",
    "CDFAuthError",
    "CDFConfigError",
    "CDFConnectionError",
    "CDFError",
    "CDFGraphQLError",
    "CDFNotFoundError",
    "CDFRateLimitError",
    "CDFUpsertError",
    "ClientConfig",
    "Connection",
    "ContainerId",
    "Credentials",
    "DataModelAPIs",
    "DataModelId",
    "DataRecord",
    "Date",
    "DirectRelation",
    "Edge",
    "EdgeAPI",
    "EdgeId",
    "EdgeList",
    "EdgeRead",
    "EdgeWrite",
    "Filter",
    "Graph",
    "GroupValue",
    "HTTPClient",
    "Histogram",
    "InstanceIds",
    "InstanceResult",
    "InstancesClient",
    "KeywordFilters",
    "NodeField",
    "NodeFilters",
    "NodeId",
    "NodeList",
    "NodeQuery",
    "NodeRead",
    "NodeRefs",
    "NodeWrite",
    "NodeWriteList",
    "OAuthClientCredentials",
    "PlainEdgeAPI",
    "RangeProperty",
    "RawFilter",
    "RetrieveConnections",
    "RetryPolicy",
    "SortDirection",
    "TextProperty",
    "Timestamp",
    "Token",
    "ValueProperty",
    "ViewAPI",
    "ViewId",
    "and_",
    "cdf_name",
    "class_of",
    "contains_all",
    "contains_any",
    "credentials_from_env",
    "default_scopes",
    "edge_end",
    "equals",
    "exists",
    "flatten",
    "has_data",
    "in_",
    "instance_references",
    "match_all",
    "nested",
    "not_",
    "or_",
    "overlaps",
    "prefix",
    "range_",
    "register_class",
    "resolve_references",
]
