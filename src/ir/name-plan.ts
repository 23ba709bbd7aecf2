/**
 * Every name a generated SDK will use, chosen once for a set of views and a target language, with an issue for
 * each name that could not simply follow the convention. The validator reports the issues; the transformer puts
 * the names into the IR. Both call `planNames` on the same filtered model, so they always agree.
 */

import { planClassNames } from "./class-names.ts";
import { locationOf, type ValidationIssue } from "./issues.ts";
import { describeReservation, escapeIfReserved, limitedWords } from "./name-words.ts";
import { applyRule, type ClassNames, type LanguageNaming, MODULE_NAME_SLOTS, type ModuleNameSlot, type ModuleNames } from "./naming.ts";
import { type PropertyNames, planPropertyNames, propertyNamer } from "./property-names.ts";
import type { IRClass, IRModule } from "./types.ts";

export type { PropertyNames } from "./property-names.ts";

export interface NamePlan {
  /** By class id (the view key). */
  classes: ReadonlyMap<string, ClassNames>;
  /** By class id, then by property identifier. */
  properties: ReadonlyMap<string, ReadonlyMap<string, PropertyNames>>;
  /** By module id (the data model key). */
  modules: ReadonlyMap<string, ModuleNames>;
  issues: ValidationIssue[];
}

/** Plans names for the classes and modules of a parsed (flattened) IR. */
export function planNames(ir: { classes: readonly IRClass[]; modules: readonly IRModule[] }, naming: LanguageNaming): NamePlan {
  const issues: ValidationIssue[] = [];
  const classes = planClassNames(ir.classes, naming, issues);
  const namer = propertyNamer(naming);
  const properties = new Map(ir.classes.map((irClass) => [irClass.id, planPropertyNames(irClass, namer, naming, issues)]));
  const modules = planModuleNames(ir.modules, naming, issues);
  return { classes, properties, modules, issues };
}

/**
 * One set of names per data model, for SDKs built from several models. Modules only need to be unique among
 * themselves: they live on the client, one level above the classes. With several models each name becomes a
 * group of the client, so one changed from the convention is reported.
 */
function planModuleNames(modules: readonly IRModule[], naming: LanguageNaming, issues: ValidationIssue[]): Map<string, ModuleNames> {
  const planned = new Map<string, ModuleNames>();
  const taken = new Set<string>();
  for (const module of modules) {
    const { externalId } = module.dataModel;
    const { words, cut } = limitedWords(externalId, "model", naming.maxNameLength);
    if (cut) {
      issues.push({
        severity: "warning",
        code: "NAME_TOO_LONG",
        location: locationOf(module.dataModel),
        message: `data model ${externalId} is too long for its names; they are made of "${words.join("_")}"`,
        suggestion: "Use a shorter data model externalId",
        canAutoFix: true,
      });
    }
    const names = {} as ModuleNames;
    for (const slot of MODULE_NAME_SLOTS) {
      const { namespace } = naming.moduleNames[slot];
      const escaped = escapeIfReserved(applyRule(words, naming.moduleNames[slot]), namespace, naming);
      let { name } = escaped;
      for (let attempt = 2; taken.has(`${namespace}:${name}`); attempt++)
        name = applyRule(words, naming.moduleNames[slot], [String(attempt)]);
      taken.add(`${namespace}:${name}`);
      names[slot] = name;
      if (modules.length > 1 && name !== escaped.converted) {
        const why =
          name !== escaped.name
            ? "the name of another data model's group"
            : describeReservation(escaped.converted, escaped.reservation ?? "generated", namespace, naming);
        issues.push({
          severity: "warning",
          code: name !== escaped.name ? "NAME_COLLISION" : escaped.reservation === "generated" ? "SHADOWED_MEMBER" : "RESERVED_WORD",
          location: locationOf(module.dataModel),
          message: `the ${MODULE_SLOT_DESCRIPTIONS[slot]} of data model ${module.dataModel.externalId} would be "${escaped.converted}", ${why}; it is "${name}"`,
          suggestion: "Nothing to do: the generated name is changed; rename the data model to avoid it",
          canAutoFix: true,
        });
      }
    }
    planned.set(module.id, names);
  }
  return planned;
}

const MODULE_SLOT_DESCRIPTIONS: Readonly<Record<ModuleNameSlot, string>> = {
  moduleClassName: "group class name",
  moduleAttribute: "client attribute",
};
