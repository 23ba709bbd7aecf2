import { describe, expect, test } from "bun:test";
import type { View } from "../../../src/client/models.ts";
import { type GenerationResult, generateSdk } from "../../../src/pipeline.ts";
import { loadExampleModel } from "../../../src/sources.ts";
import { direct, model, primitive, ref, SPACE, text, view } from "../../support/model-builder.ts";

function generate(views: View[]): GenerationResult {
  return generateSdk({ models: [model(views)], origin: "test" }, { generatedAt: "2026-01-01T00:00:00+00:00", topLevelPackage: "sdk" });
}

function dataClasses(result: GenerationResult, fileName: string): string {
  const file = result.files.find((candidate) => candidate.path === `sdk/data_classes/_${fileName}.py`);
  if (file === undefined) throw new Error(`no data class module ${fileName}`);
  return file.content;
}

/** The `class` lines of a module. */
function declarations(content: string): string[] {
  return content.split("\n").filter((line) => line.startsWith("class "));
}

/** The field names a class body declares (up to the next class). */
function fieldsOf(content: string, className: string): string[] {
  const start = content.indexOf(`class ${className}(`);
  const next = content.indexOf("\nclass ", start + 1);
  const body = content.slice(start, next < 0 ? undefined : next);
  return [...body.matchAll(/^ {4}([a-z][a-z0-9_]*):/gm)].map((match) => match[1] ?? "");
}

const asset = view("Asset", { name: text({ nullable: false }), tags: text() });
const pumpProperties = { name: text({ nullable: false }), tags: text(), head: primitive("float64") };

describe("Python data classes extend their parents", () => {
  test("read, write and filters classes extend the parent's and declare only what they add", () => {
    const result = generate([asset, view("Pump", pumpProperties, { implements: [ref("Asset")] })]);
    const pump = dataClasses(result, "pump");
    expect(declarations(pump)).toEqual([
      "class PumpFilters(AssetFilters, total=False):",
      "class Pump(Asset):",
      "class PumpWrite(AssetWrite):",
      "class PumpList(NodeList[Pump]):",
      "class PumpWriteList(NodeWriteList[PumpWrite]):",
    ]);
    expect(pump).toContain("from ._asset import Asset, AssetFilters, AssetWrite");
    expect(fieldsOf(pump, "Pump")).toEqual(["head"]);
    expect(fieldsOf(pump, "PumpWrite")).toEqual(["head"]);
    expect(fieldsOf(pump, "PumpFilters")).toEqual(["min_head", "max_head"]);
  });

  test("the bundled example: every Asset child extends Asset", () => {
    const result = generateSdk(loadExampleModel(), { topLevelPackage: "sdk" });
    for (const [fileName, className] of [
      ["generator", "Generator"],
      ["hydro_plant", "HydroPlant"],
      ["reservoir", "Reservoir"],
    ]) {
      expect(declarations(dataClasses(result, fileName ?? ""))).toContain(`class ${className}(Asset):`);
    }
  });

  test("a property redefined with another type flattens the child: mypy would refuse the override", () => {
    const redefined = { ...pumpProperties, tags: primitive("int64") };
    const result = generate([asset, view("Pump", redefined, { implements: [ref("Asset")] })]);
    const pump = dataClasses(result, "pump");
    expect(declarations(pump).slice(0, 3)).toEqual([
      "class PumpFilters(NodeFilters, total=False):",
      "class Pump(NodeRead):",
      "class PumpWrite(NodeWrite):",
    ]);
    expect(fieldsOf(pump, "Pump")).toEqual(["name", "tags", "head"]);
  });

  test("a parent outside the SDK is no base: its properties are the child's own", () => {
    const external = ref("CogniteAsset", { space: "cdf_cdm", version: "v1" });
    const pump = dataClasses(generate([view("Pump", pumpProperties, { implements: [external] })]), "pump");
    expect(declarations(pump)).toContain("class Pump(NodeRead):");
    expect(fieldsOf(pump, "Pump")).toEqual(["name", "tags", "head"]);
  });

  test("a parent that another parent already extends is not named again (the MRO would fail)", () => {
    const main = view("Main", { main: text() });
    const sub = view("Sub", { main: text(), sub: text() }, { implements: [ref("Main")] });
    const leaf = view("Leaf", { main: text(), sub: text(), own: text() }, { implements: [ref("Sub"), ref("Main")] });
    const result = generate([main, sub, leaf]);
    expect(declarations(dataClasses(result, "leaf"))).toContain("class Leaf(Sub):");
    expect(fieldsOf(dataClasses(result, "leaf"), "Leaf")).toEqual(["own"]);
  });

  test("two unrelated parents are both bases; bases Python cannot order fall back to the first", () => {
    const a = view("Alpha", { a: text() });
    const b = view("Beta", { b: text() });
    const both = { a: text(), b: text() };
    const x = view("Xray", both, { implements: [ref("Alpha"), ref("Beta")] });
    const y = view("Yankee", both, { implements: [ref("Beta"), ref("Alpha")] });
    const z = view("Zulu", { ...both, z: text() }, { implements: [ref("Xray"), ref("Yankee")] });
    const result = generate([a, b, x, y, z]);
    expect(declarations(dataClasses(result, "xray"))).toContain("class Xray(Alpha, Beta):");
    expect(declarations(dataClasses(result, "yankee"))).toContain("class Yankee(Beta, Alpha):");
    expect(declarations(dataClasses(result, "zulu"))).toContain("class Zulu(Xray):");
  });

  test("a filters TypedDict extends one parent only and declares the other parents' keys (mypy 1.x refuses merging shared keys)", () => {
    // A diamond: both parents extend Named, so their filters share `name` and NodeFilters' `space`/`external_id`.
    const named = view("Named", { name: text() });
    const alpha = view("Alpha", { name: text(), a: text() }, { implements: [ref("Named")] });
    const beta = view("Beta", { name: text(), b: primitive("int64") }, { implements: [ref("Named")] });
    const both = view("Both", { name: text(), a: text(), b: primitive("int64"), c: text() }, { implements: [ref("Alpha"), ref("Beta")] });
    const content = dataClasses(generate([named, alpha, beta, both]), "both");
    expect(declarations(content).slice(0, 2)).toEqual(["class BothFilters(AlphaFilters, total=False):", "class Both(Alpha, Beta):"]);
    expect(fieldsOf(content, "BothFilters")).toEqual(["min_b", "max_b", "c", "c_prefix"]);
  });

  test("a writable child of a read-only parent extends its read class only", () => {
    const readOnly = view("Asset", { name: text({ nullable: false }), tags: text() }, { writable: false });
    const pump = dataClasses(generate([readOnly, view("Pump", pumpProperties, { implements: [ref("Asset")] })]), "pump");
    expect(declarations(pump)).toContain("class Pump(Asset):");
    expect(declarations(pump)).toContain("class PumpWrite(NodeWrite):");
    expect(fieldsOf(pump, "PumpWrite")).toEqual(["name", "tags", "head"]);
  });

  test("a writable child of a read-only parent writes through the class the parent's as_write returns", () => {
    const grand = view("Grand", { g: text() });
    const parent = view("Parent", { g: text(), p: text() }, { implements: [ref("Grand")], writable: false });
    const child = view("Child", { g: text(), p: text(), c: text() }, { implements: [ref("Parent")] });
    const content = dataClasses(generate([grand, parent, child]), "child");
    // Parent inherits Grand.as_write (-> GrandWrite): ChildWrite must extend GrandWrite for Child.as_write to override it.
    expect(declarations(content).slice(1, 3)).toEqual(["class Child(Parent):", "class ChildWrite(GrandWrite):"]);
    expect(fieldsOf(content, "ChildWrite")).toEqual(["p", "c"]);
  });

  test("a read-only child keeps one of two parents that would each bring their own as_write", () => {
    const [alpha, beta] = [view("Alpha", { a: text() }), view("Beta", { b: text() })];
    const both = view("Both", { a: text(), b: text() }, { implements: [ref("Alpha"), ref("Beta")], writable: false });
    const content = dataClasses(generate([alpha, beta, both]), "both");
    expect(declarations(content)).toContain("class Both(Alpha):");
    expect(fieldsOf(content, "Both")).toEqual(["b"]);
  });

  test("a connection to a base class uses the run-time import of the base, not a type-only one", () => {
    const pump = view("Pump", { ...pumpProperties, feeds: direct("Asset") }, { implements: [ref("Asset")] });
    const content = dataClasses(generate([asset, pump]), "pump");
    expect(content).toContain("from ._asset import Asset, AssetFilters, AssetWrite");
    expect(content).toContain("feeds: DirectRelation | Asset | None = None");
    expect(content).not.toContain("TYPE_CHECKING");
  });

  test("a child without a node type of its own resets the default its parent's view filter gives", () => {
    const typed = { filter: { equals: { property: ["node", "type"], value: { space: SPACE, externalId: "Asset" } } } };
    const parent = view("Asset", { name: text({ nullable: false }), tags: text() }, typed);
    const content = dataClasses(generate([parent, view("Pump", pumpProperties, { implements: [ref("Asset")] })]), "pump");
    expect(declarations(content)).toContain("class PumpWrite(AssetWrite):");
    expect(content).toContain("    node_type: DirectRelation | None = None\n");
  });

  test("an implements cycle keeps one link", () => {
    const alpha = view("Alpha", { shared: text() }, { implements: [ref("Beta")] });
    const beta = view("Beta", { shared: text() }, { implements: [ref("Alpha")] });
    const result = generate([alpha, beta]);
    const headers = [...declarations(dataClasses(result, "alpha")), ...declarations(dataClasses(result, "beta"))];
    expect(headers.filter((line) => line === "class Alpha(Beta):" || line === "class Beta(Alpha):")).toHaveLength(1);
  });
});
