"""Data classes of view cdm_core:CogniteDescribable/v1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from .._runtime import NodeFilters, NodeList, NodeRead, NodeWrite, NodeWriteList, ViewId

COGNITE_DESCRIBABLE_VIEW = ViewId("cdm_core", "CogniteDescribable", "v1")

CogniteDescribableField = Literal["name", "description"]
CogniteDescribableTextField = Literal["name", "description"]


class CogniteDescribableFilters(NodeFilters, total=False):
    name: str | Sequence[str] | None
    name_prefix: str | None
    description: str | Sequence[str] | None
    description_prefix: str | None


class CogniteDescribable(NodeRead):
    """Interface: a name, a description, tags and aliases."""

    _view: ClassVar[ViewId] = COGNITE_DESCRIBABLE_VIEW

    name: str | None = None
    """Name of the instance."""
    description: str | None = None
    """Description of the instance."""
    tags: list[str] | None = None
    """Text labels for categorizing the instance."""
    aliases: list[str] | None = None
    """Other names of the instance."""

    def as_write(self) -> CogniteDescribableWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(CogniteDescribableWrite)


class CogniteDescribableWrite(NodeWrite):
    """Interface: a name, a description, tags and aliases."""

    _view: ClassVar[ViewId] = COGNITE_DESCRIBABLE_VIEW

    name: str | None = None
    """Name of the instance."""
    description: str | None = None
    """Description of the instance."""
    tags: list[str] | None = None
    """Text labels for categorizing the instance."""
    aliases: list[str] | None = None
    """Other names of the instance."""


class CogniteDescribableList(NodeList[CogniteDescribable]):
    def as_write(self) -> CogniteDescribableWriteList:
        """These nodes as write objects, for client.upsert()."""
        return CogniteDescribableWriteList(item.as_write() for item in self)


class CogniteDescribableWriteList(NodeWriteList[CogniteDescribableWrite]):
    pass
