"""API of view cdm_core:CogniteVisualizable/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import CogniteVisualizableQuery
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
    CogniteVisualizable,
    CogniteVisualizableField,
    CogniteVisualizableFilters,
    CogniteVisualizableList,
)


class CogniteVisualizableAPI(ViewAPI[CogniteVisualizable, CogniteVisualizableList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(
            instances,
            CogniteVisualizable,
            CogniteVisualizableList,
            CogniteVisualizableFilters,
            default_space,
        )

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteVisualizableField | NodeField | Sequence[CogniteVisualizableField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteVisualizableFilters],
    ) -> CogniteVisualizableList:
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
        **filters: Unpack[CogniteVisualizableFilters],
    ) -> Iterator[CogniteVisualizableList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def aggregate(
        self,
        aggregate: AggregateName,
        property: CogniteVisualizableField | None = None,
        *,
        group_by: CogniteVisualizableField | Sequence[CogniteVisualizableField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteVisualizableFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteVisualizableQuery[CogniteVisualizableList]:
        return CogniteVisualizableQuery(self._instances)
