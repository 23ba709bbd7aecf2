"""Generic pydantic bases of the generated data classes.

A generated view `Pump` is four small classes:

    class Pump(NodeRead):                       # read: parses an instance of the API
        _view: ClassVar[ViewId] = PUMP_VIEW
        name: str
        flow_rate: Annotated[float | None, cdf_name("flowRate")] = None
        def as_write(self) -> PumpWrite:
            return self._to_write(PumpWrite)

    class PumpWrite(NodeWrite):                 # write: dumps to the apply payload through the view
        _view: ClassVar[ViewId] = PUMP_VIEW
        name: str
        flow_rate: Annotated[float | None, cdf_name("flowRate")] = None

    class PumpList(NodeList[Pump]):
        def as_write(self) -> PumpWriteList:
            return PumpWriteList(item.as_write() for item in self)

    class PumpWriteList(NodeWriteList[PumpWrite]): ...

Property fields use their Python names in code and their CDF identifiers on the wire (`cdf_name`). A write
object sends only the properties that were given, so "not given" leaves the stored value alone while an explicit
None clears it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import Self

from .ids import NodeId, ViewId
from .values import DirectRelation

_Write = TypeVar("_Write", bound="NodeWrite")


# A node's own keys in API payloads. `from_instance` lifts view properties up beside them, so a property with one
# of these names (a view may well have `type` or `version`) is lifted under a prefixed key instead: it must neither
# take nor overwrite the node's own value.
_NODE_KEYS = frozenset(
    {
        "instanceType",
        "space",
        "externalId",
        "version",
        "createdTime",
        "lastUpdatedTime",
        "deletedTime",
        "type",
        "existingVersion",
    }
)
_LIFTED = "property:"


def _wire_name(identifier: str) -> Any:
    """Aliases of the bases' own node fields: the same name in and out."""
    return Field(validation_alias=identifier, serialization_alias=identifier)


def cdf_name(identifier: str) -> Any:
    """Field metadata that ties a Python field name to the view property's CDF identifier.

    Used as `Annotated[float | None, cdf_name("flowRate")]`.

    It sets validation and serialization aliases rather than `alias`, so type checkers and IDEs keep offering
    the Python name as the constructor keyword. A property named like a node key is read under its lifted name.
    """
    validation = f"{_LIFTED}{identifier}" if identifier in _NODE_KEYS else identifier
    return Field(validation_alias=validation, serialization_alias=identifier)


class InstanceModel(BaseModel):
    """What read and write classes share: the instance id, the view, and which fields are view properties."""

    model_config = ConfigDict(populate_by_name=True)
    _view: ClassVar[ViewId]
    # Python names of the view's properties: the fields a generated class adds to its runtime base.
    _property_fields: ClassVar[frozenset[str]] = frozenset()
    # CDF identifiers of the view's properties that are named like a node key (see `cdf_name`).
    _lifted_identifiers: ClassVar[frozenset[str]] = frozenset()

    space: str
    external_id: Annotated[str, _wire_name("externalId")]

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if cls.__module__ == __name__:
            return  # NodeRead and NodeWrite themselves declare no view properties
        runtime_base = next(base for base in cls.__mro__ if base.__module__ == __name__)
        cls._property_fields = frozenset(cls.model_fields) - frozenset(getattr(runtime_base, "model_fields", {}))
        cls._lifted_identifiers = frozenset(cls.property_identifiers().values()) & _NODE_KEYS

    @classmethod
    def property_identifiers(cls) -> dict[str, str]:
        """Python field name → CDF property identifier, for every view property of the class."""
        fields = cls.model_fields
        return {name: fields[name].serialization_alias or name for name in sorted(cls._property_fields)}

    @property
    def id(self) -> NodeId:
        return NodeId(self.space, self.external_id)


@dataclass(frozen=True)
class DataRecord:
    """A node's bookkeeping, grouped as pygen v1's `data_record` was."""

    version: int
    created_time: datetime
    last_updated_time: datetime
    deleted_time: datetime | None


class NodeRead(InstanceModel):
    """A node read through one view; the generated subclass sets `_view` and declares the view's properties."""

    # New properties on the server must not break an old SDK.
    model_config = ConfigDict(extra="ignore")

    version: int
    # Epoch milliseconds on the wire: pydantic reads integers this large as milliseconds, exactly, in UTC
    # (smaller ones would be seconds, but DMS instances were all made decades after 1970).
    created_time: Annotated[datetime, _wire_name("createdTime")]
    last_updated_time: Annotated[datetime, _wire_name("lastUpdatedTime")]
    deleted_time: Annotated[datetime | None, _wire_name("deletedTime")] = None
    node_type: Annotated[DirectRelation | None, _wire_name("type")] = None

    @classmethod
    def from_instance(cls, instance: Mapping[str, Any]) -> Self:
        """Parses a node as the API returns it, with this view's values under `properties[space]["xid/version"]`.

        Lifting them up here, before validation, is several times faster than a pydantic "before" validator.
        """
        flat = dict(instance)
        properties = flat.pop("properties", None)
        if properties:
            view = cls._view
            values = properties.get(view.space, {}).get(f"{view.external_id}/{view.version}", {})
            if cls._lifted_identifiers:
                lifted = cls._lifted_identifiers
                values = {f"{_LIFTED}{key}" if key in lifted else key: value for key, value in values.items()}
            flat.update(values)
        return cls.model_validate(flat)

    @property
    def data_record(self) -> DataRecord:
        return DataRecord(self.version, self.created_time, self.last_updated_time, self.deleted_time)

    def dump(self) -> dict[str, Any]:
        """A flat, JSON-ready dict keyed by Python field names."""
        return self.model_dump(mode="json")

    def _to_write(self, write_class: type[_Write]) -> _Write:
        """The write object of this node with the properties it was read with; unread ones stay unset."""
        shared = self.model_fields_set & self._property_fields & write_class._property_fields
        values = {name: getattr(self, name) for name in shared}
        return write_class(space=self.space, external_id=self.external_id, node_type=self.node_type, **values)


class NodeWrite(InstanceModel):
    """A node to create or update through one view; `dump()` is its item in POST /models/instances."""

    # Typos fail early, and NaN/infinity (which CDF cannot store) are refused on construction.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True)

    node_type: Annotated[DirectRelation | None, _wire_name("type")] = None
    existing_version: Annotated[int | None, _wire_name("existingVersion")] = None

    def dump(self) -> dict[str, Any]:
        body: dict[str, Any] = {"instanceType": "node", "space": self.space, "externalId": self.external_id}
        if self.node_type is not None:
            body["type"] = self.node_type.dump()
        if self.existing_version is not None:
            body["existingVersion"] = self.existing_version
        # Only the properties given (possibly as None, which clears them): patching leaves the others alone.
        given = self.model_fields_set & self._property_fields
        source: dict[str, Any] = {"source": self._view.dump()}
        if given:
            source["properties"] = self.model_dump(mode="json", by_alias=True, include=set(given))
        body["sources"] = [source]
        return body


_Item = TypeVar("_Item", bound=InstanceModel)
_Read = TypeVar("_Read", bound=NodeRead)
_WriteItem = TypeVar("_WriteItem", bound=NodeWrite)


class ModelList(list[_Item]):
    """A list of data objects that dumps to JSON-ready dicts and, when pandas is installed, to a DataFrame."""

    @property
    def ids(self) -> list[NodeId]:
        return [item.id for item in self]

    def to_pandas(self) -> Any:
        """A pandas DataFrame, one row per item, columns named by Python field. pandas is optional."""
        try:
            pandas = importlib.import_module("pandas")
        except ImportError as error:
            raise ImportError("to_pandas() needs pandas: pip install pandas") from error
        return pandas.DataFrame([item.model_dump(mode="json") for item in self])


class NodeList(ModelList[_Read]):
    """Read objects of one view; `next_cursor` is set when they came from a page that continues."""

    def __init__(self, items: Iterable[_Read] = (), next_cursor: str | None = None) -> None:
        super().__init__(items)
        self.next_cursor = next_cursor

    def dump(self) -> list[dict[str, Any]]:
        return [item.dump() for item in self]

    def get(self, external_id: str, space: str | None = None) -> _Read | None:
        """The item with this external id (and space, when given), or None."""
        return next((item for item in self if item.external_id == external_id and space in (None, item.space)), None)


class NodeWriteList(ModelList[_WriteItem]):
    """Write objects of one view; `dump()` gives the items of an apply request."""

    def dump(self) -> list[dict[str, Any]]:
        return [item.dump() for item in self]
