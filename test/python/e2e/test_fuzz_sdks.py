"""SDKs generated from random models (test/fuzz, DESIGN.md §8) end to end against one emulator holding all their
models: each SDK imports, writes one node per writable view with every field set (edges and direct relations
pointing at the other nodes), lists each view, retrieves each node with its connections and reads every value
back, follows a select() chain over a connection, and deletes what it wrote.

The SDKs and their models (`<name>/`, `<name>.model.json`) come from the folder in PYGEN_FUZZ_SDKS (written by
test/fuzz/run.ts); without it the test is skipped.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from emulator_process import start_emulator

from .connection import EmulatorConnection

FUZZ = Path(os.environ["PYGEN_FUZZ_SDKS"]) if os.environ.get("PYGEN_FUZZ_SDKS") else None
WHEN = datetime(2025, 1, 2, 3, 4, 5, 678000, tzinfo=timezone.utc)


def fuzz_sdks() -> list[str]:
    if FUZZ is None:
        return []
    return sorted(path.name.removesuffix(".model.json") for path in FUZZ.glob("*.model.json"))


@pytest.fixture(scope="module")
def fuzz_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorConnection]:
    if FUZZ is None:
        pytest.skip("PYGEN_FUZZ_SDKS is not set")
    models = sorted(FUZZ.glob("*.model.json"))
    # One node per SDK creates the instance space its client writes into.
    seed = tmp_path_factory.mktemp("fuzz") / "seed.yaml"
    spaces = sorted({instance_space(json.loads(model.read_text())) for model in models})
    seed.write_text("".join(f"- {{instanceType: node, space: {space}, externalId: seed}}\n" for space in spaces))
    yield from start_emulator(models, seed)


def instance_space(model: dict[str, Any]) -> str:
    return f"{model['space']}_instances"


def value_of(property_type: dict[str, Any]) -> Any:
    """A value of a data property's type (a list of two for a list property)."""
    kind = property_type["type"]
    single: Any = {
        "text": "text value",
        "int32": 7,
        "int64": 2**40,
        "float32": 1.5,
        "float64": 2.25,
        "boolean": True,
        "timestamp": WHEN,
        "date": date(2025, 1, 2),
        "json": {"key": [1, "two", None]},
        "timeseries": "ts_1",
        "file": "file_1",
        "sequence": "seq_1",
    }.get(kind)
    if kind == "enum":
        # The unknown value stands for values the SDK does not know; it cannot be written.
        single = next(value for value in [*property_type["values"], None] if value != property_type.get("unknownValue"))
    return [single, single] if property_type.get("list") else single


class Exercise:
    """One SDK against the emulator."""

    def __init__(self, name: str, connection: EmulatorConnection) -> None:
        assert FUZZ is not None
        if str(FUZZ / name) not in sys.path:
            sys.path.insert(0, str(FUZZ / name))
        self.package: ModuleType = importlib.import_module(name)
        self.runtime: ModuleType = importlib.import_module(f"{name}._runtime")
        self.model: dict[str, Any] = json.loads((FUZZ / f"{name}.model.json").read_text())
        self.space = instance_space(self.model)
        self.client: Any = self.package.FuzzClient(**connection)
        self.views = {self.view_id(view): view for view in self.model["views"]}
        # A node per view that has a write class for nodes, and its external id.
        self.nodes: dict[Any, str] = {}
        # The type of the edge written between two nodes (start, end).
        self.edge_types: dict[tuple[Any, Any], Any] = {}
        # Edge fields left empty for that reason: (node, field name).
        self.left_empty: set[tuple[Any, str]] = set()
        for index, view_id in enumerate(self.views):
            if self.runtime.class_of(view_id, "write", "node") is not None:
                self.nodes[view_id] = f"n{index}"

    def view_id(self, reference: dict[str, Any]) -> Any:
        return self.runtime.ViewId(reference["space"], reference["externalId"], reference["version"])

    def node_of(self, view: Any) -> Any:
        """A node written through `view` (or any when None or absent): what connections point at."""
        external_id = self.nodes.get(view) or next(iter(self.nodes.values()), "nowhere")
        return self.runtime.NodeId(self.space, external_id)

    def fields(self, cls: Any, view: dict[str, Any], node: Any = None) -> dict[str, Any]:
        """Every stored field and every connection field of a write class (of `node`), given a value."""
        values: dict[str, Any] = {}
        for name, identifier in cls.property_identifiers().items():
            definition = view["properties"][identifier]
            if definition["type"]["type"] == "direct":
                hint = definition["type"].get("source")
                target = self.node_of(self.view_id(hint) if hint else None)
                values[name] = [target] if definition["type"].get("list") else target
            else:
                values[name] = value_of(definition["type"])
        for name, connection in cls._connections.items():
            if connection.kind != "edge" or name not in cls.model_fields or node is None:
                continue
            end = self.node_of(connection.target_view)
            ends = (node, end) if connection.direction == "outwards" else (end, node)
            # Two edges of different types between the same nodes would share their default id: the SDK refuses
            # that, so the second edge field gets an id of its own or, without an edge class, stays empty.
            clash = self.edge_types.setdefault(ends, connection.edge_type) != connection.edge_type
            item: Any = end
            # A read-only edge view has no edge write class: its edges are written without properties.
            edge_class = (
                None if connection.edge_view is None else self.runtime.class_of(connection.edge_view, "write", "edge")
            )
            if edge_class is not None:
                edge_values = self.fields(edge_class, self.views[connection.edge_view])
                if clash:
                    edge_values["external_id"] = f"{node.external_id}.{name}"
                item = edge_class(end_node=end, **edge_values)
            elif clash:
                self.left_empty.add((node, name))
                continue
            values[name] = [item] if connection.many else item
        return values

    def writes(self) -> list[Any]:
        items = []
        for view_id, external_id in self.nodes.items():
            cls = self.runtime.class_of(view_id, "write", "node")
            node = self.runtime.NodeId(self.space, external_id)
            items.append(cls(space=self.space, external_id=external_id, **self.fields(cls, self.views[view_id], node)))
        return items

    def apis(self) -> dict[Any, Any]:
        """The client's view APIs by view (data model groups searched too)."""
        found: dict[Any, Any] = {}
        pending: list[Any] = [self.client]
        while pending:
            holder = pending.pop()
            for attribute in vars(holder).values():
                if isinstance(attribute, self.runtime.ViewAPI):
                    found[attribute._view] = attribute
                elif type(attribute).__module__.startswith(self.package.__name__) and hasattr(attribute, "__dict__"):
                    pending.append(attribute)
        return found

    def run(self) -> None:
        written = {self.runtime.NodeId(self.space, external_id) for external_id in self.nodes.values()}
        writes = self.writes()
        if writes:
            results = self.client.upsert(writes)
            assert written <= {self.runtime.NodeId(result.space, result.external_id) for result in results}
        apis = self.apis()
        for view_id, api in apis.items():
            listed = {
                self.runtime.NodeId(item.space, item.external_id) for item in api.list(limit=1000, space=self.space)
            }
            if view_id in self.nodes:
                assert self.node_of(view_id) in listed, f"{view_id} lists {listed}"
                self.check_read_back(view_id, api)
            self.select_chain(api)
        if writes:
            deleted = self.client.delete(sorted(written, key=lambda node: node.external_id))
            assert written <= set(deleted)
            for view_id, api in apis.items():
                assert api.retrieve(self.nodes[view_id]) is None if view_id in self.nodes else True

    def check_read_back(self, view_id: Any, api: Any) -> None:
        read = api.retrieve(self.nodes[view_id], retrieve_connections="full")
        assert read is not None, f"{view_id}: not retrieved"
        view = self.views[view_id]
        for name, identifier in type(read).property_identifiers().items():
            definition = view["properties"][identifier]
            if definition["type"]["type"] == "direct":
                continue
            assert getattr(read, name) == value_of(definition["type"]), f"value not read back: {name!r} of {view_id}"
        # Edges and direct relations written to a node of their target view are read back with it.
        written = self.runtime.class_of(view_id, "write", "node").model_fields
        for name, connection in type(read)._connections.items():
            if (read.id, name) in self.left_empty or name not in written:
                continue
            if connection.kind in ("edge", "direct") and connection.target_view in self.nodes:
                assert getattr(read, name) not in (None, []), f"{connection.kind} not read back: {name!r} of {view_id}"
        assert read.as_write() is not None

    def select_chain(self, api: Any) -> None:
        """A select() chain from the view over its first connection step, run to the end and to its root."""
        step = api.select()
        step.list()
        for name in type(step).__dict__:
            if name.startswith("_"):
                continue
            following = getattr(step, name)
            if hasattr(following, "list_root") and hasattr(following, "list"):
                following.list()
                following.list_root()
                return


@pytest.mark.parametrize("name", fuzz_sdks())
def test_fuzz_sdk(name: str, fuzz_emulator: EmulatorConnection) -> None:
    exercise = Exercise(name, fuzz_emulator)
    with exercise.client:
        exercise.run()
