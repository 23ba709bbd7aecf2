"""Data classes of view cdm_core:Cognite3DObject/v1."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._runtime import Connection, DirectRelation, NodeId, NodeList, NodeWriteList, ViewId, cdf_name
from ._cognite_describable import CogniteDescribable, CogniteDescribableFilters, CogniteDescribableWrite

if TYPE_CHECKING:
    from ._cognite_360_image import Cognite360Image, Cognite360ImageWrite
    from ._cognite_asset import CogniteAsset

COGNITE_3D_OBJECT_VIEW = ViewId("cdm_core", "Cognite3DObject", "v1")

Cognite3DObjectField = Literal["name", "description", "x_min", "x_max"]
Cognite3DObjectTextField = Literal["name", "description"]

_CONNECTIONS = {
    "asset": Connection(
        "reverse",
        "asset",
        many=False,
        target_view=ViewId("cdm_core", "CogniteAsset", "v1"),
        through_source=ViewId("cdm_core", "CogniteAsset", "v1"),
        through_property="object3D",
    ),
    "images_360": Connection(
        "edge",
        "images360",
        many=True,
        target_view=ViewId("cdm_core", "Cognite360Image", "v1"),
        direction="outwards",
        edge_type=NodeId("cdm_core", "image-360-annotation"),
    ),
}


class Cognite3DObjectFilters(CogniteDescribableFilters, total=False):
    min_x_min: float | None
    max_x_min: float | None
    min_x_max: float | None
    max_x_max: float | None


class Cognite3DObject(CogniteDescribable):
    """An object in 3D space."""

    _view: ClassVar[ViewId] = COGNITE_3D_OBJECT_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    x_min: Annotated[float | None, cdf_name("xMin")] = None
    x_max: Annotated[float | None, cdf_name("xMax")] = None
    asset: DirectRelation | CogniteAsset | None = None
    """The asset this object shows (through an interface property)."""
    images_360: Annotated[list[DirectRelation | Cognite360Image] | None, cdf_name("images360")] = None

    def as_write(self) -> Cognite3DObjectWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(Cognite3DObjectWrite)


class Cognite3DObjectWrite(CogniteDescribableWrite):
    """An object in 3D space."""

    _view: ClassVar[ViewId] = COGNITE_3D_OBJECT_VIEW
    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS

    x_min: Annotated[float | None, cdf_name("xMin")] = None
    x_max: Annotated[float | None, cdf_name("xMax")] = None
    images_360: Annotated[
        list[Cognite360ImageWrite | DirectRelation | tuple[str, str]] | None,
        cdf_name("images360"),
    ] = None


class Cognite3DObjectList(NodeList[Cognite3DObject]):
    def as_write(self) -> Cognite3DObjectWriteList:
        """These nodes as write objects, for client.upsert()."""
        return Cognite3DObjectWriteList(item.as_write() for item in self)


class Cognite3DObjectWriteList(NodeWriteList[Cognite3DObjectWrite]):
    pass
