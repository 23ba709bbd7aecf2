"""Spaces on /models/spaces: an SDK's instances live in a space, which must exist before the first write."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .http import HTTPClient

# Items per request of the space endpoints (dms-api §10.4).
MAX_SPACE_ITEMS = 100


@dataclass(frozen=True)
class Space:
    """A space as CDF returns it; `created_time` and `last_updated_time` are epoch milliseconds."""

    space: str
    name: str | None = None
    description: str | None = None
    is_global: bool = False
    created_time: int | None = None
    last_updated_time: int | None = None

    @classmethod
    def load(cls, data: dict[str, Any]) -> Space:
        return cls(
            space=data["space"],
            name=data.get("name"),
            description=data.get("description"),
            is_global=bool(data.get("isGlobal", False)),
            created_time=data.get("createdTime"),
            last_updated_time=data.get("lastUpdatedTime"),
        )


class SpacesAPI:
    """`client.spaces`: create, look up and delete spaces.

    `apply("my_space")` creates the space (or updates its name and description); `ensure(...)` creates only the
    spaces that do not exist yet, leaving existing ones untouched. Writing spaces needs `dataModelsAcl:WRITE`.
    """

    def __init__(self, http: HTTPClient) -> None:
        self._http = http

    def apply(
        self, space: str | Iterable[str], *, name: str | None = None, description: str | None = None
    ) -> list[Space]:
        """Creates or updates the spaces; `name` and `description` are given to each."""
        details = {key: value for key, value in (("name", name), ("description", description)) if value is not None}
        items = [{"space": each, **details} for each in _names(space)]
        return [space for chunk in _chunks(items) for space in self._post("/models/spaces", chunk)]

    def retrieve(self, space: str | Iterable[str]) -> list[Space]:
        """The spaces of these names that exist (missing names are left out)."""
        items = [{"space": each} for each in _names(space)]
        return [space for chunk in _chunks(items) for space in self._post("/models/spaces/byids", chunk)]

    def ensure(self, space: str | Iterable[str]) -> list[Space]:
        """Creates those of the spaces that do not exist yet; returns the ones it created."""
        wanted = _names(space)
        existing = {found.space for found in self.retrieve(wanted)}
        missing = [each for each in wanted if each not in existing]
        return self.apply(missing) if missing else []

    def delete(self, space: str | Iterable[str]) -> list[str]:
        """Deletes the spaces, which must be empty (CDF refuses to delete a space that holds anything); returns the
        names of those that existed.
        """
        items = [{"space": each} for each in _names(space)]
        deleted: list[str] = []
        for chunk in _chunks(items):
            response = self._http.post("/models/spaces/delete", {"items": chunk})
            deleted.extend(item["space"] for item in response.get("items", []))
        return deleted

    def _post(self, path: str, items: list[dict[str, Any]]) -> list[Space]:
        response = self._http.post(path, {"items": items})
        return [Space.load(item) for item in response.get("items", [])]


def _names(space: str | Iterable[str]) -> list[str]:
    """The distinct names, in order: a bare string is one space, not its characters."""
    names = [space] if isinstance(space, str) else list(space)
    return list(dict.fromkeys(names))


def _chunks(items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [items[start : start + MAX_SPACE_ITEMS] for start in range(0, len(items), MAX_SPACE_ITEMS)]
