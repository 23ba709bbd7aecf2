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

Connection fields (connections.py has their shapes) are listed in the class's `_connections`. Direct relations
are view properties and dump as node ids whatever they hold; edges and reverse relations are no view values, so
`dump()` leaves them out (graph.py writes edges as instances of their own). Generated modules refer to each
other's classes only for type checkers; `resolve_references`, called once by `data_classes/__init__.py`, binds
those names when every class exists.

Edge views become `EdgeRead` / `EdgeWrite` subclasses. An edge in a node's connection field is seen from that
node: `end_node` is the node at the other end, also for an inwards edge (whose stored start node it is). An edge
read on its own from the instances API has its stored start and end.

Objects read with their connections can lead back to each other (A → B → A), so nothing walks a graph unbounded:
`repr` / `str` show connected nodes by id (edge objects in full, their `end_node` by id); `==` compares as pydantic
does, connected objects included, and takes a pair of objects met again on a cycle as equal; a read object's `dump()`
and `model_dump()` are flat, with connected nodes as ids (`{"space", "externalId"}`: the id type comes first in
every read connection field's union) and edges with properties as their own values. A write object's
`model_dump()` nests the write objects it holds down to the first one met again, which is dumped as its id; its
`dump()` is the apply item, with direct relations as ids.
"""

from __future__ import annotations

import functools
import inspect
import re
import sys
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    SerializerFunctionWrapHandler,
    TypeAdapter,
    model_serializer,
)
from pydantic_core import CoreSchema, PydanticSerializationUnexpectedValue, core_schema
from typing_extensions import Self

from .connections import ClassRole, Connection, InstanceKind, class_of, register_class
from .frames import to_data_frame
from .ids import NodeId, ViewId
from .values import DirectRelation

if TYPE_CHECKING:
    import pandas

_Write = TypeVar("_Write", bound="NodeWrite")


# An instance's own keys in API payloads. `from_instance` lifts view properties up beside them, so a property with
# one of these names (a view may well have `type` or `version`) is lifted under a prefixed key instead: it must
# neither take nor overwrite the instance's own value.
_INSTANCE_KEYS = frozenset(
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
        "startNode",
        "endNode",
        "properties",
    }
)
_LIFTED = "property:"


def _wire_name(identifier: str) -> Any:
    """Aliases of the bases' own instance fields: the same name in and out."""
    return Field(validation_alias=identifier, serialization_alias=identifier)


def cdf_name(identifier: str, *, lifted: bool = False) -> Any:
    """Field metadata that ties a Python field name to the view property's CDF identifier.

    Used as `Annotated[float | None, cdf_name("flowRate")]`.

    It sets validation and serialization aliases rather than `alias`, so type checkers and IDEs keep offering
    the Python name as the constructor keyword. A property named like an instance key is read under its lifted
    name, and so is one the generator marks `lifted`: its identifier is the Python name of another field
    (`end_node` beside `endNode`), which an alias of the same spelling would take the keyword of.
    """
    validation = f"{_LIFTED}{identifier}" if lifted or identifier in _INSTANCE_KEYS else identifier
    return Field(validation_alias=validation, serialization_alias=identifier)


def edge_end() -> Any:
    """Field metadata of a generated edge class's `end_node`, which the class types with the nodes it can hold."""
    return _wire_name("endNode")


# Set while a thread builds a generated class's own schema (see `ViewModel.__get_pydantic_core_schema__`).
_building = threading.local()
# The ids of the objects each thread is dumping through references (see `_reference_schema`).
_dumping = threading.local()


# Defining __eq__ leaves the objects unhashable, as pydantic leaves models that are not frozen.
class ViewModel(BaseModel):  # noqa: PLW1641
    """What every generated class shares: its view, which fields are view properties, which are connections."""

    # Fields are named after view properties, so `model_validate_` (escaped from `model_validate`) is a field like any
    # other: pydantic's warning about names in its `model_` namespace does not apply.
    model_config = ConfigDict(populate_by_name=True, protected_namespaces=())
    _view: ClassVar[ViewId]
    _role: ClassVar[ClassRole]
    # Node or edge class: a view used for both has one of each.
    _kind: ClassVar[InstanceKind] = "node"
    # Python names of the view's stored properties (direct relations included): what `dump()` writes.
    _property_fields: ClassVar[frozenset[str]] = frozenset()
    # CDF identifiers of the view's properties read under a lifted key (see `cdf_name`).
    _lifted_identifiers: ClassVar[frozenset[str]] = frozenset()
    # Connection fields by Python name; a generated read and write class may share one dict, each keeps its own.
    _connections: ClassVar[dict[str, Connection]] = {}
    # Fields a generated class declares that are the instance's own rather than view properties.
    _instance_fields: ClassVar[frozenset[str]] = frozenset()
    # Fields that may hold other instances: connection fields and an edge's `end_node` (see `__repr_args__`).
    _linked_fields: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if cls.__module__ == __name__:
            return  # the runtime's own bases declare no view properties
        cls._describe()
        if "_view" in cls.__dict__:
            register_class(cls._view, cls._role, cls, cls._kind)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: type[BaseModel], handler: GetCoreSchemaHandler, /) -> CoreSchema:
        # A class's own schema is pydantic's; a field holding another generated class gets a reference to it instead
        # (see `_reference_schema`), so building one class never builds the classes its connections lead to.
        if getattr(_building, "active", False):
            return _reference_schema(cls)
        _building.active = True
        try:
            return handler(source)
        finally:
            _building.active = False

    @classmethod
    def _describe(cls) -> None:
        """Derives the class metadata from its fields; again once forward references are resolved."""
        runtime_base = next(base for base in cls.__mro__ if base.__module__ == __name__)
        own = frozenset(cls.model_fields) - frozenset(getattr(runtime_base, "model_fields", {})) - cls._instance_fields
        # A generated class lists the connections it declares; those of the classes it extends come along.
        declared: dict[str, Connection] = {}
        for base in reversed(cls.__mro__):
            declared.update(base.__dict__.get("_connections", {}))
        cls._connections = {name: value for name, value in declared.items() if name in own}
        # Edges and reverse relations are instances of their own, not values of this one.
        cls._property_fields = own - {name for name, value in cls._connections.items() if value.kind != "direct"}
        fields = cls.model_fields
        cls._lifted_identifiers = frozenset(
            identifier
            for name, identifier in cls.property_identifiers().items()
            if str(fields[name].validation_alias).startswith(_LIFTED)
        )
        cls._linked_fields = frozenset(cls._connections) | cls._instance_fields

    @model_serializer(mode="wrap")
    def _dump_marked(self, handler: SerializerFunctionWrapHandler) -> Any:
        # While an object is dumped, a reference met again to it is dumped by the union's next member, its id (see
        # `_reference_schema`); this marks the object dumped first, which no reference leads to.
        active: set[int] = _dumping.__dict__.setdefault("ids", set())
        if id(self) in active:
            return handler(self)
        active.add(id(self))
        try:
            return handler(self)
        finally:
            active.discard(id(self))

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        # Connected nodes by id: objects read with their connections may lead back to each other (A → B → A),
        # and printing whole graphs would bury the object printed.
        linked = self._linked_fields
        for name, value in super().__repr_args__():
            yield name, _shallow(value) if name in linked else value

    def __eq__(self, other: object) -> bool:
        """Equality as pydantic's (same class, same values, connected objects equal in turn), ended on cycles.

        A pair of objects met again while it is being compared counts as equal there: two graphs are equal when
        no difference is found anywhere in them, however they loop.
        """
        pairs: set[tuple[int, int]] = _comparing.__dict__.setdefault("pairs", set())
        pair = (id(self), id(other))
        if pair in pairs:
            return True
        pairs.add(pair)
        try:
            return super().__eq__(other)
        finally:
            pairs.discard(pair)

    @classmethod
    def property_identifiers(cls) -> dict[str, str]:
        """Python field name → CDF property identifier, for every stored view property of the class."""
        fields = cls.model_fields
        return {name: fields[name].serialization_alias or name for name in sorted(cls._property_fields)}

    def _source(self) -> dict[str, Any]:
        """The `sources` entry of an apply item: only the properties given (None clears), patching the rest."""
        given = self.model_fields_set & self._property_fields
        source: dict[str, Any] = {"source": self._view.dump()}
        if not given:
            return source
        direct = given & self._connections.keys()
        properties = self.model_dump(mode="json", by_alias=True, include=set(given - direct))
        fields = type(self).model_fields
        for name in direct:
            properties[fields[name].serialization_alias or name] = _dump_reference(getattr(self, name))
        source["properties"] = properties
        return source


# The pairs of objects each thread is comparing (see `ViewModel.__eq__`).
_comparing = threading.local()


def _reference_schema(target: type[ViewModel]) -> CoreSchema:
    """The schema of a field value that is an object of another generated class, bound to it only when used.

    pydantic would otherwise build the target's schema into the class's own, and the targets' targets in turn: a
    class built before the classes it leads to takes in every class reachable from it, one nested call per step. A
    model's connections form long chains and rings (thousands of views), which overflowed Python's recursion limit
    and made each class's validator hold most of the SDK. A reference validates and dumps through the target's own
    validator and serializer, which exist once every generated class has been rebuilt.

    Serialization keeps pydantic's behaviour in unions: a value of another type, or an object met again while it is
    being dumped (a cycle), is refused with `PydanticSerializationUnexpectedValue`, so the union dumps it with its
    next member (a node id).
    """

    def validate(value: Any, info: core_schema.ValidationInfo) -> Any:
        if isinstance(value, target):
            return value  # pydantic's default: objects of the class are taken as they are
        return target.__pydantic_validator__.validate_python(value, context=info.context)

    def serialize(value: Any, info: core_schema.SerializationInfo) -> Any:
        active: set[int] = _dumping.__dict__.setdefault("ids", set())
        if not isinstance(value, target) or id(value) in active:
            raise PydanticSerializationUnexpectedValue(f"expected {target.__name__}")
        active.add(id(value))
        # The parts of the value the dump includes, as pydantic hands them down (one type spelled two ways).
        include: Any = info.include
        exclude: Any = info.exclude
        try:
            return target.__pydantic_serializer__.to_python(
                value,
                mode=info.mode,
                include=include,
                exclude=exclude,
                context=info.context,
                by_alias=info.by_alias,
                exclude_unset=info.exclude_unset,
                exclude_defaults=info.exclude_defaults,
                exclude_none=info.exclude_none,
                round_trip=info.round_trip,
            )
        finally:
            active.discard(id(value))

    return core_schema.with_info_plain_validator_function(
        validate,
        serialization=core_schema.plain_serializer_function_ser_schema(serialize, info_arg=True),
        json_schema_input_schema=core_schema.any_schema(),
    )


def _shallow(value: Any) -> Any:
    """A connection value with its nodes as ids; edge objects stay, as their own `end_node` is shown by id."""
    if isinstance(value, list):
        return [_shallow(item) for item in value]
    return value.id if isinstance(value, (NodeRead, NodeWrite)) else value


def _dump_reference(value: Any) -> Any:
    """A direct relation as the API stores it, whether it holds ids, (space, external_id) pairs or objects."""
    if value is None:
        return None
    if isinstance(value, list):
        return [_dump_reference(item) for item in value]
    return node_id_of(value).dump()


def node_id_of(value: Any) -> NodeId:
    """The node a connection value refers to: a NodeId, a `(space, external_id)` pair, or a node object."""
    if isinstance(value, InstanceModel):
        return value.id
    return NodeId.load(value)


class InstanceModel(ViewModel):
    """A class whose objects are one identified instance: read classes and node write classes."""

    space: str
    external_id: Annotated[str, _wire_name("externalId")]

    @property
    def id(self) -> NodeId:
        return NodeId(self.space, self.external_id)


@dataclass(frozen=True)
class DataRecord:
    """An instance's bookkeeping, grouped as pygen v1's `data_record` was."""

    version: int
    created_time: datetime
    last_updated_time: datetime
    deleted_time: datetime | None


class InstanceRead(InstanceModel):
    """An instance read through one view: what `NodeRead` and `EdgeRead` share."""

    # New properties on the server must not break an old SDK.
    model_config = ConfigDict(extra="ignore")
    _role: ClassVar[ClassRole] = "read"

    version: int
    # Epoch milliseconds on the wire: pydantic reads integers this large as milliseconds, exactly, in UTC
    # (smaller ones would be seconds, but DMS instances were all made decades after 1970).
    created_time: Annotated[datetime, _wire_name("createdTime")]
    last_updated_time: Annotated[datetime, _wire_name("lastUpdatedTime")]
    deleted_time: Annotated[datetime | None, _wire_name("deletedTime")] = None

    @classmethod
    def from_instance(cls, instance: Mapping[str, Any]) -> Self:
        """Parses an instance as the API returns it, this view's values under `properties[space]["xid/version"]`."""
        return cls.from_instances([instance])[0]

    @classmethod
    def from_instances(cls, instances: Iterable[Mapping[str, Any]]) -> list[Self]:
        """Parses a page of instances in one call of pydantic's compiled validator.

        The view's values are lifted up beside the instance's own keys first, in one dict display per instance:
        reading them in place through `AliasPath` validation aliases, or lifting them in a "before" validator, is
        slower.
        """
        view = cls._view
        space, key = view.space, f"{view.external_id}/{view.version}"
        if cls._lifted_identifiers:
            flat = [{**instance, **cls._lifted(_view_values(instance, space, key))} for instance in instances]
        else:
            flat = [{**instance, **_view_values(instance, space, key)} for instance in instances]
        items: list[Self] = _page_adapter(cls).validate_python(flat)
        return items

    @classmethod
    def _lifted(cls, values: Mapping[str, Any]) -> dict[str, Any]:
        lifted = cls._lifted_identifiers
        return {f"{_LIFTED}{key}" if key in lifted else key: value for key, value in values.items()}

    @property
    def data_record(self) -> DataRecord:
        return DataRecord(self.version, self.created_time, self.last_updated_time, self.deleted_time)

    def dump(self) -> dict[str, Any]:
        """A flat, JSON-ready dict keyed by Python field names."""
        return self.model_dump(mode="json")

    def _write_values(
        self, write_class: type[ViewModel], memo: dict[int, Any]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The properties read that the write class has, split into plain values and connection values."""
        given = self.model_fields_set & write_class.model_fields.keys()
        plain = {
            name: getattr(self, name) for name in given & self._property_fields if name not in write_class._connections
        }
        connected = {name: _write_of(getattr(self, name), memo) for name in given & write_class._connections.keys()}
        return plain, connected


class NodeRead(InstanceRead):
    """A node read through one view; the generated subclass sets `_view` and declares the view's properties."""

    node_type: Annotated[DirectRelation | None, _wire_name("type")] = None

    def _to_write(self, write_class: type[_Write], memo: dict[int, Any] | None = None) -> _Write:
        """The write object of this node with the properties it was read with; unread ones stay unset.

        Connections come along as loaded: node ids stay ids, objects become write objects of their own (or their
        ids, when their view has no write class), edges keep their properties. Reverse relations are not on write
        classes: they are written as the other side's direct relation. `memo` keeps a cyclic graph finite.
        """
        memo = {} if memo is None else memo
        # While this node is being converted, a connection leading back to it refers to it by id.
        memo[id(self)] = self.id
        plain, connected = self._write_values(write_class, memo)
        write = write_class(
            space=self.space, external_id=self.external_id, node_type=self.node_type, **plain, **connected
        )
        memo[id(self)] = write
        return write


class EdgeRead(InstanceRead):
    """An edge read through its edge view; the generated subclass declares `end_node` and the view's properties."""

    _kind: ClassVar[InstanceKind] = "edge"
    _instance_fields: ClassVar[frozenset[str]] = frozenset({"end_node"})

    edge_type: Annotated[DirectRelation, _wire_name("type")]
    start_node: Annotated[DirectRelation, _wire_name("startNode")]

    def _to_write(self, write_class: type[_EdgeWrite], memo: dict[int, Any] | None = None) -> _EdgeWrite:
        """The write object of this edge, its end node converted as `NodeRead._to_write` converts connections."""
        memo = {} if memo is None else memo
        plain, connected = self._write_values(write_class, memo)
        # `end_node` is declared by the generated subclass, typed with the nodes it can hold.
        values = {**plain, **connected, "end_node": _write_of(getattr(self, "end_node"), memo)}  # noqa: B009
        return write_class(
            space=self.space,
            external_id=self.external_id,
            edge_type=self.edge_type,
            start_node=self.start_node,
            **values,
        )


def _write_of(value: Any, memo: dict[int, Any]) -> Any:
    """A connection value read, as a write class holds it (see `NodeRead._to_write`)."""
    if isinstance(value, list):
        return [_write_of(item, memo) for item in value]
    if not isinstance(value, (NodeRead, EdgeRead)):
        return value
    if id(value) in memo:
        return memo[id(value)]
    write_class = class_of(value._view, "write", value._kind)
    if write_class is None:
        return value.id if isinstance(value, NodeRead) else _write_of(getattr(value, "end_node"), memo)  # noqa: B009
    return value._to_write(write_class, memo)


_NO_VALUES: Mapping[str, Any] = {}


def _view_values(instance: Mapping[str, Any], space: str, key: str) -> Mapping[str, Any]:
    """The values of one view in an instance; none when the instance carries no properties of it."""
    properties = instance.get("properties")
    return properties.get(space, _NO_VALUES).get(key, _NO_VALUES) if properties else _NO_VALUES


@functools.cache
def _page_adapter(read_class: type[InstanceRead]) -> TypeAdapter[list[Any]]:
    # One adapter per class, built on first use: a schema build costs milliseconds, a page is validated in one call.
    return TypeAdapter(list[read_class])  # type: ignore[valid-type]  # a class held in a variable, known at run time


# Typos fail early, and NaN/infinity (which CDF cannot store) are refused on construction.
_WRITE_CONFIG = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True)


class NodeWrite(InstanceModel):
    """A node to create or update through one view; `dump()` is its item in POST /models/instances."""

    model_config = _WRITE_CONFIG
    _role: ClassVar[ClassRole] = "write"

    node_type: Annotated[DirectRelation | None, _wire_name("type")] = None
    existing_version: Annotated[int | None, _wire_name("existingVersion")] = None

    def dump(self) -> dict[str, Any]:
        body: dict[str, Any] = {"instanceType": "node", "space": self.space, "externalId": self.external_id}
        if self.node_type is not None:
            body["type"] = self.node_type.dump()
        if self.existing_version is not None:
            body["existingVersion"] = self.existing_version
        body["sources"] = [self._source()]
        return body


class EdgeWrite(ViewModel):
    """An edge to create or update through its edge view, with its properties.

    In a node's connection field, the node is the edge's start (the end, for an inwards edge) and the field's edge
    type applies; `space` defaults to the start node's and `external_id` to `"{start}:{end}"` external ids. On its
    own, as an item of `upsert`, an edge needs `start_node` and `edge_type`.
    """

    model_config = _WRITE_CONFIG
    _role: ClassVar[ClassRole] = "write"
    _kind: ClassVar[InstanceKind] = "edge"
    _instance_fields: ClassVar[frozenset[str]] = frozenset({"end_node"})

    space: str | None = None
    external_id: Annotated[str | None, _wire_name("externalId")] = None
    edge_type: Annotated[DirectRelation | None, _wire_name("type")] = None
    start_node: Annotated[DirectRelation | None, _wire_name("startNode")] = None
    existing_version: Annotated[int | None, _wire_name("existingVersion")] = None

    @property
    def end_id(self) -> NodeId:
        """The node at the other end, whatever form `end_node` holds it in."""
        return node_id_of(getattr(self, "end_node"))  # noqa: B009  # declared by the generated subclass

    def dump(self) -> dict[str, Any]:
        """The apply item of an edge given on its own: from `start_node` to `end_node`."""
        if self.start_node is None or self.edge_type is None:
            raise ValueError("an edge written on its own needs start_node and edge_type")
        return self.apply_item(self.start_node, self.end_id, self.edge_type)

    def apply_item(self, start: NodeId, end: NodeId, edge_type: NodeId) -> dict[str, Any]:
        """The apply item of this edge between two nodes (the caller decides the direction)."""
        body: dict[str, Any] = {
            "instanceType": "edge",
            "space": self.space or start.space,
            "externalId": self.external_id or default_edge_id(start, end),
            "type": (self.edge_type or edge_type).dump(),
            "startNode": start.dump(),
            "endNode": end.dump(),
        }
        if self.existing_version is not None:
            body["existingVersion"] = self.existing_version
        body["sources"] = [self._source()]
        return body


def default_edge_id(start: NodeId, end: NodeId) -> str:
    """The external id of an edge written without one, as pygen v1 made it."""
    return f"{start.external_id}:{end.external_id}"


_EdgeWrite = TypeVar("_EdgeWrite", bound=EdgeWrite)


def resolve_references(namespace: Mapping[str, Any]) -> None:
    """Binds the names generated classes use for each other's classes, once all of them are in `namespace`.

    Generated modules import each other's classes only for type checkers (they would import in a cycle), so a
    class with connection fields is incomplete until this rebuilds it with every class in view.
    """
    classes = [value for value in namespace.values() if isinstance(value, type) and issubclass(value, ViewModel)]
    # pydantic evaluates the annotations a class inherits from an incomplete parent where the class is, not where
    # the parent wrote them: a class whose module imports nothing its parents' fields name (a view that only
    # implements others) would miss `Annotated` or `DirectRelation`. Every generated module's public names bind
    # one thing each (imports, and generated names that are unique in the SDK), so their union serves all classes.
    types: dict[str, Any] = {}
    for module in {sys.modules[value.__module__] for value in classes}:
        types.update((name, bound) for name, bound in vars(module).items() if not name.startswith("_"))
    types.update(namespace)
    for value in classes:
        if not value.__pydantic_complete__:
            value.model_rebuild(_types_namespace=_names_annotated(value, types))
            value._describe()


_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def _names_annotated(cls: type[ViewModel], types: Mapping[str, Any]) -> dict[str, Any]:
    """The names a generated class's annotations use (its generated parents' too), bound as `types` binds them.

    pydantic copies the namespace it is given for every class it rebuilds: the whole SDK's names each time would
    take time in the square of the number of views.
    """
    names: dict[str, Any] = {}
    for base in cls.__mro__:
        if base.__module__ == __name__:
            break  # the runtime's own bases resolve in this module
        for annotation in inspect.get_annotations(base).values():
            for name in _IDENTIFIER.findall(str(annotation)):
                if name in types:
                    names[name] = types[name]
    return names


_Item = TypeVar("_Item", bound=InstanceModel)
_Read = TypeVar("_Read", bound=InstanceRead)
_WriteItem = TypeVar("_WriteItem", bound=NodeWrite)


class ModelList(list[_Item]):
    """A list of data objects that dumps to JSON-ready dicts and, when pandas is installed, to a DataFrame."""

    @property
    def ids(self) -> list[NodeId]:
        return [item.id for item in self]

    def to_pandas(self) -> pandas.DataFrame:
        """A pandas DataFrame, one row per item, columns named by Python field, typed as frames.py says.

        pandas is optional: `pip install '<sdk>[pandas]'`; without it this raises ImportError saying so.
        """
        return to_data_frame(self)


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
