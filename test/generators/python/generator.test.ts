import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GenerationError, TemplateError, ValidationError } from "../../../src/errors.ts";
import { generationTime } from "../../../src/generators/generator.ts";
import { viewText } from "../../../src/ir/issues.ts";
import { writeGeneratedFiles } from "../../../src/output/writer.ts";
import { type GenerationResult, generateSdk, type PipelineOptions } from "../../../src/pipeline.ts";
import { loadExampleModel, loadModelFile } from "../../../src/sources.ts";
import { folderWith } from "../../support/binary.ts";
import { direct, edge, enumOf, mapped, model, primitive, reverse, text, view } from "../../support/model-builder.ts";
import { describeShared, sharedModelNames, sharedModelPath } from "../../support/shared-models.ts";

const FIXED = { generatedAt: "2026-01-01T00:00:00+00:00", pygenVersion: "9.9.9" } satisfies PipelineOptions;

function generate(models = loadExampleModel().models, options: PipelineOptions = {}): GenerationResult {
  return generateSdk({ models, origin: "test" }, { ...FIXED, ...options });
}

function fileOf(result: GenerationResult, path: string): string {
  const file = result.files.find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`${path} not generated; got ${result.files.map((candidate) => candidate.path).join(", ")}`);
  return file.content;
}

/** The lines of a class body, from its `class` line to the next blank line pair. */
function classBlock(content: string, declaration: string): string[] {
  const start = content.indexOf(`class ${declaration}`);
  if (start < 0) throw new Error(`class ${declaration} not found`);
  const end = content.indexOf("\n\n\n", start);
  return content.slice(start, end < 0 ? undefined : end).split("\n");
}

describe("the generated package", () => {
  const result = generate(undefined, { defaultSpace: "pygen_example" });
  const pkg = "hydro_plant_model";

  test("has the layout of DESIGN.md §4, with the runtime vendored", () => {
    const paths = result.files.map((file) => file.path);
    for (const path of [
      "pyproject.toml",
      "README.md",
      `${pkg}/__init__.py`,
      `${pkg}/py.typed`,
      `${pkg}/_client.py`,
      `${pkg}/data_classes/__init__.py`,
      `${pkg}/data_classes/_hydro_plant.py`,
      `${pkg}/_api/__init__.py`,
      `${pkg}/_api/hydro_plant.py`,
      `${pkg}/_runtime/__init__.py`,
      `${pkg}/_runtime/api.py`,
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths).toEqual([...paths].sort());
    // Five node views with read and write classes, and the edge view's edge classes.
    expect(result.classes).toBe(12);
    expect(paths).toContain(`${pkg}/data_classes/_inspection_result.py`);
    expect(paths).not.toContain(`${pkg}/_api/inspection_result.py`);
    expect(result.lines).toBe(result.files.reduce((total, file) => total + file.content.split("\n").length - 1, 0));
  });

  test("records versions and the generation time, and exports the client and data classes", () => {
    const init = fileOf(result, `${pkg}/__init__.py`);
    expect(init).toContain('__pygen_version__ = "9.9.9"\n__model_version__ = "1"\n__generated_at__ = "2026-01-01T00:00:00+00:00"');
    expect(init).toContain("from ._client import HydroPlantModelClient");
    expect(init).toContain('    "HydroPlantWriteList",');
  });

  test("pyproject: dependencies, Python version, and the formatter settings the code was laid out for", () => {
    const pyproject = fileOf(result, "pyproject.toml");
    expect(pyproject).toContain('requires-python = ">=3.10"');
    expect(pyproject).toContain('dependencies = ["pydantic>=2", "httpx", "typing_extensions"]');
    expect(pyproject).toContain('[project.optional-dependencies]\n# `to_pandas()` on list results.\npandas = ["pandas>=2"]');
    expect(pyproject).toContain("line-length = 120\nindent-width = 4");
  });

  test("the client has one attribute per view and the default space", () => {
    const client = fileOf(result, `${pkg}/_client.py`);
    expect(client).toContain('    default_space = "pygen_example"');
    expect(client).toContain("        self.hydro_plant = HydroPlantAPI(self._instances, self.default_space)");
    // BaseClient's constructor (config, arguments or environment) is inherited, never repeated.
    expect(client).toContain("    def _connect_apis(self) -> None:\n");
    expect(client).not.toContain("__init__");
  });

  test("connections and edge views are generated: no generator warnings for the example", () => {
    expect(result.warnings.filter((warning) => warning.source === "generator")).toEqual([]);
    expect(fileOf(result, `${pkg}/data_classes/_hydro_plant.py`)).toContain(
      "    generators: list[DirectRelation | Generator] | None = None",
    );
  });

  test("the same input gives the same bytes", () => {
    const again = generate(undefined, { defaultSpace: "pygen_example" });
    expect(again.files).toEqual(result.files);
  });

  test("README tells how to install, connect and use, from the model, and what is left out", () => {
    const readme = fileOf(result, "README.md");
    expect(readme).not.toContain("## Not generated yet");
    expect(readme).toContain("## Connections");
    expect(readme).toContain("listed through the edge fields' APIs:\n`InspectionResult`.");
    expect(readme).toContain("`client.<view>.<field>_edge.list(start_node=...,");
    expect(readme).toContain("pip install .");
    // True to the pyproject, ours, and the first run complete: connect, create the instance space, read.
    expect(readme).toContain("pip install .             # pydantic>=2, httpx and typing_extensions");
    expect(readme).toContain("pip install '.[pandas]'");
    expect(readme).not.toContain("github.com/cognitedata/pygen");
    expect(readme).toContain('client.spaces.apply("pygen_example")');
    expect(readme).toContain("HydroPlantModelClient.from_cognite_client(cognite_client)");
    expect(readme).toContain("| `client.hydro_plant` | `HydroPlant` | `HydroPlantWrite` | `pygen_example:HydroPlant/1` |");
    expect(readme).toContain("client.asset.list(limit=10)");
    expect(fileOf(generate(undefined, { examples: false }), "README.md")).not.toContain("## Use");
  });
});

describe("type mapping", () => {
  const every = view(
    "Every",
    {
      name: text({ nullable: false }),
      count32: mapped({ type: "int32", list: false }, { nullable: false, defaultValue: 7 }),
      count64: primitive("int64"),
      ratio32: primitive("float32"),
      ratio64: primitive("float64"),
      active: mapped({ type: "boolean", list: false }, { nullable: false, defaultValue: true }),
      seenAt: primitive("timestamp"),
      seenOn: primitive("date"),
      settings: primitive("json"),
      state: enumOf(["on", "off"]),
      owner: direct("Every"),
      anyNode: direct(),
      series: mapped({ type: "timeseries", list: false }),
      document: mapped({ type: "file", list: false }),
      curve: mapped({ type: "sequence", list: false }),
      words: mapped({ type: "text", list: true }),
      numbers: primitive("int64", true),
      times: primitive("timestamp", true),
      days: primitive("date", true),
      blobs: primitive("json", true),
      owners: direct("Every", { list: true }),
      seriesList: mapped({ type: "timeseries", list: true }),
      label: text({ defaultValue: "none" }),
    },
    { description: 'Every "type" \\ of CDF.' },
  );
  const result = generate([model([every])]);
  const content = fileOf(result, "test_model/data_classes/_every.py");

  test("read fields: precise types, CDF names as aliases, nullables default to None, enums tolerate new values", () => {
    expect(classBlock(content, "Every(NodeRead)")).toEqual([
      "class Every(NodeRead):",
      '    """Every \\"type\\" \\\\ of CDF."""',
      "",
      "    _view: ClassVar[ViewId] = EVERY_VIEW",
      "    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS",
      "",
      "    name: str",
      '    count_32: Annotated[int, cdf_name("count32")]',
      '    count_64: Annotated[int | None, cdf_name("count64")] = None',
      '    ratio_32: Annotated[float | None, cdf_name("ratio32")] = None',
      '    ratio_64: Annotated[float | None, cdf_name("ratio64")] = None',
      "    active: bool",
      '    seen_at: Annotated[Timestamp | None, cdf_name("seenAt")] = None',
      '    seen_on: Annotated[Date | None, cdf_name("seenOn")] = None',
      "    settings: dict[str, Any] | None = None",
      "    state: EveryState | str | None = None",
      "    owner: DirectRelation | Every | None = None",
      '    any_node: Annotated[DirectRelation | None, cdf_name("anyNode")] = None',
      "    series: str | None = None",
      "    document: str | None = None",
      "    curve: str | None = None",
      "    words: list[str] | None = None",
      "    numbers: list[int] | None = None",
      "    times: list[Timestamp] | None = None",
      "    days: list[Date] | None = None",
      "    blobs: list[dict[str, Any]] | None = None",
      "    owners: list[DirectRelation | Every] | None = None",
      '    series_list: Annotated[list[str] | None, cdf_name("seriesList")] = None',
      "    label: str | None = None",
      "",
      "    def as_write(self) -> EveryWrite:",
      '        """This node as a write object, for client.upsert()."""',
      "        return self._to_write(EveryWrite)",
    ]);
  });

  test("write fields: strict enums, required where CDF requires, container defaults shown", () => {
    const write = classBlock(content, "EveryWrite(NodeWrite)");
    expect(write).toContain("    name: str");
    expect(write).toContain('    count_32: Annotated[int, cdf_name("count32")] = 7');
    expect(write).toContain("    active: bool = True");
    expect(write).toContain("    state: EveryState | None = None");
    expect(write).toContain('    label: str | None = "none"');
  });

  test("typed filters per property kind, and field-name literals", () => {
    expect(classBlock(content, "EveryFilters(NodeFilters, total=False)")).toEqual([
      "class EveryFilters(NodeFilters, total=False):",
      "    name: str | Sequence[str] | None",
      "    name_prefix: str | None",
      "    min_count_32: int | None",
      "    max_count_32: int | None",
      "    min_count_64: int | None",
      "    max_count_64: int | None",
      "    min_ratio_32: float | None",
      "    max_ratio_32: float | None",
      "    min_ratio_64: float | None",
      "    max_ratio_64: float | None",
      "    active: bool | None",
      "    min_seen_at: datetime | None",
      "    max_seen_at: datetime | None",
      "    min_seen_on: date | None",
      "    max_seen_on: date | None",
      "    state: EveryState | Sequence[EveryState] | None",
      "    owner: NodeId | Sequence[NodeId] | None",
      "    any_node: NodeId | Sequence[NodeId] | None",
      "    owners: NodeId | Sequence[NodeId] | None",
      "    label: str | Sequence[str] | None",
      "    label_prefix: str | None",
    ]);
    expect(content).toContain('EveryState = Literal["on", "off"]');
    expect(content).toContain('EveryTextField = Literal["name", "label"]');
    expect(content).toContain('    "seen_on",\n');
  });

  test("the API has the five typed methods, forwarding to the runtime", () => {
    const api = fileOf(result, "test_model/_api/every.py");
    for (const method of ["list", "iterate", "search", "aggregate", "histogram"]) expect(api).toContain(`    def ${method}(\n`);
    // Each filter keyword is a parameter of its own, which every editor completes (jedi does not complete
    // `**filters: Unpack[...]`), and the runtime reads them from the method's locals().
    expect(api).not.toContain("Unpack");
    expect(api).toContain("        min_count_32: int | None = None,\n");
    expect(api).toContain("        state: EveryState | Sequence[EveryState] | None = None,\n");
    expect(api).toContain("        return self._list(\n            locals(),\n");
    expect(api).not.toMatch(/ list\[/);
  });
});

describe("names, read-only views and connections", () => {
  const reserved = view("Thing", {
    type: text(),
    version: primitive("int32"),
    space: text(),
    id: text(),
    dump: text(),
    properties: text(),
    date: primitive("date"),
    reading: direct("Reading"),
  });
  const readOnly = view("Summary", { total: primitive("float64") }, { writable: false });
  const noText = view("Reading", { value: primitive("float64"), links: edge("Thing"), back: reverse("Thing", "reading") });
  const result = generate([model([reserved, readOnly, noText])]);

  test("members of the data classes and Python words are escaped; the CDF names stay as aliases", () => {
    const content = fileOf(result, "test_model/data_classes/_thing.py");
    for (const [field, identifier] of [
      ["type_", "type"],
      ["version_", "version"],
      ["space_", "space"],
      ["id_", "id"],
      ["dump_", "dump"],
      ["date_", "date"],
    ]) {
      expect(content).toContain(`    ${field}: Annotated[`);
      expect(content).toContain(`cdf_name("${identifier}")`);
    }
    // Filter keywords the runtime reads back to the escaped field.
    expect(content).toContain("    type_prefix: str | None");
    expect(content).toContain("    min_date: date | None");
    expect(content).toContain("    properties_: str | Sequence[str] | None");
  });

  test("a CDF identifier spelled like a base field's name is read lifted, so keywords keep to their fields", () => {
    const clash = view("Clash", { node_type: text(), created_time: primitive("timestamp"), fooBar: text() });
    const content = fileOf(generate([model([clash])]), "test_model/data_classes/_clash.py");
    expect(content).toContain('node_type_: Annotated[str | None, cdf_name("node_type", lifted=True)] = None');
    expect(content).toContain('created_time_: Annotated[Timestamp | None, cdf_name("created_time", lifted=True)] = None');
    expect(content).toContain('foo_bar: Annotated[str | None, cdf_name("fooBar")] = None');
  });

  test("a filter keyword the runtime would read as another field is left out with a warning", () => {
    const content = fileOf(result, "test_model/data_classes/_thing.py");
    // `space_prefix` would filter on the node's space, not on the property called space.
    expect(content).not.toContain("space_prefix");
    expect(result.warnings.map((warning) => `${warning.code} ${warning.location}`)).toContain("FILTER_SKIPPED sp_test/Thing/space");
  });

  test("names with numbers read as people read them, alike in every slot (class, module, client attribute, constant, field, filter)", () => {
    const modelView = view("Cognite3DModel", { volumeM3: primitive("float64"), HTTP2Port: primitive("int32"), images360: text() });
    const generated = generate([model([modelView])]);
    const content = fileOf(generated, "test_model/data_classes/_cognite_3d_model.py");
    expect(fileOf(generated, "test_model/_api/cognite_3d_model.py")).toContain("class Cognite3DModelAPI(");
    expect(fileOf(generated, "test_model/_client.py")).toContain("self.cognite_3d_model = Cognite3DModelAPI(");
    expect(content).toContain('COGNITE_3D_MODEL_VIEW = ViewId("sp_test", "Cognite3DModel", "1")');
    expect(classBlock(content, "Cognite3DModelFilters(")).toEqual([
      "class Cognite3DModelFilters(NodeFilters, total=False):",
      "    min_volume_m3: float | None",
      "    max_volume_m3: float | None",
      "    min_http2_port: int | None",
      "    max_http2_port: int | None",
      "    images_360: str | Sequence[str] | None",
      "    images_360_prefix: str | None",
    ]);
    expect(generated.warnings).toEqual([]);
  });

  test("read-only views get read classes and a read API only; views without text no search", () => {
    const summary = fileOf(result, "test_model/data_classes/_summary.py");
    expect(summary).not.toContain("SummaryWrite");
    expect(summary).toContain("class SummaryList(NodeList[Summary]):\n    pass");
    expect(fileOf(result, "test_model/__init__.py")).not.toContain("SummaryWrite");
    const readingApi = fileOf(result, "test_model/_api/reading.py");
    expect(readingApi).not.toContain("def search(");
    expect(readingApi).toContain("def histogram(");
  });

  test("a model of edge views only gives edge classes and a client without view APIs", () => {
    const onlyEdges = generate([model([view("Link", { weight: primitive("float64") }, { usedFor: "edge" })])]);
    const link = fileOf(onlyEdges, "test_model/data_classes/_link.py");
    expect(classBlock(link, "Link(EdgeRead)")).toEqual([
      "class Link(EdgeRead):",
      "    _view: ClassVar[ViewId] = LINK_VIEW",
      "",
      "    end_node: Annotated[DirectRelation, edge_end()]",
      "    weight: float | None = None",
      "",
      "    def as_write(self) -> LinkWrite:",
      '        """This edge as a write object, for client.upsert()."""',
      "        return self._to_write(LinkWrite)",
    ]);
    expect(link).toContain("    end_node: Annotated[DirectRelation | tuple[str, str], edge_end()]");
    expect(fileOf(onlyEdges, "test_model/data_classes/__init__.py")).toContain("resolve_references(globals())");
    expect(onlyEdges.files.some((file) => file.path.startsWith("test_model/_api/link"))).toBe(false);
    // No view API to connect: the client adds nothing to BaseClient.
    expect(fileOf(onlyEdges, "test_model/_client.py")).not.toContain("_connect_apis");
    expect(onlyEdges.warnings).toEqual([]);
  });

  test("edges and reverse relations are fields holding ids or objects; reverse relations are read only", () => {
    const reading = fileOf(result, "test_model/data_classes/_reading.py");
    expect(reading).toContain("    links: list[DirectRelation | Thing] | None = None");
    expect(reading).toContain("    back: list[DirectRelation | Thing] | None = None");
    expect(classBlock(reading, "ReadingWrite(NodeWrite)").join("\n")).not.toContain("back");
    const readingWarnings = result.warnings.filter((warning) => warning.location.startsWith("sp_test/Reading"));
    expect(readingWarnings).toEqual([]);
  });
});

describe("connections", () => {
  const typeFilter = { equals: { property: ["node", "type"], value: { space: "sp_test", externalId: "PumpType" } } };
  const result = generate([
    model([
      view(
        "Pump",
        {
          name: text(),
          site: direct("Site"),
          pipes: edge("Pipe", { edgeSource: "Flow" }),
          feeder: edge("Pipe", { single: true, direction: "inwards" }),
          anyNode: direct(),
        },
        { filter: typeFilter },
      ),
      view("Site", { name: text(), pumps: reverse("Pump", "site") }),
      view("Pipe", { length: primitive("float64") }, { writable: false }),
      view("Flow", { rate: primitive("float64") }, { usedFor: "edge" }),
    ]),
  ]);
  const pump = fileOf(result, "test_model/data_classes/_pump.py");

  test("read fields hold ids or the generated class at the other end; edges with properties hold edge objects", () => {
    expect(classBlock(pump, "Pump(NodeRead)").slice(0, 9)).toEqual([
      "class Pump(NodeRead):",
      "    _view: ClassVar[ViewId] = PUMP_VIEW",
      "    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS",
      "",
      "    name: str | None = None",
      "    site: DirectRelation | Site | None = None",
      "    pipes: list[Flow] | None = None",
      "    feeder: DirectRelation | Pipe | None = None",
      '    any_node: Annotated[DirectRelation | None, cdf_name("anyNode")] = None',
    ]);
    expect(fileOf(result, "test_model/data_classes/_site.py")).toContain("    pumps: list[DirectRelation | Pump] | None = None");
  });

  test("write fields take nested write objects, ids or pairs; a read-only target only ids; the node type defaults", () => {
    expect(classBlock(pump, "PumpWrite(NodeWrite)").slice(3, 10)).toEqual([
      "",
      '    node_type: DirectRelation | None = NodeId("sp_test", "PumpType")',
      "    name: str | None = None",
      "    site: SiteWrite | DirectRelation | tuple[str, str] | None = None",
      "    pipes: list[FlowWrite] | None = None",
      "    feeder: DirectRelation | tuple[str, str] | None = None",
      '    any_node: Annotated[DirectRelation | tuple[str, str] | None, cdf_name("anyNode")] = None',
    ]);
    const site = fileOf(result, "test_model/data_classes/_site.py");
    expect(site.slice(site.indexOf("class SiteWrite"))).not.toContain("pumps");
  });

  test("each connection is described once per module; other modules' classes are imported for type checkers", () => {
    expect(pump).toContain(
      [
        "_CONNECTIONS = {",
        '    "site": Connection("direct", "site", many=False, target_view=ViewId("sp_test", "Site", "1")),',
        '    "pipes": Connection(',
        '        "edge",',
        '        "pipes",',
        "        many=True,",
        '        target_view=ViewId("sp_test", "Pipe", "1"),',
        '        direction="outwards",',
        '        edge_type=NodeId("sp_test", "type_Pipe"),',
        '        edge_view=ViewId("sp_test", "Flow", "1"),',
        "    ),",
      ].join("\n"),
    );
    expect(pump).toContain('        direction="inwards",');
    expect(pump).toContain('    "any_node": Connection("direct", "anyNode", many=False),');
    expect(pump).toContain(
      "if TYPE_CHECKING:\n    from ._flow import Flow, FlowWrite\n    from ._pipe import Pipe\n    from ._site import Site, SiteWrite\n",
    );
    expect(fileOf(result, "test_model/data_classes/_site.py")).toContain(
      '        through_source=ViewId("sp_test", "Pump", "1"),\n        through_property="site",\n',
    );
  });

  test("a node type defaults from an equals or one-value in filter on the node type, also within and", () => {
    const type = (externalId: string) => ({ space: "sp_test", externalId });
    const typeIn = (...values: object[]) => ({ in: { property: ["node", "type"], values } });
    const views = [
      view("One", { name: text() }, { filter: { and: [typeIn(type("OneType")), { hasData: [] }] } }),
      view("Two", { name: text() }, { filter: typeIn(type("A"), type("B")) }),
    ];
    const typed = generate([model(views)]);
    expect(fileOf(typed, "test_model/data_classes/_one.py")).toContain('node_type: DirectRelation | None = NodeId("sp_test", "OneType")');
    expect(fileOf(typed, "test_model/data_classes/_two.py")).not.toContain("node_type");
  });

  test("an edge view is an edge class whose end node is any node its edges lead to", () => {
    const flow = fileOf(result, "test_model/data_classes/_flow.py");
    expect(flow).toContain("class Flow(EdgeRead):");
    expect(flow).toContain("    end_node: Annotated[DirectRelation | Pipe, edge_end()]");
    expect(flow).toContain("class FlowWrite(EdgeWrite):");
    expect(flow).toContain("    end_node: Annotated[DirectRelation | tuple[str, str], edge_end()]");
    expect(fileOf(result, "test_model/data_classes/__init__.py")).toContain("\n\nresolve_references(globals())\n");
    expect(result.files.map((file) => file.path)).not.toContain("test_model/_api/flow.py");
  });
});

describe("a view used for nodes and edges (usedFor=all)", () => {
  const result = generate([
    model([
      view("Pump", {
        pipes: edge("Pipe", { edgeSource: "Flow" }),
        feeder: edge("Pipe", { single: true, direction: "inwards", edgeSource: "Flow" }),
      }),
      view("Pipe", { length: primitive("float64") }),
      view("Flow", { rate: primitive("float64"), meter: direct("Pipe"), pumps: edge("Pump") }, { usedFor: "all" }),
      // Takes the edge class's first-choice name.
      view("FlowEdge", { note: text() }),
      view("Gauge", { value: primitive("float64") }, { usedFor: "all", writable: false }),
    ]),
  ]);
  const flow = fileOf(result, "test_model/data_classes/_flow.py");

  test("is a node class with its API and an edge class of the stored properties, named apart from other views", () => {
    expect(classBlock(flow, "Flow(NodeRead)")).toContain("    pumps: list[DirectRelation | Pump] | None = None");
    expect(classBlock(flow, "FlowEdge2(EdgeRead)")).toEqual([
      "class FlowEdge2(EdgeRead):",
      "    _view: ClassVar[ViewId] = FLOW_VIEW",
      "    _connections: ClassVar[dict[str, Connection]] = _CONNECTIONS",
      "",
      "    end_node: Annotated[DirectRelation | Pipe, edge_end()]",
      "    rate: float | None = None",
      "    meter: DirectRelation | Pipe | None = None",
      "",
      "    def as_write(self) -> FlowEdge2Write:",
      '        """This edge as a write object, for client.upsert()."""',
      "        return self._to_write(FlowEdge2Write)",
    ]);
    expect(classBlock(flow, "FlowEdge2Write(EdgeWrite)").slice(4, 7)).toEqual([
      "    end_node: Annotated[PipeWrite | DirectRelation | tuple[str, str], edge_end()]",
      "    rate: float | None = None",
      "    meter: PipeWrite | DirectRelation | tuple[str, str] | None = None",
    ]);
    expect(fileOf(result, "test_model/data_classes/_flow_edge.py")).toContain("class FlowEdge(NodeRead):");
    expect(result.files.map((file) => file.path)).toContain("test_model/_api/flow.py");
    for (const path of ["test_model/__init__.py", "test_model/data_classes/__init__.py"]) {
      expect(fileOf(result, path)).toContain('    "FlowEdge2",\n    "FlowEdge2Write",\n');
    }
    expect(fileOf(result, "README.md")).toContain("`FlowEdge2`");
    // Read and write classes of Pump, Pipe, Flow and FlowEdge, Flow's edge classes, Gauge's read and edge class.
    expect(result.classes).toBe(12);
  });

  test("edges whose properties view it is hold its edge class; a read-only view has a read edge class only", () => {
    const pump = fileOf(result, "test_model/data_classes/_pump.py");
    expect(classBlock(pump, "Pump(NodeRead)")).toContain("    pipes: list[FlowEdge2] | None = None");
    expect(classBlock(pump, "PumpWrite(NodeWrite)")).toContain("    feeder: FlowEdge2Write | None = None");
    expect(pump).toContain('edge_view=ViewId("sp_test", "Flow", "1")');
    expect(result.warnings.filter((warning) => warning.code === "EDGE_PROPERTIES_SKIPPED")).toEqual([]);
    const gauge = fileOf(result, "test_model/data_classes/_gauge.py");
    expect(gauge).toContain("class GaugeEdge(EdgeRead):");
    expect(gauge).not.toContain("GaugeEdgeWrite");
    expect(gauge).not.toContain("GaugeWrite");
  });
});

describe("several data models and the generator's parts", () => {
  const pumps = model([view("Pump", { name: text() }), view("Site", { name: text() })], { externalId: "Pumps" });
  const otherPump = view("Pump", { rate: primitive("float64") }, { space: "other" });
  const plants = model([otherPump, view("Site", { name: text() })], { externalId: "Plants" });
  const result = generate([pumps, plants]);

  test("one client with a group of APIs per data model; same-name views told apart by the IR's names", () => {
    const client = fileOf(result, "pumps/_client.py");
    expect(client).toContain("class PumpsClient(BaseClient):");
    expect(client.match(/ = \w+APIs\(/g)).toEqual([" = PumpsAPIs(", " = PlantsAPIs("]);
    // Site is in both models: one class, offered by both groups.
    expect(client.match(/ = \w+API\(/g)).toEqual([" = PumpSpTestAPI(", " = SiteAPI(", " = PumpOtherAPI(", " = SiteAPI("]);
    expect(client).toContain("self.pump_other = PumpOtherAPI(");
    const paths = result.files.map((file) => file.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe("options", () => {
  test("package and client names, line length and indent are honoured", () => {
    const result = generate(undefined, { topLevelPackage: "plant", clientName: "PlantClient", lineLength: 80, indent: 2 });
    expect(fileOf(result, "plant/_client.py")).toContain("class PlantClient(BaseClient):\n");
    expect(fileOf(result, "pyproject.toml")).toContain("line-length = 80\nindent-width = 2");
    // Only docstrings may run long: words are never broken.
    const code = result.files.filter((file) => file.path.endsWith(".py") && !file.path.includes("_runtime"));
    const long = code.flatMap((file) => file.content.split("\n").filter((line) => line.length > 80 && !line.includes('"""')));
    expect(long).toEqual([]);
    expect(fileOf(result, "plant/_api/asset.py")).toContain("\n  def list(\n");
  });

  test("a dotted top-level package nests the SDK, as in pygen v1", () => {
    const result = generate(undefined, { topLevelPackage: "movie_domain.client" });
    const paths = result.files.map((file) => file.path);
    expect(paths).toContain("movie_domain/client/_client.py");
    expect(paths).toContain("movie_domain/client/_runtime/__init__.py");
    expect(paths.filter((path) => !path.startsWith("movie_domain/client/"))).toEqual([
      "README.md",
      "movie_domain/__init__.py",
      "pyproject.toml",
    ]);
    expect(fileOf(result, "movie_domain/__init__.py")).toBe("");
    const pyproject = fileOf(result, "pyproject.toml");
    expect(pyproject).toContain('name = "movie-domain-client"');
    expect(pyproject).toContain('include = ["movie_domain*"]');
    expect(pyproject).toContain('extend-exclude = ["movie_domain/client/_runtime"]');
    expect(fileOf(result, "README.md")).toContain("from movie_domain.client import HydroPlantModelClient");
    // Imports inside the SDK are relative, so they do not depend on where the package sits.
    const code = result.files.filter((file) => file.path.endsWith(".py")).map((file) => file.content);
    expect(code.filter((content) => /^(from|import) (movie_domain|hydro_plant_model)\b/m.test(content))).toEqual([]);
  });

  test("without a default space, the client has none", () => {
    expect(fileOf(generate(), "hydro_plant_model/_client.py")).not.toContain("default_space =");
  });

  test("docstrings carry the model's descriptions: fields, method Args, an example of the view, the README", () => {
    const result = generate();
    const plant = fileOf(result, "hydro_plant_model/data_classes/_hydro_plant.py");
    expect(plant).toContain(
      '    capacity_mw: Annotated[float | None, cdf_name("capacityMw")] = None\n    """Installed capacity in megawatts."""\n',
    );
    const api = fileOf(result, "hydro_plant_model/_api/hydro_plant.py");
    expect(api).toContain(
      "            min_capacity_mw: Match nodes whose capacity_mw is at least this value. Installed capacity in megawatts.\n",
    );
    expect(api).toContain("            >>> client.hydro_plant.list(min_capacity_mw=1.0, limit=10)\n");
    expect(fileOf(result, "README.md")).toContain("| `pygen_example:HydroPlant/1` | A hydroelectric power plant. |");
  });

  test("docstrings can be turned off: classes, fields and methods have none", () => {
    const result = generate(undefined, { docstrings: false });
    expect(fileOf(result, "hydro_plant_model/data_classes/_asset.py")).not.toContain("Anything with a name");
    expect(fileOf(result, "hydro_plant_model/data_classes/_hydro_plant.py")).not.toContain('"""Installed capacity');
    for (const path of ["hydro_plant_model/_api/hydro_plant.py", "hydro_plant_model/_query.py"]) {
      // The module docstring stays: it names the view.
      expect(fileOf(result, path).split('"""').length, path).toBe(3);
    }
  });

  test("camelCase fields keep filter keywords the runtime understands", () => {
    const content = fileOf(
      generate(undefined, { naming: { className: "pascal", field: "camel" } }),
      "hydro_plant_model/data_classes/_hydro_plant.py",
    );
    expect(content).toContain("    capacityMw: float | None = None");
    expect(content).toContain("    min_capacityMw: float | None");
  });

  test("options that cannot be honoured are refused with a reason", () => {
    expect(() => generate(undefined, { typeHints: false })).toThrow(/pydantic models built from them/);
    expect(() => generate(undefined, { lineLength: 10 })).toThrow(/line length/);
    expect(() => generate(undefined, { topLevelPackage: "my-sdk" })).toThrow(/top-level package must be an identifier/);
    expect(() => generate(undefined, { topLevelPackage: "movie.my-sdk" })).toThrow(/identifiers: "my-sdk" in "movie.my-sdk" is not one$/);
    expect(() => generate(undefined, { topLevelPackage: "movie..sdk" })).toThrow(/"" in "movie..sdk" is not one$/);
    expect(() => generate(undefined, { topLevelPackage: "movie.class" })).toThrow(/Python keyword: "class" in "movie.class"$/);
    const kebab = { className: "pascal", field: "kebab" } as unknown as NonNullable<PipelineOptions["naming"]>;
    expect(() => generate(undefined, { naming: kebab })).toThrow(/field naming must be one of pascal, camel, snake/);
  });

  test("SOURCE_DATE_EPOCH fixes the generation time", () => {
    expect(generationTime({ SOURCE_DATE_EPOCH: "1700000000" })).toBe("2023-11-14T22:13:20+00:00");
    expect(generationTime({}, () => new Date("2025-05-06T07:08:09.123Z"))).toBe("2025-05-06T07:08:09+00:00");
    expect(() => generationTime({ SOURCE_DATE_EPOCH: "yesterday" })).toThrow(GenerationError);
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = "1700000000";
    try {
      const init = generateSdk(loadExampleModel(), {}).files.find((file) => file.path.endsWith("model/__init__.py"));
      expect(init?.content).toContain('__generated_at__ = "2023-11-14T22:13:20+00:00"');
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
  });

  test("strict mode turns warnings (validation and generator) into a ValidationError listing them", () => {
    let error: unknown;
    try {
      generate([model([view("Thing", { space: text() })])], { strict: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).exitCode).toBe(4);
    expect((error as ValidationError).details.join("\n")).toContain("FILTER_SKIPPED sp_test/Thing/space");
  });

  test("strict mode lists validation and generator issues together", () => {
    const both = model([view("Thing", { space: text() })]);
    expect(() => generate([both], { strict: true })).toThrow(/3 issue\(s\) block generation with --strict/);
    expect(generate([both]).warnings.map((warning) => `${warning.source} ${warning.code}`)).toEqual([
      "validation RESERVED_IDENTIFIER",
      "validation SHADOWED_MEMBER",
      "generator FILTER_SKIPPED",
    ]);
  });
});

describe("writing", () => {
  test("the output writer takes the files as they are; generating again changes nothing", async () => {
    const outputDir = mkdtempSync(join(tmpdir(), "pygen-python-output-"));
    try {
      const first = await writeGeneratedFiles(outputDir, generate().files);
      expect(first.written).toContain("hydro_plant_model/_client.py");
      const second = await writeGeneratedFiles(outputDir, generate().files);
      expect(second.written).toEqual([]);
      expect(second.unchanged).toHaveLength(first.written.length);
    } finally {
      rmSync(outputDir, { recursive: true, force: true });
    }
  });
});

describe("a user's template directory", () => {
  let userDir: string;
  beforeAll(() => {
    userDir = mkdtempSync(join(tmpdir(), "pygen-python-templates-"));
    mkdirSync(join(userDir, "python"));
    writeFileSync(join(userDir, "python", "README.md.eta"), "# <%= it.package %> (our build)\n");
    writeFileSync(join(userDir, "python", "broken.eta"), "<%= it.nothing.here %>");
  });
  afterAll(() => rmSync(userDir, { recursive: true, force: true }));

  /** The example generated with a template folder of its own holding `python/<name>` files. */
  function generateWith(pythonTemplates: Record<string, string>): GenerationResult {
    const dir = mkdtempSync(join(tmpdir(), "pygen-python-templates-"));
    try {
      folderWith(join(dir, "python"), pythonTemplates);
      return generate(undefined, { templateDir: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test("overrides one template and leaves the others embedded", () => {
    const plain = generate();
    const custom = generate(undefined, { templateDir: userDir });
    expect(fileOf(custom, "README.md")).toBe("# hydro_plant_model (our build)\n");
    const others = (result: GenerationResult) => result.files.filter((file) => file.path !== "README.md");
    expect(others(custom)).toEqual(others(plain));
  });

  test("a user's macro is used by the embedded templates that include it, the others staying embedded", () => {
    // _field.eta is included by _read_class.eta, _write_class.eta and _filters_class.eta, which stay embedded:
    // this copy of it writes a comment above each field, then the field as the embedded macro does.
    const embedded = readFileSync(join(import.meta.dir, "..", "..", "..", "templates", "python", "_field.eta"), "utf8");
    const comment = "<%~ it.fmt.indent(it.depth) %># field <%= it.field.name %>\n";
    const custom = generateWith({ "_field.eta": embedded.replace("<% if (field.cdfName", `${comment}<% if (field.cdfName`) });
    const plain = generate();
    const commentLine = /^ {4}# field \w+\n/gm;
    let commented = 0;
    for (const file of custom.files) {
      commented += file.content.match(commentLine)?.length ?? 0;
      expect(file.content.replace(commentLine, "")).toBe(fileOf(plain, file.path));
    }
    expect(fileOf(custom, "hydro_plant_model/data_classes/_generator.py")).toContain(
      "    # field counters\n    counters: list[int] | None = None\n",
    );
    expect(commented).toBeGreaterThan(50);
  });

  test("a user's _api_extra.eta adds members to every API class, the rest staying as embedded", () => {
    const member = [
      "",
      "<%~ it.fmt.indent(1) %>def read_class_name(self) -> str:",
      "<%~ it.fmt.indent(2) %>return <%~ it.fmt.string(it.api.readClass) %>",
      "",
    ];
    const plain = generate();
    const custom = generateWith({ "_api_extra.eta": member.join("\n") });
    const apiFiles = custom.files.filter((file) => /\/_api\/[^_][^/]*\.py$/.test(file.path));
    expect(apiFiles.length).toBeGreaterThan(3);
    for (const file of custom.files) {
      if (!apiFiles.includes(file)) expect(file.content).toBe(fileOf(plain, file.path));
    }
    const generator = fileOf(custom, "hydro_plant_model/_api/generator.py");
    const added = '\n    def read_class_name(self) -> str:\n        return "Generator"\n';
    expect(generator).toBe(`${fileOf(plain, "hydro_plant_model/_api/generator.py")}${added}`);
  });

  test("a template with Windows line endings still gives files with \\n line endings and a final newline", () => {
    const custom = generateWith({ "README.md.eta": "# <%= it.package %>\r\nbuilt here" });
    expect(fileOf(custom, "README.md")).toBe("# hydro_plant_model\nbuilt here\n");
  });

  test("a missing template directory is a TemplateError", () => {
    expect(() => generate(undefined, { templateDir: join(userDir, "absent") })).toThrow(TemplateError);
  });
});

describeShared("every shared model", () => {
  for (const name of sharedModelNames()) {
    test(`${name}: generates deterministically, every view as a class, nothing skipped but edge properties on node views`, async () => {
      const { models } = await loadModelFile(sharedModelPath(name));
      const first = generate(models);
      expect(generate(models).files).toEqual(first.files);
      expect(first.files.some((file) => file.path.endsWith("/_client.py"))).toBe(true);
      const codes = new Set(first.warnings.filter((warning) => warning.source === "generator").map((warning) => warning.code));
      expect([...codes].filter((code) => code !== "FILTER_SKIPPED" && code !== "EDGE_PROPERTIES_SKIPPED")).toEqual([]);
      const views = first.validation.filteredModel.flatMap((kept) => kept.views);
      const dataClasses = first.files.filter((file) => /\/data_classes\/_[^_/][^/]*\.py$/.test(file.path));
      expect(dataClasses).toHaveLength(new Set(views.map(viewText)).size);
    });
  }
});
