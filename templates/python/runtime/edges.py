"""Per-edge APIs: the edges of one edge connection of a view, listed and iterated as typed objects.

Every generated `XAPI` has one per edge field, `<field>_edge`:

    client.generator.inspections_edge.list(start_node=generator.id, min_score=0.5)   # EdgeList[InspectionResult]
    client.hydro_plant.generators_edge.list(end_node=["gen1", "gen2"], limit=None)   # EdgeList[Edge]

An edge with properties comes back as the read class of its edge view, listed by that class's generated API
(`XAPI(EdgeAPI[X])` in the edge class's module, with the view's `XFilters` as keyword filters); an edge without
is a plain `Edge`. Edges are returned as stored: `start_node` and `end_node` are the edge's own ends, whatever the
field's direction, and the `start_node=` / `end_node=` filters select on them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeVar, cast

from typing_extensions import Self

from .api import DEFAULT_LIMIT, keyword_filters
from .connections import Connection
from .data_classes import EdgeRead, NodeRead, edge_end
from .filters import Filter, RawFilter, all_of, in_, match_all, not_, or_
from .frames import to_data_frame
from .ids import EdgeId, NodeId, as_node_ids
from .instances import MAX_PAGE_SIZE, InstancesClient
from .query import edge_filter_of
from .value_types import describe_value
from .values import DirectRelation

if TYPE_CHECKING:
    import pandas

# Nodes to filter edge ends by: external ids (in the API's default space) and/or NodeIds.
NodeRefs = str | NodeId | Sequence[str | NodeId]

_Edge = TypeVar("_Edge", bound=EdgeRead)

# Direct-relation values in one filter (dms-api §8.2).
_MAX_NODE_VALUES = 100


class Edge(EdgeRead):
    """An edge without properties: its id, type and ends, and its bookkeeping."""

    end_node: Annotated[DirectRelation, edge_end()]

    @classmethod
    def from_instances(cls, instances: Iterable[Mapping[str, Any]]) -> list[Self]:
        """Parses edges as the API returns them; a plain edge has no view, so no values to lift."""
        return [cls.model_validate(instance) for instance in instances]


class EdgeList(list[_Edge]):
    """Edges of one connection; `next_cursor` is set when they came from a page that continues."""

    def __init__(self, items: Iterable[_Edge] = (), next_cursor: str | None = None) -> None:
        super().__init__(items)
        self.next_cursor = next_cursor

    @property
    def ids(self) -> list[EdgeId]:
        return [EdgeId(item.space, item.external_id) for item in self]

    def dump(self) -> list[dict[str, Any]]:
        return [item.dump() for item in self]

    def to_pandas(self) -> pandas.DataFrame:
        """A pandas DataFrame, one row per edge (pandas is optional, as for node lists)."""
        return to_data_frame(self)


class EdgeAPI(Generic[_Edge]):
    """The edges of one edge field of a node view: those of the field's edge type (with data in its edge view)."""

    # The class edges are read as and the view's keyword filters: set by the generated subclass of an edge view.
    _edge_class: type[EdgeRead] = Edge
    _filters: type[Mapping[str, Any]] | None = None

    def __init__(
        self, instances: InstancesClient, node_class: type[NodeRead], field: str, default_space: str | None = None
    ) -> None:
        connection: Connection = node_class._connections[field]
        if connection.kind != "edge" or connection.edge_type is None:
            raise ValueError(f"{node_class.__name__}.{field} is not an edge field")
        self._instances = instances
        self._connection = connection
        # The field's edges (of its type; see edge_filter_of for fields that share it).
        self._edges = edge_filter_of(connection, node_class._connections.values())
        self._default_space = default_space
        # Edges with properties are read through their edge view (which only edges with data in it pass).
        self._view = connection.edge_view if self._edge_class is not Edge else None
        self._keyword_filters = keyword_filters(self._edge_class, self._filters, "edge") if self._filters else None

    def _list(
        self,
        filters: Mapping[str, Any],
        *,
        start_node: NodeRefs | None,
        end_node: NodeRefs | None,
        limit: int | None,
        filter: RawFilter | None,
    ) -> EdgeList[_Edge]:
        """Up to `limit` edges (None or a negative limit: all of them), read page by page."""
        unbounded = limit is None or limit < 0
        result: EdgeList[_Edge] = EdgeList()
        pages = self._iterate(
            filters,
            start_node=start_node,
            end_node=end_node,
            chunk_size=MAX_PAGE_SIZE,
            cursor=None,
            filter=filter,
            limit=None if unbounded else limit,
        )
        for page in pages:
            result.extend(page)
        return result

    def _iterate(
        self,
        filters: Mapping[str, Any],
        *,
        start_node: NodeRefs | None,
        end_node: NodeRefs | None,
        chunk_size: int,
        cursor: str | None,
        filter: RawFilter | None,
        limit: int | None = None,
    ) -> Iterator[EdgeList[_Edge]]:
        """Lists of at most `chunk_size` edges; each carries `next_cursor`, which resumes after it."""
        # Checked and built before the first request, so a wrong filter fails without one.
        conditions = all_of(
            self._edges,
            self._ends("startNode", start_node),
            self._ends("endNode", end_node),
            self._property_filter(filters),
            Filter.load(filter) if filter is not None else None,
        )
        pages = self._instances.iterate(
            self._view, filter=conditions, chunk_size=chunk_size, cursor=cursor, limit=limit, instance_type="edge"
        )
        for page in pages:
            items: list[_Edge] = self._edge_class.from_instances(page.items)  # type: ignore[assignment]
            yield EdgeList(items, page.cursor)

    def _property_filter(self, filters: Mapping[str, Any]) -> Filter | None:
        """`filters`: the keyword filters, possibly among a generated method's other arguments (its `locals()`)."""
        if self._keyword_filters is not None:
            keys = self._keyword_filters.keys
            return self._keyword_filters.build({key: filters[key] for key in keys if key in filters})
        if filters:
            raise TypeError(f"unexpected filter argument {next(iter(filters))!r}: these edges have no properties")
        return None

    def _ends(self, end: str, nodes: NodeRefs | None) -> Filter | None:
        """The edges whose `end` ("startNode" or "endNode") is one of `nodes`; an empty list matches none."""
        if nodes is None:
            return None
        listed: Sequence[object] = (
            [nodes] if isinstance(nodes, (str, NodeId)) or not isinstance(nodes, Sequence) else nodes
        )
        wrong = next((item for item in listed if not isinstance(item, (str, NodeId))), None)
        if wrong is not None:
            raise TypeError(f"{end} expects external ids or NodeIds, got {describe_value(wrong)}")
        ids = as_node_ids(cast(Sequence[str | NodeId], listed), self._default_space)
        # CDF takes at most _MAX_NODE_VALUES node ids in one `in` filter: more are asked for in several.
        reference = ["edge", end]
        parts = [
            in_(reference, ids[index : index + _MAX_NODE_VALUES]) for index in range(0, len(ids), _MAX_NODE_VALUES)
        ]
        if not parts:
            return not_(match_all())
        return parts[0] if len(parts) == 1 else or_(*parts)


class PlainEdgeAPI(EdgeAPI[Edge]):
    """The edges of an edge field without properties."""

    def list(
        self,
        *,
        start_node: NodeRefs | None = None,
        end_node: NodeRefs | None = None,
        limit: int | None = DEFAULT_LIMIT,
        filter: RawFilter | None = None,
    ) -> EdgeList[Edge]:
        """Up to `limit` edges (None: all), of the given start and/or end nodes when given."""
        return self._list({}, start_node=start_node, end_node=end_node, limit=limit, filter=filter)

    def iterate(
        self,
        chunk_size: int = 1000,
        *,
        start_node: NodeRefs | None = None,
        end_node: NodeRefs | None = None,
        cursor: str | None = None,
        filter: RawFilter | None = None,
    ) -> Iterator[EdgeList[Edge]]:
        """Lists of at most `chunk_size` edges, lazily; each carries `next_cursor`."""
        return self._iterate(
            {}, start_node=start_node, end_node=end_node, chunk_size=chunk_size, cursor=cursor, filter=filter
        )
