"""Instance operations on /models/instances/*, in the API's own JSON shapes.

Reads page with cursors; writes and deletes are cut into the API's 1000-item chunks and sent from a small thread
pool, capped at CDF's default per-project concurrency (apply 4, delete 2) so a large write is fast without
drawing 429s. The data classes and view APIs build on this; it knows nothing about generated classes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from .errors import CDFError, CDFUpsertError
from .filters import Filter
from .http import HTTPClient
from .ids import EdgeId, InstanceId, InstanceIds, NodeId, ViewId

InstanceType = Literal["node", "edge"]
SortDirection = Literal["ascending", "descending"]
AggregateName = Literal["count", "avg", "min", "max", "sum"]

# Per-request and concurrency limits of the API (dms-api §10.4, §10.6).
MAX_PAGE_SIZE = 1000
MAX_WRITE_ITEMS = 1000
MAX_READ_ITEMS = 1000
MAX_WRITE_CONCURRENCY = 4
MAX_DELETE_CONCURRENCY = 2

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")
_InstanceId = TypeVar("_InstanceId", bound=InstanceId)


@dataclass(frozen=True)
class Sort:
    property: Sequence[str]
    direction: SortDirection = "ascending"
    nulls_first: bool | None = None

    def dump(self) -> dict[str, Any]:
        body: dict[str, Any] = {"property": list(self.property), "direction": self.direction}
        if self.nulls_first is not None:
            body["nullsFirst"] = self.nulls_first
        return body


@dataclass
class Page:
    """One page of raw instances; `cursor` continues after it and is None on the last page."""

    items: list[dict[str, Any]]
    cursor: str | None


@dataclass(frozen=True)
class InstanceResult:
    """What the API reports for each written instance."""

    instance_type: InstanceType
    space: str
    external_id: str
    version: int
    was_modified: bool
    created_time: int
    last_updated_time: int

    @classmethod
    def load(cls, data: Mapping[str, Any]) -> InstanceResult:
        return cls(
            instance_type=data["instanceType"],
            space=data["space"],
            external_id=data["externalId"],
            version=data["version"],
            was_modified=data["wasModified"],
            created_time=data["createdTime"],
            last_updated_time=data["lastUpdatedTime"],
        )


@dataclass(frozen=True)
class Aggregate:
    """One aggregate to compute: `count` needs no property, the others a numeric one."""

    name: AggregateName
    property: str | None = None

    def dump(self) -> dict[str, Any]:
        return {self.name: {"property": self.property} if self.property else {}}


@dataclass
class AggregateGroup:
    """The aggregate values of one group; `group` is empty when nothing was grouped."""

    group: dict[str, Any]
    values: list[dict[str, Any]] = field(default_factory=list)


class InstancesClient:
    def __init__(self, http: HTTPClient) -> None:
        self.http = http

    def list_page(
        self,
        view: ViewId | None,
        *,
        filter: Filter | None = None,
        sort: Sequence[Sort] = (),
        limit: int = MAX_PAGE_SIZE,
        cursor: str | None = None,
        instance_type: InstanceType = "node",
    ) -> Page:
        """One page (at most MAX_PAGE_SIZE items) of the instances with data in `view` (None: any, without values)."""
        body: dict[str, Any] = {"instanceType": instance_type, "limit": min(limit, MAX_PAGE_SIZE)}
        if view is not None:
            body["sources"] = [{"source": view.dump()}]
        if filter is not None:
            body["filter"] = filter.dump()
        if sort:
            body["sort"] = [item.dump() for item in sort]
        if cursor:
            body["cursor"] = cursor
        response = self.http.post("/models/instances/list", body)
        return Page(response.get("items", []), response.get("nextCursor"))

    def iterate(
        self,
        view: ViewId | None,
        *,
        filter: Filter | None = None,
        sort: Sequence[Sort] = (),
        chunk_size: int = MAX_PAGE_SIZE,
        cursor: str | None = None,
        limit: int | None = None,
        instance_type: InstanceType = "node",
    ) -> Iterator[Page]:
        """Pages lazily, one request per page, until the end or `limit` items.

        Only the current page is held, so memory stays O(chunk_size). A page's `cursor` passed back here resumes
        right after that page.
        """
        if chunk_size < 1:
            raise ValueError("chunk_size must be at least 1")
        remaining = limit
        while remaining is None or remaining > 0:
            size = chunk_size if remaining is None else min(chunk_size, remaining)
            page = self.list_page(
                view, filter=filter, sort=sort, limit=size, cursor=cursor, instance_type=instance_type
            )
            if remaining is not None:
                remaining -= len(page.items)
            cursor = page.cursor
            if page.items:
                yield page
            if not cursor:
                return

    def retrieve(
        self, ids: Sequence[NodeId], view: ViewId, *, instance_type: InstanceType = "node"
    ) -> list[dict[str, Any]]:
        """The instances among `ids` that exist and have data in `view`; missing ones are left out."""

        def retrieve_chunk(chunk: list[NodeId]) -> list[dict[str, Any]]:
            body = {
                "items": [{"instanceType": instance_type, **node.dump()} for node in chunk],
                "sources": [{"source": view.dump()}],
            }
            items: list[dict[str, Any]] = self.http.post("/models/instances/byids", body).get("items", [])
            return items

        # Reads are sequential: CDF's default read concurrency per project is low, and most retrieves are one chunk.
        return [item for chunk in _chunks(ids, MAX_READ_ITEMS) for item in retrieve_chunk(chunk)]

    def search(
        self,
        view: ViewId,
        *,
        query: str | None = None,
        properties: Sequence[str] | None = None,
        filter: Filter | None = None,
        sort: Sequence[Sort] = (),
        limit: int = MAX_PAGE_SIZE,
        operator: Literal["AND", "OR"] | None = None,
        instance_type: InstanceType = "node",
    ) -> list[dict[str, Any]]:
        body: dict[str, Any] = {"view": view.dump(), "instanceType": instance_type, "limit": min(limit, MAX_PAGE_SIZE)}
        if query:
            body["query"] = query
        if properties:
            body["properties"] = list(properties)
        if filter is not None:
            body["filter"] = filter.dump()
        if sort:
            body["sort"] = [{"property": list(item.property), "direction": item.direction} for item in sort]
        if operator:
            body["operator"] = operator
        items: list[dict[str, Any]] = self.http.post("/models/instances/search", body).get("items", [])
        return items

    def aggregate(
        self,
        view: ViewId,
        aggregates: Sequence[Aggregate | Mapping[str, Any]],
        *,
        group_by: Sequence[str] = (),
        filter: Filter | None = None,
        query: str | None = None,
        properties: Sequence[str] | None = None,
        limit: int | None = None,
        instance_type: InstanceType = "node",
    ) -> list[AggregateGroup]:
        """Aggregates (objects like `{"histogram": {...}}` pass through as given), one group per result item."""
        body: dict[str, Any] = {
            "view": view.dump(),
            "instanceType": instance_type,
            "aggregates": [item.dump() if isinstance(item, Aggregate) else dict(item) for item in aggregates],
        }
        if group_by:
            body["groupBy"] = list(group_by)
        if filter is not None:
            body["filter"] = filter.dump()
        if query:
            body["query"] = query
        if properties:
            body["properties"] = list(properties)
        if limit is not None:
            body["limit"] = limit
        response = self.http.post("/models/instances/aggregate", body)
        return [
            AggregateGroup(item.get("group") or {}, item.get("aggregates", [])) for item in response.get("items", [])
        ]

    def upsert(
        self,
        items: Iterable[Mapping[str, Any]],
        *,
        replace: bool = False,
        auto_create_direct_relations: bool = True,
        auto_create_start_nodes: bool = False,
        auto_create_end_nodes: bool = False,
        skip_on_version_conflict: bool = False,
    ) -> list[InstanceResult]:
        """Applies node/edge write objects; a later item with the same id replaces an earlier one.

        Each chunk is its own transaction, and every chunk is sent even when another fails. When any failed (after
        its retries), `CDFUpsertError` says which nodes and edges were applied and which were not. Since apply is
        an upsert, sending the failed ones again, or running the same call again, is safe.
        """
        unique = {(item["instanceType"], item["space"], item["externalId"]): item for item in items}
        options = {
            "replace": replace,
            "autoCreateDirectRelations": auto_create_direct_relations,
            "autoCreateStartNodes": auto_create_start_nodes,
            "autoCreateEndNodes": auto_create_end_nodes,
            "skipOnVersionConflict": skip_on_version_conflict,
        }

        def apply(chunk: list[Mapping[str, Any]]) -> list[InstanceResult] | CDFError:
            try:
                response = self.http.post("/models/instances", {"items": chunk, **options})
            except CDFError as error:
                return error
            return [InstanceResult.load(item) for item in response.get("items", [])]

        chunks = _chunks(list(unique.values()), MAX_WRITE_ITEMS)
        outcomes = self._concurrently(apply, chunks, MAX_WRITE_CONCURRENCY)
        results = [result for outcome in outcomes if not isinstance(outcome, CDFError) for result in outcome]
        errors = [outcome for outcome in outcomes if isinstance(outcome, CDFError)]
        if not errors:
            return results
        applied, failed = InstanceIds(), InstanceIds()
        for chunk, outcome in zip(chunks, outcomes, strict=True):
            (failed if isinstance(outcome, CDFError) else applied).extend(InstanceIds.of(chunk))
        raise CDFUpsertError(applied=applied, failed=failed, errors=errors, results=results) from errors[0]

    def delete(self, ids: Sequence[_InstanceId]) -> list[_InstanceId]:
        """Deletes the instances, a NodeId's node and an EdgeId's edge; returns the ids of those that existed, each
        as it was given. Missing ids are ignored by the API.

        A chunk retried after its response was lost is answered without the instances its first attempt deleted,
        so they are gone but not returned.
        """
        given = {(_instance_type(instance), instance.space, instance.external_id): instance for instance in ids}

        def delete_chunk(chunk: list[tuple[InstanceType, str, str]]) -> list[_InstanceId]:
            body = {"items": [{"instanceType": kind, "space": space, "externalId": xid} for kind, space, xid in chunk]}
            response = self.http.post("/models/instances/delete", body)
            keys = (
                (item.get("instanceType", "node"), item["space"], item["externalId"])
                for item in response.get("items", [])
            )
            return [given[key] for key in keys if key in given]

        chunks = _chunks(list(given), MAX_READ_ITEMS)
        return [
            instance
            for deleted in self._concurrently(delete_chunk, chunks, MAX_DELETE_CONCURRENCY)
            for instance in deleted
        ]

    def _concurrently(self, work: Callable[[_Item], _Result], chunks: list[_Item], cap: int) -> list[_Result]:
        """Runs work on each chunk in at most min(cap, max_workers) threads; results keep the chunks' order."""
        workers = min(cap, self.http.config.max_workers, len(chunks))
        if workers <= 1:
            return [work(chunk) for chunk in chunks]
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cdf-instances") as pool:
            return list(pool.map(work, chunks))


def _instance_type(instance: NodeId | EdgeId) -> InstanceType:
    return "edge" if isinstance(instance, EdgeId) else "node"


def _chunks(items: Sequence[_Item], size: int) -> list[list[_Item]]:
    return [list(items[start : start + size]) for start in range(0, len(items), size)]
