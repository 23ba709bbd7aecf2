"""API of view sp_pumps_model:Pump/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime

from .._query import PumpQuery
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
from ..data_classes import Pump, PumpField, PumpFilters, PumpList, PumpStatus, PumpTextField


class PumpAPI(ViewAPI[Pump, PumpList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, Pump, PumpList, PumpFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: PumpField | NodeField | Sequence[PumpField | NodeField] | None = None,
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
        min_flow_rate: float | None = None,
        max_flow_rate: float | None = None,
        min_serial_number: int | None = None,
        max_serial_number: int | None = None,
        is_active: bool | None = None,
        min_installed_at: datetime | None = None,
        max_installed_at: datetime | None = None,
        min_commissioned: date | None = None,
        max_commissioned: date | None = None,
        status: PumpStatus | Sequence[PumpStatus] | None = None,
        site: NodeId | Sequence[NodeId] | None = None,
    ) -> PumpList:
        """List Pump nodes that match the filters.

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
            name: Match nodes whose name is this value, or any of these.
            name_prefix: Match nodes whose name starts with this text.
            description: Match nodes whose description is this value, or any of these.
            description_prefix: Match nodes whose description starts with this text.
            min_flow_rate: Match nodes whose flow_rate is at least this value.
            max_flow_rate: Match nodes whose flow_rate is at most this value.
            min_serial_number: Match nodes whose serial_number is at least this value.
            max_serial_number: Match nodes whose serial_number is at most this value.
            is_active: Match nodes whose is_active is this value.
            min_installed_at: Match nodes whose installed_at is at least this value.
            max_installed_at: Match nodes whose installed_at is at most this value.
            min_commissioned: Match nodes whose commissioned is at least this value.
            max_commissioned: Match nodes whose commissioned is at most this value.
            status: Match nodes whose status is this value, or any of these.
            site: Match nodes whose site is this value, or any of these.

        Example:
            >>> client.pump.list(min_flow_rate=1.0, limit=10)
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
        min_flow_rate: float | None = None,
        max_flow_rate: float | None = None,
        min_serial_number: int | None = None,
        max_serial_number: int | None = None,
        is_active: bool | None = None,
        min_installed_at: datetime | None = None,
        max_installed_at: datetime | None = None,
        min_commissioned: date | None = None,
        max_commissioned: date | None = None,
        status: PumpStatus | Sequence[PumpStatus] | None = None,
        site: NodeId | Sequence[NodeId] | None = None,
    ) -> Iterator[PumpList]:
        """Iterate over the Pump nodes that match the filters, a page at a time.

        Args:
            chunk_size: The most nodes per page.
            cursor: A page's next_cursor, to resume after that page.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            name: Match nodes whose name is this value, or any of these.
            name_prefix: Match nodes whose name starts with this text.
            description: Match nodes whose description is this value, or any of these.
            description_prefix: Match nodes whose description starts with this text.
            min_flow_rate: Match nodes whose flow_rate is at least this value.
            max_flow_rate: Match nodes whose flow_rate is at most this value.
            min_serial_number: Match nodes whose serial_number is at least this value.
            max_serial_number: Match nodes whose serial_number is at most this value.
            is_active: Match nodes whose is_active is this value.
            min_installed_at: Match nodes whose installed_at is at least this value.
            max_installed_at: Match nodes whose installed_at is at most this value.
            min_commissioned: Match nodes whose commissioned is at least this value.
            max_commissioned: Match nodes whose commissioned is at most this value.
            status: Match nodes whose status is this value, or any of these.
            site: Match nodes whose site is this value, or any of these.

        Example:
            >>> for page in client.pump.iterate(chunk_size=500, min_flow_rate=1.0):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(locals(), chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: PumpTextField | Sequence[PumpTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: PumpField | NodeField | Sequence[PumpField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        min_flow_rate: float | None = None,
        max_flow_rate: float | None = None,
        min_serial_number: int | None = None,
        max_serial_number: int | None = None,
        is_active: bool | None = None,
        min_installed_at: datetime | None = None,
        max_installed_at: datetime | None = None,
        min_commissioned: date | None = None,
        max_commissioned: date | None = None,
        status: PumpStatus | Sequence[PumpStatus] | None = None,
        site: NodeId | Sequence[NodeId] | None = None,
    ) -> PumpList:
        """Search the text fields of the Pump nodes that match the filters.

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
            name: Match nodes whose name is this value, or any of these.
            name_prefix: Match nodes whose name starts with this text.
            description: Match nodes whose description is this value, or any of these.
            description_prefix: Match nodes whose description starts with this text.
            min_flow_rate: Match nodes whose flow_rate is at least this value.
            max_flow_rate: Match nodes whose flow_rate is at most this value.
            min_serial_number: Match nodes whose serial_number is at least this value.
            max_serial_number: Match nodes whose serial_number is at most this value.
            is_active: Match nodes whose is_active is this value.
            min_installed_at: Match nodes whose installed_at is at least this value.
            max_installed_at: Match nodes whose installed_at is at most this value.
            min_commissioned: Match nodes whose commissioned is at least this value.
            max_commissioned: Match nodes whose commissioned is at most this value.
            status: Match nodes whose status is this value, or any of these.
            site: Match nodes whose site is this value, or any of these.

        Example:
            >>> client.pump.search("text to find", min_flow_rate=1.0, limit=10)
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
        property: PumpField | None = None,
        *,
        group_by: PumpField | Sequence[PumpField] | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        min_flow_rate: float | None = None,
        max_flow_rate: float | None = None,
        min_serial_number: int | None = None,
        max_serial_number: int | None = None,
        is_active: bool | None = None,
        min_installed_at: datetime | None = None,
        max_installed_at: datetime | None = None,
        min_commissioned: date | None = None,
        max_commissioned: date | None = None,
        status: PumpStatus | Sequence[PumpStatus] | None = None,
        site: NodeId | Sequence[NodeId] | None = None,
    ) -> AggregateResult:
        """Count the Pump nodes that match the filters, or aggregate one of their fields.

        Args:
            aggregate: count, avg, min, max or sum.
            property: The field to aggregate; count needs none.
            group_by: The field or fields to group by.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            name: Match nodes whose name is this value, or any of these.
            name_prefix: Match nodes whose name starts with this text.
            description: Match nodes whose description is this value, or any of these.
            description_prefix: Match nodes whose description starts with this text.
            min_flow_rate: Match nodes whose flow_rate is at least this value.
            max_flow_rate: Match nodes whose flow_rate is at most this value.
            min_serial_number: Match nodes whose serial_number is at least this value.
            max_serial_number: Match nodes whose serial_number is at most this value.
            is_active: Match nodes whose is_active is this value.
            min_installed_at: Match nodes whose installed_at is at least this value.
            max_installed_at: Match nodes whose installed_at is at most this value.
            min_commissioned: Match nodes whose commissioned is at least this value.
            max_commissioned: Match nodes whose commissioned is at most this value.
            status: Match nodes whose status is this value, or any of these.
            site: Match nodes whose site is this value, or any of these.

        Example:
            >>> client.pump.aggregate("count", min_flow_rate=1.0).value
        """
        return self._aggregate(locals(), aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def histogram(
        self,
        property: PumpField,
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
        min_flow_rate: float | None = None,
        max_flow_rate: float | None = None,
        min_serial_number: int | None = None,
        max_serial_number: int | None = None,
        is_active: bool | None = None,
        min_installed_at: datetime | None = None,
        max_installed_at: datetime | None = None,
        min_commissioned: date | None = None,
        max_commissioned: date | None = None,
        status: PumpStatus | Sequence[PumpStatus] | None = None,
        site: NodeId | Sequence[NodeId] | None = None,
    ) -> Histogram:
        """Count the Pump nodes that match the filters in buckets of a numeric field.

        Args:
            property: The numeric field to bucket.
            interval: The width of each bucket.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            name: Match nodes whose name is this value, or any of these.
            name_prefix: Match nodes whose name starts with this text.
            description: Match nodes whose description is this value, or any of these.
            description_prefix: Match nodes whose description starts with this text.
            min_flow_rate: Match nodes whose flow_rate is at least this value.
            max_flow_rate: Match nodes whose flow_rate is at most this value.
            min_serial_number: Match nodes whose serial_number is at least this value.
            max_serial_number: Match nodes whose serial_number is at most this value.
            is_active: Match nodes whose is_active is this value.
            min_installed_at: Match nodes whose installed_at is at least this value.
            max_installed_at: Match nodes whose installed_at is at most this value.
            min_commissioned: Match nodes whose commissioned is at least this value.
            max_commissioned: Match nodes whose commissioned is at most this value.
            status: Match nodes whose status is this value, or any of these.
            site: Match nodes whose site is this value, or any of these.

        Example:
            >>> client.pump.histogram("flow_rate", 10.0, min_flow_rate=1.0)
        """
        return self._histogram(locals(), property=property, interval=interval, filter=filter)

    def select(self) -> PumpQuery[PumpList]:
        """A typed query from Pump nodes: filter on their fields, follow their connections, end with list()."""
        return PumpQuery(self._instances)
