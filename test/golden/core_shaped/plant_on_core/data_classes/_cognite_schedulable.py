"""Data classes of view cdm_core:CogniteSchedulable/v1."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, ClassVar, Literal

from .._runtime import NodeFilters, NodeList, NodeRead, NodeWrite, NodeWriteList, Timestamp, ViewId, cdf_name

COGNITE_SCHEDULABLE_VIEW = ViewId("cdm_core", "CogniteSchedulable", "v1")

CogniteSchedulableField = Literal["start_time", "end_time", "scheduled_start_time"]


class CogniteSchedulableFilters(NodeFilters, total=False):
    min_start_time: datetime | None
    max_start_time: datetime | None
    min_end_time: datetime | None
    max_end_time: datetime | None
    min_scheduled_start_time: datetime | None
    max_scheduled_start_time: datetime | None


class CogniteSchedulable(NodeRead):
    """Interface: start and end times, planned and actual."""

    _view: ClassVar[ViewId] = COGNITE_SCHEDULABLE_VIEW

    start_time: Annotated[Timestamp | None, cdf_name("startTime")] = None
    end_time: Annotated[Timestamp | None, cdf_name("endTime")] = None
    scheduled_start_time: Annotated[Timestamp | None, cdf_name("scheduledStartTime")] = None

    def as_write(self) -> CogniteSchedulableWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(CogniteSchedulableWrite)


class CogniteSchedulableWrite(NodeWrite):
    """Interface: start and end times, planned and actual."""

    _view: ClassVar[ViewId] = COGNITE_SCHEDULABLE_VIEW

    start_time: Annotated[Timestamp | None, cdf_name("startTime")] = None
    end_time: Annotated[Timestamp | None, cdf_name("endTime")] = None
    scheduled_start_time: Annotated[Timestamp | None, cdf_name("scheduledStartTime")] = None


class CogniteSchedulableList(NodeList[CogniteSchedulable]):
    def as_write(self) -> CogniteSchedulableWriteList:
        """These nodes as write objects, for client.upsert()."""
        return CogniteSchedulableWriteList(item.as_write() for item in self)


class CogniteSchedulableWriteList(NodeWriteList[CogniteSchedulableWrite]):
    pass
