"""API of view cdm_core:CogniteSchedulable/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import CogniteSchedulableQuery
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
    CogniteSchedulable,
    CogniteSchedulableField,
    CogniteSchedulableFilters,
    CogniteSchedulableList,
)


class CogniteSchedulableAPI(ViewAPI[CogniteSchedulable, CogniteSchedulableList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(
            instances,
            CogniteSchedulable,
            CogniteSchedulableList,
            CogniteSchedulableFilters,
            default_space,
        )

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteSchedulableField | NodeField | Sequence[CogniteSchedulableField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteSchedulableFilters],
    ) -> CogniteSchedulableList:
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
        **filters: Unpack[CogniteSchedulableFilters],
    ) -> Iterator[CogniteSchedulableList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def aggregate(
        self,
        aggregate: AggregateName,
        property: CogniteSchedulableField | None = None,
        *,
        group_by: CogniteSchedulableField | Sequence[CogniteSchedulableField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteSchedulableFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteSchedulableQuery[CogniteSchedulableList]:
        return CogniteSchedulableQuery(self._instances)
