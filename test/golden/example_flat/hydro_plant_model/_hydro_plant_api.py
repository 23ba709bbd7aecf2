"""API of view pygen_example:HydroPlant/1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime

from ._hydro_plant import (
    HydroPlant,
    HydroPlantField,
    HydroPlantFilters,
    HydroPlantList,
    HydroPlantStatus,
    HydroPlantTextField,
)
from ._query import HydroPlantQuery
from ._runtime import (
    DEFAULT_LIMIT,
    AggregateName,
    AggregateResult,
    Histogram,
    InstancesClient,
    NodeField,
    NodeId,
    PlainEdgeAPI,
    RawFilter,
    RetrieveConnections,
    SortDirection,
    ViewAPI,
)


class HydroPlantAPI(ViewAPI[HydroPlant, HydroPlantList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, HydroPlant, HydroPlantList, HydroPlantFilters, default_space)
        self.generators_edge = PlainEdgeAPI(instances, HydroPlant, "generators", default_space)
        self.operator_edge = PlainEdgeAPI(instances, HydroPlant, "operator", default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: HydroPlantField | NodeField | Sequence[HydroPlantField | NodeField] | None = None,
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
        min_capacity_mw: float | None = None,
        max_capacity_mw: float | None = None,
        min_unit_count: int | None = None,
        max_unit_count: int | None = None,
        min_commissioned_at: datetime | None = None,
        max_commissioned_at: datetime | None = None,
        min_last_inspected_on: date | None = None,
        max_last_inspected_on: date | None = None,
        is_operational: bool | None = None,
        status: HydroPlantStatus | Sequence[HydroPlantStatus] | None = None,
        reservoir: NodeId | Sequence[NodeId] | None = None,
        neighbours: NodeId | Sequence[NodeId] | None = None,
    ) -> HydroPlantList:
        """List HydroPlant nodes that match the filters.

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
            min_capacity_mw: Match nodes whose capacity_mw is at least this value. Installed capacity in megawatts.
            max_capacity_mw: Match nodes whose capacity_mw is at most this value. Installed capacity in megawatts.
            min_unit_count: Match nodes whose unit_count is at least this value.
            max_unit_count: Match nodes whose unit_count is at most this value.
            min_commissioned_at: Match nodes whose commissioned_at is at least this value.
            max_commissioned_at: Match nodes whose commissioned_at is at most this value.
            min_last_inspected_on: Match nodes whose last_inspected_on is at least this value.
            max_last_inspected_on: Match nodes whose last_inspected_on is at most this value.
            is_operational: Match nodes whose is_operational is this value.
            status: Match nodes whose status is this value, or any of these.
            reservoir: Match nodes whose reservoir is this value, or any of these. The reservoir feeding this plant.
            neighbours: Match nodes whose neighbours include this node, or any of these.

        Example:
            >>> client.hydro_plant.list(min_capacity_mw=1.0, limit=10)
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
        min_capacity_mw: float | None = None,
        max_capacity_mw: float | None = None,
        min_unit_count: int | None = None,
        max_unit_count: int | None = None,
        min_commissioned_at: datetime | None = None,
        max_commissioned_at: datetime | None = None,
        min_last_inspected_on: date | None = None,
        max_last_inspected_on: date | None = None,
        is_operational: bool | None = None,
        status: HydroPlantStatus | Sequence[HydroPlantStatus] | None = None,
        reservoir: NodeId | Sequence[NodeId] | None = None,
        neighbours: NodeId | Sequence[NodeId] | None = None,
    ) -> Iterator[HydroPlantList]:
        """Iterate over the HydroPlant nodes that match the filters, a page at a time.

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
            min_capacity_mw: Match nodes whose capacity_mw is at least this value. Installed capacity in megawatts.
            max_capacity_mw: Match nodes whose capacity_mw is at most this value. Installed capacity in megawatts.
            min_unit_count: Match nodes whose unit_count is at least this value.
            max_unit_count: Match nodes whose unit_count is at most this value.
            min_commissioned_at: Match nodes whose commissioned_at is at least this value.
            max_commissioned_at: Match nodes whose commissioned_at is at most this value.
            min_last_inspected_on: Match nodes whose last_inspected_on is at least this value.
            max_last_inspected_on: Match nodes whose last_inspected_on is at most this value.
            is_operational: Match nodes whose is_operational is this value.
            status: Match nodes whose status is this value, or any of these.
            reservoir: Match nodes whose reservoir is this value, or any of these. The reservoir feeding this plant.
            neighbours: Match nodes whose neighbours include this node, or any of these.

        Example:
            >>> for page in client.hydro_plant.iterate(chunk_size=500, min_capacity_mw=1.0):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(locals(), chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: HydroPlantTextField | Sequence[HydroPlantTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: HydroPlantField | NodeField | Sequence[HydroPlantField | NodeField] | None = None,
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
        min_capacity_mw: float | None = None,
        max_capacity_mw: float | None = None,
        min_unit_count: int | None = None,
        max_unit_count: int | None = None,
        min_commissioned_at: datetime | None = None,
        max_commissioned_at: datetime | None = None,
        min_last_inspected_on: date | None = None,
        max_last_inspected_on: date | None = None,
        is_operational: bool | None = None,
        status: HydroPlantStatus | Sequence[HydroPlantStatus] | None = None,
        reservoir: NodeId | Sequence[NodeId] | None = None,
        neighbours: NodeId | Sequence[NodeId] | None = None,
    ) -> HydroPlantList:
        """Search the text fields of the HydroPlant nodes that match the filters.

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
            min_capacity_mw: Match nodes whose capacity_mw is at least this value. Installed capacity in megawatts.
            max_capacity_mw: Match nodes whose capacity_mw is at most this value. Installed capacity in megawatts.
            min_unit_count: Match nodes whose unit_count is at least this value.
            max_unit_count: Match nodes whose unit_count is at most this value.
            min_commissioned_at: Match nodes whose commissioned_at is at least this value.
            max_commissioned_at: Match nodes whose commissioned_at is at most this value.
            min_last_inspected_on: Match nodes whose last_inspected_on is at least this value.
            max_last_inspected_on: Match nodes whose last_inspected_on is at most this value.
            is_operational: Match nodes whose is_operational is this value.
            status: Match nodes whose status is this value, or any of these.
            reservoir: Match nodes whose reservoir is this value, or any of these. The reservoir feeding this plant.
            neighbours: Match nodes whose neighbours include this node, or any of these.

        Example:
            >>> client.hydro_plant.search("text to find", min_capacity_mw=1.0, limit=10)
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
        property: HydroPlantField | None = None,
        *,
        group_by: HydroPlantField | Sequence[HydroPlantField] | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        parent: NodeId | Sequence[NodeId] | None = None,
        min_capacity_mw: float | None = None,
        max_capacity_mw: float | None = None,
        min_unit_count: int | None = None,
        max_unit_count: int | None = None,
        min_commissioned_at: datetime | None = None,
        max_commissioned_at: datetime | None = None,
        min_last_inspected_on: date | None = None,
        max_last_inspected_on: date | None = None,
        is_operational: bool | None = None,
        status: HydroPlantStatus | Sequence[HydroPlantStatus] | None = None,
        reservoir: NodeId | Sequence[NodeId] | None = None,
        neighbours: NodeId | Sequence[NodeId] | None = None,
    ) -> AggregateResult:
        """Count the HydroPlant nodes that match the filters, or aggregate one of their fields.

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
            min_capacity_mw: Match nodes whose capacity_mw is at least this value. Installed capacity in megawatts.
            max_capacity_mw: Match nodes whose capacity_mw is at most this value. Installed capacity in megawatts.
            min_unit_count: Match nodes whose unit_count is at least this value.
            max_unit_count: Match nodes whose unit_count is at most this value.
            min_commissioned_at: Match nodes whose commissioned_at is at least this value.
            max_commissioned_at: Match nodes whose commissioned_at is at most this value.
            min_last_inspected_on: Match nodes whose last_inspected_on is at least this value.
            max_last_inspected_on: Match nodes whose last_inspected_on is at most this value.
            is_operational: Match nodes whose is_operational is this value.
            status: Match nodes whose status is this value, or any of these.
            reservoir: Match nodes whose reservoir is this value, or any of these. The reservoir feeding this plant.
            neighbours: Match nodes whose neighbours include this node, or any of these.

        Example:
            >>> client.hydro_plant.aggregate("count", min_capacity_mw=1.0).value
        """
        return self._aggregate(locals(), aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def histogram(
        self,
        property: HydroPlantField,
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
        min_capacity_mw: float | None = None,
        max_capacity_mw: float | None = None,
        min_unit_count: int | None = None,
        max_unit_count: int | None = None,
        min_commissioned_at: datetime | None = None,
        max_commissioned_at: datetime | None = None,
        min_last_inspected_on: date | None = None,
        max_last_inspected_on: date | None = None,
        is_operational: bool | None = None,
        status: HydroPlantStatus | Sequence[HydroPlantStatus] | None = None,
        reservoir: NodeId | Sequence[NodeId] | None = None,
        neighbours: NodeId | Sequence[NodeId] | None = None,
    ) -> Histogram:
        """Count the HydroPlant nodes that match the filters in buckets of a numeric field.

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
            min_capacity_mw: Match nodes whose capacity_mw is at least this value. Installed capacity in megawatts.
            max_capacity_mw: Match nodes whose capacity_mw is at most this value. Installed capacity in megawatts.
            min_unit_count: Match nodes whose unit_count is at least this value.
            max_unit_count: Match nodes whose unit_count is at most this value.
            min_commissioned_at: Match nodes whose commissioned_at is at least this value.
            max_commissioned_at: Match nodes whose commissioned_at is at most this value.
            min_last_inspected_on: Match nodes whose last_inspected_on is at least this value.
            max_last_inspected_on: Match nodes whose last_inspected_on is at most this value.
            is_operational: Match nodes whose is_operational is this value.
            status: Match nodes whose status is this value, or any of these.
            reservoir: Match nodes whose reservoir is this value, or any of these. The reservoir feeding this plant.
            neighbours: Match nodes whose neighbours include this node, or any of these.

        Example:
            >>> client.hydro_plant.histogram("capacity_mw", 10.0, min_capacity_mw=1.0)
        """
        return self._histogram(locals(), property=property, interval=interval, filter=filter)

    def select(self) -> HydroPlantQuery[HydroPlantList]:
        """A typed query from HydroPlant nodes: filter on their fields, follow their connections, end with list()."""
        return HydroPlantQuery(self._instances)
