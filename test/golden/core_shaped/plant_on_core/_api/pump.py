"""API of view plant_ext:Pump/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

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
from ..data_classes import Pump, PumpAlarmLevel, PumpField, PumpFilters, PumpList, PumpTextField


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
        source_id: str | Sequence[str] | None = None,
        source_id_prefix: str | None = None,
        source_context: str | Sequence[str] | None = None,
        source_context_prefix: str | None = None,
        source: NodeId | Sequence[NodeId] | None = None,
        min_source_created_time: datetime | None = None,
        max_source_created_time: datetime | None = None,
        min_source_updated_time: datetime | None = None,
        max_source_updated_time: datetime | None = None,
        asset: NodeId | Sequence[NodeId] | None = None,
        serial_number: str | Sequence[str] | None = None,
        serial_number_prefix: str | None = None,
        manufacturer: str | Sequence[str] | None = None,
        manufacturer_prefix: str | None = None,
        files: NodeId | Sequence[NodeId] | None = None,
        alarm_level: PumpAlarmLevel | Sequence[PumpAlarmLevel] | None = None,
        min_flow_rate: float | None = None,
        max_flow_rate: float | None = None,
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
            asset: Match nodes whose asset is this value, or any of these. The asset the equipment belongs to.
            serial_number: Match nodes whose serial_number is this value, or any of these.
            serial_number_prefix: Match nodes whose serial_number starts with this text.
            manufacturer: Match nodes whose manufacturer is this value, or any of these.
            manufacturer_prefix: Match nodes whose manufacturer starts with this text.
            files: Match nodes whose files include this node, or any of these. Documents about the equipment.
            alarm_level: Match nodes whose alarm_level is this value, or any of these.
            min_flow_rate: Match nodes whose flow_rate is at least this value. Nominal flow, m3/h.
            max_flow_rate: Match nodes whose flow_rate is at most this value. Nominal flow, m3/h.
            site: Match nodes whose site is this value, or any of these. The site the pump is at.

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
        source_id: str | Sequence[str] | None = None,
        source_id_prefix: str | None = None,
        source_context: str | Sequence[str] | None = None,
        source_context_prefix: str | None = None,
        source: NodeId | Sequence[NodeId] | None = None,
        min_source_created_time: datetime | None = None,
        max_source_created_time: datetime | None = None,
        min_source_updated_time: datetime | None = None,
        max_source_updated_time: datetime | None = None,
        asset: NodeId | Sequence[NodeId] | None = None,
        serial_number: str | Sequence[str] | None = None,
        serial_number_prefix: str | None = None,
        manufacturer: str | Sequence[str] | None = None,
        manufacturer_prefix: str | None = None,
        files: NodeId | Sequence[NodeId] | None = None,
        alarm_level: PumpAlarmLevel | Sequence[PumpAlarmLevel] | None = None,
        min_flow_rate: float | None = None,
        max_flow_rate: float | None = None,
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
            asset: Match nodes whose asset is this value, or any of these. The asset the equipment belongs to.
            serial_number: Match nodes whose serial_number is this value, or any of these.
            serial_number_prefix: Match nodes whose serial_number starts with this text.
            manufacturer: Match nodes whose manufacturer is this value, or any of these.
            manufacturer_prefix: Match nodes whose manufacturer starts with this text.
            files: Match nodes whose files include this node, or any of these. Documents about the equipment.
            alarm_level: Match nodes whose alarm_level is this value, or any of these.
            min_flow_rate: Match nodes whose flow_rate is at least this value. Nominal flow, m3/h.
            max_flow_rate: Match nodes whose flow_rate is at most this value. Nominal flow, m3/h.
            site: Match nodes whose site is this value, or any of these. The site the pump is at.

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
        source_id: str | Sequence[str] | None = None,
        source_id_prefix: str | None = None,
        source_context: str | Sequence[str] | None = None,
        source_context_prefix: str | None = None,
        source: NodeId | Sequence[NodeId] | None = None,
        min_source_created_time: datetime | None = None,
        max_source_created_time: datetime | None = None,
        min_source_updated_time: datetime | None = None,
        max_source_updated_time: datetime | None = None,
        asset: NodeId | Sequence[NodeId] | None = None,
        serial_number: str | Sequence[str] | None = None,
        serial_number_prefix: str | None = None,
        manufacturer: str | Sequence[str] | None = None,
        manufacturer_prefix: str | None = None,
        files: NodeId | Sequence[NodeId] | None = None,
        alarm_level: PumpAlarmLevel | Sequence[PumpAlarmLevel] | None = None,
        min_flow_rate: float | None = None,
        max_flow_rate: float | None = None,
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
            asset: Match nodes whose asset is this value, or any of these. The asset the equipment belongs to.
            serial_number: Match nodes whose serial_number is this value, or any of these.
            serial_number_prefix: Match nodes whose serial_number starts with this text.
            manufacturer: Match nodes whose manufacturer is this value, or any of these.
            manufacturer_prefix: Match nodes whose manufacturer starts with this text.
            files: Match nodes whose files include this node, or any of these. Documents about the equipment.
            alarm_level: Match nodes whose alarm_level is this value, or any of these.
            min_flow_rate: Match nodes whose flow_rate is at least this value. Nominal flow, m3/h.
            max_flow_rate: Match nodes whose flow_rate is at most this value. Nominal flow, m3/h.
            site: Match nodes whose site is this value, or any of these. The site the pump is at.

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
        source_id: str | Sequence[str] | None = None,
        source_id_prefix: str | None = None,
        source_context: str | Sequence[str] | None = None,
        source_context_prefix: str | None = None,
        source: NodeId | Sequence[NodeId] | None = None,
        min_source_created_time: datetime | None = None,
        max_source_created_time: datetime | None = None,
        min_source_updated_time: datetime | None = None,
        max_source_updated_time: datetime | None = None,
        asset: NodeId | Sequence[NodeId] | None = None,
        serial_number: str | Sequence[str] | None = None,
        serial_number_prefix: str | None = None,
        manufacturer: str | Sequence[str] | None = None,
        manufacturer_prefix: str | None = None,
        files: NodeId | Sequence[NodeId] | None = None,
        alarm_level: PumpAlarmLevel | Sequence[PumpAlarmLevel] | None = None,
        min_flow_rate: float | None = None,
        max_flow_rate: float | None = None,
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
            asset: Match nodes whose asset is this value, or any of these. The asset the equipment belongs to.
            serial_number: Match nodes whose serial_number is this value, or any of these.
            serial_number_prefix: Match nodes whose serial_number starts with this text.
            manufacturer: Match nodes whose manufacturer is this value, or any of these.
            manufacturer_prefix: Match nodes whose manufacturer starts with this text.
            files: Match nodes whose files include this node, or any of these. Documents about the equipment.
            alarm_level: Match nodes whose alarm_level is this value, or any of these.
            min_flow_rate: Match nodes whose flow_rate is at least this value. Nominal flow, m3/h.
            max_flow_rate: Match nodes whose flow_rate is at most this value. Nominal flow, m3/h.
            site: Match nodes whose site is this value, or any of these. The site the pump is at.

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
        source_id: str | Sequence[str] | None = None,
        source_id_prefix: str | None = None,
        source_context: str | Sequence[str] | None = None,
        source_context_prefix: str | None = None,
        source: NodeId | Sequence[NodeId] | None = None,
        min_source_created_time: datetime | None = None,
        max_source_created_time: datetime | None = None,
        min_source_updated_time: datetime | None = None,
        max_source_updated_time: datetime | None = None,
        asset: NodeId | Sequence[NodeId] | None = None,
        serial_number: str | Sequence[str] | None = None,
        serial_number_prefix: str | None = None,
        manufacturer: str | Sequence[str] | None = None,
        manufacturer_prefix: str | None = None,
        files: NodeId | Sequence[NodeId] | None = None,
        alarm_level: PumpAlarmLevel | Sequence[PumpAlarmLevel] | None = None,
        min_flow_rate: float | None = None,
        max_flow_rate: float | None = None,
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
            asset: Match nodes whose asset is this value, or any of these. The asset the equipment belongs to.
            serial_number: Match nodes whose serial_number is this value, or any of these.
            serial_number_prefix: Match nodes whose serial_number starts with this text.
            manufacturer: Match nodes whose manufacturer is this value, or any of these.
            manufacturer_prefix: Match nodes whose manufacturer starts with this text.
            files: Match nodes whose files include this node, or any of these. Documents about the equipment.
            alarm_level: Match nodes whose alarm_level is this value, or any of these.
            min_flow_rate: Match nodes whose flow_rate is at least this value. Nominal flow, m3/h.
            max_flow_rate: Match nodes whose flow_rate is at most this value. Nominal flow, m3/h.
            site: Match nodes whose site is this value, or any of these. The site the pump is at.

        Example:
            >>> client.pump.histogram("flow_rate", 10.0, min_flow_rate=1.0)
        """
        return self._histogram(locals(), property=property, interval=interval, filter=filter)

    def select(self) -> PumpQuery[PumpList]:
        """A typed query from Pump nodes: filter on their fields, follow their connections, end with list()."""
        return PumpQuery(self._instances)
