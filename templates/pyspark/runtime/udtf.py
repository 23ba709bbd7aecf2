"""Spark SQL table functions over views, and the registration of every data source and table function.

    register_all(spark, VIEWS, baseUrl=..., project=..., token=...)
    spark.sql("SELECT * FROM hydro_pump_udtf(status => 'running', min_capacity => 10)")
    spark.read.format("hydro_pump").load()

A view's table function takes its generated SDK's keyword filters as named arguments (`name`, `name_prefix`,
`min_x`, `max_x`, `space`, `external_id`, `external_id_prefix`; an array means any of its values, a null no
filter) and returns every column of the view.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from pyspark.sql import SparkSession
from pyspark.sql.functions import udtf

from .._runtime.filters import KeywordFilters, NodeFilters
from .connection import instances_client, lower_keys
from .metadata import ViewSpec
from .rows import to_row
from .source import view_data_source

PUSHDOWN_CONF = "spark.sql.python.filterPushdown.enabled"


class ViewTableFunction:
    """The table function of one view; `view_table_function` makes one class per view."""

    view: ClassVar[ViewSpec]
    options: ClassVar[dict[str, str]]

    def eval(self, **arguments: Any) -> Iterator[tuple[Any, ...]]:
        view = self.view
        identifiers = {prop.field: prop.identifier for prop in view.properties}
        keys = [*NodeFilters.__annotations__, *view.filter_keys]
        given = {key: _listed(value) for key, value in arguments.items()}
        dms_filter = KeywordFilters(view.view_id, identifiers, keys).build(given)
        columns = view.schema().names
        client = instances_client(self.options)
        try:
            for page in client.iterate(view.view_id, filter=dms_filter):
                for item in page.items:
                    yield to_row(view, item, columns)
        finally:
            client.http.close()


def _listed(value: Any) -> Any:
    # SQL arrays arrive as lists, which KeywordFilters reads as "any of".
    return list(value) if isinstance(value, tuple) else value


def view_table_function(view: ViewSpec, options: dict[str, str] | None = None) -> Any:
    """The UDTF of a view, named `<view.name>_udtf`, connecting with `options` (see connection.py)."""
    class_name = "".join(part.capitalize() for part in view.name.split("_")) + "TableFunction"
    attributes = {"view": view, "options": lower_keys(options or {}), "__module__": __name__}
    function_class = type(class_name, (ViewTableFunction,), attributes)
    return udtf(function_class, returnType=view.schema())


def register_all(spark: SparkSession, views: Sequence[ViewSpec], **options: str) -> None:
    """Registers each view's data source (format `view.name`) and table function (`view.name + "_udtf"`), with
    `options` as the default options of both (the connection; `pushdown="true"` for the data sources, see
    source.py), and turns on Spark's filter pushdown for Python data sources.
    """
    spark.conf.set(PUSHDOWN_CONF, "true")
    for view in views:
        spark.dataSource.register(view_data_source(view, options))
        spark.udtf.register(f"{view.name}_udtf", view_table_function(view, options))
