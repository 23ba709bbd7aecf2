"""What the PySpark runtime knows about one view: its id, its properties with their CDF types, and the keyword
filters of its generated SDK. Generated code declares one `ViewSpec` per view; everything else is derived here.

Column names are the views' property identifiers (a property named like a node column gets another), beside the
node's own `space`, `externalId`, `createdTime` and `lastUpdatedTime`. CDF types map to exact Spark types: int64 →
bigint, int32 → int, float32 → float, float64 → double, timestamp → timestamp (UTC), date → date, json → string (the
JSON text), enum → string, boolean, text → string, lists → arrays of those, direct relations → struct<space,
externalId>, time series, file and sequence references → string (their external ids).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DataType,
    DateType,
    DoubleType,
    FloatType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
    TimestampType,
)

from .._runtime.ids import ViewId

PropertyKind = Literal[
    "text",
    "boolean",
    "int32",
    "int64",
    "float32",
    "float64",
    "timestamp",
    "date",
    "json",
    "enum",
    "direct",
    "timeseries",
    "file",
    "sequence",
]

# The node's own fields, as columns before the view's properties.
NODE_COLUMNS = ("space", "externalId", "createdTime", "lastUpdatedTime")

DIRECT_RELATION_TYPE = StructType(
    [StructField("space", StringType(), nullable=False), StructField("externalId", StringType(), nullable=False)]
)

_SCALAR_TYPES: Mapping[str, DataType] = {
    "text": StringType(),
    "enum": StringType(),
    "json": StringType(),
    "boolean": BooleanType(),
    "int32": IntegerType(),
    "int64": LongType(),
    "float32": FloatType(),
    "float64": DoubleType(),
    "timestamp": TimestampType(),
    "date": DateType(),
    "direct": DIRECT_RELATION_TYPE,
    # References to CDF resources, held as their external ids.
    "timeseries": StringType(),
    "file": StringType(),
    "sequence": StringType(),
}


@dataclass(frozen=True)
class PropertySpec:
    """One property of a view: `identifier` is its CDF identifier; `column` its column name, the identifier unless
    that is a node column's (`space`, ...: the generator renames it); `field` the snake-case name the generated
    Python SDK gives it (and its keyword filters use).
    """

    identifier: str
    kind: PropertyKind
    field: str = ""
    is_list: bool = False
    nullable: bool = True
    column: str = ""

    def __post_init__(self) -> None:
        if self.kind not in _SCALAR_TYPES:
            raise ValueError(f"property {self.identifier!r}: unknown kind {self.kind!r}")
        if not self.column:
            object.__setattr__(self, "column", self.identifier)
        if self.column in NODE_COLUMNS:
            raise ValueError(
                f"property {self.identifier!r}: column {self.column!r} collides with the node column of that name"
            )
        if not self.field:
            object.__setattr__(self, "field", self.identifier)

    @property
    def spark_type(self) -> DataType:
        element = _SCALAR_TYPES[self.kind]
        return ArrayType(element, containsNull=False) if self.is_list else element


@dataclass(frozen=True)
class ViewSpec:
    """One view as the data source and the UDTF see it.

    - `name`: the data source's format name (`spark.read.format(name)`), also the UDTF's name with `_udtf`.
    - `filter_keys`: the keyword filters of the generated SDK's `XFilters` (`name`, `name_prefix`, `min_x`, ...),
      the UDTF's parameters; empty means none but the node fields.
    - `node_type`: (space, externalId) of the node type written nodes get, for views whose filter selects nodes
      by type (as generated write classes set it); None writes no type.
    """

    name: str
    space: str
    external_id: str
    version: str
    properties: tuple[PropertySpec, ...]
    filter_keys: tuple[str, ...] = ()
    node_type: tuple[str, str] | None = None
    by_column: Mapping[str, PropertySpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for what, names in (
            ("properties", [prop.identifier for prop in self.properties]),
            ("columns", [prop.column for prop in self.properties]),
        ):
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"view {self.external_id}: {what} declared twice: {', '.join(duplicates)}")
        object.__setattr__(self, "by_column", {prop.column: prop for prop in self.properties})

    @property
    def view_id(self) -> ViewId:
        return ViewId(self.space, self.external_id, self.version)

    def schema(self) -> StructType:
        """All columns: the node's fields, then the view's properties in declaration order."""
        node = [
            StructField("space", StringType(), nullable=False),
            StructField("externalId", StringType(), nullable=False),
            StructField("createdTime", TimestampType(), nullable=True),
            StructField("lastUpdatedTime", TimestampType(), nullable=True),
        ]
        return StructType(node + [StructField(p.column, p.spark_type, p.nullable) for p in self.properties])
