/**
 * The up-front model check (DESIGN.md §3). Rule families run in a fixed order: what a model file left out and
 * identifiers CDF cannot hold first, then types (a property with a broken type is dropped before any other rule
 * reads it), structure (it drops whole views), relationships (they must know what is gone), and naming last, on
 * what is left, since only generated things need names. An error always means a part is left out.
 */
import type { DataModel, View } from "../client/models.ts";
import type { Severity, ValidationIssue } from "../ir/issues.ts";
import { ModelIndex, viewKey } from "../ir/model-index.ts";
import type { NamePlan } from "../ir/name-plan.ts";
import type { LanguageNaming } from "../ir/naming.ts";
import type { IRModel } from "../ir/types.ts";
import { compareText } from "../ir/unique-names.ts";
import { Findings } from "./findings.ts";
import { checkIdentifiers, checkModelIdentifiers } from "./identifiers.ts";
import { checkNaming } from "./naming.ts";
import { checkRelationships } from "./relationships.ts";
import { checkStructure } from "./structure.ts";
import { checkTypeReferences } from "./type-references.ts";
import { checkUnreadableParts } from "./unreadable-parts.ts";

export interface ValidationOptions {
  /** Warnings count as errors (`--strict`). */
  strict?: boolean;
  /**
   * The naming conventions of the target language whose names are checked (its description's `naming`,
   * generators/language.ts): the validator knows no language itself.
   */
  language: LanguageNaming;
}

export interface ValidationResult {
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  infos: ValidationIssue[];
  /**
   * The input models without what cannot be generated: a model whose own identifiers CDF refuses is left out
   * whole, the others are kept one for one without their broken parts. Every removal is one of the errors.
   */
  filteredModel: DataModel[];
  /** No errors (with `strict`, no warnings either). */
  isValid: boolean;
  /** The filtered model parsed into the IR (not yet named) and the names planned for it in the checked language. */
  ir: IRModel;
  namePlan: NamePlan;
}

export const DataModelValidator = {
  validate(models: DataModel | readonly DataModel[], options: ValidationOptions): ValidationResult {
    const inputModels = Array.isArray(models) ? (models as readonly DataModel[]) : [models as DataModel];
    const findings = new Findings();
    checkUnreadableParts(inputModels, findings);
    const keptModels = checkModelIdentifiers(inputModels, findings);
    const index = new ModelIndex(keptModels);
    checkIdentifiers(index, findings);
    checkTypeReferences(index, findings);
    checkStructure(index, findings);
    checkRelationships(index, findings);
    const filteredModel = keptModels.map((model) => filterModel(model, findings));
    const named = checkNaming(new ModelIndex(filteredModel), findings, options.language);
    return { ...summarize(findings.issues, filteredModel, options.strict ?? false), ...named };
  },
};

function summarize(issues: ValidationIssue[], filteredModel: DataModel[], strict: boolean): Omit<ValidationResult, "ir" | "namePlan"> {
  // With strict, warnings are errors from the start. Then by location and code: the same model always lists its
  // issues in the same order.
  const graded = strict
    ? issues.map((issue): ValidationIssue => (issue.severity === "warning" ? { ...issue, severity: "error" } : issue))
    : issues;
  const ordered = [...graded].sort((a, b) => compareText(a.location, b.location) || compareText(a.code, b.code));
  const withSeverity = (severity: Severity) => ordered.filter((issue) => issue.severity === severity);
  const errors = withSeverity("error");
  return { errors, warnings: withSeverity("warning"), infos: withSeverity("info"), filteredModel, isValid: errors.length === 0 };
}

function filterModel(model: DataModel, findings: Findings): DataModel {
  // What a model file could not read is reported already; the filtered model is only what is generated.
  const { rejected: _reported, ...kept } = model;
  const views = model.views.filter((view) => !findings.isViewDropped(view)).map((view) => filterView(view, findings));
  return { ...kept, views };
}

function filterView(view: View, findings: Findings): View {
  const key = viewKey(view);
  const cutParents = new Set(findings.cutImplements.filter((cut) => cut.view === key).map((cut) => cut.parent));
  const droppedProperties = findings.droppedProperties.get(key);
  if (cutParents.size === 0 && droppedProperties === undefined) return view;
  return {
    ...view,
    implements: view.implements.filter((parent) => !cutParents.has(viewKey(parent))),
    properties: Object.fromEntries(Object.entries(view.properties).filter(([identifier]) => !droppedProperties?.has(identifier))),
  };
}
