/**
 * Where the modules of a Python SDK go: the GeneratorConfig output options as Python reads them.
 *
 *   nested (default)   <package>/data_classes/_<view>.py, <package>/_api/<view>.py
 *   flat_structure     <package>/_<view>.py, <package>/_<view>_api.py — no subpackages, the package root exports
 *                      every data class name (what data_classes/ exports in the nested layout)
 *   single_file        <package>/_sdk.py: every view's data classes, the select() steps, the APIs and the client,
 *                      re-exported by <package>/__init__.py as in the flat layout
 *
 * single_file keeps the package (pyproject's package, `__init__` with the version and `__all__`, the vendored
 * `_runtime/`) and puts the generated code in one private module beside it: users import the package as in every
 * layout, and `__init__.py` stays the short list of what the SDK offers rather than thousands of lines.
 *
 * The fragment builders write their imports as the nested layout has them (`.._runtime`, `..data_classes`,
 * `._<view>`); a layout relocates each of those module paths for the module it is written into. Module names of
 * the flat layout are planned like every other generated name: the IR's file names, made unique against each
 * other, the API modules (`_api` after the file name) and the package's own modules.
 */
import { GenerationError } from "../../errors.ts";
import type { Relocate } from "./imports.ts";
import { UniqueNames } from "./unique-names.ts";
import type { ViewPlan } from "./view-plan.ts";

/** Modules every SDK package has beside the views' modules; a view's module never takes one of these names. */
export const PACKAGE_MODULES = ["__init__", "_client", "_query", "_runtime"] as const;

export interface PackageLayout {
  /** The data-class module of a view, relative to the package folder, without `.py`. */
  dataClassFile(plan: ViewPlan): string;
  /** The API module of a node view, likewise. */
  apiFile(plan: ViewPlan): string;
  /** How a package-level module (`__init__`, `_client`, `_query`) imports a view's data classes. */
  dataClassesFromRoot(plan: ViewPlan): string;
  /** How a package-level module imports a view's API class. */
  apiFromRoot(plan: ViewPlan): string;
  /** How the package root imports the client class. */
  clientFromRoot: string;
  /** A module path as the nested layout writes it in a view's modules, as this layout needs it there. */
  relocate(plan: ViewPlan): Relocate;
  /** The same for the package-level modules (`_client`, `_query`). */
  relocateFromRoot: Relocate;
  /** Whether the package root exports every data class name (and, but for single_file, binds the references). */
  flat: boolean;
  /** single_file: the generated code in the one module `_sdk` (`SINGLE_MODULE`). */
  single: boolean;
}

/** How a view's API module imports another view's data classes in the nested layout: `..data_classes._<file>`. */
export const OTHER_DATA_CLASSES = "..data_classes.";

/** The module single_file puts the generated code in. */
export const SINGLE_MODULE = "_sdk";
const same: Relocate = (module) => module;

/** The default: one subpackage per kind, as pygen v1 laid SDKs out; its paths are the fragment builders' own. */
export const NESTED: PackageLayout = {
  dataClassFile: (plan) => `data_classes/_${plan.irClass.names.fileName}`,
  apiFile: (plan) => `_api/${plan.irClass.names.fileName}`,
  dataClassesFromRoot: () => ".data_classes",
  apiFromRoot: () => "._api",
  clientFromRoot: "._client",
  relocate: () => same,
  relocateFromRoot: same,
  flat: false,
  single: false,
};

/** single_file: one module, which imports nothing but the runtime; everything else is defined in it. */
export const SINGLE: PackageLayout = {
  dataClassFile: () => SINGLE_MODULE,
  apiFile: () => SINGLE_MODULE,
  dataClassesFromRoot: () => `.${SINGLE_MODULE}`,
  apiFromRoot: () => `.${SINGLE_MODULE}`,
  clientFromRoot: `.${SINGLE_MODULE}`,
  relocate: () => (module) => (module === ".._runtime" ? "._runtime" : undefined),
  relocateFromRoot: (module) => (module === "._runtime" ? module : undefined),
  flat: true,
  single: true,
};

/**
 * flat_structure: every view's modules directly in the package, names planned against each other and against
 * the modules a package extension adds (PySpark's `_spark`).
 */
export function flatLayout(plans: readonly ViewPlan[], extensionModules: readonly string[] = []): PackageLayout {
  const names = new UniqueNames([...PACKAGE_MODULES, ...extensionModules]);
  // Data-class modules first: their names depend only on the views, never on which views have an API.
  const dataModules = new Map(plans.map((plan) => [plan.irClass.names.fileName, names.claim(`_${plan.irClass.names.fileName}`)]));
  const apiModules = new Map(
    plans
      .filter((plan) => plan.kind === "node")
      .map((plan) => [plan.irClass.names.fileName, names.claim(`_${plan.irClass.names.fileName}_api`)]),
  );
  const moduleOf = (table: Map<string, string>, plan: ViewPlan) => {
    const module = table.get(plan.irClass.names.fileName);
    if (module === undefined) throw new GenerationError(`internal: no module planned for view ${plan.irClass.id}`);
    return module;
  };
  const siblings = new Map([...dataModules].map(([fileName, module]) => [`._${fileName}`, `.${module}`]));
  return {
    dataClassFile: (plan) => moduleOf(dataModules, plan),
    apiFile: (plan) => moduleOf(apiModules, plan),
    dataClassesFromRoot: (plan) => `.${moduleOf(dataModules, plan)}`,
    apiFromRoot: (plan) => `.${moduleOf(apiModules, plan)}`,
    clientFromRoot: "._client",
    relocateFromRoot: same,
    relocate: (plan) => (module) => {
      if (module === ".._runtime" || module === ".._query") return module.slice(1);
      if (module === "..data_classes") return `.${moduleOf(dataModules, plan)}`;
      // Another view's data classes, as an API module names them (`..data_classes._<file>`), or as a sibling.
      const sibling = siblings.get(module.startsWith(OTHER_DATA_CLASSES) ? `.${module.slice(OTHER_DATA_CLASSES.length)}` : module);
      if (sibling !== undefined) return sibling;
      // A path the flat layout does not know would be an import that fails when the SDK is imported.
      throw new GenerationError(`internal: the flat layout has no place for module ${module} (view ${plan.irClass.id})`);
    },
    flat: true,
    single: false,
  };
}
