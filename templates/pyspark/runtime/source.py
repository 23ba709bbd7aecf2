"""A Spark 4 Python data source over one view: `spark.read.format(view.name).options(...).load()` and
`df.write.format(view.name).mode("append").save()`.

Reads page through /models/instances/list with cursors. The API has no partition parameter, so a read is one
partition unless the JDBC-style options split it by range: `partitionColumn` (a number, timestamp or date property,
or createdTime/lastUpdatedTime), `lowerBound`, `upperBound`, `numPartitions`. Like JDBC, the bounds only set the
stride: the first partition also holds everything below and the rows without a value, the last everything above.

Filter pushdown is opt-in (option `pushdown` "true", or `register_all(..., pushdown="true")`): Spark 4.1-4.3
reuse a read planned with pushed filters for a later query of the same DataFrame that has no filter at all, which
then returns the filtered rows. With pushdown, load a fresh DataFrame for each query.

Columns: Spark's Python data source API has no column pruning; a schema given with `spark.read.schema(...)` (a
subset of the view's columns) is what is read and converted. Filters Spark pushes down become the request's DMS
filter (see pushdown.py); that needs `spark.sql.python.filterPushdown.enabled`, which `register_all` sets.

Writes upsert nodes in the Python runtime's batches of 1000 (four in flight, each retried); only `append` is
possible, since the API can neither replace a view's data at once nor say atomically whether any exists.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, ClassVar

from pyspark.sql import Row
from pyspark.sql.datasource import (
    DataSource,
    DataSourceReader,
    DataSourceWriter,
    Filter,
    InputPartition,
    WriterCommitMessage,
)
from pyspark.sql.types import StructType

from .._runtime import filters as dms
from .._runtime.values import parse_date, parse_timestamp
from .connection import instances_client, lower_keys
from .metadata import ViewSpec
from .pushdown import push_filters
from .rows import arrow_schema, to_batch, to_node

# Rows held before they are sent: four 1000-item chunks, the runtime's write concurrency.
WRITE_BATCH = 4000
_PARTITION_KINDS = {"int32", "int64", "float32", "float64", "timestamp", "date"}


class ViewDataSource(DataSource):
    """The data source of one view; the generated code subclasses it with `view = ViewSpec(...)`."""

    view: ClassVar[ViewSpec]
    # Options `register_all` was given (the connection, usually); those of a read or write come on top.
    defaults: ClassVar[dict[str, str]] = {}

    @classmethod
    def name(cls) -> str:
        return cls.view.name

    def schema(self) -> StructType:
        return self.view.schema()

    def reader(self, schema: StructType) -> DataSourceReader:
        options = lower_keys({**self.defaults, **self.options})
        pushdown = options.get("pushdown", "false").strip().lower()
        if pushdown not in ("true", "false"):
            raise ValueError(f"{self.view.name}: option pushdown must be true or false, not {pushdown!r}")
        return (PushdownViewReader if pushdown == "true" else ViewReader)(self.view, options, schema)

    def writer(self, schema: StructType, overwrite: bool) -> DataSourceWriter:
        if overwrite:
            raise ValueError(
                f"{self.view.name}: mode 'overwrite' is not supported: CDF cannot replace a view's data at once. "
                "Use mode('append'), which upserts rows by space and externalId."
            )
        return ViewWriter(self.view, {**self.defaults, **self.options}, schema)


def view_data_source(view: ViewSpec, defaults: dict[str, str] | None = None) -> type[ViewDataSource]:
    """The data source class of a view, with default options (lower-cased keys) under those of each read."""
    class_name = "".join(part.capitalize() for part in view.name.split("_")) + "DataSource"
    attributes = {"view": view, "defaults": lower_keys(defaults or {}), "__module__": __name__}
    return type(class_name, (ViewDataSource,), attributes)


class ViewReader(DataSourceReader):
    def __init__(self, view: ViewSpec, options: dict[str, str], schema: StructType) -> None:
        self.view = view
        self.options = lower_keys(options)
        self.columns = list(schema.names)
        self.schema = schema
        unknown = [name for name in self.columns if name not in view.schema().names]
        if unknown:
            raise ValueError(f"{view.name}: no such columns in view {view.external_id}: {', '.join(unknown)}")
        self.pushed: dict[str, Any] | None = None

    def partitions(self) -> Sequence[InputPartition]:
        return [InputPartition(item) for item in range_filters(self.view, self.options)]

    def read(self, partition: InputPartition) -> Iterator[Any]:
        """One Arrow record batch per page (pyarrow.RecordBatch, which has no type information for mypy)."""
        parts = [dms.Filter.load(part) for part in (self.pushed, partition.value) if part is not None]
        schema = arrow_schema(self.schema)
        client = instances_client(self.options)
        try:
            for page in client.iterate(self.view.view_id, filter=dms.all_of(*parts)):
                if page.items:
                    yield to_batch(self.view, page.items, self.columns, schema)
        finally:
            client.http.close()


class PushdownViewReader(ViewReader):
    """A reader that takes Spark's filters into its requests (option `pushdown` true).

    Spark 4.1-4.3 keep the read planned with pushed filters on the DataFrame: a later query of the same DataFrame
    with no filter at all reuses it and gets the filtered rows. Hence opt-in; load a fresh DataFrame per query.
    """

    def pushFilters(self, filters: list[Filter]) -> Iterator[Filter]:  # noqa: N802 - Spark's name
        taken, left = push_filters(self.view, filters)
        self.pushed = None if taken is None else taken.dump()
        yield from left


def range_filters(view: ViewSpec, options: dict[str, str]) -> list[dict[str, Any] | None]:
    """The DMS filters of the partitions the options ask for; [None] (one partition, everything) by default."""
    count = int(options.get("numpartitions", "1"))
    column = options.get("partitioncolumn")
    if count < 1:
        raise ValueError(f"{view.name}: numPartitions must be at least 1, not {count}")
    if count == 1:
        return [None]
    if not column or "lowerbound" not in options or "upperbound" not in options:
        raise ValueError(f"{view.name}: numPartitions > 1 needs partitionColumn, lowerBound and upperBound")
    if column in ("createdTime", "lastUpdatedTime"):
        kind, reference, nullable = "epoch", ["node", column], False
    else:
        prop = view.by_column.get(column)
        if prop is None or prop.is_list or prop.kind not in _PARTITION_KINDS:
            raise ValueError(
                f"{view.name}: partitionColumn {column!r} must be a number, timestamp or date property of "
                f"{view.external_id}, or createdTime/lastUpdatedTime"
            )
        kind, reference, nullable = prop.kind, view.view_id.property_ref(prop.identifier), True
    lower, upper = _bound(kind, options["lowerbound"]), _bound(kind, options["upperbound"])
    if not lower < upper:
        raise ValueError(f"{view.name}: lowerBound must be below upperBound")
    cuts = [lower + (upper - lower) * step / count for step in range(1, count)]
    points = [_spell(kind, cut) for cut in cuts]
    filters: list[dict[str, Any] | None] = []
    for index in range(count):
        bounds = {}
        if index > 0:
            bounds["gte"] = points[index - 1]
        if index < count - 1:
            bounds["lt"] = points[index]
        part = dms.range_(reference, **bounds)
        if index == 0 and nullable:
            part = dms.or_(part, dms.not_(dms.exists(reference)))
        filters.append(part.dump())
    return filters


def _bound(kind: str, text: str) -> float:
    """A partition bound as a number on the column's scale (epoch milliseconds for times, days for dates)."""
    if kind in ("timestamp", "epoch"):
        return parse_timestamp(text).timestamp() * 1000
    if kind == "date":
        return float(parse_date(text).toordinal())
    return float(text)


def _spell(kind: str, point: float) -> Any:
    if kind == "epoch":
        return int(point)
    if kind == "timestamp":
        return datetime.fromtimestamp(int(point) / 1000, tz=timezone.utc)
    if kind == "date":
        return date.fromordinal(int(point))
    if kind in ("int32", "int64"):
        return int(point)
    return point


@dataclass
class WriteReport(WriterCommitMessage):
    written: int


class ViewWriter(DataSourceWriter):
    def __init__(self, view: ViewSpec, options: dict[str, str], schema: StructType) -> None:
        self.view = view
        self.options = lower_keys(options)
        self.schema = schema
        # Checked when the write is planned, on the driver, before any row is sent.
        unknown = [name for name in schema.names if name not in view.schema().names]
        if unknown:
            raise ValueError(f"{view.name}: no such properties in view {view.external_id}: {', '.join(unknown)}")

    def write(self, iterator: Iterator[Row]) -> WriterCommitMessage:
        client = instances_client(self.options)
        instance_space = self.options.get("instancespace")
        written = 0
        batch: list[dict[str, Any]] = []
        try:
            for row in iterator:
                batch.append(to_node(self.view, row, self.schema, instance_space))
                if len(batch) == WRITE_BATCH:
                    written += len(client.upsert(batch))
                    batch = []
            if batch:
                written += len(client.upsert(batch))
        finally:
            client.http.close()
        return WriteReport(written)
