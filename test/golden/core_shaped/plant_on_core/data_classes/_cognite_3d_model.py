"""Data classes of view cdm_core:Cognite3DModel/v1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, ClassVar, Literal

from .._runtime import NodeList, NodeWriteList, ViewId, cdf_name
from ._cognite_describable import CogniteDescribable, CogniteDescribableFilters, CogniteDescribableWrite

COGNITE_3D_MODEL_VIEW = ViewId("cdm_core", "Cognite3DModel", "v1")

Cognite3DModelType = Literal["CAD", "PointCloud", "Image360"]
Cognite3DModelField = Literal["name", "description", "type_"]
Cognite3DModelTextField = Literal["name", "description"]


class Cognite3DModelFilters(CogniteDescribableFilters, total=False):
    type_: Cognite3DModelType | Sequence[Cognite3DModelType] | None


class Cognite3DModel(CogniteDescribable):
    """A 3D model: CAD, point cloud or 360 images."""

    _view: ClassVar[ViewId] = COGNITE_3D_MODEL_VIEW

    type_: Annotated[Cognite3DModelType | str | None, cdf_name("type")] = None
    """Kind of 3D model."""

    def as_write(self) -> Cognite3DModelWrite:
        """This node as a write object, for client.upsert()."""
        return self._to_write(Cognite3DModelWrite)


class Cognite3DModelWrite(CogniteDescribableWrite):
    """A 3D model: CAD, point cloud or 360 images."""

    _view: ClassVar[ViewId] = COGNITE_3D_MODEL_VIEW

    type_: Annotated[Cognite3DModelType | None, cdf_name("type")] = None
    """Kind of 3D model."""


class Cognite3DModelList(NodeList[Cognite3DModel]):
    def as_write(self) -> Cognite3DModelWriteList:
        """These nodes as write objects, for client.upsert()."""
        return Cognite3DModelWriteList(item.as_write() for item in self)


class Cognite3DModelWriteList(NodeWriteList[Cognite3DModelWrite]):
    pass
