"""API of view cdm_core:CogniteEquipment/v1."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._query import CogniteEquipmentQuery
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
    CogniteEquipment,
    CogniteEquipmentField,
    CogniteEquipmentFilters,
    CogniteEquipmentList,
    CogniteEquipmentTextField,
)


class CogniteEquipmentAPI(ViewAPI[CogniteEquipment, CogniteEquipmentList]):
    def __init__(self, instances: InstancesClient, default_space: str | None = None) -> None:
        super().__init__(instances, CogniteEquipment, CogniteEquipmentList, CogniteEquipmentFilters, default_space)

    def list(
        self,
        *,
        limit: int | None = DEFAULT_LIMIT,
        sort_by: CogniteEquipmentField | NodeField | Sequence[CogniteEquipmentField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        as_child_class: bool = False,
        retrieve_connections: RetrieveConnections = "skip",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteEquipmentFilters],
    ) -> CogniteEquipmentList:
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
        **filters: Unpack[CogniteEquipmentFilters],
    ) -> Iterator[CogniteEquipmentList]:
        return self._iterate(filters, chunk_size=chunk_size, cursor=cursor, filter=filter)

    def search(
        self,
        query: str | None = None,
        properties: CogniteEquipmentTextField | Sequence[CogniteEquipmentTextField] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sort_by: CogniteEquipmentField | NodeField | Sequence[CogniteEquipmentField | NodeField] | None = None,
        direction: SortDirection = "ascending",
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteEquipmentFilters],
    ) -> CogniteEquipmentList:
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
        property: CogniteEquipmentField | None = None,
        *,
        group_by: CogniteEquipmentField | Sequence[CogniteEquipmentField] | None = None,
        filter: RawFilter | None = None,
        **filters: Unpack[CogniteEquipmentFilters],
    ) -> AggregateResult:
        return self._aggregate(filters, aggregate=aggregate, property=property, group_by=group_by, filter=filter)

    def select(self) -> CogniteEquipmentQuery[CogniteEquipmentList]:
        return CogniteEquipmentQuery(self._instances)
