"""API of view cdm_core:CogniteActivity/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import CogniteActivityQuery
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
    CogniteActivity,
    CogniteActivityField,
    CogniteActivityFilters,
    CogniteActivityList,
    CogniteActivityTextField,
)


class CogniteActivityAPI(ViewAPI[CogniteActivity, CogniteActivityList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, CogniteActivity, CogniteActivityList, CogniteActivityFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteActivityField | NodeField | Sequence[CogniteActivityField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteActivityFilters],
    ) -> CogniteActivityList:
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
        **filters: Unpack[CogniteActivityFilters],
    ) -> Iterator[CogniteActivityList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: CogniteActivityTextField | Sequence[CogniteActivityTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: CogniteActivityField | NodeField | Sequence[CogniteActivityField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteActivityFilters],
    ) -> CogniteActivityList:
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
        property: CogniteActivityField | None = None,
        *,
        group_by: CogniteActivityField | Sequence[CogniteActivityField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteActivityFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteActivityQuery[CogniteActivityList]:
        return CogniteActivityQuery(self._instances)
