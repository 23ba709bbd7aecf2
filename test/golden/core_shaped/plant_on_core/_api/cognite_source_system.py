"""API of view cdm_core:CogniteSourceSystem/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .._query import CogniteSourceSystemQuery
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
    CogniteSourceSystem,
    CogniteSourceSystemField,
    CogniteSourceSystemFilters,
    CogniteSourceSystemList,
    CogniteSourceSystemTextField,
)


class CogniteSourceSystemAPI(ViewAPI[CogniteSourceSystem, CogniteSourceSystemList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(
            instances,
            CogniteSourceSystem,
            CogniteSourceSystemList,
            CogniteSourceSystemFilters,
            default_space,
        )

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteSourceSystemField | NodeField | Sequence[CogniteSourceSystemField | NodeField] | None = None,
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
        source_system_version: str | Sequence[str] | None = None,
        source_system_version_prefix: str | None = None,
        manufacturer: str | Sequence[str] | None = None,
        manufacturer_prefix: str | None = None,
    ) -> CogniteSourceSystemList:
        """List CogniteSourceSystem nodes that match the filters.

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
            source_system_version: Match nodes whose source_system_version is this value, or any of these.
            source_system_version_prefix: Match nodes whose source_system_version starts with this text.
            manufacturer: Match nodes whose manufacturer is this value, or any of these.
            manufacturer_prefix: Match nodes whose manufacturer starts with this text.

        Example:
            >>> client.cognite_source_system.list(name_prefix="A", limit=10)
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
        source_system_version: str | Sequence[str] | None = None,
        source_system_version_prefix: str | None = None,
        manufacturer: str | Sequence[str] | None = None,
        manufacturer_prefix: str | None = None,
    ) -> Iterator[CogniteSourceSystemList]:
        """Iterate over the CogniteSourceSystem nodes that match the filters, a page at a time.

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
            source_system_version: Match nodes whose source_system_version is this value, or any of these.
            source_system_version_prefix: Match nodes whose source_system_version starts with this text.
            manufacturer: Match nodes whose manufacturer is this value, or any of these.
            manufacturer_prefix: Match nodes whose manufacturer starts with this text.

        Example:
            >>> for page in client.cognite_source_system.iterate(chunk_size=500, name_prefix="A"):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(locals(), chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: CogniteSourceSystemTextField | Sequence[CogniteSourceSystemTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: CogniteSourceSystemField | NodeField | Sequence[CogniteSourceSystemField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        source_system_version: str | Sequence[str] | None = None,
        source_system_version_prefix: str | None = None,
        manufacturer: str | Sequence[str] | None = None,
        manufacturer_prefix: str | None = None,
    ) -> CogniteSourceSystemList:
        """Search the text fields of the CogniteSourceSystem nodes that match the filters.

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
            source_system_version: Match nodes whose source_system_version is this value, or any of these.
            source_system_version_prefix: Match nodes whose source_system_version starts with this text.
            manufacturer: Match nodes whose manufacturer is this value, or any of these.
            manufacturer_prefix: Match nodes whose manufacturer starts with this text.

        Example:
            >>> client.cognite_source_system.search("text to find", name_prefix="A", limit=10)
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
        property: CogniteSourceSystemField | None = None,
        *,
        group_by: CogniteSourceSystemField | Sequence[CogniteSourceSystemField] | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        source_system_version: str | Sequence[str] | None = None,
        source_system_version_prefix: str | None = None,
        manufacturer: str | Sequence[str] | None = None,
        manufacturer_prefix: str | None = None,
    ) -> AggregateResult:
        """Count the CogniteSourceSystem nodes that match the filters, or aggregate one of their fields.

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
            source_system_version: Match nodes whose source_system_version is this value, or any of these.
            source_system_version_prefix: Match nodes whose source_system_version starts with this text.
            manufacturer: Match nodes whose manufacturer is this value, or any of these.
            manufacturer_prefix: Match nodes whose manufacturer starts with this text.

        Example:
            >>> client.cognite_source_system.aggregate("count", name_prefix="A").value
        """
        return self._aggregate(locals(), aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteSourceSystemQuery[CogniteSourceSystemList]:
        """A typed query from CogniteSourceSystem nodes: filter on their fields, follow their connections, end with
        list().
        """
        return CogniteSourceSystemQuery(self._instances)
