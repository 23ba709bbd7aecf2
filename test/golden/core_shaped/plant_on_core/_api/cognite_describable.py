"""API of view cdm_core:CogniteDescribable/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import CogniteDescribableQuery
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
    CogniteDescribable,
    CogniteDescribableField,
    CogniteDescribableFilters,
    CogniteDescribableList,
    CogniteDescribableTextField,
)


class CogniteDescribableAPI(ViewAPI[CogniteDescribable, CogniteDescribableList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(
            instances,
            CogniteDescribable,
            CogniteDescribableList,
            CogniteDescribableFilters,
            default_space,
        )

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteDescribableField | NodeField | Sequence[CogniteDescribableField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteDescribableFilters],
    ) -> CogniteDescribableList:
        return self._list(
            filters,
            limit=limit,
            sort_by=sort_by,
            direction=direction,
            filter=filter,
            as_child_class=as_child_class,
            retrieve_connections=retrieve_connections,
        )

    def iterate(
        self,
        chunk_size: int = 1000,
        *,
        cursor: str | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteDescribableFilters],
    ) -> Iterator[CogniteDescribableList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: CogniteDescribableTextField | Sequence[CogniteDescribableTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: CogniteDescribableField | NodeField | Sequence[CogniteDescribableField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteDescribableFilters],
    ) -> CogniteDescribableList:
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
        property: CogniteDescribableField | None = None,
        *,
        group_by: CogniteDescribableField | Sequence[CogniteDescribableField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteDescribableFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteDescribableQuery[CogniteDescribableList]:
        return CogniteDescribableQuery(self._instances)
