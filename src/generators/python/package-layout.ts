/**
 * Where the modules of a Python SDK go: the GeneratorConfig output options as Python reads them.
 *
 *   nested (default)   <package>/data_classes/_<view>.py, <package>/_api/<view>.py
 *   flat_structure     <package>/_<view>.py, <package>/_<view>_api.py — no subpackages, the package root exports
 *                      every data class name (what data_classes/ exports in the nested layout)
 *
 * The fragment builders write their imports as the nested layout has them (`.._runtime`, `..data_classes`,
 * `._<view>`); a layout relocates each of those module paths for the module it is written into. Module names of
 * the flat layout are planned like every other generated name: the IR's file names, made unique against each
 * other, the API modules (`_api` after the file name) and the package's own modules.
 */
import { GenerationError } from "../../errors.ts";
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
  /** A module path as the nested layout writes it in a view's modules, as this layout needs it there. */
  relocate(plan: ViewPlan): (module: string) => string;
  /** Whether the package root exports every data class name and binds the cross-view references itself. */
  flat: boolean;
}

/** The default: one subpackage per kind, as pygen v1 laid SDKs out; its paths are the fragment builders' own. */
export const NESTED: PackageLayout = {
  dataClassFile: (plan) => `data_classes/_${plan.irClass.names.fileName}`,
  apiFile: (plan) => `_api/${plan.irClass.names.fileName}`,
  dataClassesFromRoot: () => ".data_classes",
  apiFromRoot: () => "._api",
  relocate: () => (module) => module,
  flat: false,
};

/** flat_structure: every view's modules directly in the package, names planned against each other. */
export function flatLayout(plans: readonly ViewPlan[]): PackageLayout {
  const names = new UniqueNames(PACKAGE_MODULES);
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
    relocate: (plan) => (module) => {
      if (module === ".._runtime" || module === ".._query") return module.slice(1);
      if (module === "..data_classes") return `.${moduleOf(dataModules, plan)}`;
      const sibling = siblings.get(module);
      if (sibling !== undefined) return sibling;
      // A path the flat layout does not know would be an import that fails when the SDK is imported.
      throw new GenerationError(`internal: the flat layout has no place for module ${module} (view ${plan.irClass.id})`);
    },
    flat: true,
  };
}
