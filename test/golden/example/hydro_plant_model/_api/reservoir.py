"""API of view pygen_example:Reservoir/1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import ReservoirQuery
from .._runtime import (
    DEFAULT_LIMIT,
    AggregateName,
    AggregateResult,
    Histogram,
    InstancesClient,
    NodeField,
    RawFilter,
    RetrieveConnections,
    SortDirection,
    ViewAPI,
)
from ..data_classes import Reservoir, ReservoirField, ReservoirFilters, ReservoirList, ReservoirTextField


class ReservoirAPI(ViewAPI[Reservoir, ReservoirList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, Reservoir, ReservoirList, ReservoirFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: ReservoirField | NodeField | Sequence[ReservoirField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[ReservoirFilters],
    ) -> ReservoirList:
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
        **filters: Unpack[ReservoirFilters],
    ) -> Iterator[ReservoirList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: ReservoirTextField | Sequence[ReservoirTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: ReservoirField | NodeField | Sequence[ReservoirField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[ReservoirFilters],
    ) -> ReservoirList:
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
        property: ReservoirField | None = None,
        *,
        group_by: ReservoirField | Sequence[ReservoirField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[ReservoirFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def histogram(
        self,
        property: ReservoirField,
        interval: float,
        *,
        filter: RawFilter | None = None,
        **filters: Unpack[ReservoirFilters],
    ) -> Histogram:
        return self._histogram(filters, property=property, interval=interval, filter=filter)

    def select(self) -> ReservoirQuery[ReservoirList]:
        return ReservoirQuery(self._instances)
