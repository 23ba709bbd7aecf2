"""Escaped names end to end: fields renamed because their CDF names are reserved still write, read and filter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sdk_oddities import NodeId, OdditiesClient, Reserved, ReservedWrite

from .connection import EmulatorConnection

SPACE = "odd_instances"


@pytest.fixture(scope="module")
def client(oddities_emulator: EmulatorConnection) -> Iterator[OdditiesClient]:
    with OdditiesClient(**oddities_emulator) as client:
        client.upsert(
            [
                ReservedWrite(
                    space=SPACE,
                    external_id=f"odd:{index}",
                    type_=f"kind-{index}",
                    version_=index,
                    space_=f"room-{index % 2}",
                    id_=f"id-{index}",
                    cdf_name_=f"name-{index}",
                    date_=date(2024, 1, index),
                    class_="class" if index % 2 else "None",
                )
                for index in range(1, 5)
            ]
        )
        yield client


def ids(items: list[Reserved]) -> list[str]:
    return sorted(item.external_id for item in items)


def test_escaped_fields_round_trip(client: OdditiesClient) -> None:
    item = client.reserved.retrieve(NodeId(SPACE, "odd:3"))
    assert isinstance(item, Reserved)
    assert (item.type_, item.version_, item.space_, item.id_, item.cdf_name_) == (
        "kind-3",
        3,
        "room-1",
        "id-3",
        "name-3",
    )
    assert (item.date_, item.class_) == (date(2024, 1, 3), "class")
    # The node's own space and version are untouched by the properties named like them.
    assert (item.space, item.version) == (SPACE, 1)


def test_escaped_filter_keywords_filter_their_fields(client: OdditiesClient) -> None:
    api = client.reserved
    assert ids(api.list(type_="kind-2")) == ["odd:2"]
    assert ids(api.list(type_prefix="kind-", min_version=3)) == ["odd:3", "odd:4"]
    assert ids(api.list(max_date=date(2024, 1, 2))) == ["odd:1", "odd:2"]
    assert ids(api.list(space_="room-0")) == ["odd:2", "odd:4"]
    assert ids(api.list(space=SPACE, class_="None")) == ["odd:2", "odd:4"]
    assert ids(api.list(id_prefix="id-1", cdf_name_="name-1")) == ["odd:1"]
    assert ids(api.list(sort_by="version_", direction="descending", limit=1, type_prefix="kind")) == ["odd:4"]


def test_views_without_sortable_or_any_properties_still_list(client: OdditiesClient) -> None:
    # A view without containers has data in every node.
    assert len(client.nothing.list(limit=None, space=SPACE)) == 5
    assert client.only_json.list() == []
    assert client.read_only.list() == []


def test_a_property_spelled_like_another_fields_python_name_keeps_to_its_own_field(client: OdditiesClient) -> None:
    # `node_type` is the CDF identifier of `node_type_` and the Python name of the node's own type; `flow_rate` is
    # a field of its own beside `flowRate`'s `flow_rate_2`. Each keyword must reach its own field, both ways.
    written = ReservedWrite(
        space=SPACE,
        external_id="odd:typed",
        node_type=NodeId(SPACE, "odd:1"),
        node_type_="a property",
        flow_rate=1.5,
        flow_rate_2=2.5,
    )
    assert written.node_type == NodeId(SPACE, "odd:1")
    assert written.dump()["sources"][0]["properties"] == {"node_type": "a property", "flow_rate": 1.5, "flowRate": 2.5}
    client.upsert(written)
    item = client.reserved.retrieve(NodeId(SPACE, "odd:typed"))
    assert item is not None
    assert (item.node_type, item.node_type_, item.flow_rate, item.flow_rate_2) == (
        NodeId(SPACE, "odd:1"),
        "a property",
        1.5,
        2.5,
    )
    assert ids(client.reserved.list(node_type_="a property")) == ["odd:typed"]
    assert item.as_write().dump() == written.dump()
