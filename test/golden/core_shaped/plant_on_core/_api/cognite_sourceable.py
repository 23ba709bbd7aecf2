"""API of view cdm_core:CogniteSourceable/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import CogniteSourceableQuery
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
    CogniteSourceable,
    CogniteSourceableField,
    CogniteSourceableFilters,
    CogniteSourceableList,
    CogniteSourceableTextField,
)


class CogniteSourceableAPI(ViewAPI[CogniteSourceable, CogniteSourceableList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, CogniteSourceable, CogniteSourceableList, CogniteSourceableFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteSourceableField | NodeField | Sequence[CogniteSourceableField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteSourceableFilters],
    ) -> CogniteSourceableList:
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
        **filters: Unpack[CogniteSourceableFilters],
    ) -> Iterator[CogniteSourceableList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: CogniteSourceableTextField | Sequence[CogniteSourceableTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: CogniteSourceableField | NodeField | Sequence[CogniteSourceableField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteSourceableFilters],
    ) -> CogniteSourceableList:
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
        property: CogniteSourceableField | None = None,
        *,
        group_by: CogniteSourceableField | Sequence[CogniteSourceableField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteSourceableFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteSourceableQuery[CogniteSourceableList]:
        return CogniteSourceableQuery(self._instances)
