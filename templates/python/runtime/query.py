"""Following connections with the DMS query API (POST /models/instances/query), and fitting what it returns into
the connection fields of read objects.

A query is a tree of named result sets: a root set of nodes, and sets chained from it, one or two per connection
followed (`hop_sets`). `run_query` pages every set to the end (or its limit): when a set reports a cursor, the same
query is sent again with that cursor and the cursors that fixed its ancestors' pages, so the set's next page is
read against the same parent page and its descendants are read from that next page. `attach` then fills the
connection fields of the parent objects from the raw items of a hop.

`fill_connections` does this for `retrieve` and `list`: every connection of the root objects is followed
one level. Reverse relations through *lists* of direct relations cannot be followed by the query API; they are
read with `containsAny` filters on /models/instances/list, in chunks of at most `MAX_FILTER_VALUES` ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .connections import Connection, class_of
from .data_classes import NodeRead
from .filters import Filter, all_of, and_, contains_any, equals, has_data, instance_references, not_
from .ids import ContainerId, NodeId, ViewId
from .instances import MAX_PAGE_SIZE, InstancesClient

RetrieveConnections = Literal["skip", "identifier", "full"]

# Per-set page size and the number of result sets per request (dms-api §10.4).
MAX_QUERY_LIMIT = 10_000
MAX_RESULT_SETS = 50
# Values in one `in` / `containsAny` filter.
MAX_FILTER_VALUES = 1000

_ALL_PROPERTIES = ["*"]


@dataclass
class ResultSet:
    """One result set of a query: its `with` expression (without `limit`), its `select`, the set it is chained
    from, and how many items to collect at most (None: all).
    """

    expression: dict[str, Any]
    select: dict[str, Any] = field(default_factory=dict)
    parent: str | None = None
    limit: int | None = None


def select_view(view: ViewId, properties: Sequence[str] = _ALL_PROPERTIES) -> dict[str, Any]:
    return {"sources": [{"source": view.dump(), "properties": list(properties)}]}


def run_query(
    instances: InstancesClient, sets: Mapping[str, ResultSet], *, until_full: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The raw items of every set, each instance once per set, read page by page; reading stops early once the set
    `until_full` holds its limit (when only that set's items are wanted).
    """
    if len(sets) > MAX_RESULT_SETS:
        raise ValueError(f"a query holds at most {MAX_RESULT_SETS} result sets; this one needs {len(sets)}")
    collected: dict[str, dict[tuple[str, str, str], dict[str, Any]]] = {name: {} for name in sets}
    children: dict[str | None, list[str]] = {}
    for name, result_set in sets.items():
        children.setdefault(result_set.parent, []).append(name)

    def subtree(name: str) -> list[str]:
        names = [name]
        for child in children.get(name, []):
            names.extend(subtree(child))
        return names

    def wants_more(name: str) -> bool:
        limit = sets[name].limit
        return limit is None or len(collected[name]) < limit

    def page_limit(name: str) -> int:
        limit = sets[name].limit
        return MAX_QUERY_LIMIT if limit is None else max(1, min(MAX_QUERY_LIMIT, limit - len(collected[name])))

    # Each job: the cursors that fix the pages to read, the sets whose items that request adds, and the limits of
    # the request the cursors came from: the sets outside those must be read as then, to get the same pages.
    everything = [name for root in children.get(None, []) for name in subtree(root)]
    jobs: list[tuple[dict[str, str], list[str], dict[str, int]]] = [({}, everything, {})]
    while jobs and (until_full is None or wants_more(until_full)):
        cursors, names, fixed_limits = jobs.pop()
        limits = {name: fixed_limits[name] if name in fixed_limits else page_limit(name) for name in sets}
        body: dict[str, Any] = {
            "with": {name: {**result_set.expression, "limit": limits[name]} for name, result_set in sets.items()},
            "select": {name: sets[name].select for name in names},
        }
        if cursors:
            body["cursors"] = cursors
        response = instances.http.post("/models/instances/query", body)
        items = response.get("items") or {}
        for name in names:
            found = collected[name]
            limit = sets[name].limit
            for item in items.get(name) or []:
                if limit is not None and len(found) >= limit:
                    break
                found.setdefault((item.get("instanceType", "node"), item["space"], item["externalId"]), item)
        next_cursors = response.get("nextCursor") or {}
        for name in names:
            cursor = next_cursors.get(name)
            if cursor and wants_more(name):
                paged = subtree(name)
                kept = {other: limit for other, limit in limits.items() if other not in paged}
                jobs.append(({**cursors, name: cursor}, paged, kept))
    return {name: list(found.values()) for name, found in collected.items()}


def root_set(
    view: ViewId, node_filter: Filter | None, *, sort: Sequence[Mapping[str, Any]] = (), limit: int | None = None
) -> ResultSet:
    """The nodes with data in `view` that pass `node_filter`: the first set of a query, with every property."""
    in_view = has_data([view])
    conditions = in_view if node_filter is None else and_(in_view, node_filter)
    expression: dict[str, Any] = {"nodes": {"filter": conditions.dump()}}
    if sort:
        expression["sort"] = [dict(item) for item in sort]
    return ResultSet(expression, select_view(view), None, limit)


def hop_sets(
    name: str,
    parent: str,
    parent_view: ViewId,
    connection: Connection,
    *,
    nodes: bool = True,
    node_filter: Filter | None = None,
    node_select: dict[str, Any] | None = None,
    sort: Sequence[Mapping[str, Any]] = (),
    limit: int | None = None,
    siblings: Iterable[Connection] = (),
) -> dict[str, ResultSet]:
    """The result sets that follow `connection` from the node set `parent`: the nodes under `name` and, for an edge,
    the edges under `edges_set(name)`. `nodes=False` reads only the edges of an edge connection. `siblings`: the
    other connections of the class, which may share the edge's type (see `edge_filter`).
    """
    target = connection.target_view
    node_filters = [has_data([target])] if target is not None else []
    node_filter = all_of(*node_filters, node_filter)
    nodes_expression: dict[str, Any]
    if connection.kind == "edge":
        edge_filter = edge_filter_of(connection, siblings)
        edges: dict[str, Any] = {"from": parent, "direction": connection.direction, "maxDistance": 1}
        if edge_filter is not None:
            edges["filter"] = edge_filter.dump()
        edge_select = select_view(connection.edge_view) if connection.edge_view else {}
        sets = {edges_set(name): ResultSet({"edges": edges}, edge_select, parent)}
        if not nodes:
            return sets
        nodes_expression = {"from": edges_set(name)}
        parent = edges_set(name)
    else:
        sets = {}
        if connection.kind == "direct":
            through = {"source": parent_view.dump(), "identifier": connection.identifier}
            nodes_expression = {"from": parent, "through": through, "direction": "outwards"}
        else:
            nodes_expression = {"from": parent, "through": _through(connection), "direction": "inwards"}
    if node_filter is not None:
        nodes_expression["filter"] = node_filter.dump()
    expression: dict[str, Any] = {"nodes": nodes_expression}
    if sort:
        expression["sort"] = [dict(item) for item in sort]
    if node_select is None:
        node_select = reverse_select(connection, full=True) if connection.kind == "reverse" else {}
        if connection.kind != "reverse" and target is not None:
            node_select = select_view(target)
    sets[name] = ResultSet(expression, node_select, parent, limit)
    return sets


def edge_filter_of(connection: Connection, siblings: Iterable[Connection] = ()) -> Filter | None:
    """The edges of an edge field: those of its type, read in its direction.

    An edge view only says which properties to read, so an edge without values in it still belongs to the field.
    But two edge fields of one class may share their edge type and direction, told apart only by their edge views
    (one with properties and one without, or two views): then an edge belongs to the field whose edge view it has
    data in, and to a field without an edge view only when it has data in none of the others'. Otherwise every
    edge would be read into both fields (and an edge without values into an edge class that requires them).
    """
    if connection.edge_type is None:
        return None
    shared = {
        other.edge_view
        for other in siblings
        if other.kind == "edge"
        and other != connection
        and (other.edge_type, other.direction) == (connection.edge_type, connection.direction)
    }
    conditions = [equals(["edge", "type"], connection.edge_type)]
    if shared and connection.edge_view is not None:
        conditions.append(has_data([connection.edge_view]))
    elif shared:
        views = sorted((view for view in shared if view is not None), key=str)
        conditions.extend(not_(has_data([view])) for view in views)
    return all_of(*conditions)


def edges_set(name: str) -> str:
    return f"{name}.edges"


def _through(connection: Connection) -> dict[str, Any]:
    source = connection.through_source
    if source is None or connection.through_property is None:
        raise ValueError(f"reverse relation {connection.identifier} names no direct relation to follow")
    return {"source": source.dump(), "identifier": connection.through_property}


def _through_ref(connection: Connection) -> list[str]:
    """The filter reference of the direct relation a reverse relation follows back."""
    source, identifier = connection.through_source, connection.through_property or ""
    if isinstance(source, ContainerId):
        return [source.space, source.external_id, identifier]
    if isinstance(source, ViewId):
        return source.property_ref(identifier)
    raise ValueError(f"reverse relation {connection.identifier} names no direct relation to follow")


def _pointed(item: Mapping[str, Any], connection: Connection) -> list[NodeId]:
    """The nodes the direct relation that a reverse relation follows back points at, read from a raw node."""
    for views in (item.get("properties") or {}).values():
        for values in views.values():
            if connection.through_property in values:
                value = values[connection.through_property]
                listed = value if isinstance(value, list) else [value]
                return [NodeId.load(ref) for ref in listed if ref]
    return []


def reverse_select(connection: Connection, *, full: bool) -> dict[str, Any]:
    """What to read of the nodes of a reverse relation: the direct relation it follows back (to tell which node
    each one belongs to), and with `full` every property of the target view.

    A direct relation stored in a container is read through the property of the same name in the target view.
    """
    source = connection.through_source
    target = connection.target_view
    through_view = source if isinstance(source, ViewId) else target
    sources = []
    if full and target is not None:
        sources.append({"source": target.dump(), "properties": _ALL_PROPERTIES})
    if through_view is not None and not (full and through_view == target):
        sources.append({"source": through_view.dump(), "properties": [connection.through_property or ""]})
    return {"sources": sources} if sources else {}


# ── Fitting results into objects ────────────────────────────────────────────────────────────────────────────


def parse_nodes(items: Iterable[Mapping[str, Any]], view: ViewId | None) -> dict[NodeId, Any]:
    """Raw nodes by id, parsed into the view's read class when the SDK has one (else their NodeIds)."""
    read_class = class_of(view, "read") if view is not None else None
    listed = list(items)
    if read_class is None or not issubclass(read_class, NodeRead):
        return {node: node for node in _ids(listed)}
    return {item.id: item for item in read_class.from_instances(listed)}


def _ids(items: Iterable[Mapping[str, Any]]) -> list[NodeId]:
    return [NodeId(item["space"], item["externalId"]) for item in items]


def _edge_object(edge_class: type | None, edge: Mapping[str, Any], far: NodeId, end: Any) -> Any:
    """The value an edge puts into an edge field: its edge object when the edge view has a class, else its end."""
    if edge_class is None:
        return end
    # The edge's own `endNode` is its far end only for outward edges; the field holds the far end either way.
    parsed = edge_class.from_instance({**edge, "endNode": far.dump()})  # type: ignore[attr-defined]
    parsed.end_node = end
    return parsed


def attach(
    parents: Iterable[NodeRead],
    field_name: str,
    connection: Connection,
    *,
    targets: Mapping[NodeId, Any],
    edges: Sequence[Mapping[str, Any]] = (),
    sources: Sequence[Mapping[str, Any]] = (),
    keep_unmatched: bool = True,
) -> None:
    """Fills one connection field of each parent.

    `targets` are the nodes at the far end by id (objects, or NodeIds to fill identifiers); `edges` the raw edges
    of an edge connection; `sources` the raw nodes of a reverse relation. `keep_unmatched` keeps a direct relation
    or edge end that is not among `targets` as its NodeId (retrieve), rather than leaving it out (a select path).
    """

    def resolve(node: NodeId) -> Any:
        return targets.get(node, node if keep_unmatched else None)

    links: dict[NodeId, list[Any]] = {}
    if connection.kind == "edge":
        edge_class = class_of(connection.edge_view, "read", "edge") if connection.edge_view else None
        outwards = connection.direction == "outwards"
        for edge in edges:
            near = NodeId.load(edge["startNode"] if outwards else edge["endNode"])
            far = NodeId.load(edge["endNode"] if outwards else edge["startNode"])
            end = resolve(far)
            if end is not None:
                links.setdefault(near, []).append(_edge_object(edge_class, edge, far, end))
    elif connection.kind == "reverse":
        for item in sources:
            source = NodeId(item["space"], item["externalId"])
            found = resolve(source)
            if found is not None:
                for pointed in _pointed(item, connection):
                    links.setdefault(pointed, []).append(found)
    for parent in parents:
        if connection.kind == "direct":
            value = getattr(parent, field_name)
            if value is None:
                continue  # no relation stored: it stays None, as read
            listed = value if isinstance(value, list) else [value]
            found = [resolve(NodeId.load(item) if not isinstance(item, NodeRead) else item.id) for item in listed]
            matches = [item for item in found if item is not None]
        else:
            matches = links.get(parent.id, [])
        setattr(parent, field_name, matches if connection.many else (matches[0] if matches else None))


# ── retrieve / list with retrieve_connections ───────────────────────────────────────────────────────────────


def connections_of(read_class: type[NodeRead]) -> dict[str, Connection]:
    connections: dict[str, Connection] = getattr(read_class, "_connections", {})
    return connections


def fill_connections(instances: InstancesClient, items: Sequence[NodeRead], mode: RetrieveConnections) -> None:
    """Follows every connection of `items` one level and fills their fields: NodeIds (or edge objects ending in
    NodeIds) with "identifier", read objects with "full". Items of several classes (read `as_child_class`) are
    filled class by class, each with its own connections.
    """
    if mode == "skip":
        return
    by_class: dict[type[NodeRead], list[NodeRead]] = {}
    for item in items:
        by_class.setdefault(type(item), []).append(item)
    for group in by_class.values():
        _fill_class(instances, group, full=mode == "full")


# The name of the set of the items whose connections `_fill_class` reads.
_ROOT_SET = "root"


def _fill_class(instances: InstancesClient, items: Sequence[NodeRead], *, full: bool) -> None:
    read_class = type(items[0])
    view = read_class._view
    queried: dict[str, Connection] = {}
    siblings = connections_of(read_class).values()
    for name, connection in connections_of(read_class).items():
        if connection.kind == "reverse" and connection.through_is_list:
            _retrieve_list_reverse(instances, items, name, connection, full)
        elif connection.kind != "direct" or (full and connection.target_view is not None):
            queried[name] = connection
    if not queried:
        return
    # The root set and, per connection, up to two sets: as many connections per request as fit. Set names are
    # generated (`root`, `hop0`, `hop0.edges`, …), never the fields' own: a field named `root` would otherwise be
    # its own parent ("result set expressions form a cycle").
    per_request = max(1, (MAX_RESULT_SETS - 1) // 2)
    set_names = {name: f"hop{index}" for index, name in enumerate(queried)}
    names = list(queried)
    for start in range(0, len(items), MAX_FILTER_VALUES):
        chunk = items[start : start + MAX_FILTER_VALUES]
        references = instance_references([item.id for item in chunk])
        root = ResultSet({"nodes": {"filter": references.dump()}}, limit=len(chunk))
        for first in range(0, len(names), per_request):
            group = names[first : first + per_request]
            sets = {_ROOT_SET: root}
            for name in group:
                sets.update(_retrieve_sets(set_names[name], view, queried[name], full, siblings))
            results = run_query(instances, sets)
            for name in group:
                _attach_results(chunk, name, set_names[name], queried[name], results, full)


def _retrieve_sets(
    set_name: str, view: ViewId, connection: Connection, full: bool, siblings: Iterable[Connection]
) -> dict[str, ResultSet]:
    if connection.kind == "edge":
        # Identifiers need no node set: every edge end is its NodeId.
        return hop_sets(set_name, _ROOT_SET, view, connection, nodes=full, siblings=siblings)
    if connection.kind == "reverse":
        return hop_sets(set_name, _ROOT_SET, view, connection, node_select=reverse_select(connection, full=full))
    return hop_sets(set_name, _ROOT_SET, view, connection)


def _attach_results(
    parents: Sequence[NodeRead],
    name: str,
    set_name: str,
    connection: Connection,
    results: Mapping[str, list[dict[str, Any]]],
    full: bool,
) -> None:
    nodes = results.get(set_name, [])
    targets = parse_nodes(nodes, connection.target_view) if full else {node: node for node in _ids(nodes)}
    if connection.kind == "edge":
        attach(parents, name, connection, targets=targets, edges=results.get(edges_set(set_name), []))
    else:
        attach(parents, name, connection, targets=targets, sources=nodes)


def _retrieve_list_reverse(
    instances: InstancesClient, items: Sequence[NodeRead], name: str, connection: Connection, full: bool
) -> None:
    """A reverse relation through a list of direct relations: the nodes whose list holds any of the items."""
    target = connection.target_view
    if target is None:
        raise ValueError(f"reverse relation {connection.identifier} names no view to read")
    reference = _through_ref(connection)
    sources: dict[NodeId, dict[str, Any]] = {}
    ids = [item.id for item in items]
    for start in range(0, len(ids), MAX_FILTER_VALUES):
        chunk_filter = all_of(has_data([target]), contains_any(reference, ids[start : start + MAX_FILTER_VALUES]))
        for page in instances.iterate(target, filter=chunk_filter, chunk_size=MAX_PAGE_SIZE):
            for item in page.items:
                sources.setdefault(NodeId(item["space"], item["externalId"]), item)
    raw = list(sources.values())
    targets = parse_nodes(raw, target) if full else {node: node for node in sources}
    attach(items, name, connection, targets=targets, sources=raw)
