"""Data classes of view cdm_core:CogniteVisualizable/v1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._runtime import (
    Connection,
    DirectRelation,
    NodeFilters,
    NodeId,
    NodeList,
    NodeRead,
    NodeWrite,
    NodeWriteList,
    ViewId,
    cdf_name,
)

if TYPE_CHECKING:
    from ._cognite_3d_object import Cognite3DObject, Cognite3DObjectWrite

COGNITE_VISUALIZABLE_VIEW = ViewId("cdm_core", "CogniteVisualizable", "v1")

CogniteVisualizableField = Literal["object_3d"]

_CONNECTIONS = {
    "object_3d": Connection("direct", "object3D", many=False, target_view=ViewId("cdm_core", "Cognite3DObject", "v1")),
}


class CogniteVisualizableFilters(NodeFilters, total=False):
    object_3d: NodeId | Sequence[NodeId] | None


class CogniteVisualizable(NodeRead):
    """Interface: a link to a 3D object."""

    _view: ClassVar[ViewId] = COGNITE_VISUALIZABLE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    object_3d: Annotated[DirectRelation | Cognite3DObject | None, cdf_name("object3D")] = None
    """The 3D object of the instance."""

    def as_write(self) -> CogniteVisualizableWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(CogniteVisualizableWrite)


class CogniteVisualizableWrite(NodeWrite):
    """Interface: a link to a 3D object."""

    _view: ClassVar[ViewId] = COGNITE_VISUALIZABLE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    object_3d: Annotated[Cognite3DObjectWrite | DirectRelation | tuple[str, str] | None, cdf_name("object3D")] = None
    """The 3D object of the instance."""


class CogniteVisualizableList(NodeList[CogniteVisualizable]):
    def as_write(self) -> CogniteVisualizableWriteList:
        """These nodes as write objects, for client.upsert()."""
        return CogniteVisualizableWriteList(item.as_write() for item in self)


class CogniteVisualizableWriteList(NodeWriteList[CogniteVisualizableWrite]):
    pass
