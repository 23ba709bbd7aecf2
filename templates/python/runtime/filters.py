"""The DMS filter language as small builders, and the translation of typed keyword arguments into filters.

    f = and_(equals(PUMP.property_ref("status"), "running"), range_(PUMP.property_ref("flowRate"), gte=3))
    f.dump()  # {"and": [{"equals": {...}}, {"range": {...}}]}

`&`, `|` and `~` combine filters too. Values are written the way CDF reads them: datetimes as timestamps, dates
as `YYYY-MM-DD`, NodeIds as `{"space", "externalId"}`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypedDict

from .ids import ContainerId, NodeId, ViewId
from .value_types import ExpectedType, describe_value
from .values import dump_value

PropertyRef = Sequence[str]


class Filter:
    """One filter: an immutable JSON object with exactly one key, the filter's name."""

    __slots__ = ("_data",)

    def __init__(self, name: str, body: Any) -> None:
        self._data: dict[str, Any] = {name: body}

    @classmethod
    def load(cls, data: Filter | Mapping[str, Any]) -> Filter:
        """A raw filter as the API spells it, kept as given; for filters no builder covers."""
        if isinstance(data, Filter):
            return data
        if len(data) != 1:
            raise ValueError(f"a filter is an object with exactly one key, got {sorted(data)}")
        ((name, body),) = data.items()
        return cls(name, copy.deepcopy(body))

    def dump(self) -> dict[str, Any]:
        return copy.deepcopy(self._data)

    def __and__(self, other: Filter) -> Filter:
        return and_(self, other)

    def __or__(self, other: Filter) -> Filter:
        return or_(self, other)

    def __invert__(self) -> Filter:
        return not_(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Filter) and self._data == other._data

    def __hash__(self) -> int:
        return hash(repr(self._data))

    def __repr__(self) -> str:
        return f"Filter({self._data!r})"


# A filter from a builder, or one spelled as the API spells it.
RawFilter = Filter | Mapping[str, Any]


def equals(property: PropertyRef, value: Any) -> Filter:
    return Filter("equals", {"property": list(property), "value": dump_value(value)})


def in_(property: PropertyRef, values: Iterable[Any]) -> Filter:
    return Filter("in", {"property": list(property), "values": [dump_value(value) for value in values]})


def range_(property: PropertyRef, *, gt: Any = None, gte: Any = None, lt: Any = None, lte: Any = None) -> Filter:
    return Filter("range", {"property": list(property), **_bounds(gt=gt, gte=gte, lt=lt, lte=lte)})


def prefix(property: PropertyRef, value: Any) -> Filter:
    return Filter("prefix", {"property": list(property), "value": dump_value(value)})


def exists(property: PropertyRef) -> Filter:
    return Filter("exists", {"property": list(property)})


def contains_any(property: PropertyRef, values: Iterable[Any]) -> Filter:
    return Filter("containsAny", {"property": list(property), "values": [dump_value(value) for value in values]})


def contains_all(property: PropertyRef, values: Iterable[Any]) -> Filter:
    return Filter("containsAll", {"property": list(property), "values": [dump_value(value) for value in values]})


def match_all() -> Filter:
    return Filter("matchAll", {})


def nested(scope: PropertyRef, filter: Filter) -> Filter:
    """`filter` applied to the node the direct relation `scope` points at."""
    return Filter("nested", {"scope": list(scope), "filter": filter.dump()})


def overlaps(
    start_property: PropertyRef,
    end_property: PropertyRef,
    *,
    gt: Any = None,
    gte: Any = None,
    lt: Any = None,
    lte: Any = None,
) -> Filter:
    """The range [start_property, end_property] overlaps the given range."""
    bounds = _bounds(gt=gt, gte=gte, lt=lt, lte=lte)
    return Filter("overlaps", {"startProperty": list(start_property), "endProperty": list(end_property), **bounds})


def has_data(sources: Iterable[ViewId | ContainerId]) -> Filter:
    return Filter("hasData", [source.dump() for source in sources])


def instance_references(ids: Iterable[NodeId]) -> Filter:
    return Filter("instanceReferences", [node.dump() for node in ids])


def and_(*filters: Filter) -> Filter:
    if not filters:
        raise ValueError("and_ needs at least one filter")
    return Filter("and", [item.dump() for item in filters])


def or_(*filters: Filter) -> Filter:
    if not filters:
        raise ValueError("or_ needs at least one filter")
    return Filter("or", [item.dump() for item in filters])


def not_(filter: Filter) -> Filter:
    return Filter("not", filter.dump())


def all_of(*filters: Filter | None) -> Filter | None:
    """The conjunction of the filters that are not None: None when there are none, a lone filter unwrapped."""
    present = [item for item in filters if item is not None]
    if not present:
        return None
    if len(present) == 1:
        return present[0]
    # Flatten nested conjunctions: and(a, and(b, c)) is and(a, b, c), and reads better in logs and debuggers.
    operands = [operand for item in present for operand in item._data.get("and", [item._data])]
    return Filter("and", copy.deepcopy(operands))


def _bounds(**bounds: Any) -> dict[str, Any]:
    given = {name: dump_value(value) for name, value in bounds.items() if value is not None}
    if not given:
        raise ValueError("a range needs at least one of gt, gte, lt, lte")
    if ("gt" in given and "gte" in given) or ("lt" in given and "lte" in given):
        raise ValueError("give at most one lower bound (gt or gte) and one upper bound (lt or lte)")
    return given


# The node fields a keyword filter may name, and their identifiers in filter references.
_NODE_FIELDS = {"space": "space", "external_id": "externalId"}


class KeywordFilters:
    """Typed keyword arguments → one filter, for one view.

    The keys (those of the generated `XFilters` TypedDict) name what they filter, so the rule for each key is
    derived from its name once, when the view's API class is created:

    - `<field>`: equals, or `in` when given a list (text, numbers, booleans, enums, direct relations);
      `containsAny` for a list of direct relations (`list_fields`): the lists holding any of the nodes given;
    - `<field>_prefix`: prefix (text);
    - `min_<field>` / `max_<field>`: an inclusive range, merged into one filter when both are given;
    - `space`, `external_id`, `external_id_prefix`: the instance's own fields (the node's, or for the filters of
      an edge view, `kind="edge"`, the edge's).

    A key equal to a field name always means that field, so a field literally called `min_x` is never read as a
    range on `x`. Names escaped with a trailing underscore because they are reserved match their field: `type_`
    (field `type_`), `type_prefix` and `min_date` (fields `type_`, `date_`), `properties_` (field `properties`).
    A None value means "no filter", as in pygen v1. A value of another type than its key declares in `types` (the
    TypedDict's annotations, see value_types.py) raises TypeError before any request: CDF would match nothing.
    """

    def __init__(
        self,
        view: ViewId,
        identifiers: Mapping[str, str],
        keys: Iterable[str],
        types: Mapping[str, ExpectedType] | None = None,
        kind: Literal["node", "edge"] = "node",
        list_fields: Iterable[str] = (),
    ) -> None:
        """`identifiers` maps each property field's Python name to its CDF identifier; `list_fields` names the
        fields holding lists of direct relations.
        """
        self._rules = {key: _rule(view, identifiers, key, kind) for key in keys}
        self._lists = {tuple(view.property_ref(identifiers[name])) for name in list_fields if name in identifiers}
        self._types = dict(types or {})

    @property
    def keys(self) -> list[str]:
        return list(self._rules)

    def build(self, arguments: Mapping[str, Any]) -> Filter | None:
        filters: list[Filter] = []
        ranges: dict[tuple[str, ...], dict[str, Any]] = {}
        for key, value in arguments.items():
            if value is None:
                continue
            rule = self._rules.get(key)
            if rule is None:
                raise TypeError(f"unexpected filter argument {key!r}; expected one of {', '.join(self._rules)}")
            expected = self._types.get(key)
            if expected is not None and not expected.accepts(value):
                raise TypeError(f"filter {key}= expects {expected.spelling}, got {describe_value(value)}")
            operation, reference = rule
            if operation in ("gte", "lte"):
                ranges.setdefault(reference, {})[operation] = value
            elif operation == "prefix":
                filters.append(prefix(reference, value))
            elif reference in self._lists:
                filters.append(contains_any(reference, _several(value)))
            elif isinstance(value, (list, tuple, set, frozenset)) and not isinstance(value, NodeId):
                filters.append(in_(reference, value))
            else:
                filters.append(equals(reference, value))
        filters.extend(range_(reference, **bounds) for reference, bounds in ranges.items())
        return all_of(*filters)


def _several(value: Any) -> list[Any]:
    listed = isinstance(value, (list, tuple, set, frozenset)) and not isinstance(value, NodeId)
    return list(value) if listed else [value]


def _rule(
    view: ViewId, identifiers: Mapping[str, str], key: str, kind: Literal["node", "edge"]
) -> tuple[str, tuple[str, ...]]:
    """(operation, property reference) for one keyword; exact field names win over prefixes and suffixes."""

    def reference(field: str) -> tuple[str, ...] | None:
        if field in identifiers:
            return tuple(view.property_ref(identifiers[field]))
        if field in _NODE_FIELDS:
            return (kind, _NODE_FIELDS[field])
        for escaped in (f"{field}_", field.removesuffix("_")):
            if escaped in identifiers:
                return tuple(view.property_ref(identifiers[escaped]))
        return None

    candidates = [
        ("equals", key),
        ("prefix", key.removesuffix("_prefix") if key.endswith("_prefix") else None),
        ("gte", key.removeprefix("min_") if key.startswith("min_") else None),
        ("lte", key.removeprefix("max_") if key.startswith("max_") else None),
    ]
    for operation, field in candidates:
        found = reference(field) if field else None
        if found is not None:
            return operation, found
    raise ValueError(f"filter argument {key!r} names no property of view {view.external_id} nor a node field")


class NodeFilters(TypedDict, total=False):
    """Keyword filters every node view has; a generated `XFilters` TypedDict extends it with the view's own."""

    space: str | Sequence[str] | None
    external_id: str | Sequence[str] | None
    external_id_prefix: str | None
