"""API of view cdm_core:Cognite3DObject/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

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
        **filters: Unpack[Cognite3DObjectFilters],
    ) -> Cognite3DObjectList:
        return self._list(
            filters,
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
        **filters: Unpack[Cognite3DObjectFilters],
    ) -> Iterator[Cognite3DObjectList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: Cognite3DObjectTextField | Sequence[Cognite3DObjectTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: Cognite3DObjectField | NodeField | Sequence[Cognite3DObjectField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[Cognite3DObjectFilters],
    ) -> Cognite3DObjectList:
        return self._search(
            filters,
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
        **filters: Unpack[Cognite3DObjectFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def histogram(
        self,
        property: Cognite3DObjectField,
        interval: float,
        *,
        filter: RawFilter | None = None,
        **filters: Unpack[Cognite3DObjectFilters],
    ) -> Histogram:
        return self._histogram(filters, property=property, interval=interval, filter=filter)

    def select(self) -> Cognite3DObjectQuery[Cognite3DObjectList]:
        return Cognite3DObjectQuery(self._instances)
