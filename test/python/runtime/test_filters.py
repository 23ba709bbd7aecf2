"""The filter algebra's JSON, and typed keyword arguments turned into filters."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import pytest

from pumps._runtime import (
    ContainerId,
    Filter,
    KeywordFilters,
    NodeId,
    ViewId,
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
from pumps._runtime.filters import all_of

VIEW = ViewId("sp_model", "Pump", "v1")
NAME = VIEW.property_ref("name")
FLOW = VIEW.property_ref("flowRate")


@pytest.mark.parametrize(
    ("built", "expected"),
    [
        (equals(NAME, "P-1"), {"equals": {"property": ["sp_model", "Pump/v1", "name"], "value": "P-1"}}),
        (in_(NAME, ["a", "b"]), {"in": {"property": NAME, "values": ["a", "b"]}}),
        (range_(FLOW, gte=1.5, lt=10), {"range": {"property": FLOW, "gte": 1.5, "lt": 10}}),
        (range_(FLOW, gt=0), {"range": {"property": FLOW, "gt": 0}}),
        (prefix(NAME, "P-"), {"prefix": {"property": NAME, "value": "P-"}}),
        (exists(FLOW), {"exists": {"property": FLOW}}),
        (contains_any(NAME, ["x"]), {"containsAny": {"property": NAME, "values": ["x"]}}),
        (contains_all(NAME, ["x", "y"]), {"containsAll": {"property": NAME, "values": ["x", "y"]}}),
        (match_all(), {"matchAll": {}}),
        (
            nested(VIEW.property_ref("site"), equals(["node", "externalId"], "s1")),
            {
                "nested": {
                    "scope": ["sp_model", "Pump/v1", "site"],
                    "filter": {"equals": {"property": ["node", "externalId"], "value": "s1"}},
                }
            },
        ),
        (
            overlaps(VIEW.property_ref("start"), VIEW.property_ref("end"), gte=1, lte=5),
            {
                "overlaps": {
                    "startProperty": ["sp_model", "Pump/v1", "start"],
                    "endProperty": ["sp_model", "Pump/v1", "end"],
                    "gte": 1,
                    "lte": 5,
                }
            },
        ),
        (
            has_data([VIEW, ContainerId("sp_model", "PumpContainer")]),
            {
                "hasData": [
                    {"type": "view", "space": "sp_model", "externalId": "Pump", "version": "v1"},
                    {"type": "container", "space": "sp_model", "externalId": "PumpContainer"},
                ]
            },
        ),
        (
            instance_references([NodeId("sp", "a"), NodeId("sp", "b")]),
            {"instanceReferences": [{"space": "sp", "externalId": "a"}, {"space": "sp", "externalId": "b"}]},
        ),
        (
            and_(exists(NAME), or_(exists(FLOW), not_(exists(NAME)))),
            {
                "and": [
                    {"exists": {"property": NAME}},
                    {"or": [{"exists": {"property": FLOW}}, {"not": {"exists": {"property": NAME}}}]},
                ]
            },
        ),
    ],
)
def test_every_filter_kind_dumps_to_the_api_json(built: Filter, expected: dict[str, Any]) -> None:
    assert built.dump() == expected


def test_operators_combine_filters() -> None:
    a, b = exists(NAME), exists(FLOW)
    assert (a & b) == and_(a, b)
    assert (a | b) == or_(a, b)
    assert ~a == not_(a)


def test_values_are_written_as_cdf_reads_them() -> None:
    moment = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert range_(FLOW, gte=moment, lt=date(2024, 2, 1)).dump()["range"] == {
        "property": FLOW,
        "gte": "2024-01-02T03:04:05.000+00:00",
        "lt": "2024-02-01",
    }
    assert equals(NAME, NodeId("sp", "x")).dump()["equals"]["value"] == {"space": "sp", "externalId": "x"}
    assert in_(NAME, [NodeId("sp", "x")]).dump()["in"]["values"] == [{"space": "sp", "externalId": "x"}]


def test_ranges_need_consistent_bounds() -> None:
    with pytest.raises(ValueError, match="at least one"):
        range_(FLOW)
    with pytest.raises(ValueError, match="at most one lower bound"):
        range_(FLOW, gt=1, gte=2)


def test_raw_filters_load_and_stay_immutable() -> None:
    raw = {"equals": {"property": ["node", "space"], "value": "sp"}}
    loaded = Filter.load(raw)
    loaded.dump()["equals"]["value"] = "changed"
    raw["equals"]["value"] = "changed too"
    assert loaded.dump() == {"equals": {"property": ["node", "space"], "value": "sp"}}
    with pytest.raises(ValueError, match="exactly one key"):
        Filter.load({"equals": {}, "in": {}})


def test_all_of_drops_missing_filters() -> None:
    assert all_of(None, None) is None
    assert all_of(None, exists(NAME)) == exists(NAME)
    assert all_of(exists(NAME), exists(FLOW)) == and_(exists(NAME), exists(FLOW))


IDENTIFIERS = {"name": "name", "flow_rate": "flowRate", "min_pressure": "minPressure", "site": "site"}
KEYS = [
    "name",
    "name_prefix",
    "min_flow_rate",
    "max_flow_rate",
    "min_pressure",
    "max_min_pressure",
    "site",
    "space",
    "external_id_prefix",
]


@pytest.fixture
def keyword_filters() -> KeywordFilters:
    return KeywordFilters(VIEW, IDENTIFIERS, KEYS)


def test_keywords_become_filters(keyword_filters: KeywordFilters) -> None:
    built = keyword_filters.build(
        {"name_prefix": "P-", "min_flow_rate": 3, "max_flow_rate": 9.5, "space": ["a", "b"], "external_id_prefix": "x"}
    )
    assert built is not None
    assert built.dump() == {
        "and": [
            {"prefix": {"property": NAME, "value": "P-"}},
            {"in": {"property": ["node", "space"], "values": ["a", "b"]}},
            {"prefix": {"property": ["node", "externalId"], "value": "x"}},
            {"range": {"property": FLOW, "gte": 3, "lte": 9.5}},
        ]
    }


def test_a_single_keyword_is_not_wrapped_and_none_means_no_filter(keyword_filters: KeywordFilters) -> None:
    assert keyword_filters.build({"name": "P-1", "site": None}) == equals(NAME, "P-1")
    assert keyword_filters.build({"name": None}) is None
    assert keyword_filters.build({}) is None


def test_lists_become_in_but_a_node_id_is_one_value(keyword_filters: KeywordFilters) -> None:
    site = VIEW.property_ref("site")
    assert keyword_filters.build({"name": ("a", "b")}) == in_(NAME, ["a", "b"])
    assert keyword_filters.build({"site": NodeId("sp", "s1")}) == equals(site, NodeId("sp", "s1"))
    assert keyword_filters.build({"site": [NodeId("sp", "s1")]}) == in_(site, [NodeId("sp", "s1")])


def test_exact_field_names_win_over_min_max_prefixes(keyword_filters: KeywordFilters) -> None:
    pressure = VIEW.property_ref("minPressure")
    assert keyword_filters.build({"min_pressure": 2}) == equals(pressure, 2)
    assert keyword_filters.build({"max_min_pressure": 2}) == range_(pressure, lte=2)


def test_keywords_of_escaped_names_find_their_field() -> None:
    identifiers = {"type_": "type", "date_": "date", "properties": "properties"}
    filters = KeywordFilters(VIEW, identifiers, ["type_", "type_prefix", "min_date", "properties_", "space"])
    assert filters.build({"type_": "a"}) == equals(VIEW.property_ref("type"), "a")
    assert filters.build({"type_prefix": "a"}) == prefix(VIEW.property_ref("type"), "a")
    assert filters.build({"min_date": "2024-01-01"}) == range_(VIEW.property_ref("date"), gte="2024-01-01")
    assert filters.build({"properties_": "x"}) == equals(VIEW.property_ref("properties"), "x")
    assert filters.build({"space": "s"}) == equals(["node", "space"], "s")


def test_unknown_keywords_are_rejected(keyword_filters: KeywordFilters) -> None:
    with pytest.raises(TypeError, match="unexpected filter argument 'colour'"):
        keyword_filters.build({"colour": "red"})
    with pytest.raises(ValueError, match="names no property"):
        KeywordFilters(VIEW, IDENTIFIERS, ["min_colour"])
