"""API of view cdm_core:Cognite3DModel/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import Cognite3DModelQuery
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
    Cognite3DModel,
    Cognite3DModelField,
    Cognite3DModelFilters,
    Cognite3DModelList,
    Cognite3DModelTextField,
)


class Cognite3DModelAPI(ViewAPI[Cognite3DModel, Cognite3DModelList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, Cognite3DModel, Cognite3DModelList, Cognite3DModelFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: Cognite3DModelField | NodeField | Sequence[Cognite3DModelField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[Cognite3DModelFilters],
    ) -> Cognite3DModelList:
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
        **filters: Unpack[Cognite3DModelFilters],
    ) -> Iterator[Cognite3DModelList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: Cognite3DModelTextField | Sequence[Cognite3DModelTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: Cognite3DModelField | NodeField | Sequence[Cognite3DModelField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[Cognite3DModelFilters],
    ) -> Cognite3DModelList:
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
        property: Cognite3DModelField | None = None,
        *,
        group_by: Cognite3DModelField | Sequence[Cognite3DModelField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[Cognite3DModelFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> Cognite3DModelQuery[Cognite3DModelList]:
        return Cognite3DModelQuery(self._instances)
