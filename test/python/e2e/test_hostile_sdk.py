"""The SDK of test/support/hostile-model.ts, whose names collide with everything a generated SDK already spells:
every field is given by its Python name, reaches the wire under its CDF identifier and reads back into the same
field, from an instance and from a GraphQL answer; select() chains build over steps whose members were renamed.
No emulator: nothing is sent.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from sdk_hostile import Connection_, HostileClient, HostileClient_, NodeId, NodeRead_, NodeReadWrite
from sdk_hostile._query import NodeRead_Query
from sdk_hostile._runtime import InstancesClient
from sdk_hostile._runtime.graphql import _typed
from sdk_hostile.data_classes import (
    HostileClient_EdgeWrite,
    HostileClientWrite,
    Leaf,
    LeafWrite,
    ViewAPIWrite,
)

SPACE = "hostile_instances"
WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
READ_BASE = {"space": SPACE, "version": 3, "createdTime": 1729354706630, "lastUpdatedTime": 1729354706630}
CONNECTIONS = {"match_", "limit", "retrieve_connections", "sources", "dump_", "space_"}


def value_of(identifier: str) -> Any:
    """A value for a data property, of its type, that names the property it was given to."""
    if identifier.endswith("_time"):
        return WHEN
    if identifier == "2fast":
        return 2
    return f"value of {identifier}"


def data_fields() -> dict[str, str]:
    """Python name → CDF identifier of every data (not connection) property of NodeRead."""
    return {name: cdf for name, cdf in NodeReadWrite.property_identifiers().items() if name not in CONNECTIONS}


def full_write() -> NodeReadWrite:
    values: dict[str, Any] = {name: value_of(cdf) for name, cdf in data_fields().items()}
    return NodeReadWrite(
        space=SPACE,
        external_id="n1",
        node_type=NodeId(SPACE, "a-type"),
        existing_version=2,
        match_=NodeId(SPACE, "c1"),
        retrieve_connections=[NodeId(SPACE, "q1"), (SPACE, "q2")],
        **values,
    )


def test_every_field_is_a_constructor_keyword_of_its_own() -> None:
    fields = data_fields()
    # Keywords, builtins, pydantic and runtime members, and names differing only by case or `_`/`-`: one field each.
    assert len(fields) == len(set(fields.values())) == 55
    written = full_write()
    for name, cdf in fields.items():
        assert getattr(written, name) == value_of(cdf), name
    # The base's own fields keep their values beside the properties spelled like them.
    assert (written.space, written.external_id, written.existing_version) == (SPACE, "n1", 2)
    assert written.node_type == NodeId(SPACE, "a-type")


def test_the_wire_carries_cdf_identifiers() -> None:
    body = full_write().dump()
    assert (body["space"], body["externalId"], body["existingVersion"]) == (SPACE, "n1", 2)
    assert body["type"] == {"space": SPACE, "externalId": "a-type"}
    [source] = body["sources"]
    assert source["source"] == {"type": "view", "space": "sp_test", "externalId": "NodeRead", "version": "1"}
    expected = {cdf: value_of(cdf) for cdf in data_fields().values()}
    expected = {
        cdf: value.isoformat(timespec="milliseconds") if isinstance(value, datetime) else value
        for cdf, value in expected.items()
    }
    expected["match"] = {"space": SPACE, "externalId": "c1"}
    expected["retrieve_connections"] = [{"space": SPACE, "externalId": "q1"}, {"space": SPACE, "externalId": "q2"}]
    assert source["properties"] == expected


def test_an_instance_reads_back_into_the_same_fields() -> None:
    properties = source_properties(full_write().dump())
    instance = {
        **READ_BASE,
        "instanceType": "node",
        "externalId": "n1",
        "type": {"space": SPACE, "externalId": "a-type"},
    }
    item = NodeRead_.from_instance({**instance, "properties": {"sp_test": {"NodeRead/1": properties}}})
    for name, cdf in data_fields().items():
        assert getattr(item, name) == value_of(cdf), name
    assert (item.space, item.external_id, item.version, item.node_type) == (SPACE, "n1", 3, NodeId(SPACE, "a-type"))
    assert item.match_ == NodeId(SPACE, "c1")
    assert source_properties(item.as_write().dump()) == properties


def source_properties(body: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = body["sources"][0]["properties"]
    return properties


def test_edge_classes_keep_properties_named_like_edge_fields_apart() -> None:
    # ViewAPI is an edge view with a property `end_node`; HostileClient, used for all, has `start_node`.
    edge = ViewAPIWrite(end_node=(SPACE, "e1"), end_node_="a property", weight=1.5)
    item = edge.apply_item(NodeId(SPACE, "n1"), edge.end_id, NodeId("sp_test", "type_EdgeRead"))
    assert item["endNode"] == {"space": SPACE, "externalId": "e1"}
    assert item["sources"][0]["properties"] == {"end_node": "a property", "weight": 1.5}
    both = HostileClient_EdgeWrite(
        end_node=(SPACE, "d1"), start_node=NodeId(SPACE, "n1"), start_node_="prop", match_="m", list_=(SPACE, "n1")
    )
    assert both.start_node == NodeId(SPACE, "n1")
    wire = both.apply_item(NodeId(SPACE, "n1"), both.end_id, NodeId("sp_test", "type_DataModelAPIs"))
    assert wire["sources"][0]["properties"] == {
        "start_node": "prop",
        "match": "m",
        "list": {"space": SPACE, "externalId": "n1"},
    }
    node = HostileClientWrite(space=SPACE, external_id="h1", start_node_="prop", match_="m")
    assert source_properties(node.dump()) == {"start_node": "prop", "match": "m"}
    read = HostileClient_.from_instance(
        {
            **READ_BASE,
            "instanceType": "node",
            "externalId": "h1",
            "properties": {"sp_test": {"HostileClient/1": {"start_node": "prop"}}},
        }
    )
    assert read.start_node_ == "prop"


def test_a_child_redefining_an_inherited_property_type_writes_its_own_type() -> None:
    leaf = LeafWrite(space=SPACE, external_id="l1", count=1.5, kind=NodeId(SPACE, "b1"), extra="x")
    assert source_properties(leaf.dump()) == {"count": 1.5, "kind": {"space": SPACE, "externalId": "b1"}, "extra": "x"}
    read = Leaf.from_instance(
        {
            **READ_BASE,
            "instanceType": "node",
            "externalId": "l1",
            "properties": {"sp_test": {"Leaf/1": {"count": 2.5, "kind": {"space": SPACE, "externalId": "b1"}}}},
        }
    )
    assert read.count == 2.5
    assert read.kind == NodeId(SPACE, "b1")


@pytest.fixture
def client() -> HostileClient:
    # Never sends: select() chains are only built here.
    return HostileClient(base_url="http://localhost:1", project="p", token="t")


def test_select_chains_build_over_renamed_step_members(client: HostileClient) -> None:
    step = client.node_read.select()
    assert isinstance(step, NodeRead_Query)
    # `where`, `limit` and `list_root` are properties of NodeRead and members of every step: both stay usable.
    chained = (
        step.where_.equals("w")
        .list_root_.prefix("l")
        .class_.equals("c")
        .none.equals("n")
        .flow_rate_3.in_(["a", "b"])
        .created_time_.range(gte=WHEN)
        .property_2fast.range(lt=3)
        .space.equals(SPACE)
        .limit(5)
        .where({"exists": {"property": ["node", "externalId"]}})
        .limit_.retrieve_connections.parent.children.items
    )
    steps = chained._step.chain()
    assert [step.field for step in steps] == [None, "limit", "retrieve_connections", "parent", "children", "items"]
    root = steps[0]
    assert root.limit == 5
    references = [str(item.dump()) for item in root.filters]
    for cdf in ("where", "list_root", "class", "None", "flow-rate", "created_time", "2fast"):
        assert any(f"'NodeRead/1', '{cdf}'" in reference for reference in references), cdf
    assert isinstance(client._instances, InstancesClient)
    sets = chained._sets(steps)
    assert {"step0", "step5"} <= sets.keys()


def test_graphql_objects_parse_into_the_fields_of_their_cdf_identifiers() -> None:
    classes: dict[str, Any] = {"NodeRead": NodeRead_, "Connection": Connection_}
    answer = {
        "__typename": "NodeRead",
        "space": SPACE,
        "externalId": "n1",
        **{cdf: value_of(cdf) if not cdf.endswith("_time") else WHEN.isoformat() for cdf in data_fields().values()},
        "match": {"__typename": "Connection", "space": SPACE, "externalId": "c1", "type": "t", "where": "w"},
    }
    item = _typed(answer, classes)
    assert isinstance(item, NodeRead_)
    for name, cdf in data_fields().items():
        assert getattr(item, name) == value_of(cdf), name
    assert (item.space, item.external_id, item.node_type) == (SPACE, "n1", None)
    assert isinstance(item.match_, Connection_)
    assert (item.match_.type_, item.match_.where) == ("t", "w")
