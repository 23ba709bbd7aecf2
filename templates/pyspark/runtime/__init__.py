"""pygen's PySpark runtime: vendored into `<package>/_spark/` of a generated SDK, beside its Python runtime
(`<package>/_runtime/`), which it builds on for HTTP, configuration, credentials, filters and values.

Generated code declares one `ViewSpec` per view and calls nothing else; users call `register_all`.

- metadata: `ViewSpec`, `PropertySpec` (a view and its properties with CDF kinds), the Spark schema of a view.
- connection: Spark options (`baseUrl`, `project`, `token`, `clientId`, ...) over CDF_* environment variables.
- source: `ViewDataSource` (read with filter pushdown and range partitions, append-only write), `view_data_source`.
- pushdown: Spark's data source filters → DMS filters, exactly or not at all.
- rows: instances ⇄ Spark rows.
- udtf: `view_table_function`, `register_all`.
"""

from .connection import connection_env, instances_client
from .metadata import NODE_COLUMNS, PropertySpec, ViewSpec
from .pushdown import push_filters
from .source import ViewDataSource, view_data_source
from .udtf import PUSHDOWN_CONF, register_all, view_table_function

__all__ = [
    "NODE_COLUMNS",
    "PUSHDOWN_CONF",
    "PropertySpec",
    "ViewDataSource",
    "ViewSpec",
    "connection_env",
    "instances_client",
    "push_filters",
    "register_all",
    "view_data_source",
    "view_table_function",
]
