import { describe, expect, test } from "bun:test";
import type { GenerationResult, PipelineOptions } from "../../../src/pipeline.ts";
import { generateSdk } from "../../../src/pipeline.ts";
import { loadExampleModel } from "../../../src/sources.ts";
import { hostileGroupModel, hostileModel, longIdModel, moduleNameModel } from "../../support/hostile-model.ts";
import { direct, model, primitive, ref, text, view } from "../../support/model-builder.ts";

const FIXED = { generatedAt: "2026-01-01T00:00:00+00:00", pygenVersion: "9.9.9" } satisfies PipelineOptions;

function generate(models = loadExampleModel().models, options: PipelineOptions = {}): GenerationResult {
  return generateSdk({ models, origin: "test" }, { ...FIXED, ...options });
}

const pythonFiles = (result: GenerationResult, pkg: string) =>
  result.files
    .map((file) => file.path)
    .filter((path) => path.startsWith(`${pkg}/`) && !path.startsWith(`${pkg}/_runtime/`))
    .map((path) => path.slice(pkg.length + 1));

function content(result: GenerationResult, path: string): string {
  const file = result.files.find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`${path} not generated`);
  return file.content;
}

/** Every `from .x import` of the package's modules, and the modules (files) the package has. */
function localImports(result: GenerationResult, pkg: string): { module: string; from: string }[] {
  return result.files
    .filter((file) => file.path.startsWith(`${pkg}/`) && file.path.endsWith(".py") && !file.path.startsWith(`${pkg}/_runtime/`))
    .flatMap((file) =>
      [...file.content.matchAll(/^\s*from (\.[\w.]*) import/gm)].map((match) => ({ module: match[1] as string, from: file.path })),
    );
}

describe("flat_structure: the views' modules directly in the package", () => {
  const flat = generate(undefined, { flatStructure: true });
  const pkg = "hydro_plant_model";

  test("has no data_classes/ or _api/: a data-class module and an API module per view beside the package's own", () => {
    const files = pythonFiles(flat, pkg);
    expect(files.filter((path) => path.includes("/"))).toEqual([]);
    expect(files).toContain("_hydro_plant.py");
    expect(files).toContain("_hydro_plant_api.py");
    expect(files).toContain("_client.py");
    expect(files).toContain("_query.py");
    // Edge views have data classes and no API, as in the nested layout.
    const nested = pythonFiles(generate(), pkg);
    expect(files.length).toBe(nested.length - 2);
    expect(flat.files.filter((file) => file.path.startsWith(`${pkg}/_runtime/`)).length).toBeGreaterThan(10);
    expect(flat.files.map((file) => file.path)).toContain("pyproject.toml");
  });

  test("every relative import names a module the package has, one level deep", () => {
    const modules = new Set(pythonFiles(flat, pkg).map((path) => `.${path.replace(/\.py$/, "").replace(/^__init__$/, "")}`));
    modules.add("._runtime");
    for (const { module, from } of localImports(flat, pkg)) {
      expect({ from, module, known: modules.has(module) }).toEqual({ from, module, known: true });
    }
  });

  test("the package root exports every data class name and binds the references between views", () => {
    const init = content(flat, `${pkg}/__init__.py`);
    expect(init).toContain("from ._hydro_plant import (");
    expect(init).toContain('    "HydroPlantFilters",');
    expect(init).toContain('    "HYDRO_PLANT_VIEW",');
    expect(init).toContain("resolve_references(globals())");
    expect(content(flat, `${pkg}/_hydro_plant_api.py`)).toContain("from ._hydro_plant import (\n    HydroPlant,\n    HydroPlantField,");
    expect(content(flat, `${pkg}/_client.py`)).toContain("from ._hydro_plant_api import HydroPlantAPI");
  });

  test("the default layout is unchanged: the package root exports the read and write classes only", () => {
    const init = content(generate(), `${pkg}/__init__.py`);
    expect(init).not.toContain("resolve_references");
    expect(init).not.toContain("HydroPlantFilters");
    expect(init).toContain("from .data_classes import (");
  });
});

describe("flat_structure: module names planned against each other", () => {
  const result = generate([moduleNameModel], { flatStructure: true });
  const pkg = "module_names";

  test("views named like the package's modules and like each other's API modules get modules of their own", () => {
    const files = pythonFiles(result, pkg);
    expect(new Set(files).size).toBe(files.length);
    // Query's data classes would be the package's _query.py; PumpApi's data classes are _pump_api, so Pump's API is not.
    expect(files).toContain("_query2.py");
    expect(content(result, `${pkg}/_query.py`)).toContain("class QueryQuery(");
    expect(content(result, `${pkg}/_query2.py`)).toContain("class Query(");
    expect(content(result, `${pkg}/_pump_api.py`)).toContain("class PumpApi(Pump):");
    expect(content(result, `${pkg}/_pump_api2.py`)).toContain("class PumpAPI(");
    // The renamed modules are what the others import, at run time and for type checkers.
    expect(content(result, `${pkg}/_pump_api.py`)).toContain("from ._pump import Pump");
    expect(content(result, `${pkg}/_client_.py`)).toContain("from ._query2 import Query");
    expect(content(result, `${pkg}/_client.py`)).toContain("from ._pump_api2 import PumpAPI");
  });

  test("the hostile models lay out flat with unique modules and resolvable imports", () => {
    const hostile = generate([hostileModel, hostileGroupModel, longIdModel], { flatStructure: true });
    const files = pythonFiles(hostile, "hostile");
    expect(new Set(files.map((path) => path.toLowerCase())).size).toBe(files.length);
    const modules = new Set(files.map((path) => `.${path.replace(/\.py$/, "").replace(/^__init__$/, "")}`));
    modules.add("._runtime");
    const unknown = localImports(hostile, "hostile").filter(({ module }) => !modules.has(module));
    expect(unknown).toEqual([]);
  });
});

describe("single_file: the generated code in one module beside the runtime", () => {
  const single = generate(undefined, { singleFile: true });
  const pkg = "hydro_plant_model";
  const code = content(single, `${pkg}/_sdk.py`);

  test("the package keeps its root, py.typed and the vendored runtime; the rest is _sdk.py", () => {
    expect(pythonFiles(single, pkg)).toEqual(["__init__.py", "_sdk.py", "py.typed"]);
    expect(single.files.filter((file) => file.path.startsWith(`${pkg}/_runtime/`)).length).toBeGreaterThan(10);
    expect(single.files.map((file) => file.path)).toEqual(expect.arrayContaining(["pyproject.toml", "README.md"]));
    // flat_structure is implied: there are no subpackages to flatten.
    expect(generate(undefined, { singleFile: true, flatStructure: true }).files).toEqual(single.files);
  });

  test("imports only the runtime and third-party modules: no module of its own, nothing only for type checkers", () => {
    const imports = localImports(single, pkg);
    expect(new Set(imports.filter(({ from }) => from.endsWith("_sdk.py")).map(({ module }) => module))).toEqual(new Set(["._runtime"]));
    expect(code).not.toContain("TYPE_CHECKING");
    expect(content(single, `${pkg}/__init__.py`)).toContain("from ._sdk import (");
  });

  test("bases before the classes that extend them, then the select() steps, the APIs, the client; references bound last", () => {
    const at = (text: string) => {
      const index = code.indexOf(text);
      expect({ text, found: index >= 0 }).toEqual({ text, found: true });
      return index;
    };
    expect(at("\nclass Asset(NodeRead):")).toBeLessThan(at("\nclass HydroPlant(Asset):"));
    expect(at("\nclass HydroPlantWrite(")).toBeLessThan(at("\nclass HydroPlantQuery("));
    expect(at("\nclass HydroPlantQuery(")).toBeLessThan(at("\nclass HydroPlantAPI("));
    expect(at("\nclass HydroPlantAPI(")).toBeLessThan(at("\nclass HydroPlantModelClient("));
    expect(code.endsWith("\n\n\nresolve_references(globals())\n")).toBe(true);
    expect(content(single, `${pkg}/__init__.py`)).not.toContain("resolve_references");
  });

  test("a view the model lists before the view it extends is defined after it", () => {
    const childFirst = model(
      [
        view("Leaf", { name: text(), size: primitive("int32"), root: direct("Root") }, { implements: [ref("Middle")] }),
        view("Middle", { name: text(), size: primitive("int32") }, { implements: [ref("Root")] }),
        view("Root", { name: text() }),
      ],
      { externalId: "ChildFirst" },
    );
    const leafFirst = content(generate([childFirst], { singleFile: true }), "child_first/_sdk.py");
    const classAt = (declaration: string) => leafFirst.indexOf(`\nclass ${declaration}`);
    expect(classAt("Root(NodeRead):")).toBeGreaterThan(0);
    expect(classAt("Root(NodeRead):")).toBeLessThan(classAt("Middle(Root):"));
    expect(classAt("Middle(Root):")).toBeLessThan(classAt("Leaf(Middle):"));
    expect(classAt("MiddleWrite(RootWrite):")).toBeLessThan(classAt("LeafWrite(MiddleWrite):"));
  });

  test("the hostile models, whose names clash with everything, still give unique names in one module", () => {
    const hostile = content(generate([hostileModel, hostileGroupModel, longIdModel], { singleFile: true }), "hostile/_sdk.py");
    const defined = [...hostile.matchAll(/^(?:class (\w+)|([A-Za-z]\w*) = )/gm)].map((match) => match[1] ?? match[2]);
    expect(defined.length).toBeGreaterThan(100);
    expect(defined.filter((name, index) => defined.indexOf(name) !== index)).toEqual([]);
  });
});
