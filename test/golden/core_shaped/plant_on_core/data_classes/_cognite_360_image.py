"""Data classes of view cdm_core:Cognite360Image/v1."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._runtime import Connection, DirectRelation, NodeId, NodeList, NodeWriteList, Timestamp, ViewId, cdf_name
from ._cognite_describable import CogniteDescribable, CogniteDescribableFilters, CogniteDescribableWrite

if TYPE_CHECKING:
    from ._cognite_3d_model import Cognite3DModel, Cognite3DModelWrite

COGNITE_360_IMAGE_VIEW = ViewId("cdm_core", "Cognite360Image", "v1")

Cognite360ImageField = Literal["name", "description", "taken_at", "model_3d"]
Cognite360ImageTextField = Literal["name", "description"]

_CONNECTIONS = {
    "model_3d": Connection("direct", "model3D", many=False, target_view=ViewId("cdm_core", "Cognite3DModel", "v1")),
}


class Cognite360ImageFilters(CogniteDescribableFilters, total=False):
    min_taken_at: datetime | None
    max_taken_at: datetime | None
    model_3d: NodeId | Sequence[NodeId] | None


class Cognite360Image(CogniteDescribable):
    """A 360 image, taken at a station."""

    _view: ClassVar[ViewId] = COGNITE_360_IMAGE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    taken_at: Annotated[Timestamp | None, cdf_name("takenAt")] = None
    model_3d: Annotated[DirectRelation | Cognite3DModel | None, cdf_name("model3D")] = None
    """The 3D model of the image."""

    def as_write(self) -> Cognite360ImageWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(Cognite360ImageWrite)


class Cognite360ImageWrite(CogniteDescribableWrite):
    """A 360 image, taken at a station."""

    _view: ClassVar[ViewId] = COGNITE_360_IMAGE_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    taken_at: Annotated[Timestamp | None, cdf_name("takenAt")] = None
    model_3d: Annotated[Cognite3DModelWrite | DirectRelation | tuple[str, str] | None, cdf_name("model3D")] = None
    """The 3D model of the image."""


class Cognite360ImageList(NodeList[Cognite360Image]):
    def as_write(self) -> Cognite360ImageWriteList:
        """These nodes as write objects, for client.upsert()."""
        return Cognite360ImageWriteList(item.as_write() for item in self)


class Cognite360ImageWriteList(NodeWriteList[Cognite360ImageWrite]):
    pass
