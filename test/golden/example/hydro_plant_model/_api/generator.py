"""API of view pygen_example:Generator/1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import GeneratorQuery
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
from ..data_classes import Generator, GeneratorField, GeneratorFilters, GeneratorList, GeneratorTextField
from ..data_classes._inspection_result import InspectionResultAPI


class GeneratorAPI(ViewAPI[Generator, GeneratorList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, Generator, GeneratorList, GeneratorFilters, default_space)
        self.inspections_edge = InspectionResultAPI(instances, Generator, "inspections", default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: GeneratorField | NodeField | Sequence[GeneratorField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[GeneratorFilters],
    ) -> GeneratorList:
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
        **filters: Unpack[GeneratorFilters],
    ) -> Iterator[GeneratorList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: GeneratorTextField | Sequence[GeneratorTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: GeneratorField | NodeField | Sequence[GeneratorField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[GeneratorFilters],
    ) -> GeneratorList:
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
        property: GeneratorField | None = None,
        *,
        group_by: GeneratorField | Sequence[GeneratorField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[GeneratorFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def histogram(
        self,
        property: GeneratorField,
        interval: float,
        *,
        filter: RawFilter | None = None,
        **filters: Unpack[GeneratorFilters],
    ) -> Histogram:
        return self._histogram(filters, property=property, interval=interval, filter=filter)

    def select(self) -> GeneratorQuery[GeneratorList]:
        return GeneratorQuery(self._instances)
