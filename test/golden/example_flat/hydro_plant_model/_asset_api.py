"""API of view pygen_example:Asset/1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ._asset import Asset, AssetField, AssetFilters, AssetList, AssetTextField
from ._query import AssetQuery
from ._runtime import (
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


class AssetAPI(ViewAPI[Asset, AssetList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, Asset, AssetList, AssetFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: AssetField | NodeField | Sequence[AssetField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        as_child_class: bool = False,
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
    ) -> AssetList:
        """List Asset nodes that match the filters.

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
            name: Match nodes whose name is this value, or any of these. Human-readable name.
            name_prefix: Match nodes whose name starts with this text. Human-readable name.
            description: Match nodes whose description is this value, or any of these.
            description_prefix: Match nodes whose description starts with this text.
            parent: Match nodes whose parent is this value, or any of these. The asset this one belongs to, of any kind
                (no view hint).

        Example:
            >>> client.asset.list(name_prefix="A", limit=10)
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
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
    ) -> Iterator[AssetList]:
        """Iterate over the Asset nodes that match the filters, a page at a time.

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

        Example:
            >>> for page in client.asset.iterate(chunk_size=500, name_prefix="A"):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(locals(), chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: AssetTextField | Sequence[AssetTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: AssetField | NodeField | Sequence[AssetField | NodeField] | None = None,
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
    ) -> AssetList:
        """Search the text fields of the Asset nodes that match the filters.

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

        Example:
            >>> client.asset.search("text to find", name_prefix="A", limit=10)
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
        property: AssetField | None = None,
        *,
        group_by: AssetField | Sequence[AssetField] | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
    ) -> AggregateResult:
        """Count the Asset nodes that match the filters, or aggregate one of their fields.

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

        Example:
            >>> client.asset.aggregate("count", name_prefix="A").value
        """
        return self._aggregate(locals(), aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> AssetQuery[AssetList]:
        """A typed query from Asset nodes: filter on their fields, follow their connections, end with list()."""
        return AssetQuery(self._instances)
