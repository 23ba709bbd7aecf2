"""The generic API of one view; a generated `XAPI` subclasses it and adds typed keyword-filter signatures.

    class PumpAPI(ViewAPI[Pump, PumpList]):
        def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
            super().__init__(instances, Pump, PumpList, PumpFilters, default_space)

        def list(self, *, limit: int | None = DEFAULT_LIMIT, sort_by: PumpField | Sequence[PumpField] | None = None,
                 direction: SortDirection = "ascending", retrieve_connections: RetrieveConnections = "skip",
                 filter: RawFilter | None = None, min_head_m: float | None = None, ...) -> PumpList:
            return self._list(locals(), limit=limit, sort_by=sort_by, direction=direction, filter=filter,
                              retrieve_connections=retrieve_connections)

        def select(self) -> PumpQuery[PumpList]:
            return PumpQuery(self._instances)
        ...

The filter keywords are explicit parameters, not `**filters: Unpack[PumpFilters]`, so that every editor (jedi in
notebooks included) completes them; the method passes its `locals()` on, and the runtime reads the keys of the
view's filters TypedDict from it. `retrieve` needs no generated code: it is fully typed here through the class's
type parameters.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, overload

from .connections import InstanceKind
from .data_classes import EdgeRead, NodeList, NodeRead
from .filters import Filter, KeywordFilters, RawFilter, all_of, has_data
from .ids import NodeId, ViewId, as_node_ids, node_property_ref
from .instances import MAX_PAGE_SIZE, Aggregate, AggregateName, InstancesClient, Sort, SortDirection
from .query import RetrieveConnections, fill_connections
from .value_types import declared_types

DEFAULT_LIMIT = 25

# The node's own fields `sort_by` takes besides the view's properties, and their names in a sort.
NodeField = Literal["external_id", "space"]
_NODE_SORT: dict[str, str] = {"external_id": "externalId", "space": "space"}

_Read = TypeVar("_Read", bound=NodeRead)
_List = TypeVar("_List", bound=NodeList[Any])


@dataclass(frozen=True)
class GroupValue:
    """One aggregate value; `group` maps the grouped fields (Python names) to this group's values."""

    group: dict[str, Any]
    value: float | int | None


@dataclass(frozen=True)
class AggregateResult:
    groups: list[GroupValue]

    @property
    def value(self) -> float | int | None:
        """The value of an ungrouped aggregate."""
        if len(self.groups) > 1 or any(item.group for item in self.groups):
            raise ValueError("this aggregate is grouped: read .groups")
        return self.groups[0].value if self.groups else None


@dataclass(frozen=True)
class Bucket:
    start: float
    count: int


@dataclass(frozen=True)
class Histogram:
    property: str
    interval: float
    buckets: list[Bucket]


class ViewAPI(Generic[_Read, _List]):
    def __init__(
        self,
        instances: InstancesClient,
        read_class: type[_Read],
        list_class: type[_List],
        filters: type[Mapping[str, Any]],
        default_space: str | None = None,
    ) -> None:
        """`filters` is the view's generated TypedDict of keyword filters; its keys decide what each one does."""
        self._instances = instances
        self._read_class = read_class
        self._list_class = list_class
        self._view: ViewId = read_class._view
        self._identifiers = read_class.property_identifiers()
        self._keyword_filters = keyword_filters(read_class, filters)
        self._default_space = default_space

    # A str (and a NodeId) is also a Sequence[str]; mypy picks the first matching overload, which is the intent.
    @overload
    def retrieve(  # type: ignore[overload-overlap]
        self,
        external_id: str | NodeId,
        space: str | None = None,
        *,
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
    ) -> _Read | None: ...

    @overload
    def retrieve(
        self,
        external_id: Sequence[str | NodeId],
        space: str | None = None,
        *,
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
    ) -> _List: ...

    def retrieve(
        self,
        external_id: str | NodeId | Sequence[str | NodeId],
        space: str | None = None,
        *,
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
    ) -> _Read | _List | None:
        """One node (None when missing) or several (missing ones left out), by external id or NodeId.

        `as_child_class=True` reads each node as the most specific generated subclass whose view it has data in
        (`Pump` for a pump retrieved through the `Asset` API): one more request per descendant view.

        `retrieve_connections` fills the connection fields: "identifier" with NodeIds (edges with properties: edge
        objects ending in NodeIds), "full" with the connected objects; "skip" leaves edges and reverse relations
        None and direct relations as NodeIds.
        """
        ids = as_node_ids(external_id, space or self._default_space)
        items = self._parse(self._instances.retrieve(ids, self._view))
        if as_child_class:
            items = self._as_child_classes(items)
        fill_connections(self._instances, items, retrieve_connections)
        if isinstance(external_id, (str, NodeId)):
            return items[0] if items else None
        return items

    def _list(
        self,
        filters: Mapping[str, Any],
        *,
        limit: int | None,
        sort_by: str | Sequence[str] | None,
        direction: SortDirection,
        filter: RawFilter | None,
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
    ) -> _List:
        """Up to `limit` nodes (None or a negative limit: all of them), read page by page.

        `as_child_class` and `retrieve_connections`: as `retrieve` reads nodes.
        """
        unbounded = limit is None or limit < 0
        result = self._list_class()
        for page in self._iterate(
            filters,
            chunk_size=MAX_PAGE_SIZE,
            cursor=None,
            limit=None if unbounded else limit,
            filter=filter,
            sort_by=sort_by,
            direction=direction,
        ):
            result.extend(page)
        if as_child_class:
            result = self._as_child_classes(result)
        fill_connections(self._instances, result, retrieve_connections)
        return result

    def _iterate(
        self,
        filters: Mapping[str, Any],
        *,
        chunk_size: int,
        cursor: str | None,
        filter: RawFilter | None,
        limit: int | None = None,
        sort_by: str | Sequence[str] | None = None,
        direction: SortDirection = "ascending",
    ) -> Iterator[_List]:
        """Lists of at most `chunk_size` nodes; each carries `next_cursor`, which resumes after it."""
        pages = self._instances.iterate(
            self._view,
            filter=all_of(has_data([self._view]), self._filter(filters, filter)),
            sort=self._sort(sort_by, direction),
            chunk_size=chunk_size,
            cursor=cursor,
            limit=limit,
        )
        for page in pages:
            yield self._parse(page.items, page.cursor)

    def _search(
        self,
        filters: Mapping[str, Any],
        *,
        query: str | None,
        properties: str | Sequence[str] | None,
        limit: int,
        sort_by: str | Sequence[str] | None,
        direction: SortDirection,
        filter: RawFilter | None,
    ) -> _List:
        items = self._instances.search(
            self._view,
            query=query,
            properties=self._identifiers_of(properties),
            filter=self._filter(filters, filter),
            sort=self._sort(sort_by, direction),
            limit=limit,
        )
        return self._parse(items)

    def _aggregate(
        self,
        filters: Mapping[str, Any],
        *,
        aggregate: AggregateName,
        property: str | None,
        group_by: str | Sequence[str] | None,
        filter: RawFilter | None,
        limit: int | None = None,
    ) -> AggregateResult:
        if aggregate != "count" and property is None:
            raise ValueError(f"{aggregate} needs a property")
        names = {identifier: name for name, identifier in self._identifiers.items()}
        groups = self._instances.aggregate(
            self._view,
            [Aggregate(aggregate, self._identifiers_of(property)[0] if property else None)],
            group_by=self._identifiers_of(group_by),
            filter=self._filter(filters, filter),
            limit=limit,
        )
        return AggregateResult(
            [
                GroupValue(
                    {names.get(key, key): _group_value(value) for key, value in item.group.items()},
                    item.values[0].get("value") if item.values else None,
                )
                for item in groups
            ]
        )

    def _histogram(
        self, filters: Mapping[str, Any], *, property: str, interval: float, filter: RawFilter | None
    ) -> Histogram:
        identifier = self._identifiers_of(property)[0]
        aggregate = {"histogram": {"property": identifier, "interval": interval}}
        groups = self._instances.aggregate(self._view, [aggregate], filter=self._filter(filters, filter))
        values = groups[0].values[0] if groups and groups[0].values else {}
        buckets = [Bucket(bucket["start"], bucket["count"]) for bucket in values.get("buckets", [])]
        return Histogram(property, interval, buckets)

    def _as_child_classes(self, items: _List) -> _List:
        """The items, each read again as the most specific descendant class whose view the node has data in.

        A byids request returns only the nodes that have data in its source view, so asking once per descendant
        view tells which views each node has data in. A child view has its parents' properties, so a node with
        data in it has data in them: each view is asked only about the nodes found in its bases' views.
        """
        found: dict[type[NodeRead], list[NodeId]] = {self._read_class: items.ids}
        matches: dict[NodeId, list[tuple[type[_Read], Mapping[str, Any]]]] = {}
        for child in _descendants(self._read_class):
            scope = _found_in_bases(child, found)
            instances = self._instances.retrieve(scope, child._view) if scope else []
            found[child] = [NodeId(instance["space"], instance["externalId"]) for instance in instances]
            for node, instance in zip(found[child], instances, strict=True):
                matches.setdefault(node, []).append((child, instance))
        if not matches:
            return items
        result = self._list_class(_most_specific(matches[item.id]) if item.id in matches else item for item in items)
        result.next_cursor = items.next_cursor
        return result

    def _parse(self, items: Sequence[Mapping[str, Any]], cursor: str | None = None) -> _List:
        result = self._list_class(self._read_class.from_instances(items))
        result.next_cursor = cursor
        return result

    def _filter(self, filters: Mapping[str, Any], raw: RawFilter | None) -> Filter | None:
        """`filters`: the keyword filters, possibly among a generated method's other arguments (its `locals()`)."""
        given = {key: filters[key] for key in self._keyword_filters.keys if key in filters}
        return all_of(self._keyword_filters.build(given), Filter.load(raw) if raw is not None else None)

    def _sort(self, sort_by: str | Sequence[str] | None, direction: SortDirection) -> list[Sort]:
        """Sorts by property fields and by the node's own `external_id` and `space` (`NodeField`)."""
        selected = [sort_by] if isinstance(sort_by, str) else list(sort_by or [])
        return [
            Sort(
                node_property_ref(_NODE_SORT[name])
                if name in _NODE_SORT and name not in self._identifiers
                else self._view.property_ref(self._identifiers_of(name)[0]),
                direction,
            )
            for name in selected
        ]

    def _identifiers_of(self, names: str | Sequence[str] | None) -> list[str]:
        """CDF identifiers of property fields given by Python name."""
        if names is None:
            return []
        selected = [names] if isinstance(names, str) else list(names)
        unknown = [name for name in selected if name not in self._identifiers]
        if unknown:
            raise ValueError(f"{', '.join(unknown)}: not a property of view {self._view.external_id}")
        return [self._identifiers[name] for name in selected]


@functools.cache
def keyword_filters(
    model_class: type[NodeRead | EdgeRead], filters: type[Mapping[str, Any]], kind: InstanceKind = "node"
) -> KeywordFilters:
    """The keyword filters of a generated class's view (its `XFilters` TypedDict); one per view, not per client."""
    lists = [name for name, link in model_class._connections.items() if link.kind == "direct" and link.many]
    identifiers = model_class.property_identifiers()
    types = declared_types(filters)
    return KeywordFilters(model_class._view, identifiers, filters.__annotations__, types, kind=kind, list_fields=lists)


def _descendants(read_class: type[_Read]) -> list[type[_Read]]:
    """Subclasses of a read class that have views of their own, in definition order with bases first.

    Python's class hierarchy is the registry: generated classes extend their parents' classes, and a child the
    generator flattened is no subclass, so it is never handed out where its parent's class is expected.
    """
    views = {read_class._view}
    found: list[type[_Read]] = []
    pending = read_class.__subclasses__()
    for cls in pending:  # grows while it is walked: breadth first
        pending.extend(cls.__subclasses__())
        if cls._view not in views:
            views.add(cls._view)
            found.append(cls)
    # A subclass has a longer MRO than each of its bases; the sort is stable.
    return sorted(found, key=lambda cls: len(cls.__mro__))


def _found_in_bases(child: type[NodeRead], found: Mapping[type[NodeRead], list[NodeId]]) -> list[NodeId]:
    """The nodes found in the views of the class's bases (each base stands for its nearest class with a view)."""
    nodes: dict[NodeId, None] = {}
    for base in child.__bases__:
        owner = next((cls for cls in base.__mro__ if cls in found), None)
        if owner is not None:
            nodes.update(dict.fromkeys(found[owner]))
    return list(nodes)


def _most_specific(matches: list[tuple[type[_Read], Mapping[str, Any]]]) -> _Read:
    """The node parsed as the class no other match subclasses.

    Between unrelated ones: the class of the node's type (pygen's convention: the type's external id is the
    view's), else the first.
    """
    specific = [
        match
        for match in matches
        if not any(other[0] is not match[0] and issubclass(other[0], match[0]) for other in matches)
    ]
    node_type = specific[0][1].get("type") or {}
    cls, instance = next(
        (match for match in specific if match[0]._view.external_id == node_type.get("externalId")), specific[0]
    )
    return cls.from_instance(instance)


def _group_value(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"space", "externalId"}:
        return NodeId(value["space"], value["externalId"])
    return value
