"""client.spaces over a fake /models/spaces: chunks of 100, ensure creates only what is missing, and
upsert(create_space=True) creates the spaces before the instances are written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from support import FakeDMS, Recorder, request_json

from pumps import PumpsClient, PumpWrite

ClientFactory = Callable[..., tuple[PumpsClient, Recorder]]


class FakeSpaces(FakeDMS):
    """FakeDMS with the space endpoints: apply, byids and delete over an in-memory set of spaces."""

    def __init__(self, spaces: set[str] | None = None) -> None:
        super().__init__()
        self.spaces = set(spaces or ())

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.rsplit("/models/", 1)[1]
        if not path.startswith("spaces"):
            return super().__call__(request)
        names = [item["space"] for item in request_json(request)["items"]]
        if path == "spaces":
            self.spaces.update(names)
            found = names
        elif path == "spaces/byids":
            found = [name for name in names if name in self.spaces]
        else:
            found = [name for name in names if name in self.spaces]
            self.spaces.difference_update(found)
        return httpx.Response(200, json={"items": [space_payload(name) for name in found]})


def space_payload(name: str) -> dict[str, Any]:
    return {"space": name, "isGlobal": False, "createdTime": 1, "lastUpdatedTime": 1}


def paths(recorder: Recorder) -> list[str]:
    return [request.url.path.rsplit("/models/", 1)[1] for request in recorder.requests]


def test_apply_sends_chunks_of_100_with_name_and_description(pumps_client: ClientFactory) -> None:
    client, recorder = pumps_client(FakeSpaces())
    created = client.spaces.apply([f"s{index}" for index in range(250)], name="Mine", description="Test")
    assert len(created) == 250
    bodies = recorder.bodies("/spaces")
    assert [len(body["items"]) for body in bodies] == [100, 100, 50]
    assert bodies[0]["items"][0] == {"space": "s0", "name": "Mine", "description": "Test"}
    # A bare string is one space, not its letters; duplicates are sent once.
    assert [space.space for space in client.spaces.apply(["abc", "abc"])] == ["abc"]


def test_ensure_creates_only_the_missing_spaces(pumps_client: ClientFactory) -> None:
    fake = FakeSpaces({"old"})
    client, recorder = pumps_client(fake)
    assert [space.space for space in client.spaces.ensure(["old", "new"])] == ["new"]
    assert recorder.bodies("/spaces")[-1] == {"items": [{"space": "new"}]}
    assert client.spaces.ensure("old") == []
    assert paths(recorder)[-1] == "spaces/byids"  # nothing applied when all exist
    assert client.spaces.delete(["new", "never"]) == ["new"]
    assert fake.spaces == {"old"}


def test_upsert_with_create_space_creates_the_spaces_first(pumps_client: ClientFactory) -> None:
    fake = FakeSpaces()
    client, recorder = pumps_client(fake)
    client.upsert(
        [
            PumpWrite(space="plant_a", external_id="p1", name="P1"),
            PumpWrite(space="plant_b", external_id="p2", name="P2"),
        ],
        create_space=True,
    )
    assert paths(recorder) == ["spaces/byids", "spaces", "instances"]
    assert fake.spaces == {"plant_a", "plant_b"}
    client.upsert(PumpWrite(space="plant_a", external_id="p3", name="P3"))
    assert paths(recorder)[-1] == "instances"  # without create_space, no space request
