"""Data classes of view cdm_core:CogniteSourceSystem/v1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, ClassVar, Literal

from .._runtime import NodeList, NodeWriteList, ViewId, cdf_name
from ._cognite_describable import CogniteDescribable, CogniteDescribableFilters, CogniteDescribableWrite

COGNITE_SOURCE_SYSTEM_VIEW = ViewId("cdm_core", "CogniteSourceSystem", "v1")

CogniteSourceSystemField = Literal["name", "description", "source_system_version", "manufacturer"]
CogniteSourceSystemTextField = Literal["name", "description", "source_system_version", "manufacturer"]


class CogniteSourceSystemFilters(CogniteDescribableFilters, total=False):
    source_system_version: str | Sequence[str] | None
    source_system_version_prefix: str | None
    manufacturer: str | Sequence[str] | None
    manufacturer_prefix: str | None


class CogniteSourceSystem(CogniteDescribable):
    """A system data comes from."""

    _view: ClassVar[ViewId] = COGNITE_SOURCE_SYSTEM_VIEW

    source_system_version: Annotated[str | None, cdf_name("sourceSystemVersion")] = None
    manufacturer: str | None = None

    def as_write(self) -> CogniteSourceSystemWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(CogniteSourceSystemWrite)


class CogniteSourceSystemWrite(CogniteDescribableWrite):
    """A system data comes from."""

    _view: ClassVar[ViewId] = COGNITE_SOURCE_SYSTEM_VIEW

    source_system_version: Annotated[str | None, cdf_name("sourceSystemVersion")] = None
    manufacturer: str | None = None


class CogniteSourceSystemList(NodeList[CogniteSourceSystem]):
    def as_write(self) -> CogniteSourceSystemWriteList:
        """These nodes as write objects, for client.upsert()."""
        return CogniteSourceSystemWriteList(item.as_write() for item in self)


class CogniteSourceSystemWriteList(NodeWriteList[CogniteSourceSystemWrite]):
    pass
