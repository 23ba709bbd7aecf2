"""API of view pygen_example:Inspector/1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from ._inspection_result import InspectionResultAPI
from ._inspector import Inspector, InspectorField, InspectorFilters, InspectorList, InspectorTextField
from ._query import InspectorQuery
from ._runtime import (
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


class InspectorAPI(ViewAPI[Inspector, InspectorList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, Inspector, InspectorList, InspectorFilters, default_space)
        self.inspected_edge = InspectionResultAPI(instances, Inspector, "inspected", default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: InspectorField | NodeField | Sequence[InspectorField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        min_certified_until: date | None = None,
        max_certified_until: date | None = None,
    ) -> InspectorList:
        """List Inspector nodes that match the filters.

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
            min_certified_until: Match nodes whose certified_until is at least this value.
            max_certified_until: Match nodes whose certified_until is at most this value.

        Example:
            >>> client.inspector.list(name_prefix="A", limit=10)
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
        min_certified_until: date | None = None,
        max_certified_until: date | None = None,
    ) -> Iterator[InspectorList]:
        """Iterate over the Inspector nodes that match the filters, a page at a time.

        Args:
            chunk_size: The most nodes per page.
            cursor: A page's next_cursor, to resume after that page.
            filter: A raw filter, which nodes must match besides the keyword filters.
            space: Match nodes in this space, or in any of these.
            external_id: Match the node with this external id, or any of these.
            external_id_prefix: Match nodes whose external id starts with this text.
            name: Match nodes whose name is this value, or any of these.
            name_prefix: Match nodes whose name starts with this text.
            min_certified_until: Match nodes whose certified_until is at least this value.
            max_certified_until: Match nodes whose certified_until is at most this value.

        Example:
            >>> for page in client.inspector.iterate(chunk_size=500, name_prefix="A"):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(locals(), chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: InspectorTextField | Sequence[InspectorTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: InspectorField | NodeField | Sequence[InspectorField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        min_certified_until: date | None = None,
        max_certified_until: date | None = None,
    ) -> InspectorList:
        """Search the text fields of the Inspector nodes that match the filters.

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
            min_certified_until: Match nodes whose certified_until is at least this value.
            max_certified_until: Match nodes whose certified_until is at most this value.

        Example:
            >>> client.inspector.search("text to find", name_prefix="A", limit=10)
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
        property: InspectorField | None = None,
        *,
        group_by: InspectorField | Sequence[InspectorField] | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        min_certified_until: date | None = None,
        max_certified_until: date | None = None,
    ) -> AggregateResult:
        """Count the Inspector nodes that match the filters, or aggregate one of their fields.

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
            min_certified_until: Match nodes whose certified_until is at least this value.
            max_certified_until: Match nodes whose certified_until is at most this value.

        Example:
            >>> client.inspector.aggregate("count", name_prefix="A").value
        """
        return self._aggregate(locals(), aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> InspectorQuery[InspectorList]:
        """A typed query from Inspector nodes: filter on their fields, follow their connections, end with list()."""
        return InspectorQuery(self._instances)
