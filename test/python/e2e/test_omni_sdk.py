"""The SDK generated from the shared Omni model, end to end against the emulator seeded with Omni's nodes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from typing import Any

import pytest
from sdk_omni import (
    Implementation1,
    Implementation1Write,
    Implementation2,
    MainInterface,
    MainInterfaceWrite,
    OmniClient,
    PrimitiveNullable,
    PrimitiveNullableList,
    PrimitiveRequired,
    PrimitiveRequiredListed,
    PrimitiveWithDefaults,
    SubInterface,
    SubInterfaceWrite,
)
from sdk_omni._runtime import NodeRead, ViewAPI

from .connection import EmulatorConnection


@pytest.fixture(scope="module")
def client(omni_emulator: EmulatorConnection) -> Iterator[OmniClient]:
    with OmniClient(**omni_emulator) as client:
        yield client


def view_apis(client: OmniClient) -> dict[str, Any]:
    """Every view's API by client attribute; typed loosely, since each has its own typed signatures."""
    return {name: api for name, api in vars(client).items() if isinstance(api, ViewAPI)}


def test_every_seeded_node_parses_into_its_class(client: OmniClient) -> None:
    counts: dict[str, int] = {}
    for name, api in view_apis(client).items():
        items = api.list(limit=None)
        assert all(isinstance(item, api._read_class) for item in items), name
        counts[name] = len(items)
    for name in ("primitive_nullable", "primitive_required", "primitive_required_listed", "primitive_with_defaults"):
        assert counts[name] == 5, name
    assert counts["cdf_external_references"] == 5
    assert sum(counts.values()) >= 60


def test_values_keep_their_types(client: OmniClient) -> None:
    required = client.primitive_required.list(limit=None)
    assert all(isinstance(item, PrimitiveRequired) for item in required)
    for item in required:
        assert isinstance(item.int_64, int)
        assert isinstance(item.timestamp, datetime)
        assert item.timestamp.tzinfo is not None
        assert isinstance(item.date_, date)
        assert isinstance(item.json_, dict)
    listed = client.primitive_required_listed.list(limit=None)
    assert all(isinstance(item, PrimitiveRequiredListed) for item in listed)
    assert all(isinstance(value, datetime) for item in listed for value in item.timestamp)
    defaults = client.primitive_with_defaults.list(limit=None)
    assert all(isinstance(item, PrimitiveWithDefaults) for item in defaults)


def ids(items: PrimitiveNullableList) -> list[str]:
    return sorted(item.external_id for item in items)


def expected(items: PrimitiveNullableList, keep: Callable[[PrimitiveNullable], bool]) -> list[str]:
    return sorted(item.external_id for item in items if keep(item))


def test_every_filter_kind_selects_what_the_values_say(client: OmniClient) -> None:
    api = client.primitive_nullable
    every = api.list(limit=None)
    with_int = [item for item in every if item.int_32 is not None]
    middle = sorted(item.int_32 for item in with_int if item.int_32 is not None)[len(with_int) // 2]
    assert ids(api.list(min_int_32=middle)) == expected(
        every, lambda item: item.int_32 is not None and item.int_32 >= middle
    )
    assert ids(api.list(max_int_32=middle)) == expected(
        every, lambda item: item.int_32 is not None and item.int_32 <= middle
    )
    assert ids(api.list(min_float_64=0.0)) == expected(
        every, lambda item: item.float_64 is not None and item.float_64 >= 0
    )
    assert ids(api.list(boolean=True)) == expected(every, lambda item: item.boolean is True)
    day = date(2024, 1, 1)
    assert ids(api.list(min_date=day)) == expected(every, lambda item: item.date_ is not None and item.date_ >= day)
    moment = datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert ids(api.list(max_timestamp=moment)) == expected(
        every, lambda item: item.timestamp is not None and item.timestamp <= moment
    )
    text = next(item.text for item in every if item.text)
    assert ids(api.list(text=text)) == expected(every, lambda item: item.text == text)
    assert ids(api.list(text_prefix=text[:3])) == expected(every, lambda item: (item.text or "").startswith(text[:3]))
    first = every[0].external_id
    assert ids(api.list(external_id=[first], space="sp_omni_instances")) == [first]


def test_read_objects_write_back_unchanged(client: OmniClient) -> None:
    originals = client.primitive_required.list(limit=None)
    copies = originals.as_write()
    for write in copies:
        write.external_id = f"copy:{write.external_id}"
    client.upsert(copies)
    for original in originals:
        read = client.primitive_required.retrieve(f"copy:{original.external_id}")
        assert isinstance(read, PrimitiveRequired)
        assert read.dump() | {"external_id": original.external_id} == original.dump() | {
            key: read.dump()[key] for key in ("version", "created_time", "last_updated_time")
        }
    assert len(client.delete([f"copy:{original.external_id}" for original in originals])) == len(originals)


def test_search_aggregate_histogram(client: OmniClient) -> None:
    every = client.primitive_nullable.list(limit=None)
    word = next(item.text for item in every if item.text).split()[0]
    found = client.primitive_nullable.search(word, "text")
    assert found
    assert all(isinstance(item, PrimitiveNullable) for item in found)
    assert client.primitive_nullable.aggregate("count").value == len(every)
    histogram = client.primitive_nullable.histogram("int_32", 1e9)
    assert sum(bucket.count for bucket in histogram.buckets) == sum(item.int_32 is not None for item in every)


def test_read_only_views_have_read_apis(client: OmniClient) -> None:
    items = client.implementation_1_non_writeable.list(limit=None)
    assert all(isinstance(item, NodeRead) for item in items)
    assert not hasattr(client.implementation_1_non_writeable, "upsert")


def test_interfaces_are_base_classes_and_as_child_class_reads_the_implementations(client: OmniClient) -> None:
    assert issubclass(Implementation1, SubInterface)
    assert issubclass(SubInterface, MainInterface)
    assert issubclass(Implementation1Write, SubInterfaceWrite)
    assert issubclass(SubInterfaceWrite, MainInterfaceWrite)
    as_interface = client.main_interface.list(limit=None)
    assert {type(item) for item in as_interface} == {MainInterface}
    as_children = client.main_interface.list(limit=None, as_child_class=True)
    assert as_children.ids == as_interface.ids
    kinds = {item.external_id: type(item) for item in as_children}
    assert kinds["Implementation1:Amanda"] is Implementation1
    assert kinds["Implementation2:Brett"] is Implementation2
    amanda = client.main_interface.retrieve("Implementation1:Amanda", as_child_class=True)
    assert isinstance(amanda, Implementation1)
    # Read through the child's view: its own properties and the inherited ones.
    assert amanda.value_1 == "Study alone probably social free."
    assert amanda.main_value == "Charge radio able behind nor major side."
    plain = client.main_interface.retrieve("Implementation1:Amanda")
    assert type(plain) is MainInterface
