"""API of view plant_ext:Pump/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import PumpQuery
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
from ..data_classes import Pump, PumpField, PumpFilters, PumpList, PumpTextField


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
        **filters: Unpack[PumpFilters],
    ) -> PumpList:
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
        **filters: Unpack[PumpFilters],
    ) -> Iterator[PumpList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: PumpTextField | Sequence[PumpTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: PumpField | NodeField | Sequence[PumpField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[PumpFilters],
    ) -> PumpList:
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
        property: PumpField | None = None,
        *,
        group_by: PumpField | Sequence[PumpField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[PumpFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def histogram(
        self,
        property: PumpField,
        interval: float,
        *,
        filter: RawFilter | None = None,
        **filters: Unpack[PumpFilters],
    ) -> Histogram:
        return self._histogram(filters, property=property, interval=interval, filter=filter)

    def select(self) -> PumpQuery[PumpList]:
        return PumpQuery(self._instances)
