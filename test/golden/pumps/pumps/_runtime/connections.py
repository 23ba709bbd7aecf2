"""How the generated classes are connected: direct relations, edges and reverse direct relations.

Every generated node class lists its connection fields in `_connections` (Python field name → `Connection`), and
every generated class registers itself under its view here, so the runtime can go from a view to its classes
without the generated modules importing each other.

The shape of connection fields (the one contract between generator, data classes, upsert, retrieve and select):

Read classes (`Target` is the read class of the view at the other end when it is in the SDK; when it is not,
the field holds only `NodeId`):
- direct relation:        `NodeId | Target | None`, a list: `list[NodeId | Target] | None`. Read from the
                          instance API it holds NodeIds; retrieved with connections "full" it holds objects.
- edge without properties `NodeId | Target | None` (single), `list[NodeId | Target] | None` (multi).
- edge with properties:   `Edge | None` / `list[Edge] | None`, where `Edge` is the read class of the edge view:
                          an `EdgeRead` with `end_node: NodeId | Target` and the edge view's properties.
- reverse direct relation `NodeId | Source | None` / `list[NodeId | Source] | None`.
  Edges and reverse relations stay None until read with `retrieve_connections="identifier"` (NodeIds) or
  `"full"` (objects).

Write classes:
- direct relation:        `TargetWrite | NodeId | tuple[str, str] | None` (a list: `list[...] | None`); a tuple is
                          `(space, external_id)` and is read as a NodeId.
- edge without properties `TargetWrite | NodeId | tuple[str, str] | None` / `list[...] | None`.
- edge with properties:   `EdgeWrite | None` / `list[EdgeWrite] | None`: an `EdgeWrite` with
                          `end_node: TargetWrite | NodeId | tuple[str, str]`, its properties, and optional
                          `space` / `external_id` (default: the start node's space, `"{start}:{end}"` external ids).
- reverse relations are not on write classes: they are written as the direct relation of the other side.

How the generated SDKs fill this in (data_classes.py, graph.py):
- Read fields spell an id as `DirectRelation` (a `NodeId` read from the API's `{space, externalId}`), tried
  before the class; write fields accept the same, and pairs, and store both as NodeIds.
- An edge in a node's field is seen from that node: `end_node` is the node at the other end for inwards edges
  too. `EdgeRead.start_node` / `edge_type` and `EdgeWrite.start_node` / `edge_type` are the stored edge's; in a
  field, graph.py takes the start from the node holding the field and the type from the field's `Connection`.
- An edge class's `end_node` is typed with every node class an edge of its view leads to.
- A view used for nodes and edges (usedFor=all) is a node class and an edge class (`<Name>Edge`,
  `<Name>EdgeWrite`; a number follows when those names are taken) of the same view, registered apart by kind;
  the edge class holds the view's stored properties (edges have no edges or reverse relations of their own).
  An edge whose properties view is used for nodes only is generated as an edge without properties, with an
  EDGE_PROPERTIES_SKIPPED warning.
- `as_write()` carries what was read: ids stay ids, objects become write objects (ids, when their view has no
  write class), edges keep their edge objects, fields never read stay unset; cycles end at the node being
  converted, which is then referred to by id.
- `_connections` of a class holds the fields it has, its own and those of the generated classes it extends
  (write classes have no reverse relations).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .ids import ContainerId, NodeId, ViewId

ConnectionKind = Literal["direct", "edge", "reverse"]
Direction = Literal["outwards", "inwards"]
ClassRole = Literal["read", "write"]
InstanceKind = Literal["node", "edge"]


@dataclass(frozen=True)
class Connection:
    """One connection property of a view, as the API knows it."""

    kind: ConnectionKind
    # The CDF property identifier in the view.
    identifier: str
    # A list direct relation, a multi edge or a multi reverse relation.
    many: bool
    # The view of the nodes at the other end; None when the model does not say (a direct relation without source).
    target_view: ViewId | None = None
    # Edges: their direction from this node, their type, and the view holding their properties, if any.
    direction: Direction = "outwards"
    edge_type: NodeId | None = None
    edge_view: ViewId | None = None
    # Reverse relations: the direct relation followed back, where it is stored, and whether it holds a list.
    through_source: ViewId | ContainerId | None = None
    through_property: str | None = None
    through_is_list: bool = False


_CLASSES: dict[tuple[ViewId, ClassRole, InstanceKind], type] = {}


def register_class(view: ViewId, role: ClassRole, cls: type, kind: InstanceKind = "node") -> None:
    """Called as a generated class is defined; the most recently defined class of a view, role and kind wins."""
    _CLASSES[(view, role, kind)] = cls


def class_of(view: ViewId, role: ClassRole, kind: InstanceKind | None = None) -> type | None:
    """The generated read or write class of a view, or None when the SDK has none.

    A view used for nodes and edges (usedFor=all) has a node class and an edge class: `kind` picks one. Without
    it, the node class comes first, so a node view gives its node class and an edge view its edge class.
    """
    if kind is not None:
        return _CLASSES.get((view, role, kind))
    return _CLASSES.get((view, role, "node")) or _CLASSES.get((view, role, "edge"))
