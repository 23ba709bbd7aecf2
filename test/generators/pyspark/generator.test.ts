import { describe, expect, test } from "bun:test";
import { type GenerationResult, generateSdk, type PipelineOptions } from "../../../src/pipeline.ts";
import { loadExampleModel } from "../../../src/sources.ts";
import { direct, edge, model, primitive, reverse, text, view } from "../../support/model-builder.ts";

const FIXED = { generatedAt: "2026-01-01T00:00:00+00:00", pygenVersion: "9.9.9" } satisfies PipelineOptions;

function generate(models = loadExampleModel().models, options: PipelineOptions = {}): GenerationResult {
  return generateSdk({ models, origin: "test" }, { ...FIXED, language: "pyspark", ...options });
}

function fileOf(result: GenerationResult, path: string): string {
  const file = result.files.find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`${path} not generated; got ${result.files.map((candidate) => candidate.path).join(", ")}`);
  return file.content;
}

const warningsOf = (result: GenerationResult, code: string) =>
  result.warnings.filter((warning) => warning.code === code).map((warning) => warning.location);

describe("the PySpark package of the bundled example", () => {
  const result = generate();
  const python = generateSdk({ models: loadExampleModel().models, origin: "test" }, FIXED);
  const pkg = "hydro_plant_model";

  test("is the Python SDK, file for file, plus spark.py and the vendored Spark runtime", () => {
    const paths = new Set(result.files.map((file) => file.path));
    for (const file of python.files) {
      expect(paths.has(file.path)).toBe(true);
      if (file.path !== "README.md" && file.path !== "pyproject.toml") expect(fileOf(result, file.path)).toBe(file.content);
    }
    const added = [...paths].filter((path) => !python.files.some((file) => file.path === path)).sort();
    expect(added).toEqual(
      [
        "spark.py",
        "_spark/__init__.py",
        "_spark/connection.py",
        "_spark/metadata.py",
        "_spark/pushdown.py",
        "_spark/rows.py",
        "_spark/source.py",
        "_spark/udtf.py",
      ]
        .map((path) => `${pkg}/${path}`)
        .sort(),
    );
  });

  test("pyproject: pyspark and pyarrow as the spark extra, the Spark runtime left to pygen's own checks", () => {
    const pyproject = fileOf(result, "pyproject.toml");
    expect(pyproject).toContain('dependencies = ["pydantic>=2", "httpx", "typing_extensions"]');
    expect(pyproject).toContain('spark = ["pyspark>=4.1", "pyarrow>=15"]');
    expect(pyproject).toContain(`extend-exclude = ["${pkg}/_runtime", "${pkg}/_spark"]`);
  });

  test("one ViewSpec per node view with the Python SDK's field names, keyword filters and node type", () => {
    const spark = fileOf(result, `${pkg}/spark.py`);
    const specs = [...spark.matchAll(/^([A-Z_0-9]+) = ViewSpec\(\n {4}name="([a-z_0-9]+)",/gm)].map((match) => [match[1], match[2]]);
    expect(specs).toEqual([
      ["PYGEN_EXAMPLE_ASSET", "pygen_example_asset"],
      ["PYGEN_EXAMPLE_GENERATOR", "pygen_example_generator"],
      ["PYGEN_EXAMPLE_HYDRO_PLANT", "pygen_example_hydro_plant"],
      ["PYGEN_EXAMPLE_INSPECTOR", "pygen_example_inspector"],
      ["PYGEN_EXAMPLE_RESERVOIR", "pygen_example_reservoir"],
    ]);
    expect(spark).toContain('PropertySpec("serialNumber", "int64", field="serial_number"),');
    expect(spark).toContain('PropertySpec("bearingTemperatures", "float64", field="bearing_temperatures", is_list=True),');
    expect(spark).toContain('PropertySpec("neighbours", "direct", is_list=True),');
    expect(spark).toContain('PropertySpec("status", "enum"),');
    expect(spark).toContain('node_type=("pygen_example", "Generator"),');
    // The keyword filters are the ones the Python SDK's GeneratorFilters declares (it extends AssetFilters).
    const declared = (module: string, name: string) => {
      const body =
        new RegExp(`class ${name}\\(.*?\\):\\n([\\s\\S]*?)\\n\\n`).exec(fileOf(result, `${pkg}/data_classes/${module}.py`))?.[1] ?? "";
      return [...body.matchAll(/^ {4}(\w+): /gm)].map((match) => match[1]);
    };
    const keys = [...declared("_asset", "AssetFilters"), ...declared("_generator", "GeneratorFilters")];
    const generator = /PYGEN_EXAMPLE_GENERATOR = ViewSpec\([\s\S]*?filter_keys=\(([\s\S]*?)\),/.exec(spark)?.[1] ?? "";
    expect([...generator.matchAll(/"(\w+)"/g)].map((match) => match[1])).toEqual(keys);
    expect(keys.length).toBeGreaterThan(5);
  });

  test("edge views, edge connections and reverse relations get no data source, each reported and listed in the README", () => {
    expect(warningsOf(result, "DATA_SOURCE_SKIPPED")).toEqual([
      "pygen_example/Generator/inspections",
      "pygen_example/HydroPlant/generators",
      "pygen_example/HydroPlant/operator",
      "pygen_example/HydroPlant/units",
      "pygen_example/InspectionResult",
      "pygen_example/Inspector/inspected",
      "pygen_example/Reservoir/plant",
    ]);
    const readme = fileOf(result, "README.md");
    const spark = readme.slice(readme.indexOf("## Spark"));
    expect(spark).toContain("- `pygen_example/InspectionResult`: InspectionResult is a view of edges");
    expect(spark).toContain("- `pygen_example/HydroPlant/units`: units of HydroPlant is a reverse relation");
    // The Python SDK has them all: its own list of what it lacks does not name them.
    expect(readme.slice(0, readme.indexOf("## Spark"))).not.toContain("pygen_example/HydroPlant/units");
    expect(fileOf(result, `${pkg}/spark.py`)).not.toContain("InspectionResult");
  });

  test("the README tells how to install, register, read, write and query, locally and on Databricks", () => {
    const readme = fileOf(result, "README.md");
    for (const text of [
      "pip install '.[spark]'",
      "Databricks",
      `from ${pkg}.spark import register_all`,
      'spark.read.format("pygen_example_asset").load()',
      '.mode("append").save()',
      "SELECT * FROM pygen_example_asset_udtf(name_prefix => 'a')",
      "| `pygen_example:Inspector/1` | `pygen_example_inspector` | `name`, `name_prefix`, `min_certified_until`, `max_certified_until` |",
      "Column pruning",
    ]) {
      expect(readme).toContain(text);
    }
  });
});

describe("PySpark names", () => {
  test("properties named like the node's columns get columns of their own, reported", () => {
    const clash = model([view("Clash", { space: text(), externalId: text(), spaceProperty: text(), createdTime: primitive("timestamp") })]);
    const result = generate([clash], { defaultSpace: "sp_inst" });
    const spark = fileOf(result, "test_model/spark.py");
    expect(spark).toContain('PropertySpec("space", "text", field="space_", column="spaceProperty2"),');
    expect(spark).toContain('PropertySpec("externalId", "text", field="external_id_", column="externalIdProperty"),');
    expect(spark).toContain('PropertySpec("spaceProperty", "text", field="space_property"),');
    expect(spark).toContain('"createdTime", "timestamp", field="created_time_", column="createdTimeProperty"');
    expect(warningsOf(result, "COLUMN_RENAMED")).toEqual(["sp_test/Clash/space", "sp_test/Clash/externalId", "sp_test/Clash/createdTime"]);
    const readme = fileOf(result, "README.md");
    expect(readme).toContain("`Clash.space` is named like a node column, so its column is `spaceProperty2`.");
  });

  test("format names are unique SQL identifiers, numbered when two views spell the same", () => {
    const twins = model([
      view("PumpStation", { name: text() }),
      view("Pump_Station", { name: text() }),
      view("Nothing"),
      view("Link", {}, { usedFor: "edge" }),
    ]);
    const spark = fileOf(generate([twins]), "test_model/spark.py");
    const names = [...spark.matchAll(/^ {4}name="(.*)",$/gm)].map((match) => match[1]);
    expect(names.sort()).toEqual(["sp_test_nothing", "sp_test_pump_station", "sp_test_pump_station_2"]);
    for (const name of names) expect(name).toMatch(/^[a-z_][a-z0-9_]*$/);
    expect(spark).toContain("properties=(),");
  });

  test("a package without properties imports no PropertySpec; one without node views registers nothing", () => {
    const empty = fileOf(generate([model([view("Nothing")])]), "test_model/spark.py");
    expect(empty).toContain("from ._spark import ViewSpec\n");
    const edges = fileOf(generate([model([view("Link", { weight: primitive("float64") }, { usedFor: "edge" })])]), "test_model/spark.py");
    expect(edges).toContain("VIEWS: tuple[ViewSpec, ...] = ()");
  });

  test("in the flat layout a view called Spark keeps clear of the vendored _spark", () => {
    const result = generate([model([view("Spark", { name: text(), next: direct("Spark") })])], { flatStructure: true });
    const paths = result.files.map((file) => file.path);
    expect(paths).toContain("test_model/_spark/__init__.py");
    expect(paths).toContain("test_model/_spark2.py");
    expect(paths).toContain("test_model/spark.py");
  });

  test("connections are reported per property, the stored values of the same view kept", () => {
    const connected = model([
      view("Pump", {
        name: text(),
        station: direct("Station"),
        parts: edge("Pump"),
      }),
      view("Station", { pumps: reverse("Pump", "station") }),
    ]);
    const result = generate([connected]);
    expect(warningsOf(result, "DATA_SOURCE_SKIPPED")).toEqual(["sp_test/Pump/parts", "sp_test/Station/pumps"]);
    expect(fileOf(result, "test_model/spark.py")).toContain('PropertySpec("station", "direct"),');
  });
});
