/**
 * The IR's public API: `buildIR` for the usual path (a validated, filtered model to a named IR), and the steps
 * and types for callers that need them one by one.
 */
import type { DataModel } from "../client/models.ts";
import { parseModels } from "./parser.ts";
import { type TransformOptions, transformModel } from "./transformer.ts";
import type { IRModel } from "./types.ts";

export type { NamePlan, PropertyNames } from "./name-plan.ts";
export { planNames } from "./name-plan.ts";
export type { ClassNameSlot, ClassNames, FilterOperator, LanguageNaming, ModuleNames, NameRule, Namespace, Reservation } from "./naming.ts";
export { parseModels } from "./parser.ts";
export type { TransformOptions } from "./transformer.ts";
export { transformModel } from "./transformer.ts";
export type * from "./types.ts";

/** Parses data models (normally the validator's `filteredModel`) and transforms them for one language. */
export function buildIR(models: readonly DataModel[], options: TransformOptions): IRModel {
  return transformModel(parseModels(models), options);
}
