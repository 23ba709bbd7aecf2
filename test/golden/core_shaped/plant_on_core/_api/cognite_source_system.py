"""API of view cdm_core:CogniteSourceSystem/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import CogniteSourceSystemQuery
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
    CogniteSourceSystem,
    CogniteSourceSystemField,
    CogniteSourceSystemFilters,
    CogniteSourceSystemList,
    CogniteSourceSystemTextField,
)


class CogniteSourceSystemAPI(ViewAPI[CogniteSourceSystem, CogniteSourceSystemList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(
            instances,
            CogniteSourceSystem,
            CogniteSourceSystemList,
            CogniteSourceSystemFilters,
            default_space,
        )

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteSourceSystemField | NodeField | Sequence[CogniteSourceSystemField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteSourceSystemFilters],
    ) -> CogniteSourceSystemList:
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
        **filters: Unpack[CogniteSourceSystemFilters],
    ) -> Iterator[CogniteSourceSystemList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: CogniteSourceSystemTextField | Sequence[CogniteSourceSystemTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: CogniteSourceSystemField | NodeField | Sequence[CogniteSourceSystemField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteSourceSystemFilters],
    ) -> CogniteSourceSystemList:
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
        property: CogniteSourceSystemField | None = None,
        *,
        group_by: CogniteSourceSystemField | Sequence[CogniteSourceSystemField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteSourceSystemFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteSourceSystemQuery[CogniteSourceSystemList]:
        return CogniteSourceSystemQuery(self._instances)
