"""A small in-memory graph behind httpx.MockTransport for the query runtime's tests: POST /models/instances/query
(node sets from filters, through direct relations either way, from edge sets; edge sets by type and direction;
offset cursors per set, a chained set read from its parent's current page) and /models/instances/list."""

from __future__ import annotations

from typing import Any

import httpx
from support import request_json

SPACE = "sp"
STAMP = 1729354706630


def view_key(view: str) -> str:
    return f"{view}/v1"


class FakeGraph:
    def __init__(self) -> None:
        self.nodes: dict[tuple[str, str], dict[str, Any]] = {}
        self.edges: list[dict[str, Any]] = []
        self.query_bodies: list[dict[str, Any]] = []

    def node(self, external_id: str, view: str, **properties: Any) -> None:
        node = self.nodes.setdefault(
            (SPACE, external_id),
            {
                "instanceType": "node",
                "space": SPACE,
                "externalId": external_id,
                "version": 1,
                "createdTime": STAMP,
                "lastUpdatedTime": STAMP,
                "properties": {SPACE: {}},
            },
        )
        node["properties"][SPACE][view_key(view)] = properties

    def edge(self, edge_type: str, start: str, end: str, view: str | None = None, **properties: Any) -> None:
        self.edges.append(
            {
                "instanceType": "edge",
                "space": SPACE,
                "externalId": f"{start}:{end}",
                "version": 1,
                "createdTime": STAMP,
                "lastUpdatedTime": STAMP,
                "type": {"space": SPACE, "externalId": edge_type},
                "startNode": {"space": SPACE, "externalId": start},
                "endNode": {"space": SPACE, "externalId": end},
                "properties": {SPACE: {view_key(view): properties}} if view else {},
            }
        )

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.rsplit("/models/", 1)[1]
        body = request_json(request)
        if path == "instances/query":
            self.query_bodies.append(body)
            return httpx.Response(200, json=self.query(body))
        if path == "instances/list":
            items = [node for node in self.nodes.values() if matches(node, body.get("filter"))]
            return httpx.Response(200, json={"items": items, "nextCursor": None})
        return httpx.Response(404, json={"error": {"code": 404, "message": f"no fake for {path}"}})

    def query(self, body: dict[str, Any]) -> dict[str, Any]:
        pages: dict[str, list[dict[str, Any]]] = {}
        kinds: dict[str, tuple[str, str]] = {}
        cursors: dict[str, str] = {}
        for name, expression in body["with"].items():  # written parents first, as the runtime does
            if "nodes" in expression:
                candidates = self.node_candidates(expression["nodes"], pages, kinds)
                candidates = [node for node in candidates if matches(node, expression["nodes"].get("filter"))]
                kinds[name] = ("node", "outwards")
            else:
                candidates = self.edge_candidates(expression["edges"], pages)
                kinds[name] = ("edge", expression["edges"].get("direction", "outwards"))
            start = int(body.get("cursors", {}).get(name) or 0)
            pages[name] = candidates[start : start + expression["limit"]]
            if start + expression["limit"] < len(candidates):
                cursors[name] = str(start + expression["limit"])
        items = {name: [project(item, select) for item in pages[name]] for name, select in body["select"].items()}
        return {"items": items, "nextCursor": cursors}

    def node_candidates(
        self, nodes: dict[str, Any], pages: dict[str, list[dict[str, Any]]], kinds: dict[str, tuple[str, str]]
    ) -> list[dict[str, Any]]:
        if "from" not in nodes:
            return list(self.nodes.values())
        parent = pages[nodes["from"]]
        kind, direction = kinds[nodes["from"]]
        if kind == "edge":
            end = "endNode" if direction == "outwards" else "startNode"
            return unique(self.nodes[(edge[end]["space"], edge[end]["externalId"])] for edge in parent)
        through = nodes["through"]
        source = through["source"]
        key, identifier = view_key(source["externalId"]), through["identifier"]
        if nodes["direction"] == "outwards":
            values = [node["properties"][SPACE].get(key, {}).get(identifier) for node in parent]
            refs = [ref for value in values for ref in (value if isinstance(value, list) else [value] if value else [])]
            return unique(self.nodes[(ref["space"], ref["externalId"])] for ref in refs)
        ids = {(node["space"], node["externalId"]) for node in parent}
        return [
            node
            for node in self.nodes.values()
            if (value := node["properties"][SPACE].get(key, {}).get(identifier))
            and (value["space"], value["externalId"]) in ids
        ]

    def edge_candidates(self, edges: dict[str, Any], pages: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        ids = {(node["space"], node["externalId"]) for node in pages[edges["from"]]}
        near = "startNode" if edges.get("direction", "outwards") == "outwards" else "endNode"
        return [
            edge
            for edge in self.edges
            if (edge[near]["space"], edge[near]["externalId"]) in ids and matches(edge, edges.get("filter"))
        ]


def unique(nodes: Any) -> list[dict[str, Any]]:
    return list({(node["space"], node["externalId"]): node for node in nodes}.values())


def read(instance: dict[str, Any], reference: list[str]) -> Any:
    if reference[0] in ("node", "edge"):
        return instance.get(reference[1])
    return instance["properties"].get(reference[0], {}).get(reference[1], {}).get(reference[2])


def matches(instance: dict[str, Any], filter: dict[str, Any] | None) -> bool:  # noqa: PLR0911 - one case per filter
    if filter is None:
        return True
    ((name, body),) = filter.items()
    if name == "and":
        return all(matches(instance, item) for item in body)
    if name == "hasData":
        return all(view_key(view["externalId"]) in instance["properties"].get(SPACE, {}) for view in body)
    if name == "instanceReferences":
        return {"space": instance["space"], "externalId": instance["externalId"]} in body
    value = read(instance, body["property"])
    if name == "equals":
        return bool(value == body["value"])
    if name == "in":
        return value in body["values"]
    if name == "prefix":
        return isinstance(value, str) and value.startswith(body["value"])
    if name == "range":
        bounds = {"gt": value.__gt__, "gte": value.__ge__, "lt": value.__lt__, "lte": value.__le__}
        return value is not None and all(bounds[key](bound) for key, bound in body.items() if key != "property")
    if name == "containsAny":
        return isinstance(value, list) and any(item in body["values"] for item in value)
    raise AssertionError(f"the fake has no {name} filter")


def project(instance: dict[str, Any], select: dict[str, Any]) -> dict[str, Any]:
    views = {view_key(source["source"]["externalId"]): source["properties"] for source in select.get("sources", [])}
    properties = {
        key: {name: value for name, value in values.items() if "*" in views[key] or name in views[key]}
        for key, values in instance["properties"].get(SPACE, {}).items()
        if key in views
    }
    return {**instance, "properties": {SPACE: properties} if properties else {}}
