import { describe, expect, test } from "bun:test";
import type { DataModel } from "../../../src/client/models.ts";
import { GenerationError } from "../../../src/errors.ts";
import { typescript } from "../../../src/generators/typescript/index.ts";
import { RUNTIME_EXPORTS, RUNTIME_FILES } from "../../../src/generators/typescript/runtime.ts";
import { generateSdk } from "../../../src/pipeline.ts";
import { loadExampleModel } from "../../../src/sources.ts";
import { model, text, view } from "../../support/model-builder.ts";

const example = loadExampleModel();

describe("TypeScript defaults", () => {
  test("the package is the model's externalId in kebab-case, the client its PascalCase with Client", () => {
    expect(typescript.defaults(["Hydro", "Plant", "Model"])).toMatchObject({
      topLevelPackage: "hydro-plant-model",
      clientName: "HydroPlantModelClient",
    });
    expect(typescript.defaults(["3D", "Model"])).toMatchObject({ topLevelPackage: "3d-model", clientName: "Sdk3DModelClient" });
  });

  test("a name longer than npm allows is cut at a word", () => {
    const name = typescript.defaults(Array.from({ length: 40 }, () => "segment")).topLevelPackage;
    expect(name.length).toBeLessThanOrEqual(214);
    expect(name.endsWith("segment")).toBe(true);
    expect(typescript.packageNameProblem(name)).toBeUndefined();
  });
});

describe("TypeScript refuses what it cannot honour", () => {
  const refusals: [string, Parameters<typeof generateSdk>[1], RegExp][] = [
    ["an npm name with capitals", { topLevelPackage: "HydroPlant" }, /npm package name/],
    ["an npm name starting with a dot", { topLevelPackage: ".hidden" }, /npm package name/],
    ["no type hints", { typeHints: false }, /\.d\.ts files are the SDK's types/],
    ["a single file", { singleFile: true }, /single_file/],
    ["another line length", { lineLength: 100 }, /120 columns/],
    ["snake_case fields", { naming: { className: "pascal", field: "snake" } }, /camelCase fields/],
    ["a template folder that is not there", { templateDir: "/nonexistent/pygen-templates" }, /template directory not found/],
  ];
  for (const [what, options, message] of refusals) {
    test(what, () => {
      expect(() => generateSdk(example, { ...options, language: "typescript" })).toThrow(GenerationError);
      expect(() => generateSdk(example, { ...options, language: "typescript" })).toThrow(message);
    });
  }

  test("a scoped npm name is accepted", () => {
    const result = generateSdk(example, { language: "typescript", topLevelPackage: "@acme/hydro" });
    expect(JSON.parse(result.files.find((file) => file.path === "package.json")?.content ?? "{}").name).toBe("@acme/hydro");
  });
});

describe("TypeScript names", () => {
  test("views named like globals or runtime exports, and fields named like instance fields, are renamed", () => {
    const models: DataModel[] = [
      model([view("Date", { name: text() }), view("ViewAPI", { externalId: text(), class: text(), space: text() })]),
    ];
    const result = generateSdk({ models, origin: "test" }, { language: "typescript" });
    const types = result.files.map((file) => file.content).join("\n");
    expect(types).not.toMatch(/export interface Date\b/);
    expect(types).not.toMatch(/export interface ViewAPI\b/);
    expect(types).toMatch(/externalId_: string \| null;/);
    expect(types).toMatch(/space_: string \| null;/);
    // A reserved word is a valid property name: the field keeps its name.
    expect(types).toMatch(/\n {2}class: string \| null;/);
  });

  test("the runtime's exports are read from its compiled declarations", () => {
    expect(RUNTIME_EXPORTS).toContain("ViewAPI");
    expect(RUNTIME_EXPORTS).toContain("CDFClient");
    expect(RUNTIME_EXPORTS).toContain("JsonValue");
    expect(Object.keys(RUNTIME_FILES)).toContain("index.d.ts");
    expect(Object.keys(RUNTIME_FILES).some((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))).toBe(false);
  });
});

describe("the generated package", () => {
  const result = generateSdk(example, { language: "typescript", generatedAt: "2026-01-01T00:00:00+00:00", pygenVersion: "9.9.9" });
  const file = (path: string) => result.files.find((one) => one.path === path)?.content ?? "";

  test("package.json: ESM, exports with types, Node 20 and later, no dependencies", () => {
    const manifest = JSON.parse(file("package.json"));
    expect(manifest).toMatchObject({
      name: "hydro-plant-model",
      type: "module",
      exports: { ".": { types: "./index.d.ts", default: "./index.js" } },
      engines: { node: ">=20" },
    });
    expect(manifest.dependencies).toBeUndefined();
  });

  test("one .js + .d.ts pair per view, the client, the index and the compiled runtime", () => {
    const paths = result.files.map((one) => one.path);
    for (const base of ["asset", "generator", "hydro_plant", "inspection_result", "inspector", "reservoir", "client", "index"]) {
      expect(paths).toContain(`${base}.js`);
      expect(paths).toContain(`${base}.d.ts`);
    }
    expect(paths).toContain("_runtime/view-api.js");
    expect(paths).toContain("README.md");
  });

  test("types follow the containers: int64 bigint, timestamp Date, date string, enums open, required and defaulted fields", () => {
    const generator = file("generator.d.ts");
    expect(generator).toMatch(/\n {2}serialNumber: bigint;\n/);
    expect(generator).toMatch(/\n {2}alarms: Date\[\] \| null;/);
    expect(generator).toMatch(/\n {2}serviceDates: string\[\] \| null;/);
    expect(generator).toMatch(/inspections\?: EdgeWith<InspectionResultWrite, InspectorWrite \| NodeRef>\[\];/);
    const plant = file("hydro_plant.d.ts");
    expect(plant).toContain('status: "operating" | "maintenance" | "decommissioned" | (string & Record<never, never>) | null;');
    // unitCount has a default: required on read, optional on write.
    expect(plant).toMatch(/\n {2}unitCount: number;\n[\s\S]*\n {2}unitCount\?: number;\n/);
    // A reverse relation through a view's direct relation reads like an edge field: followed by retrieveConnections.
    expect(plant).toContain("  units: Edges<C, Generator>;\n");
    expect(file("generator.js")).toContain('nodeType: { space: "pygen_example", externalId: "Generator" }');
  });

  test("descriptions become JSDoc, defaults are documented on write; docstrings: false leaves them out", () => {
    expect(file("hydro_plant.d.ts")).toContain("/** A hydroelectric power plant. */");
    expect(file("hydro_plant.d.ts")).toMatch(/\/\*\* Defaults to 1 when left out. \*\/\n {2}unitCount\?: number;/);
    const bare = generateSdk(example, { language: "typescript", docstrings: false });
    // The client and select() modules document themselves; the view modules hold only the model's descriptions.
    const own = new Set(["client.d.ts", "select.d.ts"]);
    const views = bare.files.filter((one) => one.path.endsWith(".d.ts") && !one.path.startsWith("_runtime/") && !own.has(one.path));
    expect(views.length).toBeGreaterThan(0);
    for (const one of views) expect(one.content).not.toContain("/**");
  });

  test("examples: false leaves the usage out of the README", () => {
    expect(file("README.md")).toContain("client.asset.list(");
    const bare = generateSdk(example, { language: "typescript", examples: false });
    expect(bare.files.find((one) => one.path === "README.md")?.content).not.toContain(".list(");
  });

  test("the same input gives the same bytes", () => {
    const again = generateSdk(example, { language: "typescript", generatedAt: "2026-01-01T00:00:00+00:00", pygenVersion: "9.9.9" });
    expect(again.files).toEqual(result.files);
  });
});
