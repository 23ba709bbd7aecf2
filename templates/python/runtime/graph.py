"""Write objects and what their connection fields hold, as the node and edge apply items that write them all.

`client.upsert` and `client.delete(..., recursive=True)` work on the whole graph their items reach:

- a direct relation holding a write object writes that node too (an id or a `(space, external_id)` pair only
  refers to a node);
- an edge field writes one edge per value, and the node at its other end when that is a write object. An outwards
  edge goes from the node holding the field to the other node; an inwards edge from the other node to this one.
  The edge type is the field's; an edge without an external id gets `"{start}:{end}"` external ids in the start
  node's space, as pygen v1 made them;
- an edge with properties (an `EdgeWrite` in the field) carries its view's properties and may name its own space
  and external id; its own direct relations are followed like a node's.

Every instance is written once however often the graph reaches it: the first object met for an id wins, items
given first, then what they lead to, breadth first. An object reached again is not walked again, so cycles end.
Two edges of different types that would get the same external id (two edge fields between the same two nodes,
both without an id of their own) are refused with a ValueError: writing one would silently lose the other.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .connections import Connection
from .data_classes import EdgeWrite, NodeWrite, ViewModel, default_edge_id, node_id_of
from .ids import EdgeId, NodeId

Writable = NodeWrite | EdgeWrite


@dataclass
class Graph:
    """The apply items of a graph of write objects, one per instance, keyed by its id."""

    nodes: dict[NodeId, dict[str, Any]] = field(default_factory=dict)
    edges: dict[EdgeId, dict[str, Any]] = field(default_factory=dict)
    # Every space the items live in or point into (types, edge ends, direct relations), in the order met: what
    # `upsert(create_space=True)` makes sure exists, since CDF creates a missing node only in an existing space.
    spaces: dict[str, None] = field(default_factory=dict)

    @property
    def items(self) -> list[dict[str, Any]]:
        """Nodes first, then edges: within one apply request, edges then find their nodes."""
        return [*self.nodes.values(), *self.edges.values()]

    def add(self, item: dict[str, Any]) -> None:
        self.spaces[item["space"]] = None
        for reference in ("type", "startNode", "endNode"):
            if item.get(reference):
                self.spaces[item[reference]["space"]] = None
        if item["instanceType"] == "node":
            self.nodes.setdefault(NodeId(item["space"], item["externalId"]), item)
            return
        key = EdgeId(item["space"], item["externalId"])
        first = self.edges.setdefault(key, item)
        if first is not item and first["type"] != item["type"]:
            types = " and ".join(f"{edge['type']['space']}:{edge['type']['externalId']}" for edge in (first, item))
            raise ValueError(
                f"edges of types {types} would both be written as {key.space}:{key.external_id}; give one an"
                " external id of its own (an edge class with external_id), or write them in separate upserts"
            )


def flatten(items: Iterable[Writable], *, follow: bool = True) -> Graph:
    """The apply items of `items` and, with `follow`, of everything their connection fields hold."""
    graph = Graph()
    queue: deque[Writable] = deque(items)
    walked: set[int] = set()
    while queue:
        item = queue.popleft()
        if id(item) in walked:
            continue
        walked.add(id(item))
        graph.add(item.dump())
        if not follow:
            continue
        if isinstance(item, NodeWrite):
            _walk_node(item, graph, queue)
        else:
            _enqueue_node(getattr(item, "end_node"), queue)  # noqa: B009  # declared by the generated subclass
            _walk_direct(item, graph, queue)
    return graph


def _walk_node(node: NodeWrite, graph: Graph, queue: deque[Writable]) -> None:
    _walk_direct(node, graph, queue)
    for name, connection in node._connections.items():
        if connection.kind != "edge":
            continue
        for value in _values(node, name):
            edge = value if isinstance(value, EdgeWrite) else None
            other = getattr(edge, "end_node") if edge is not None else value  # noqa: B009  # see flatten
            _enqueue_node(other, queue)
            graph.add(_edge_item(node.id, node_id_of(other), connection, edge))
            if edge is not None:
                _walk_direct(edge, graph, queue)


def _walk_direct(item: ViewModel, graph: Graph, queue: deque[Writable]) -> None:
    """Queues the nodes the item's direct relations hold as write objects, and notes the spaces of all they hold."""
    for name, connection in item._connections.items():
        if connection.kind == "direct":
            for value in _values(item, name):
                graph.spaces[node_id_of(value).space] = None
                _enqueue_node(value, queue)


def _enqueue_node(value: Any, queue: deque[Writable]) -> None:
    if isinstance(value, NodeWrite):
        queue.append(value)


def _values(item: ViewModel, name: str) -> list[Any]:
    value = getattr(item, name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _edge_item(node: NodeId, other: NodeId, connection: Connection, edge: EdgeWrite | None) -> dict[str, Any]:
    """The apply item of one edge of a node's edge field, pointing the way the field's direction says."""
    if connection.edge_type is None:
        raise ValueError(f"the edge field {connection.identifier} has no edge type")
    start, end = (node, other) if connection.direction == "outwards" else (other, node)
    if edge is not None:
        return edge.apply_item(start, end, connection.edge_type)
    return {
        "instanceType": "edge",
        "space": start.space,
        "externalId": default_edge_id(start, end),
        "type": connection.edge_type.dump(),
        "startNode": start.dump(),
        "endNode": end.dump(),
    }
