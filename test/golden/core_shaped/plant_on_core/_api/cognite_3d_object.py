"""API of view cdm_core:Cognite3DObject/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .._query import Cognite3DObjectQuery
from .._runtime import (
    DEFAULT_LIMIT,
    AggregateName,
    AggregateResult,
    Histogram,
    InstancesClient,
    NodeField,
    PlainEdgeAPI,
    RawFilter,
    RetrieveConnections,
    SortDirection,
    ViewAPI,
)
from ..data_classes import (
    Cognite3DObject,
    Cognite3DObjectField,
    Cognite3DObjectFilters,
    Cognite3DObjectList,
    Cognite3DObjectTextField,
)


class Cognite3DObjectAPI(ViewAPI[Cognite3DObject, Cognite3DObjectList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, Cognite3DObject, Cognite3DObjectList, Cognite3DObjectFilters, default_space)
        self.images_360_edge = PlainEdgeAPI(instances, Cognite3DObject, "images_360", default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: Cognite3DObjectField | NodeField | Sequence[Cognite3DObjectField | NodeField] | None = None,
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
        min_x_min: float | None = None,
        max_x_min: float | None = None,
        min_x_max: float | None = None,
        max_x_max: float | None = None,
    ) -> Cognite3DObjectList:
        """List Cognite3DObject nodes that match the filters.

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
            min_x_min: Match nodes whose x_min is at least this value.
            max_x_min: Match nodes whose x_min is at most this value.
            min_x_max: Match nodes whose x_max is at least this value.
            max_x_max: Match nodes whose x_max is at most this value.

        Example:
            >>> client.cognite_3d_object.list(min_x_min=1.0, limit=10)
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
        min_x_min: float | None = None,
        max_x_min: float | None = None,
        min_x_max: float | None = None,
        max_x_max: float | None = None,
    ) -> Iterator[Cognite3DObjectList]:
        """Iterate over the Cognite3DObject nodes that match the filters, a page at a time.

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
            min_x_min: Match nodes whose x_min is at least this value.
            max_x_min: Match nodes whose x_min is at most this value.
            min_x_max: Match nodes whose x_max is at least this value.
            max_x_max: Match nodes whose x_max is at most this value.

        Example:
            >>> for page in client.cognite_3d_object.iterate(chunk_size=500, min_x_min=1.0):
            ...     print(len(page), page.next_cursor)
        """
        return self._iterate(locals(), chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: Cognite3DObjectTextField | Sequence[Cognite3DObjectTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: Cognite3DObjectField | NodeField | Sequence[Cognite3DObjectField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        min_x_min: float | None = None,
        max_x_min: float | None = None,
        min_x_max: float | None = None,
        max_x_max: float | None = None,
    ) -> Cognite3DObjectList:
        """Search the text fields of the Cognite3DObject nodes that match the filters.

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
            min_x_min: Match nodes whose x_min is at least this value.
            max_x_min: Match nodes whose x_min is at most this value.
            min_x_max: Match nodes whose x_max is at least this value.
            max_x_max: Match nodes whose x_max is at most this value.

        Example:
            >>> client.cognite_3d_object.search("text to find", min_x_min=1.0, limit=10)
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
        property: Cognite3DObjectField | None = None,
        *,
        group_by: Cognite3DObjectField | Sequence[Cognite3DObjectField] | None = None,
        filter: RawFilter | None = None,
        space: str | Sequence[str] | None = None,
        external_id: str | Sequence[str] | None = None,
        external_id_prefix: str | None = None,
        name: str | Sequence[str] | None = None,
        name_prefix: str | None = None,
        description: str | Sequence[str] | None = None,
        description_prefix: str | None = None,
        min_x_min: float | None = None,
        max_x_min: float | None = None,
        min_x_max: float | None = None,
        max_x_max: float | None = None,
    ) -> AggregateResult:
        """Count the Cognite3DObject nodes that match the filters, or aggregate one of their fields.

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
            min_x_min: Match nodes whose x_min is at least this value.
            max_x_min: Match nodes whose x_min is at most this value.
            min_x_max: Match nodes whose x_max is at least this value.
            max_x_max: Match nodes whose x_max is at most this value.

        Example:
            >>> client.cognite_3d_object.aggregate("count", min_x_min=1.0).value
        """
        return self._aggregate(locals(), aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def histogram(
        self,
        property: Cognite3DObjectField,
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
        min_x_min: float | None = None,
        max_x_min: float | None = None,
        min_x_max: float | None = None,
        max_x_max: float | None = None,
    ) -> Histogram:
        """Count the Cognite3DObject nodes that match the filters in buckets of a numeric field.

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
            min_x_min: Match nodes whose x_min is at least this value.
            max_x_min: Match nodes whose x_min is at most this value.
            min_x_max: Match nodes whose x_max is at least this value.
            max_x_max: Match nodes whose x_max is at most this value.

        Example:
            >>> client.cognite_3d_object.histogram("x_min", 10.0, min_x_min=1.0)
        """
        return self._histogram(locals(), property=property, interval=interval, filter=filter)

    def select(self) -> Cognite3DObjectQuery[Cognite3DObjectList]:
        """A typed query from Cognite3DObject nodes: filter on their fields, follow their connections, end with list()."""
        return Cognite3DObjectQuery(self._instances)
