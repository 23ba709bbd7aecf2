"""A small model of two views, as the generator will describe views to the PySpark runtime (one `ViewSpec` each,
written by hand here), and the same model as a model file the emulator serves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pygen_spark_check._spark import PropertySpec, ViewSpec

SPACE = "spark_model"
INSTANCES = "spark_instances"

PLANT = ViewSpec(
    name="test_plant",
    space=SPACE,
    external_id="Plant",
    version="1",
    properties=(
        PropertySpec("name", "text"),
        PropertySpec("capacity", "float64"),
        PropertySpec("commissioned", "timestamp"),
    ),
    filter_keys=("name", "name_prefix", "min_capacity", "max_capacity"),
)

UNIT = ViewSpec(
    name="test_unit",
    space=SPACE,
    external_id="Unit",
    version="1",
    properties=(
        PropertySpec("name", "text"),
        PropertySpec("serial", "int64"),
        PropertySpec("power", "int32"),
        PropertySpec("efficiency", "float32"),
        PropertySpec("startedAt", "timestamp", field="started_at"),
        PropertySpec("installed", "date"),
        PropertySpec("active", "boolean"),
        PropertySpec("status", "enum"),
        PropertySpec("settings", "json"),
        PropertySpec("tags", "text", is_list=True),
        PropertySpec("readings", "int64", is_list=True),
        PropertySpec("plant", "direct"),
    ),
    filter_keys=("name", "name_prefix", "min_serial", "max_serial", "min_power", "max_power", "status", "plant"),
)


def _property_type(spec: PropertySpec) -> dict[str, Any]:
    if spec.kind == "direct":
        return {"type": "direct", "list": spec.is_list, "source": PLANT.view_id.dump()}
    if spec.kind == "enum":
        return {"type": "enum", "values": {"running": {}, "stopped": {}, "maintenance": {}}}
    return {"type": spec.kind, "list": spec.is_list}


def write_model(path: Path) -> Path:
    """The two views as a data model file (the emulator derives their containers)."""
    views = []
    for view in (PLANT, UNIT):
        properties = {
            spec.identifier: {
                "container": {"space": SPACE, "externalId": view.external_id, "type": "container"},
                "containerPropertyIdentifier": spec.identifier,
                "type": _property_type(spec),
                "nullable": True,
                "immutable": False,
                "autoIncrement": False,
            }
            for spec in view.properties
        }
        views.append(
            {
                "space": SPACE,
                "externalId": view.external_id,
                "version": view.version,
                "implements": [],
                "writable": True,
                "usedFor": "node",
                "isGlobal": False,
                "properties": properties,
            }
        )
    model = {"space": SPACE, "externalId": "SparkModel", "version": "1", "isGlobal": False, "views": views}
    path.write_text(json.dumps(model))
    return path


def write_seed(path: Path) -> Path:
    """One plant, which creates the instance space the tests write into."""
    seed = [
        {
            "instanceType": "node",
            "space": INSTANCES,
            "externalId": "seed_plant",
            "sources": [{"source": PLANT.view_id.dump(), "properties": {"name": "seed"}}],
        }
    ]
    path.write_text(json.dumps(seed))
    return path
