"""API of view cdm_core:CogniteVisualizable/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .._query import CogniteVisualizableQuery
from .._runtime import (
    DEFAULT_LIMIT,
    AggregateName,
    AggregateResult,
    InstancesClient,
    NodeField,
    NodeId,
    RawFilter,
    RetrieveConnections,
    SortDirection,
    ViewAPI,
)
from ..data_classes import (
    CogniteVisualizable,
    CogniteVisualizableField,
    CogniteVisualizableFilters,
    CogniteVisualizableList,
)


class CogniteVisualizableAPI(ViewAPI[CogniteVisualizable, CogniteVisualizableList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(
            instances,
            CogniteVisualizable,
            CogniteVisualizableList,
            CogniteVisualizableFilters,
            default_space,
        )

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteVisualizableField | NodeField | Sequence[CogniteVisualizableField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        object_3d: NodeId | Sequence[NodeId] | None = None,
    ) -> CogniteVisualizableList:
        """List CogniteVisualizable nodes that match the filters.

        Args:
            limit: The most nodes to return; None returns them all.
            sort_by: The field or fields to sort by; external_id and space sort by the node's own.
            direction: The sort order: ascending or descending.
            as_child_class: Read each node as the most specific class whose view it has data in.
            retrieve_connections: skip, identifier (edges and reverse relations as node ids) or full (the connected
                objects).
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            object_3d: Match nodes whose object_3d is this value, or any of these. The 3D object of the instance.

        Example:
            >>> client.cognite_visualizable.list(external_id_prefix="A", limit=10)
        """
        return self._list(
            locals(),
            limit=limit,
            sort_by=sort_by,
            direction=direction,
            filter=filter,
            as_child_class=as_child_class,
            retrieve_connections=retrieve_connections,
        )

    def iterate(
        self,
        chunk_size: int = 1000,
        *,
        cursor: str | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        object_3d: NodeId | Sequence[NodeId] | None = None,
    ) -> Iterator[CogniteVisualizableList]:
        """Iterate over the CogniteVisualizable nodes that match the filters, a page at a time.

        Args:
            chunk_size: The most nodes per page.
            cursor: A page's next_cursor, to resume after that page.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            object_3d: Match nodes whose object_3d is this value, or any of these. The 3D object of the instance.

        Example:
            >>> for page in client.cognite_visualizable.iterate(chunk_size=500, external_id_prefix="A"):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(locals(), chunk_size=chunk_size, cursor=cursor, filter=filter)

    def aggregate(
        self,
        aggregate: AggregateName,
        property: CogniteVisualizableField | None = None,
        *,
        group_by: CogniteVisualizableField | Sequence[CogniteVisualizableField] | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        object_3d: NodeId | Sequence[NodeId] | None = None,
    ) -> AggregateResult:
        """Count the CogniteVisualizable nodes that match the filters, or aggregate one of their fields.

        Args:
            aggregate: count, avg, min, max or sum.
            property: The field to aggregate; count needs none.
            group_by: The field or fields to group by.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            object_3d: Match nodes whose object_3d is this value, or any of these. The 3D object of the instance.

        Example:
            >>> client.cognite_visualizable.aggregate("count", external_id_prefix="A").value
        """
        return self._aggregate(locals(), aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteVisualizableQuery[CogniteVisualizableList]:
        """A typed query from CogniteVisualizable nodes: filter on their fields, follow their connections, end with
        list().
        """
        return CogniteVisualizableQuery(self._instances)
