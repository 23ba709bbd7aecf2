"""API of view pygen_example:HydroPlant/1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from ._hydro_plant import HydroPlant, HydroPlantField, HydroPlantFilters, HydroPlantList, HydroPlantTextField
from ._query import HydroPlantQuery
from ._runtime import (
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
        **filters: Unpack[HydroPlantFilters],
    ) -> HydroPlantList:
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
        **filters: Unpack[HydroPlantFilters],
    ) -> Iterator[HydroPlantList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: HydroPlantTextField | Sequence[HydroPlantTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: HydroPlantField | NodeField | Sequence[HydroPlantField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[HydroPlantFilters],
    ) -> HydroPlantList:
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
        property: HydroPlantField | None = None,
        *,
        group_by: HydroPlantField | Sequence[HydroPlantField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[HydroPlantFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def histogram(
        self,
        property: HydroPlantField,
        interval: float,
        *,
        filter: RawFilter | None = None,
        **filters: Unpack[HydroPlantFilters],
    ) -> Histogram:
        return self._histogram(filters, property=property, interval=interval, filter=filter)

    def select(self) -> HydroPlantQuery[HydroPlantList]:
        return HydroPlantQuery(self._instances)
