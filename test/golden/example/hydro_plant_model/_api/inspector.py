"""API of view pygen_example:Inspector/1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import InspectorQuery
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
from ..data_classes import Inspector, InspectorField, InspectorFilters, InspectorList, InspectorTextField
from ..data_classes._inspection_result import InspectionResultAPI


class InspectorAPI(ViewAPI[Inspector, InspectorList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, Inspector, InspectorList, InspectorFilters, default_space)
        self.inspected_edge = InspectionResultAPI(instances, Inspector, "inspected", default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: InspectorField | NodeField | Sequence[InspectorField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[InspectorFilters],
    ) -> InspectorList:
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
        **filters: Unpack[InspectorFilters],
    ) -> Iterator[InspectorList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: InspectorTextField | Sequence[InspectorTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: InspectorField | NodeField | Sequence[InspectorField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[InspectorFilters],
    ) -> InspectorList:
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
        property: InspectorField | None = None,
        *,
        group_by: InspectorField | Sequence[InspectorField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[InspectorFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> InspectorQuery[InspectorList]:
        return InspectorQuery(self._instances)
