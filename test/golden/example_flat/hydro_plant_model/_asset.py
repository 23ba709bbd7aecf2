"""Data classes of view pygen_example:Asset/1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from ._runtime import (
    Connection,
    DirectRelation,
    NodeFilters,
    NodeId,
    NodeList,
    NodeRead,
    NodeWrite,
    NodeWriteList,
    ViewId,
)

ASSET_VIEW = ViewId("pygen_example", "Asset", "1")

AssetField = Literal["name", "description", "parent"]
AssetTextField = Literal["name", "description"]

_CONNECTIONS = {
    "parent": Connection("direct", "parent", many=False),
}


class AssetFilters(NodeFilters, total=False):
    name: str | Sequence[str] | None
    name_prefix: str | None
    description: str | Sequence[str] | None
    description_prefix: str | None
    parent: NodeId | Sequence[NodeId] | None


class Asset(NodeRead):
    """Anything with a name: the interface the other node views implement."""

    _view: ClassVar[ViewId] = ASSET_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    name: str
    """Human-readable name."""
    description: str | None = None
    tags: list[str] | None = None
    """Free-form labels."""
    parent: DirectRelation | None = None
    """The asset this one belongs to, of any kind (no view hint)."""

    def as_write(self) -> AssetWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(AssetWrite)


class AssetWrite(NodeWrite):
    """Anything with a name: the interface the other node views implement."""

    _view: ClassVar[ViewId] = ASSET_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    name: str
    """Human-readable name."""
    description: str | None = None
    tags: list[str] | None = None
    """Free-form labels."""
    parent: DirectRelation | tuple[str, str] | None = None
    """The asset this one belongs to, of any kind (no view hint)."""


class AssetList(NodeList[Asset]):
    def as_write(self) -> AssetWriteList:
        """These nodes as write objects, for client.upsert()."""
        return AssetWriteList(item.as_write() for item in self)


class AssetWriteList(NodeWriteList[AssetWrite]):
    pass
