import { describe, expect, test } from "bun:test";
import { type GenerationResult, generateSdk, type PipelineOptions } from "../../../src/pipeline.ts";
import { loadExampleModel } from "../../../src/sources.ts";

const FIXED = { generatedAt: "2026-01-01T00:00:00+00:00", pygenVersion: "9.9.9" } satisfies PipelineOptions;

function generate(options: PipelineOptions = {}): GenerationResult {
  return generateSdk({ models: loadExampleModel().models, origin: "test" }, { ...FIXED, ...options });
}

function fileOf(result: GenerationResult, path: string): string {
  const file = result.files.find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`${path} not generated`);
  return file.content;
}

describe("per-edge APIs", () => {
  const nested = generate();

  test("an edge without properties gets the runtime's PlainEdgeAPI, one attribute per edge field", () => {
    const api = fileOf(nested, "hydro_plant_model/_api/hydro_plant.py");
    expect(api).toContain('        self.generators_edge = PlainEdgeAPI(instances, HydroPlant, "generators", default_space)\n');
    expect(api).toContain('        self.operator_edge = PlainEdgeAPI(instances, HydroPlant, "operator", default_space)\n');
    expect(api).not.toContain("class HydroPlantGeneratorsEdgeAPI");
  });

  test("an edge with properties gets a class typed by its edge view's read class and keyword filters", () => {
    const api = fileOf(nested, "hydro_plant_model/_api/generator.py");
    expect(api).toContain("from ..data_classes._inspection_result import InspectionResult, InspectionResultFilters\n");
    expect(api).toContain("class GeneratorInspectionsEdgeAPI(EdgeAPI[InspectionResult]):\n    _edge_class = InspectionResult\n");
    expect(api).toContain("        **filters: Unpack[InspectionResultFilters],\n    ) -> EdgeList[InspectionResult]:");
    expect(api).toContain("    ) -> Iterator[EdgeList[InspectionResult]]:");
    // The inwards field of the same edge type and view has a class of its own.
    expect(fileOf(nested, "hydro_plant_model/_api/inspector.py")).toContain("class InspectorInspectedEdgeAPI(EdgeAPI[InspectionResult]):");
    // The edge view's keyword filters are generated and exported like a node view's.
    expect(fileOf(nested, "hydro_plant_model/data_classes/_inspection_result.py")).toContain(
      "class InspectionResultFilters(NodeFilters, total=False):\n    min_score: float | None\n",
    );
    expect(fileOf(nested, "hydro_plant_model/data_classes/__init__.py")).toContain('"InspectionResultFilters",');
  });

  test("the other layouts import the edge view's classes from where they put them", () => {
    const flat = generate({ flatStructure: true });
    expect(fileOf(flat, "hydro_plant_model/_generator_api.py")).toContain(
      "from ._inspection_result import InspectionResult, InspectionResultFilters\n",
    );
    const single = fileOf(generate({ singleFile: true }), "hydro_plant_model/_sdk.py");
    expect(single).not.toContain("import InspectionResult");
    expect(single.indexOf("class InspectionResultFilters(")).toBeLessThan(single.indexOf("class GeneratorInspectionsEdgeAPI("));
  });

  test("sort_by takes the node's own fields, and a list of direct relations has its filter", () => {
    expect(fileOf(nested, "hydro_plant_model/_api/hydro_plant.py")).toContain(
      "sort_by: HydroPlantField | NodeField | Sequence[HydroPlantField | NodeField] | None = None,",
    );
    expect(fileOf(nested, "hydro_plant_model/data_classes/_hydro_plant.py")).toContain(
      "    neighbours: NodeId | Sequence[NodeId] | None\n",
    );
  });
});
