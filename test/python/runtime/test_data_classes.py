"""View properties named like a node's own keys (`type`, `version`, `space`) keep apart from the node's values."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, ClassVar

import pytest
from pydantic import ValidationError

from pumps._runtime import NodeId, NodeRead, NodeWrite, ViewId, cdf_name

VIEW = ViewId("sp_model", "Sensor", "1")
MOMENT = datetime(2024, 10, 19, 16, 18, 26, tzinfo=timezone.utc)


class Sensor(NodeRead):
    _view: ClassVar[ViewId] = VIEW

    type_: Annotated[str | None, cdf_name("type")] = None
    version_: Annotated[int | None, cdf_name("version")] = None
    space_: Annotated[str | None, cdf_name("space")] = None
    name: str | None = None


class SensorWrite(NodeWrite):
    _view: ClassVar[ViewId] = VIEW

    type_: Annotated[str | None, cdf_name("type")] = None
    version_: Annotated[int | None, cdf_name("version")] = None
    space_: Annotated[str | None, cdf_name("space")] = None


def test_read_properties_named_like_node_keys() -> None:
    sensor = Sensor.from_instance(
        {
            "instanceType": "node",
            "space": "sp_data",
            "externalId": "s1",
            "version": 7,
            "createdTime": 1729354706630,
            "lastUpdatedTime": 1729354706630,
            "type": {"space": "sp_model", "externalId": "SensorType"},
            "properties": {"sp_model": {"Sensor/1": {"type": "vibration", "version": 2, "space": "hall", "name": "n"}}},
        }
    )
    assert (sensor.space, sensor.version, sensor.node_type) == ("sp_data", 7, NodeId("sp_model", "SensorType"))
    assert (sensor.type_, sensor.version_, sensor.space_, sensor.name) == ("vibration", 2, "hall", "n")
    assert Sensor.property_identifiers() == {"name": "name", "space_": "space", "type_": "type", "version_": "version"}


def test_write_properties_named_like_node_keys() -> None:
    write = SensorWrite(space="sp_data", external_id="s1", type_="vibration", version_=2, space_="hall")
    assert write.dump() == {
        "instanceType": "node",
        "space": "sp_data",
        "externalId": "s1",
        "sources": [
            {
                "source": VIEW.dump(),
                "properties": {"type": "vibration", "version": 2, "space": "hall"},
            }
        ],
    }


def test_a_read_object_converts_to_its_write_object() -> None:
    sensor = Sensor(
        space="sp_data",
        external_id="s1",
        version=3,
        created_time=MOMENT,
        last_updated_time=MOMENT,
        type_="vibration",
        space_="hall",
    )
    write = sensor._to_write(SensorWrite)
    assert write.dump()["sources"][0]["properties"] == {"type": "vibration", "space": "hall"}


def _sensor_instance(external_id: str, values: dict[str, object] | None = None) -> dict[str, object]:
    instance: dict[str, object] = {
        "instanceType": "node",
        "space": "sp_data",
        "externalId": external_id,
        "version": 1,
        "createdTime": 1729354706630,
        "lastUpdatedTime": 1729354706630,
    }
    if values is not None:
        instance["properties"] = {"sp_model": {"Sensor/1": values}}
    return instance


def test_a_page_parses_in_one_call_as_each_instance_would() -> None:
    page = [
        _sensor_instance("s1", {"type": "vibration", "name": "n"}),
        _sensor_instance("s2"),  # no properties of the view at all
        _sensor_instance("s3", {"name": None}),
        _sensor_instance("s4") | {"properties": {"other_space": {"Other/1": {"name": "elsewhere"}}}},
    ]
    sensors = Sensor.from_instances(page)
    assert sensors == [Sensor.from_instance(instance) for instance in page]
    assert [(sensor.external_id, sensor.type_, sensor.name) for sensor in sensors] == [
        ("s1", "vibration", "n"),
        ("s2", None, None),
        ("s3", None, None),
        ("s4", None, None),
    ]
    assert Sensor.from_instances([]) == []


class Described(NodeRead):
    _view: ClassVar[ViewId] = VIEW

    properties: str | None = None


def test_a_property_named_properties_is_read() -> None:
    assert Described.from_instances([_sensor_instance("s1", {"properties": "p"})])[0].properties == "p"


def test_a_page_with_an_invalid_instance_fails_naming_it() -> None:
    with pytest.raises(ValidationError, match=r"^1 validation error[\s\S]*1\.createdTime"):
        Sensor.from_instances([_sensor_instance("s1"), _sensor_instance("s2") | {"createdTime": "never"}])
