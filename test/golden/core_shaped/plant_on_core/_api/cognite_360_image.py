"""API of view cdm_core:Cognite360Image/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import Cognite360ImageQuery
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
    Cognite360Image,
    Cognite360ImageField,
    Cognite360ImageFilters,
    Cognite360ImageList,
    Cognite360ImageTextField,
)


class Cognite360ImageAPI(ViewAPI[Cognite360Image, Cognite360ImageList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, Cognite360Image, Cognite360ImageList, Cognite360ImageFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: Cognite360ImageField | NodeField | Sequence[Cognite360ImageField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[Cognite360ImageFilters],
    ) -> Cognite360ImageList:
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
        **filters: Unpack[Cognite360ImageFilters],
    ) -> Iterator[Cognite360ImageList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: Cognite360ImageTextField | Sequence[Cognite360ImageTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: Cognite360ImageField | NodeField | Sequence[Cognite360ImageField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[Cognite360ImageFilters],
    ) -> Cognite360ImageList:
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
        property: Cognite360ImageField | None = None,
        *,
        group_by: Cognite360ImageField | Sequence[Cognite360ImageField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[Cognite360ImageFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> Cognite360ImageQuery[Cognite360ImageList]:
        return Cognite360ImageQuery(self._instances)
