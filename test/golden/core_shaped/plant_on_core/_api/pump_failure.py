"""API of view plant_ext:PumpFailure/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import PumpFailureQuery
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
from ..data_classes import PumpFailure, PumpFailureField, PumpFailureFilters, PumpFailureList, PumpFailureTextField


class PumpFailureAPI(ViewAPI[PumpFailure, PumpFailureList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, PumpFailure, PumpFailureList, PumpFailureFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: PumpFailureField | NodeField | Sequence[PumpFailureField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[PumpFailureFilters],
    ) -> PumpFailureList:
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
        **filters: Unpack[PumpFailureFilters],
    ) -> Iterator[PumpFailureList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: PumpFailureTextField | Sequence[PumpFailureTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: PumpFailureField | NodeField | Sequence[PumpFailureField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[PumpFailureFilters],
    ) -> PumpFailureList:
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
        property: PumpFailureField | None = None,
        *,
        group_by: PumpFailureField | Sequence[PumpFailureField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[PumpFailureFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> PumpFailureQuery[PumpFailureList]:
        return PumpFailureQuery(self._instances)
