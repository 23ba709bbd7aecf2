"""Identifiers of instances and views, as small immutable tuples."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

_new_tuple = tuple.__new__


class NodeId(NamedTuple):
    """A node: the value of a direct relation, a node type, or the id to retrieve or delete."""

    space: str
    external_id: str

    def dump(self) -> dict[str, str]:
        return {"space": self.space, "externalId": self.external_id}

    @classmethod
    def load(cls, data: Any) -> NodeId:
        """From the API's `{"space", "externalId"}`, a NodeId, or a `(space, external_id)` pair."""
        # A dict first, built by tuple.__new__ rather than the named tuple's Python-level __new__: every direct
        # relation of every node read comes this way, and this halves what it costs.
        if isinstance(data, dict):
            return _new_tuple(cls, (data["space"], data["externalId"]))
        if isinstance(data, NodeId):
            return data
        if isinstance(data, (tuple, list)) and len(data) == 2:
            return cls(str(data[0]), str(data[1]))
        # The type only: a connection field tries an id before an object, and an object graph's repr can be huge.
        got = type(data).__name__
        raise ValueError(f"expected a node id ({{space, externalId}} or (space, external_id)), got a {got}")


class EdgeId(NamedTuple):
    """An edge: what a delete reports for each edge it removed (a NodeId is always a node)."""

    space: str
    external_id: str

    def dump(self) -> dict[str, str]:
        return {"space": self.space, "externalId": self.external_id}


InstanceId = NodeId | EdgeId


class ViewId(NamedTuple):
    space: str
    external_id: str
    version: str

    def dump(self) -> dict[str, str]:
        return {"type": "view", "space": self.space, "externalId": self.external_id, "version": self.version}

    def property_ref(self, identifier: str) -> list[str]:
        """The filter/sort reference of one of this view's properties: `[space, "xid/version", identifier]`."""
        return [self.space, f"{self.external_id}/{self.version}", identifier]


def node_property_ref(identifier: str) -> list[str]:
    """The reference of a node's own field: `space`, `externalId`, `type`, `createdTime`, ..."""
    return ["node", identifier]


class ContainerId(NamedTuple):
    space: str
    external_id: str

    def dump(self) -> dict[str, str]:
        return {"type": "container", "space": self.space, "externalId": self.external_id}


def as_node_ids(ids: str | NodeId | Sequence[str | NodeId], space: str | None) -> list[NodeId]:
    """NodeIds from external ids (in `space`) and/or NodeIds; a bare external id needs a space."""
    items: Sequence[str | NodeId] = [ids] if isinstance(ids, (str, NodeId)) else ids
    result = []
    for item in items:
        if isinstance(item, NodeId):
            result.append(item)
        elif space is None:
            raise ValueError(f"give a space for {item!r}, or a NodeId (this SDK has no default instance space)")
        else:
            result.append(NodeId(space, item))
    return result


class DataModelId(NamedTuple):
    space: str
    external_id: str
    version: str
