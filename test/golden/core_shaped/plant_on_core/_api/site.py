"""API of view plant_ext:Site/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from .._query import SiteQuery
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
from ..data_classes import Site, SiteField, SiteFilters, SiteList, SiteTextField


class SiteAPI(ViewAPI[Site, SiteList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, Site, SiteList, SiteFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: SiteField | NodeField | Sequence[SiteField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        object_3d: NodeId | Sequence[NodeId] | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        source_id: str | Sequence[str] | None = None,
        source_id_prefix: str | None = None,
        source_context: str | Sequence[str] | None = None,
        source_context_prefix: str | None = None,
        source: NodeId | Sequence[NodeId] | None = None,
        min_source_created_time: datetime | None = None,
        max_source_created_time: datetime | None = None,
        min_source_updated_time: datetime | None = None,
        max_source_updated_time: datetime | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
        root: NodeId | Sequence[NodeId] | None = None,
        path: NodeId | Sequence[NodeId] | None = None,
        min_path_last_updated_time: datetime | None = None,
        max_path_last_updated_time: datetime | None = None,
    ) -> SiteList:
        """List Site nodes that match the filters.

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
            object_3d: Match nodes whose object_3d is this value, or any of these. The 3D object of the instance.
            name: Match nodes whose name is this value, or any of these. Name of the instance.
            name_prefix: Match nodes whose name starts with this text. Name of the instance.
            description: Match nodes whose description is this value, or any of these. Description of the instance.
            description_prefix: Match nodes whose description starts with this text. Description of the instance.
            source_id: Match nodes whose source_id is this value, or any of these. Identifier in the source system.
            source_id_prefix: Match nodes whose source_id starts with this text. Identifier in the source system.
            source_context: Match nodes whose source_context is this value, or any of these. Context of the source id.
            source_context_prefix: Match nodes whose source_context starts with this text. Context of the source id.
            source: Match nodes whose source is this value, or any of these. The source system.
            min_source_created_time: Match nodes whose source_created_time is at least this value.
            max_source_created_time: Match nodes whose source_created_time is at most this value.
            min_source_updated_time: Match nodes whose source_updated_time is at least this value.
            max_source_updated_time: Match nodes whose source_updated_time is at most this value.
            parent: Match nodes whose parent is this value, or any of these. The parent asset.
            root: Match nodes whose root is this value, or any of these. The top of the hierarchy.
            path: Match nodes whose path include this node, or any of these. Assets from the root to this one.
            min_path_last_updated_time: Match nodes whose path_last_updated_time is at least this value.
            max_path_last_updated_time: Match nodes whose path_last_updated_time is at most this value.

        Example:
            >>> client.site.list(name_prefix="A", limit=10)
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
        object_3d: NodeId | Sequence[NodeId] | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        source_id: str | Sequence[str] | None = None,
        source_id_prefix: str | None = None,
        source_context: str | Sequence[str] | None = None,
        source_context_prefix: str | None = None,
        source: NodeId | Sequence[NodeId] | None = None,
        min_source_created_time: datetime | None = None,
        max_source_created_time: datetime | None = None,
        min_source_updated_time: datetime | None = None,
        max_source_updated_time: datetime | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
        root: NodeId | Sequence[NodeId] | None = None,
        path: NodeId | Sequence[NodeId] | None = None,
        min_path_last_updated_time: datetime | None = None,
        max_path_last_updated_time: datetime | None = None,
    ) -> Iterator[SiteList]:
        """Iterate over the Site nodes that match the filters, a page at a time.

        Args:
            chunk_size: The most nodes per page.
            cursor: A page's next_cursor, to resume after that page.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            object_3d: Match nodes whose object_3d is this value, or any of these. The 3D object of the instance.
            name: Match nodes whose name is this value, or any of these. Name of the instance.
            name_prefix: Match nodes whose name starts with this text. Name of the instance.
            description: Match nodes whose description is this value, or any of these. Description of the instance.
            description_prefix: Match nodes whose description starts with this text. Description of the instance.
            source_id: Match nodes whose source_id is this value, or any of these. Identifier in the source system.
            source_id_prefix: Match nodes whose source_id starts with this text. Identifier in the source system.
            source_context: Match nodes whose source_context is this value, or any of these. Context of the source id.
            source_context_prefix: Match nodes whose source_context starts with this text. Context of the source id.
            source: Match nodes whose source is this value, or any of these. The source system.
            min_source_created_time: Match nodes whose source_created_time is at least this value.
            max_source_created_time: Match nodes whose source_created_time is at most this value.
            min_source_updated_time: Match nodes whose source_updated_time is at least this value.
            max_source_updated_time: Match nodes whose source_updated_time is at most this value.
            parent: Match nodes whose parent is this value, or any of these. The parent asset.
            root: Match nodes whose root is this value, or any of these. The top of the hierarchy.
            path: Match nodes whose path include this node, or any of these. Assets from the root to this one.
            min_path_last_updated_time: Match nodes whose path_last_updated_time is at least this value.
            max_path_last_updated_time: Match nodes whose path_last_updated_time is at most this value.

        Example:
            >>> for page in client.site.iterate(chunk_size=500, name_prefix="A"):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(locals(), chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: SiteTextField | Sequence[SiteTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: SiteField | NodeField | Sequence[SiteField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        object_3d: NodeId | Sequence[NodeId] | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        source_id: str | Sequence[str] | None = None,
        source_id_prefix: str | None = None,
        source_context: str | Sequence[str] | None = None,
        source_context_prefix: str | None = None,
        source: NodeId | Sequence[NodeId] | None = None,
        min_source_created_time: datetime | None = None,
        max_source_created_time: datetime | None = None,
        min_source_updated_time: datetime | None = None,
        max_source_updated_time: datetime | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
        root: NodeId | Sequence[NodeId] | None = None,
        path: NodeId | Sequence[NodeId] | None = None,
        min_path_last_updated_time: datetime | None = None,
        max_path_last_updated_time: datetime | None = None,
    ) -> SiteList:
        """Search the text fields of the Site nodes that match the filters.

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
            object_3d: Match nodes whose object_3d is this value, or any of these. The 3D object of the instance.
            name: Match nodes whose name is this value, or any of these. Name of the instance.
            name_prefix: Match nodes whose name starts with this text. Name of the instance.
            description: Match nodes whose description is this value, or any of these. Description of the instance.
            description_prefix: Match nodes whose description starts with this text. Description of the instance.
            source_id: Match nodes whose source_id is this value, or any of these. Identifier in the source system.
            source_id_prefix: Match nodes whose source_id starts with this text. Identifier in the source system.
            source_context: Match nodes whose source_context is this value, or any of these. Context of the source id.
            source_context_prefix: Match nodes whose source_context starts with this text. Context of the source id.
            source: Match nodes whose source is this value, or any of these. The source system.
            min_source_created_time: Match nodes whose source_created_time is at least this value.
            max_source_created_time: Match nodes whose source_created_time is at most this value.
            min_source_updated_time: Match nodes whose source_updated_time is at least this value.
            max_source_updated_time: Match nodes whose source_updated_time is at most this value.
            parent: Match nodes whose parent is this value, or any of these. The parent asset.
            root: Match nodes whose root is this value, or any of these. The top of the hierarchy.
            path: Match nodes whose path include this node, or any of these. Assets from the root to this one.
            min_path_last_updated_time: Match nodes whose path_last_updated_time is at least this value.
            max_path_last_updated_time: Match nodes whose path_last_updated_time is at most this value.

        Example:
            >>> client.site.search("text to find", name_prefix="A", limit=10)
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
        property: SiteField | None = None,
        *,
        group_by: SiteField | Sequence[SiteField] | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        object_3d: NodeId | Sequence[NodeId] | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        source_id: str | Sequence[str] | None = None,
        source_id_prefix: str | None = None,
        source_context: str | Sequence[str] | None = None,
        source_context_prefix: str | None = None,
        source: NodeId | Sequence[NodeId] | None = None,
        min_source_created_time: datetime | None = None,
        max_source_created_time: datetime | None = None,
        min_source_updated_time: datetime | None = None,
        max_source_updated_time: datetime | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
        root: NodeId | Sequence[NodeId] | None = None,
        path: NodeId | Sequence[NodeId] | None = None,
        min_path_last_updated_time: datetime | None = None,
        max_path_last_updated_time: datetime | None = None,
    ) -> AggregateResult:
        """Count the Site nodes that match the filters, or aggregate one of their fields.

        Args:
            aggregate: count, avg, min, max or sum.
            property: The field to aggregate; count needs none.
            group_by: The field or fields to group by.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            object_3d: Match nodes whose object_3d is this value, or any of these. The 3D object of the instance.
            name: Match nodes whose name is this value, or any of these. Name of the instance.
            name_prefix: Match nodes whose name starts with this text. Name of the instance.
            description: Match nodes whose description is this value, or any of these. Description of the instance.
            description_prefix: Match nodes whose description starts with this text. Description of the instance.
            source_id: Match nodes whose source_id is this value, or any of these. Identifier in the source system.
            source_id_prefix: Match nodes whose source_id starts with this text. Identifier in the source system.
            source_context: Match nodes whose source_context is this value, or any of these. Context of the source id.
            source_context_prefix: Match nodes whose source_context starts with this text. Context of the source id.
            source: Match nodes whose source is this value, or any of these. The source system.
            min_source_created_time: Match nodes whose source_created_time is at least this value.
            max_source_created_time: Match nodes whose source_created_time is at most this value.
            min_source_updated_time: Match nodes whose source_updated_time is at least this value.
            max_source_updated_time: Match nodes whose source_updated_time is at most this value.
            parent: Match nodes whose parent is this value, or any of these. The parent asset.
            root: Match nodes whose root is this value, or any of these. The top of the hierarchy.
            path: Match nodes whose path include this node, or any of these. Assets from the root to this one.
            min_path_last_updated_time: Match nodes whose path_last_updated_time is at least this value.
            max_path_last_updated_time: Match nodes whose path_last_updated_time is at most this value.

        Example:
            >>> client.site.aggregate("count", name_prefix="A").value
        """
        return self._aggregate(locals(), aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> SiteQuery[SiteList]:
        """A typed query from Site nodes: filter on their fields, follow their connections, end with list()."""
        return SiteQuery(self._instances)
