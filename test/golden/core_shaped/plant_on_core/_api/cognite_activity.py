"""API of view cdm_core:CogniteActivity/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from .._query import CogniteActivityQuery
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
    CogniteActivity,
    CogniteActivityField,
    CogniteActivityFilters,
    CogniteActivityList,
    CogniteActivityTextField,
)


class CogniteActivityAPI(ViewAPI[CogniteActivity, CogniteActivityList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, CogniteActivity, CogniteActivityList, CogniteActivityFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteActivityField | NodeField | Sequence[CogniteActivityField | NodeField] | None = None,
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
        source_id: str | Sequence[str] | None = None,
        source_id_prefix: str | None = None,
        source_context: str | Sequence[str] | None = None,
        source_context_prefix: str | None = None,
        source: NodeId | Sequence[NodeId] | None = None,
        min_source_created_time: datetime | None = None,
        max_source_created_time: datetime | None = None,
        min_source_updated_time: datetime | None = None,
        max_source_updated_time: datetime | None = None,
        min_start_time: datetime | None = None,
        max_start_time: datetime | None = None,
        min_end_time: datetime | None = None,
        max_end_time: datetime | None = None,
        min_scheduled_start_time: datetime | None = None,
        max_scheduled_start_time: datetime | None = None,
        assets: NodeId | Sequence[NodeId] | None = None,
        equipment: NodeId | Sequence[NodeId] | None = None,
        time_series: NodeId | Sequence[NodeId] | None = None,
    ) -> CogniteActivityList:
        """List CogniteActivity nodes that match the filters.

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
            min_start_time: Match nodes whose start_time is at least this value.
            max_start_time: Match nodes whose start_time is at most this value.
            min_end_time: Match nodes whose end_time is at least this value.
            max_end_time: Match nodes whose end_time is at most this value.
            min_scheduled_start_time: Match nodes whose scheduled_start_time is at least this value.
            max_scheduled_start_time: Match nodes whose scheduled_start_time is at most this value.
            assets: Match nodes whose assets include this node, or any of these.
            equipment: Match nodes whose equipment include this node, or any of these.
            time_series: Match nodes whose time_series include this node, or any of these.

        Example:
            >>> client.cognite_activity.list(name_prefix="A", limit=10)
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
        source_id: str | Sequence[str] | None = None,
        source_id_prefix: str | None = None,
        source_context: str | Sequence[str] | None = None,
        source_context_prefix: str | None = None,
        source: NodeId | Sequence[NodeId] | None = None,
        min_source_created_time: datetime | None = None,
        max_source_created_time: datetime | None = None,
        min_source_updated_time: datetime | None = None,
        max_source_updated_time: datetime | None = None,
        min_start_time: datetime | None = None,
        max_start_time: datetime | None = None,
        min_end_time: datetime | None = None,
        max_end_time: datetime | None = None,
        min_scheduled_start_time: datetime | None = None,
        max_scheduled_start_time: datetime | None = None,
        assets: NodeId | Sequence[NodeId] | None = None,
        equipment: NodeId | Sequence[NodeId] | None = None,
        time_series: NodeId | Sequence[NodeId] | None = None,
    ) -> Iterator[CogniteActivityList]:
        """Iterate over the CogniteActivity nodes that match the filters, a page at a time.

        Args:
            chunk_size: The most nodes per page.
            cursor: A page's next_cursor, to resume after that page.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
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
            min_start_time: Match nodes whose start_time is at least this value.
            max_start_time: Match nodes whose start_time is at most this value.
            min_end_time: Match nodes whose end_time is at least this value.
            max_end_time: Match nodes whose end_time is at most this value.
            min_scheduled_start_time: Match nodes whose scheduled_start_time is at least this value.
            max_scheduled_start_time: Match nodes whose scheduled_start_time is at most this value.
            assets: Match nodes whose assets include this node, or any of these.
            equipment: Match nodes whose equipment include this node, or any of these.
            time_series: Match nodes whose time_series include this node, or any of these.

        Example:
            >>> for page in client.cognite_activity.iterate(chunk_size=500, name_prefix="A"):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(locals(), chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: CogniteActivityTextField | Sequence[CogniteActivityTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: CogniteActivityField | NodeField | Sequence[CogniteActivityField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
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
        min_start_time: datetime | None = None,
        max_start_time: datetime | None = None,
        min_end_time: datetime | None = None,
        max_end_time: datetime | None = None,
        min_scheduled_start_time: datetime | None = None,
        max_scheduled_start_time: datetime | None = None,
        assets: NodeId | Sequence[NodeId] | None = None,
        equipment: NodeId | Sequence[NodeId] | None = None,
        time_series: NodeId | Sequence[NodeId] | None = None,
    ) -> CogniteActivityList:
        """Search the text fields of the CogniteActivity nodes that match the filters.

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
            min_start_time: Match nodes whose start_time is at least this value.
            max_start_time: Match nodes whose start_time is at most this value.
            min_end_time: Match nodes whose end_time is at least this value.
            max_end_time: Match nodes whose end_time is at most this value.
            min_scheduled_start_time: Match nodes whose scheduled_start_time is at least this value.
            max_scheduled_start_time: Match nodes whose scheduled_start_time is at most this value.
            assets: Match nodes whose assets include this node, or any of these.
            equipment: Match nodes whose equipment include this node, or any of these.
            time_series: Match nodes whose time_series include this node, or any of these.

        Example:
            >>> client.cognite_activity.search("text to find", name_prefix="A", limit=10)
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
        property: CogniteActivityField | None = None,
        *,
        group_by: CogniteActivityField | Sequence[CogniteActivityField] | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
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
        min_start_time: datetime | None = None,
        max_start_time: datetime | None = None,
        min_end_time: datetime | None = None,
        max_end_time: datetime | None = None,
        min_scheduled_start_time: datetime | None = None,
        max_scheduled_start_time: datetime | None = None,
        assets: NodeId | Sequence[NodeId] | None = None,
        equipment: NodeId | Sequence[NodeId] | None = None,
        time_series: NodeId | Sequence[NodeId] | None = None,
    ) -> AggregateResult:
        """Count the CogniteActivity nodes that match the filters, or aggregate one of their fields.

        Args:
            aggregate: count, avg, min, max or sum.
            property: The field to aggregate; count needs none.
            group_by: The field or fields to group by.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
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
            min_start_time: Match nodes whose start_time is at least this value.
            max_start_time: Match nodes whose start_time is at most this value.
            min_end_time: Match nodes whose end_time is at least this value.
            max_end_time: Match nodes whose end_time is at most this value.
            min_scheduled_start_time: Match nodes whose scheduled_start_time is at least this value.
            max_scheduled_start_time: Match nodes whose scheduled_start_time is at most this value.
            assets: Match nodes whose assets include this node, or any of these.
            equipment: Match nodes whose equipment include this node, or any of these.
            time_series: Match nodes whose time_series include this node, or any of these.

        Example:
            >>> client.cognite_activity.aggregate("count", name_prefix="A").value
        """
        return self._aggregate(locals(), aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteActivityQuery[CogniteActivityList]:
        """A typed query from CogniteActivity nodes: filter on their fields, follow their connections, end with list()."""
        return CogniteActivityQuery(self._instances)
