"""API of view pygen_example:Reservoir/1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .._query import ReservoirQuery
from .._runtime import (
    DEFAULT_LIMIT,
    AggregateName,
    AggregateResult,
    Histogram,
    InstancesClient,
    NodeField,
    NodeId,
    RawFilter,
    RetrieveConnections,
    SortDirection,
    ViewAPI,
)
from ..data_classes import Reservoir, ReservoirField, ReservoirFilters, ReservoirList, ReservoirTextField


class ReservoirAPI(ViewAPI[Reservoir, ReservoirList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, Reservoir, ReservoirList, ReservoirFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: ReservoirField | NodeField | Sequence[ReservoirField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
        min_volume_m3: float | None = None,
        max_volume_m3: float | None = None,
    ) -> ReservoirList:
        """List Reservoir nodes that match the filters.

        Args:
            limit: The most nodes to return; None returns them all.
            sort_by: The field or fields to sort by; external_id and space sort by the node's own.
            direction: The sort order: ascending or descending.
            retrieve_connections: skip, identifier (edges and reverse relations as node ids) or full (the connected
                objects).
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            name: Match nodes whose name is this value, or any of these. Human-readable name.
            name_prefix: Match nodes whose name starts with this text. Human-readable name.
            description: Match nodes whose description is this value, or any of these.
            description_prefix: Match nodes whose description starts with this text.
            parent: Match nodes whose parent is this value, or any of these. The asset this one belongs to, of any kind
                (no view hint).
            min_volume_m3: Match nodes whose volume_m3 is at least this value.
            max_volume_m3: Match nodes whose volume_m3 is at most this value.

        Example:
            >>> client.reservoir.list(min_volume_m3=1.0, limit=10)
        """
        return self._list(
            locals(),
            limit=limit,
            sort_by=sort_by,
            direction=direction,
            filter=filter,
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
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
        min_volume_m3: float | None = None,
        max_volume_m3: float | None = None,
    ) -> Iterator[ReservoirList]:
        """Iterate over the Reservoir nodes that match the filters, a page at a time.

        Args:
            chunk_size: The most nodes per page.
            cursor: A page's next_cursor, to resume after that page.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            name: Match nodes whose name is this value, or any of these. Human-readable name.
            name_prefix: Match nodes whose name starts with this text. Human-readable name.
            description: Match nodes whose description is this value, or any of these.
            description_prefix: Match nodes whose description starts with this text.
            parent: Match nodes whose parent is this value, or any of these. The asset this one belongs to, of any kind
                (no view hint).
            min_volume_m3: Match nodes whose volume_m3 is at least this value.
            max_volume_m3: Match nodes whose volume_m3 is at most this value.

        Example:
            >>> for page in client.reservoir.iterate(chunk_size=500, min_volume_m3=1.0):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(locals(), chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: ReservoirTextField | Sequence[ReservoirTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: ReservoirField | NodeField | Sequence[ReservoirField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
        min_volume_m3: float | None = None,
        max_volume_m3: float | None = None,
    ) -> ReservoirList:
        """Search the text fields of the Reservoir nodes that match the filters.

        Args:
            query: The text to search for; None matches every node.
            properties: The text fields to search; None searches them all.
            limit: The most nodes to return.
            sort_by: The field or fields to sort by; external_id and space sort by the node's own.
            direction: The sort order: ascending or descending.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            name: Match nodes whose name is this value, or any of these. Human-readable name.
            name_prefix: Match nodes whose name starts with this text. Human-readable name.
            description: Match nodes whose description is this value, or any of these.
            description_prefix: Match nodes whose description starts with this text.
            parent: Match nodes whose parent is this value, or any of these. The asset this one belongs to, of any kind
                (no view hint).
            min_volume_m3: Match nodes whose volume_m3 is at least this value.
            max_volume_m3: Match nodes whose volume_m3 is at most this value.

        Example:
            >>> client.reservoir.search("text to find", min_volume_m3=1.0, limit=10)
        """
        return self._search(
            locals(),
            query=query,
            properties=properties,
            limit=limit,
            sort_by=sort_by,
            direction=direction,
            filter=filter,
        )

    def aggregate(
        self,
        aggregate: AggregateName,
        property: ReservoirField | None = None,
        *,
        group_by: ReservoirField | Sequence[ReservoirField] | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
        min_volume_m3: float | None = None,
        max_volume_m3: float | None = None,
    ) -> AggregateResult:
        """Count the Reservoir nodes that match the filters, or aggregate one of their fields.

        Args:
            aggregate: count, avg, min, max or sum.
            property: The field to aggregate; count needs none.
            group_by: The field or fields to group by.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            name: Match nodes whose name is this value, or any of these. Human-readable name.
            name_prefix: Match nodes whose name starts with this text. Human-readable name.
            description: Match nodes whose description is this value, or any of these.
            description_prefix: Match nodes whose description starts with this text.
            parent: Match nodes whose parent is this value, or any of these. The asset this one belongs to, of any kind
                (no view hint).
            min_volume_m3: Match nodes whose volume_m3 is at least this value.
            max_volume_m3: Match nodes whose volume_m3 is at most this value.

        Example:
            >>> client.reservoir.aggregate("count", min_volume_m3=1.0).value
        """
        return self._aggregate(locals(), aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def histogram(
        self,
        property: ReservoirField,
        interval: float,
        *,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
        min_volume_m3: float | None = None,
        max_volume_m3: float | None = None,
    ) -> Histogram:
        """Count the Reservoir nodes that match the filters in buckets of a numeric field.

        Args:
            property: The numeric field to bucket.
            interval: The width of each bucket.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            name: Match nodes whose name is this value, or any of these. Human-readable name.
            name_prefix: Match nodes whose name starts with this text. Human-readable name.
            description: Match nodes whose description is this value, or any of these.
            description_prefix: Match nodes whose description starts with this text.
            parent: Match nodes whose parent is this value, or any of these. The asset this one belongs to, of any kind
                (no view hint).
            min_volume_m3: Match nodes whose volume_m3 is at least this value.
            max_volume_m3: Match nodes whose volume_m3 is at most this value.

        Example:
            >>> client.reservoir.histogram("volume_m3", 10.0, min_volume_m3=1.0)
        """
        return self._histogram(locals(), property=property, interval=interval, filter=filter)

    def select(self) -> ReservoirQuery[ReservoirList]:
        """A typed query from Reservoir nodes: filter on their fields, follow their connections, end with list()."""
        return ReservoirQuery(self._instances)
