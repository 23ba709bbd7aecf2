"""GraphQL queries of a data model, with the objects of the answer parsed into the generated read classes.

CDF serves a GraphQL API per data model version at
`POST /userapis/spaces/{space}/datamodels/{externalId}/versions/{version}/graphql`, taking
`{"query": ..., "variables": ...}` and answering `{"data": ..., "errors": [...]}`. GraphQL types are named by
view external id and their fields by CDF property identifier, so an object that selected `__typename` is read
as the generated class of its view: its fields become the class's fields, and connections given as
`{items: [...]}` or `{edges: [{node}]}` become lists. Everything else in `data` (page info, aggregates, objects
of unknown types) is returned as it came.

A query selects some fields only: the objects hold exactly the fields it selected (`model_fields_set`), the
others stay unset, so reading a required field the query left out raises AttributeError.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from pydantic import ValidationError

from .data_classes import NodeRead
from .errors import CDFAPIError
from .http import HTTPClient
from .ids import DataModelId

# `cdf_name` reads a view property named like a node key (`type`) under this prefix; GraphQL names it plainly.
_LIFTED = "property:"


class CDFGraphQLError(CDFAPIError):
    """The GraphQL API answered with errors; `errors` holds GraphQL's error objects (`message`, `path`, ...)."""

    def __init__(self, status: int, errors: list[Any], *, context: str) -> None:
        messages = "; ".join(
            str(error.get("message", error)) if isinstance(error, Mapping) else str(error) for error in errors
        )
        super().__init__(status, f"{context}: {messages}", body={"errors": errors})
        self.errors = errors


def graphql_path(data_model: DataModelId) -> str:
    space, external_id, version = (quote(part, safe="") for part in data_model)
    return f"/userapis/spaces/{space}/datamodels/{external_id}/versions/{version}/graphql"


def graphql_query(
    http: HTTPClient,
    data_model: DataModelId,
    query: str,
    variables: Mapping[str, Any] | None,
    classes: Mapping[str, type[NodeRead]],
) -> dict[str, Any]:
    """`data` of the answer with every object of a known `__typename` (a key of `classes`) parsed."""
    path = graphql_path(data_model)
    answer = http.post(path, {"query": query, "variables": dict(variables or {})})
    answer = answer if isinstance(answer, Mapping) else {}
    errors = answer.get("errors")
    if errors:
        raise CDFGraphQLError(200, list(errors), context=f"POST {path}")
    data = answer.get("data") or {}
    return {key: _typed(value, classes) for key, value in data.items()}


def _typed(value: Any, classes: Mapping[str, type[NodeRead]]) -> Any:
    """The value with the objects in it parsed, at any depth."""
    if isinstance(value, list):
        return [_typed(item, classes) for item in value]
    if not isinstance(value, Mapping):
        return value
    read_class = classes.get(value.get("__typename", ""))
    if read_class is not None:
        return _parse(read_class, value, classes)
    return {key: _typed(item, classes) for key, item in value.items()}


def _parse(read_class: type[NodeRead], values: Mapping[str, Any], classes: Mapping[str, type[NodeRead]]) -> NodeRead:
    """An object of the class holding the fields the query selected, each validated as the class validates it."""
    names = _field_names(read_class)
    item = read_class.model_construct()
    validator = read_class.__pydantic_validator__
    for key, raw in values.items():
        name = names.get(key)
        if name is None:
            continue
        value = _typed(_connection_list(raw), classes)
        try:
            validator.validate_assignment(item, name, value)
        except ValidationError:
            # A field that holds ids only (a connection to a view outside the SDK) takes the objects' ids.
            fallback = _ids(value)
            if fallback is value:
                raise
            validator.validate_assignment(item, name, fallback)
    return item


def _connection_list(value: Any) -> Any:
    """`{items: [...]}` and `{edges: [{node}]}` as the list of their objects; anything else unchanged."""
    if isinstance(value, Mapping):
        if isinstance(value.get("items"), list):
            return value["items"]
        if isinstance(value.get("edges"), list):
            return [edge.get("node") if isinstance(edge, Mapping) else edge for edge in value["edges"]]
    return value


def _ids(value: Any) -> Any:
    if isinstance(value, NodeRead):
        return value.id
    if isinstance(value, list) and any(isinstance(item, NodeRead) for item in value):
        return [item.id if isinstance(item, NodeRead) else item for item in value]
    return value


def _field_names(read_class: type[NodeRead]) -> dict[str, str]:
    """GraphQL field (CDF identifier) → Python field name; view properties win over the node's own fields."""
    names: dict[str, str] = {}
    properties = read_class._property_fields
    for name, field in sorted(read_class.model_fields.items(), key=lambda entry: entry[0] in properties):
        alias = field.validation_alias if isinstance(field.validation_alias, str) else name
        names[alias.removeprefix(_LIFTED)] = name
    return names
