"""API of view cdm_core:CogniteTimeSeries/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import CogniteTimeSeriesQuery
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
    CogniteTimeSeries,
    CogniteTimeSeriesField,
    CogniteTimeSeriesFilters,
    CogniteTimeSeriesList,
    CogniteTimeSeriesTextField,
)


class CogniteTimeSeriesAPI(ViewAPI[CogniteTimeSeries, CogniteTimeSeriesList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, CogniteTimeSeries, CogniteTimeSeriesList, CogniteTimeSeriesFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteTimeSeriesField | NodeField | Sequence[CogniteTimeSeriesField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteTimeSeriesFilters],
    ) -> CogniteTimeSeriesList:
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
        **filters: Unpack[CogniteTimeSeriesFilters],
    ) -> Iterator[CogniteTimeSeriesList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: CogniteTimeSeriesTextField | Sequence[CogniteTimeSeriesTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: CogniteTimeSeriesField | NodeField | Sequence[CogniteTimeSeriesField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteTimeSeriesFilters],
    ) -> CogniteTimeSeriesList:
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
        property: CogniteTimeSeriesField | None = None,
        *,
        group_by: CogniteTimeSeriesField | Sequence[CogniteTimeSeriesField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteTimeSeriesFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteTimeSeriesQuery[CogniteTimeSeriesList]:
        return CogniteTimeSeriesQuery(self._instances)
