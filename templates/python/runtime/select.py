"""The typed fluent query builder behind `client.pump.select()`: filter, sort and traverse, then read.

A generated `PumpQuery` declares one descriptor per filterable property and one property per connection it can
follow:

    class PumpQuery(NodeQuery[Pump, PumpList, _Root]):
        _read_class = Pump
        _list_class = PumpList
        name = TextProperty("name")
        flow_rate = RangeProperty[float]("flow_rate")

        @property
        def valves(self) -> ValveQuery[_Root]:
            return ValveQuery(self._instances, self._step, "valves")

    client.pump.select().name.prefix("P").valves.flow_rate.range(gte=3).list()       # the valves: a ValveList
    client.pump.select().name.prefix("P").valves.flow_rate.range(gte=3).list_root()  # pumps, valves nested

Every step is immutable and holds only its filters and a link to the step before it, so a step costs the same at
any depth and nothing is built until asked for: a traversal creates the next step when it is read. `_Root`, the
list class of the first step, rides along so `list_root` is typed. A chain runs as one query (`query.run_query`,
paged), one node set per step (and an edge set before each step reached through an edge).
"""

from __future__ import annotations

import copy
import dataclasses
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar, cast, overload

from typing_extensions import Self

from .api import DEFAULT_LIMIT
from .data_classes import NodeList, NodeRead
from .filters import Filter, PropertyRef, RawFilter, all_of, equals, in_, prefix, range_
from .ids import node_property_ref
from .instances import InstancesClient, Sort
from .query import ResultSet, attach, connections_of, edges_set, hop_sets, root_set, run_query
from .value_types import ExpectedType, describe_value

_Read = TypeVar("_Read", bound=NodeRead)
_List = TypeVar("_List", bound=NodeList[Any])
_Root = TypeVar("_Root", bound=NodeList[Any])
_Step = TypeVar("_Step", bound="NodeQuery[Any, Any, Any]")
_Value = TypeVar("_Value")


@dataclass(frozen=True)
class Step:
    """One step of a chain: the view's classes, how it is reached from the step before, and its own conditions."""

    read_class: type[NodeRead]
    list_class: type[NodeList[Any]]
    parent: Step | None = None
    # The connection field of the previous step's class that leads here.
    field: str | None = None
    filters: tuple[Filter, ...] = ()
    sort: tuple[Sort, ...] = ()
    limit: int | None = None

    def chain(self) -> list[Step]:
        steps: list[Step] = []
        step: Step | None = self
        while step is not None:
            steps.append(step)
            step = step.parent
        return steps[::-1]


# ── Filter steps ────────────────────────────────────────────────────────────────────────────────────────────


class ValueFilter(Generic[_Step, _Value]):
    """Equality filters and sorting on one property of a step.

    Values are checked against the property's declared type (`expected`) before any request, as the keyword
    filters of the view APIs are: a value of another type would match nothing in CDF, silently.
    """

    def __init__(
        self, step: _Step, reference: PropertyRef, expected: ExpectedType | None = None, name: str = ""
    ) -> None:
        """`expected` and `name`: the property's declared value type and field name, for type errors."""
        self._step = step
        self._reference = reference
        self._expected = expected
        self._name = name or reference[-1]

    def equals(self, value: _Value) -> _Step:
        return self._step._where(equals(self._reference, self._checked("equals", value)))

    def in_(self, values: Sequence[_Value]) -> _Step:
        if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
            raise TypeError(f"{self._name}.in_ expects a list of values, got {describe_value(values)}")
        return self._step._where(in_(self._reference, [self._checked("in_", value) for value in values]))

    def sort_ascending(self) -> _Step:
        return self._step._sorted(Sort(self._reference, "ascending"))

    def sort_descending(self) -> _Step:
        return self._step._sorted(Sort(self._reference, "descending"))

    def _checked(self, method: str, value: Any) -> Any:
        if self._expected is not None and not self._expected.accepts(value):
            raise TypeError(f"{self._name}.{method} expects {self._expected.spelling}, got {describe_value(value)}")
        return value


class TextFilter(ValueFilter[_Step, str]):
    def prefix(self, value: str) -> _Step:
        return self._step._where(prefix(self._reference, self._checked("prefix", value)))


class RangeFilter(ValueFilter[_Step, _Value]):
    """Numbers, timestamps and dates: ranges, and the smallest or largest values."""

    def range(
        self,
        *,
        gt: _Value | None = None,
        gte: _Value | None = None,
        lt: _Value | None = None,
        lte: _Value | None = None,
    ) -> _Step:
        for name, value in (("gt", gt), ("gte", gte), ("lt", lt), ("lte", lte)):
            if value is not None:
                self._checked(f"range({name}=...)", value)
        return self._step._where(range_(self._reference, gt=gt, gte=gte, lt=lt, lte=lte))

    def earliest(self, count: int = 1) -> _Step:
        """The `count` nodes of this step with the smallest values (across all the nodes it is reached from)."""
        return self._step._sorted(Sort(self._reference, "ascending"), limit=count)

    def latest(self, count: int = 1) -> _Step:
        """The `count` nodes of this step with the largest values (across all the nodes it is reached from)."""
        return self._step._sorted(Sort(self._reference, "descending", nulls_first=False), limit=count)


# ── Descriptors the generated query classes declare their properties with ──────────────────────────────────


class _Property:
    def __init__(self, field: str) -> None:
        """`field`: the Python name of a property field, or `node.<identifier>` for a node field."""
        self._field = field
        self._member = field

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._member = name  # the step member's name, as the user wrote it, for error messages

    def _typing(self) -> tuple[ExpectedType | None, str]:
        """The value type the descriptor was declared with, and the member's name. `ValueProperty[float](...)`
        keeps its type in `__orig_class__` (set by typing once the object is made); a TextProperty holds text.
        """
        if isinstance(self, TextProperty):
            return ExpectedType.of(str, None), self._member
        arguments = typing.get_args(getattr(self, "__orig_class__", None))
        return (ExpectedType.of(arguments[0], None) if arguments else None), self._member


class ValueProperty(_Property, Generic[_Value]):
    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, instance: _Step, owner: type[Any]) -> ValueFilter[_Step, _Value]: ...
    def __get__(self, instance: Any, owner: type[Any]) -> Any:
        if instance is None:
            return self
        return ValueFilter(instance, instance._reference(self._field), *self._typing())


class TextProperty(_Property):
    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, instance: _Step, owner: type[Any]) -> TextFilter[_Step]: ...
    def __get__(self, instance: Any, owner: type[Any]) -> Any:
        return self if instance is None else TextFilter(instance, instance._reference(self._field), *self._typing())


class RangeProperty(_Property, Generic[_Value]):
    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, instance: _Step, owner: type[Any]) -> RangeFilter[_Step, _Value]: ...
    def __get__(self, instance: Any, owner: type[Any]) -> Any:
        if instance is None:
            return self
        return RangeFilter(instance, instance._reference(self._field), *self._typing())


# ── Steps ───────────────────────────────────────────────────────────────────────────────────────────────────


class NodeQuery(Generic[_Read, _List, _Root]):
    """One step of a select() chain over the nodes of one view; the generated `XQuery` adds its filters and
    traversals. Filtering returns a new step; the one it was called on stays as it was.
    """

    _read_class: ClassVar[type[NodeRead]]
    _list_class: ClassVar[type[NodeList[Any]]]

    # Every node can be filtered on its own space and external id.
    space = TextProperty("node.space")
    external_id = TextProperty("node.externalId")

    def __init__(self, instances: InstancesClient, parent: Step | None = None, field: str | None = None) -> None:
        """The first step of a chain, or (given the previous step and its connection field) the next one."""
        if parent is not None and field not in connections_of(parent.read_class):
            raise ValueError(f"{field!r} is not a connection of {parent.read_class.__name__}")
        self._instances = instances
        self._step = Step(self._read_class, self._list_class, parent, field)

    def where(self, filter: RawFilter) -> Self:
        """Any filter on this step's nodes (see the runtime's filter builders), for what the typed steps lack."""
        return self._where(Filter.load(filter))

    def limit(self, count: int) -> Self:
        """At most `count` nodes in this step, across all the nodes it is reached from."""
        return self._changed(limit=count)

    def list(self, limit: int | None = DEFAULT_LIMIT) -> _List:
        """The nodes of the last step (up to `limit`; None: all) reached through the whole chain."""
        steps = self._step.chain()
        sets = self._sets(steps, last_limit=limit)
        last = _name(len(steps) - 1)
        items = run_query(self._instances, sets, until_full=last)[last]
        return cast(_List, self._step.list_class(self._step.read_class.from_instances(items)))

    def list_root(self, limit: int | None = DEFAULT_LIMIT) -> _Root:
        """The nodes of the first step (up to `limit`; None: all) with the chain's later steps nested in their
        connection fields: each field holds the connected objects that pass that step's filters.
        """
        steps = self._step.chain()
        results = run_query(self._instances, self._sets(steps, root_limit=limit))
        parsed = [step.read_class.from_instances(results[_name(index)]) for index, step in enumerate(steps)]
        for index in range(len(steps) - 1, 0, -1):
            step, parent = steps[index], steps[index - 1]
            connection = connections_of(parent.read_class)[step.field or ""]
            name = _name(index)
            attach(
                parsed[index - 1],
                step.field or "",
                connection,
                targets={item.id: item for item in parsed[index]},
                edges=results.get(edges_set(name), []),
                sources=results[name],
                keep_unmatched=False,
            )
        return cast(_Root, steps[0].list_class(parsed[0]))

    def _sets(
        self, steps: Sequence[Step], *, root_limit: int | None = None, last_limit: int | None = None
    ) -> dict[str, ResultSet]:
        sets: dict[str, ResultSet] = {}
        last = len(steps) - 1
        for index, step in enumerate(steps):
            limit = _smallest(step.limit, root_limit if index == 0 else None, last_limit if index == last else None)
            sort = [item.dump() for item in step.sort]
            view = step.read_class._view
            if index == 0:
                sets[_name(0)] = root_set(view, all_of(*step.filters), sort=sort, limit=limit)
                continue
            parent = steps[index - 1]
            connections = connections_of(parent.read_class)
            sets.update(
                hop_sets(
                    _name(index),
                    _name(index - 1),
                    parent.read_class._view,
                    connections[step.field or ""],
                    node_filter=all_of(*step.filters),
                    sort=sort,
                    limit=limit,
                    siblings=connections.values(),
                )
            )
        return sets

    def _where(self, filter: Filter) -> Self:
        return self._changed(filters=(*self._step.filters, filter))

    def _sorted(self, sort: Sort, limit: int | None = None) -> Self:
        changes: dict[str, Any] = {"sort": (*self._step.sort, sort)}
        if limit is not None:
            changes["limit"] = limit
        return self._changed(**changes)

    def _changed(self, **changes: Any) -> Self:
        step = copy.copy(self)
        step._step = dataclasses.replace(self._step, **changes)
        return step

    def _reference(self, field: str) -> PropertyRef:
        """The filter reference of a property field (by Python name) or a node field (`node.<identifier>`)."""
        if field.startswith("node."):
            return node_property_ref(field.removeprefix("node."))
        return self._step.read_class._view.property_ref(self._step.read_class.property_identifiers()[field])


def _name(index: int) -> str:
    return f"step{index}"


def _smallest(*limits: int | None) -> int | None:
    given = [limit for limit in limits if limit is not None and limit >= 0]
    return min(given) if given else None
