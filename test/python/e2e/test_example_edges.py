"""The per-edge APIs, direct-relation list filters and node-field sorting of the example SDK, against the emulator.

HydroPlant.generators is an edge without properties (plain `Edge` objects); Generator.inspections (outwards) and
Inspector.inspected (inwards) are edges of one type with the edge view InspectionResult (typed objects, filtered
by its properties).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sdk_example import (
    GeneratorWrite,
    HydroPlantModelClient,
    HydroPlantWrite,
    InspectionResult,
    InspectionResultWrite,
    InspectorWrite,
    NodeId,
)
from sdk_example._runtime import Edge, EdgeId, EdgeList

from .connection import EmulatorConnection

SPACE = "example_instances"


def node(external_id: str) -> NodeId:
    return NodeId(SPACE, external_id)


@pytest.fixture(scope="module")
def client(example_emulator: EmulatorConnection) -> Iterator[HydroPlantModelClient]:
    with HydroPlantModelClient(**example_emulator) as client:
        inspectors = [
            InspectorWrite(space=SPACE, external_id=f"edges:inspector:{index}", name=f"I{index}") for index in range(2)
        ]
        generators = [
            GeneratorWrite(
                space=SPACE,
                external_id=f"edges:gen:{index}",
                name=f"G{index}",
                serial_number=index,
                # Generator g is inspected by inspector g % 2 with score g / 10, passed when the score is at least 0.3.
                inspections=[
                    InspectionResultWrite(
                        end_node=inspectors[index % 2], score=index / 10, passed=index >= 3, remarks=f"visit {index}"
                    )
                ],
            )
            for index in range(6)
        ]
        plants = [
            HydroPlantWrite(
                space=SPACE,
                external_id=f"edges:plant:{index}",
                name=f"P{index}",
                unit_count=1,
                is_operational=True,
                generators=[*generators[index * 3 : index * 3 + 3]],
                neighbours=[node(f"edges:plant:{other}") for other in range(index + 2) if other != index],
            )
            for index in range(2)
        ]
        plants.append(
            HydroPlantWrite(space=SPACE, external_id="edges:plant:2", name="P2", unit_count=1, is_operational=True)
        )
        client.upsert(plants)
        yield client


def test_plain_edges_come_back_as_stored_and_filter_by_their_ends(client: HydroPlantModelClient) -> None:
    edges = client.hydro_plant.generators_edge.list(start_node="edges:plant:0", limit=None)
    assert isinstance(edges, EdgeList)
    assert all(isinstance(edge, Edge) for edge in edges)
    assert sorted(edge.end_node.external_id for edge in edges) == ["edges:gen:0", "edges:gen:1", "edges:gen:2"]
    assert {edge.start_node for edge in edges} == {node("edges:plant:0")}
    assert {edge.edge_type for edge in edges} == {NodeId("pygen_example", "HydroPlant.generators")}
    assert all(isinstance(edge_id, EdgeId) for edge_id in edges.ids)

    by_end = client.hydro_plant.generators_edge.list(end_node=[node("edges:gen:4"), "edges:gen:1"])
    assert sorted((edge.start_node.external_id, edge.end_node.external_id) for edge in by_end) == [
        ("edges:plant:0", "edges:gen:1"),
        ("edges:plant:1", "edges:gen:4"),
    ]


def test_limit_and_iterate_page_through_the_edges_of_one_type(client: HydroPlantModelClient) -> None:
    plants = [node("edges:plant:0"), node("edges:plant:1")]
    assert len(client.hydro_plant.generators_edge.list(start_node=plants, limit=4)) == 4
    pages = list(client.hydro_plant.generators_edge.iterate(2, start_node=plants))
    assert [len(page) for page in pages] == [2, 2, 2]
    assert pages[0].next_cursor is not None
    # The edges of another type (the inspections) never show up among the generators.
    assert len({edge.external_id for page in pages for edge in page}) == 6


def test_edges_with_properties_are_typed_and_filter_by_them(client: HydroPlantModelClient) -> None:
    api = client.generator.inspections_edge
    edges = api.list(min_score=0.3, limit=None)
    assert all(isinstance(edge, InspectionResult) for edge in edges)
    assert sorted(edge.start_node.external_id for edge in edges) == ["edges:gen:3", "edges:gen:4", "edges:gen:5"]
    assert {edge.passed for edge in edges} == {True}
    one = api.list(start_node="edges:gen:2", remarks_prefix="visit")
    assert [(edge.remarks, edge.end_node) for edge in one] == [("visit 2", node("edges:inspector:0"))]
    assert one[0].score == pytest.approx(0.2)
    assert api.list(passed=False, end_node="edges:inspector:1", limit=None).ids == [
        EdgeId(SPACE, "edges:gen:1:edges:inspector:1")
    ]
    # The edge's own fields: its space and external id.
    assert api.list(external_id_prefix="edges:gen:4:", space=SPACE).ids == [
        EdgeId(SPACE, "edges:gen:4:edges:inspector:0")
    ]


def test_many_or_no_end_nodes(client: HydroPlantModelClient) -> None:
    # More nodes than one filter takes (100) are asked for in several; none matches nothing.
    many = [f"edges:gen:{index}" for index in range(250)]
    assert len(client.hydro_plant.generators_edge.list(end_node=many, limit=None)) == 6
    assert client.hydro_plant.generators_edge.list(end_node=[]) == []


def test_an_inwards_field_lists_the_same_edges_by_their_stored_ends(client: HydroPlantModelClient) -> None:
    edges = client.inspector.inspected_edge.list(end_node="edges:inspector:1", limit=None)
    assert sorted(edge.start_node.external_id for edge in edges) == ["edges:gen:1", "edges:gen:3", "edges:gen:5"]
    assert all(isinstance(edge, InspectionResult) for edge in edges)


def test_wrong_edge_filters_raise_before_any_request(client: HydroPlantModelClient) -> None:
    api = client.generator.inspections_edge
    wrong: dict[str, Any] = {"min_score": "high"}
    with pytest.raises(TypeError, match="min_score"):
        api.list(**wrong)
    unknown: dict[str, Any] = {"colour": "red"}
    with pytest.raises(TypeError, match="colour"):
        client.hydro_plant.generators_edge.list(**unknown)
    with pytest.raises(TypeError, match="startNode"):
        api.list(start_node=42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"endNode expects external ids or NodeIds, got int \(7\)"):
        api.list(end_node=["edges:inspector:0", 7])  # type: ignore[list-item]


def test_a_list_of_direct_relations_filters_by_any_node_it_holds(client: HydroPlantModelClient) -> None:
    # plant 0 → [1], plant 1 → [0, 2], plant 2 → none.
    holding_one = client.hydro_plant.list(neighbours=node("edges:plant:1"), external_id_prefix="edges:", limit=None)
    assert holding_one.ids == [node("edges:plant:0")]
    holding_any = client.hydro_plant.list(
        neighbours=[node("edges:plant:0"), node("edges:plant:2")], external_id_prefix="edges:", limit=None
    )
    assert holding_any.ids == [node("edges:plant:1")]


def test_sort_by_the_nodes_own_external_id(client: HydroPlantModelClient) -> None:
    descending = client.hydro_plant.list(
        external_id_prefix="edges:", sort_by="external_id", direction="descending", limit=None
    )
    assert [item.external_id for item in descending] == ["edges:plant:2", "edges:plant:1", "edges:plant:0"]
    by_space_then_id = client.hydro_plant.list(external_id_prefix="edges:", sort_by=["space", "external_id"])
    assert [item.external_id for item in by_space_then_id] == ["edges:plant:0", "edges:plant:1", "edges:plant:2"]
