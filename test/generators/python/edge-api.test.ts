import { describe, expect, test } from "bun:test";
import { type GenerationResult, generateSdk, type PipelineOptions } from "../../../src/pipeline.ts";
import { loadExampleModel } from "../../../src/sources.ts";
import { edge, model, primitive, text, view } from "../../support/model-builder.ts";

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
  });

  test("an edge with properties gets its edge class's API, typed by the read class and keyword filters", () => {
    const edgeModule = fileOf(nested, "hydro_plant_model/data_classes/_inspection_result.py");
    expect(edgeModule).toContain("class InspectionResultAPI(EdgeAPI[InspectionResult]):\n    _edge_class = InspectionResult\n");
    expect(edgeModule).toContain("        min_score: float | None = None,");
    expect(edgeModule).toContain("        passed: bool | None = None,\n    ) -> EdgeList[InspectionResult]:");
    expect(edgeModule).toContain("            min_score: Match edges whose score is at least this value.");
    expect(edgeModule).toContain("    ) -> Iterator[EdgeList[InspectionResult]]:");
    // The edge view's keyword filters are generated and exported like a node view's.
    expect(edgeModule).toContain("class InspectionResultFilters(NodeFilters, total=False):\n    min_score: float | None\n");
    expect(fileOf(nested, "hydro_plant_model/data_classes/__init__.py")).toContain('"InspectionResultFilters",');
    // Both fields with edges of this view, outwards and inwards, use the one class.
    const generator = fileOf(nested, "hydro_plant_model/_api/generator.py");
    expect(generator).toContain("from ..data_classes._inspection_result import InspectionResultAPI\n");
    expect(generator).toContain('self.inspections_edge = InspectionResultAPI(instances, Generator, "inspections", default_space)');
    expect(fileOf(nested, "hydro_plant_model/_api/inspector.py")).toContain(
      'self.inspected_edge = InspectionResultAPI(instances, Inspector, "inspected", default_space)',
    );
  });

  test("a view used for nodes and edges gets the API of its edge class beside its node API", () => {
    const sdk = generateSdk(
      {
        models: [
          model([
            view("Station", { name: text(), outlets: edge("Station", { edgeSource: "Flow" }) }),
            view("Flow", { rate: primitive("float64") }, { usedFor: "all" }),
          ]),
        ],
        origin: "test",
      },
      FIXED,
    );
    const flows = sdk.files.find((file) => file.path.endsWith("data_classes/_flow.py"))?.content ?? "";
    expect(flows).toContain("class FlowEdgeAPI(EdgeAPI[FlowEdge]):\n    _edge_class = FlowEdge\n    _filters = FlowFilters\n");
  });

  test("the other layouts import the edge view's classes from where they put them", () => {
    const flat = generate({ flatStructure: true });
    expect(fileOf(flat, "hydro_plant_model/_generator_api.py")).toContain("from ._inspection_result import InspectionResultAPI\n");
    const single = fileOf(generate({ singleFile: true }), "hydro_plant_model/_sdk.py");
    expect(single).not.toContain("import InspectionResult");
    expect(single.indexOf("class InspectionResultAPI(")).toBeLessThan(single.indexOf("class GeneratorAPI("));
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
