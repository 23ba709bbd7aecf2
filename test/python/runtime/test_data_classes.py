"""View properties named like a node's own keys (`type`, `version`, `space`) keep apart from the node's values."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, ClassVar

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
