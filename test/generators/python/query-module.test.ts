import { describe, expect, test } from "bun:test";
import { generateSdk } from "../../../src/pipeline.ts";
import { direct, edge, enumOf, model, primitive, reverse, text, view } from "../../support/model-builder.ts";

const FIXED = { generatedAt: "2026-01-01T00:00:00+00:00", pygenVersion: "9.9.9" };

function generate(views: Parameters<typeof model>[0], lineLength = 120) {
  const result = generateSdk({ models: [model(views, { externalId: "Plant" })], origin: "test" }, { ...FIXED, lineLength });
  const file = (path: string) => {
    const found = result.files.find((candidate) => candidate.path === path);
    if (found === undefined) throw new Error(`${path} not generated`);
    return found.content;
  };
  return { result, file };
}

/** The lines of one class, up to the next top-level definition. */
function classLines(content: string, name: string): string[] {
  const start = content.indexOf(`class ${name}(`);
  if (start < 0) throw new Error(`class ${name} not found`);
  const end = content.indexOf("\n\n\nclass ", start);
  return content
    .slice(start, end < 0 ? undefined : end)
    .trimEnd()
    .split("\n");
}

describe("select() steps", () => {
  const { file } = generate([
    view("Pump", {
      name: text(),
      rating: primitive("int32"),
      weight: primitive("float64"),
      installed: primitive("timestamp"),
      serviced: primitive("date"),
      active: primitive("boolean"),
      state: enumOf(["on", "off"]),
      tags: primitive("int32", true),
      site: direct("Site"),
      elsewhere: direct(),
      valves: edge("Valve", { edgeSource: "Fitting" }),
    }),
    view("Site", { name: text(), pumps: reverse("Pump", "site"), spares: reverse("Pump", "elsewhere") }),
    view("Valve", { name: text(), list: text(), limit: primitive("int32"), where: text() }),
    view("Fitting", { position: primitive("int32") }, { usedFor: "edge" }),
  ]);
  const query = file("plant/_query.py");

  test("one class per node view: a descriptor per filterable property, a property per connection it follows", () => {
    expect(classLines(query, "PumpQuery")).toEqual([
      "class PumpQuery(NodeQuery[Pump, PumpList, _Root]):",
      "    _read_class = Pump",
      "    _list_class = PumpList",
      "",
      '    name = TextProperty("name")',
      '    rating = RangeProperty[int]("rating")',
      '    weight = RangeProperty[float]("weight")',
      '    installed = RangeProperty[datetime]("installed")',
      '    serviced = RangeProperty[date]("serviced")',
      '    active = ValueProperty[bool]("active")',
      '    state = ValueProperty[PumpState]("state")',
      '    elsewhere = ValueProperty[NodeId]("elsewhere")',
      "",
      "    @property",
      "    def site(self) -> SiteQuery[_Root]:",
      '        """The next step: the nodes site connects to."""',
      '        return SiteQuery(self._instances, self._step, "site")',
      "",
      "    @property",
      "    def valves(self) -> ValveQuery[_Root]:",
      '        """The next step: the nodes valves connects to."""',
      '        return ValveQuery(self._instances, self._step, "valves")',
    ]);
    expect(query).toContain('_Root = TypeVar("_Root", bound=NodeList[Any])');
    expect(query).not.toContain("class FittingQuery");
  });

  test("reverse relations are followed; a property named like a NodeQuery member gets a step of its own", () => {
    const site = classLines(query, "SiteQuery").join("\n");
    expect(site).toContain('return PumpQuery(self._instances, self._step, "pumps")');
    expect(site).toContain("def spares(self) -> PumpQuery[_Root]:");
    expect(classLines(query, "ValveQuery").slice(4)).toEqual([
      '    name = TextProperty("name")',
      '    list_ = TextProperty("list_")',
      '    limit_ = RangeProperty[int]("limit")',
      '    where_ = TextProperty("where")',
    ]);
  });

  test("each API starts a chain with select() and lists with retrieve_connections", () => {
    const api = file("plant/_api/pump.py");
    expect(api).toContain("from .._query import PumpQuery");
    expect(api).toContain("    def select(self) -> PumpQuery[PumpList]:\n");
    expect(api).toContain("        return PumpQuery(self._instances)");
    expect(api).toContain('        retrieve_connections: RetrieveConnections = "skip",\n');
    expect(api).toContain("            retrieve_connections=retrieve_connections,\n");
  });
});

describe("long names", () => {
  const long = "VibrationMeasurementSensorConfigurationOfTheTurbineBladeAssembly";
  const { file } = generate([view(long, { classificationOfTheVibrationAmplitudeMeasuredAtTheRoot: enumOf(["low", "high"]) })]);

  test("are split as ruff format splits them", () => {
    const query = file("plant/_query.py");
    expect(query).toContain(`class ${long}Query(\n    NodeQuery[\n        ${long},\n        ${long}List,\n        _Root,\n    ],\n):`);
    expect(query).toContain(
      `    classification_of_the_vibration_amplitude_measured_at_the_root = ValueProperty[\n        ${long}ClassificationOfTheVibrationAmplitudeMeasuredAtTheRoot\n    ]("classification_of_the_vibration_amplitude_measured_at_the_root")`,
    );
    const api = file(`plant/_api/${"vibration_measurement_sensor_configuration_of_the_turbine_blade_assembly"}.py`);
    expect(api).toContain(`    def select(\n        self,\n    ) -> ${long}Query[\n        ${long}List\n    ]:\n`);
  });
});
