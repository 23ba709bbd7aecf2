"""API of view cdm_core:CogniteSchedulable/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from .._query import CogniteSchedulableQuery
from .._runtime import (
    DEFAULT_LIMIT,
    AggregateName,
    AggregateResult,
    InstancesClient,
    NodeField,
    RawFilter,
    RetrieveConnections,
    SortDirection,
    ViewAPI,
)
from ..data_classes import (
    CogniteSchedulable,
    CogniteSchedulableField,
    CogniteSchedulableFilters,
    CogniteSchedulableList,
)


class CogniteSchedulableAPI(ViewAPI[CogniteSchedulable, CogniteSchedulableList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(
            instances,
            CogniteSchedulable,
            CogniteSchedulableList,
            CogniteSchedulableFilters,
            default_space,
        )

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteSchedulableField | NodeField | Sequence[CogniteSchedulableField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        min_start_time: datetime | None = None,
        max_start_time: datetime | None = None,
        min_end_time: datetime | None = None,
        max_end_time: datetime | None = None,
        min_scheduled_start_time: datetime | None = None,
        max_scheduled_start_time: datetime | None = None,
    ) -> CogniteSchedulableList:
        """List CogniteSchedulable nodes that match the filters.

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
            min_start_time: Match nodes whose start_time is at least this value.
            max_start_time: Match nodes whose start_time is at most this value.
            min_end_time: Match nodes whose end_time is at least this value.
            max_end_time: Match nodes whose end_time is at most this value.
            min_scheduled_start_time: Match nodes whose scheduled_start_time is at least this value.
            max_scheduled_start_time: Match nodes whose scheduled_start_time is at most this value.

        Example:
            >>> client.cognite_schedulable.list(external_id_prefix="A", limit=10)
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
        min_start_time: datetime | None = None,
        max_start_time: datetime | None = None,
        min_end_time: datetime | None = None,
        max_end_time: datetime | None = None,
        min_scheduled_start_time: datetime | None = None,
        max_scheduled_start_time: datetime | None = None,
    ) -> Iterator[CogniteSchedulableList]:
        """Iterate over the CogniteSchedulable nodes that match the filters, a page at a time.

        Args:
            chunk_size: The most nodes per page.
            cursor: A page's next_cursor, to resume after that page.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            min_start_time: Match nodes whose start_time is at least this value.
            max_start_time: Match nodes whose start_time is at most this value.
            min_end_time: Match nodes whose end_time is at least this value.
            max_end_time: Match nodes whose end_time is at most this value.
            min_scheduled_start_time: Match nodes whose scheduled_start_time is at least this value.
            max_scheduled_start_time: Match nodes whose scheduled_start_time is at most this value.

        Example:
            >>> for page in client.cognite_schedulable.iterate(chunk_size=500, external_id_prefix="A"):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(locals(), chunk_size=chunk_size, cursor=cursor, filter=filter)

    def aggregate(
        self,
        aggregate: AggregateName,
        property: CogniteSchedulableField | None = None,
        *,
        group_by: CogniteSchedulableField | Sequence[CogniteSchedulableField] | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        min_start_time: datetime | None = None,
        max_start_time: datetime | None = None,
        min_end_time: datetime | None = None,
        max_end_time: datetime | None = None,
        min_scheduled_start_time: datetime | None = None,
        max_scheduled_start_time: datetime | None = None,
    ) -> AggregateResult:
        """Count the CogniteSchedulable nodes that match the filters, or aggregate one of their fields.

        Args:
            aggregate: count, avg, min, max or sum.
            property: The field to aggregate; count needs none.
            group_by: The field or fields to group by.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            min_start_time: Match nodes whose start_time is at least this value.
            max_start_time: Match nodes whose start_time is at most this value.
            min_end_time: Match nodes whose end_time is at least this value.
            max_end_time: Match nodes whose end_time is at most this value.
            min_scheduled_start_time: Match nodes whose scheduled_start_time is at least this value.
            max_scheduled_start_time: Match nodes whose scheduled_start_time is at most this value.

        Example:
            >>> client.cognite_schedulable.aggregate("count", external_id_prefix="A").value
        """
        return self._aggregate(locals(), aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteSchedulableQuery[CogniteSchedulableList]:
        """A typed query from CogniteSchedulable nodes: filter on their fields, follow their connections, end with
        list().
        """
        return CogniteSchedulableQuery(self._instances)
