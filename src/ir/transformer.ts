/**
 * Parsed IR → IR ready for a generator: names in the target language (from the name plan, so they match what the
 * validator reported), relationships resolved to classes of the model, and inheritance either flattened (every
 * class carries all its properties) or kept (classes carry only what they declare). Either way `parents` lists
 * the class's parents in the model, with cycles cut.
 */
import { viewKey } from "./model-index.ts";
import { type NamePlan, planNames } from "./name-plan.ts";
import type { FilterOperator, LanguageNaming } from "./naming.ts";
import type { IRClass, IRModel, IRProperty, IRRelationship, IRType, ViewId } from "./types.ts";

export interface TransformOptions {
  /** The target language's naming conventions (its description's `naming`, generators/language.ts). */
  naming: LanguageNaming;
  /** flatten (default): every class carries all its properties. keep: only the ones it declares. */
  inheritance?: "flatten" | "keep";
  /** Names already planned for this parsed model and language (the validator's), so they are not planned twice. */
  namePlan?: NamePlan;
}

export function transformModel(parsed: IRModel, options: TransformOptions): IRModel {
  const { naming } = options;
  const plan = options.namePlan ?? planNames(parsed, naming);
  const byId = new Map(parsed.classes.map((irClass) => [irClass.id, irClass]));
  const parents = acyclicParents(parsed.classes);
  const named = parsed.classes.map((irClass) => nameAndResolve(irClass, plan, byId));
  const inheritance = options.inheritance ?? "flatten";
  const identifiersById = new Map(named.map((irClass) => [irClass.id, new Set(irClass.properties.map((property) => property.identifier))]));
  const hasProperty = (classId: string, identifier: string) => identifiersById.get(classId)?.has(identifier) ?? false;
  const classes = named.map((irClass) => applyInheritance(irClass, parents, hasProperty, inheritance));
  const modules = parsed.modules.map((module) => ({ ...module, names: plan.modules.get(module.id) ?? module.names }));
  return { modules, classes, language: naming.language, inheritance };
}

// ── Names and relationships ─────────────────────────────────────────────────────────────────────────────────

function nameAndResolve(irClass: IRClass, plan: NamePlan, byId: ReadonlyMap<string, IRClass>): IRClass {
  const propertyNames = plan.properties.get(irClass.id);
  const inModel = (view: ViewId | undefined) => (view !== undefined && byId.has(viewKey(view)) ? viewKey(view) : undefined);
  const properties = irClass.properties.map((property): IRProperty => {
    const names = propertyNames?.get(property.identifier);
    return {
      ...property,
      name: names?.field ?? property.identifier,
      type: resolveType(property.type, inModel, names?.enumMembers),
      filters: Object.entries(names?.filters ?? {}).map(([operator, name]) => ({ operator: operator as FilterOperator, name })),
      relationship: property.relationship && resolveRelationship(property.relationship, inModel, byId),
    };
  });
  return { ...irClass, names: plan.classes.get(irClass.id) ?? irClass.names, properties };
}

function resolveType(
  type: IRType,
  inModel: (view: ViewId | undefined) => string | undefined,
  enumMembers?: ReadonlyMap<string, string>,
): IRType {
  switch (type.kind) {
    case "nodeReference":
      return { ...type, target: inModel(type.targetView) };
    case "enum":
      return { ...type, values: type.values.map((value) => ({ ...value, name: enumMembers?.get(value.value) ?? value.value })) };
    case "list":
      return { ...type, element: resolveType(type.element, inModel, enumMembers) };
    case "nullable":
      return { ...type, inner: resolveType(type.inner, inModel, enumMembers) };
    default:
      return type;
  }
}

function resolveRelationship(
  relationship: IRRelationship,
  inModel: (view: ViewId | undefined) => string | undefined,
  byId: ReadonlyMap<string, IRClass>,
): IRRelationship {
  const resolved: IRRelationship = { ...relationship, target: inModel(relationship.targetView) };
  if (relationship.edge) resolved.edge = { ...relationship.edge, propertiesClass: inModel(relationship.edge.propertiesView) };
  const through = relationship.through;
  if (through) {
    const throughClass = through.sourceKind === "view" ? inModel(through.source as ViewId) : undefined;
    const throughProperty = byId.get(throughClass ?? "")?.properties.find((property) => property.identifier === through.property);
    // Model files drop `targetsList`; the through property's own type says whether it is a list.
    const isList = throughProperty ? throughProperty.relationship?.cardinality === "many" : through.isList;
    resolved.through = { ...through, class: throughClass, isList };
  }
  return resolved;
}

// ── Inheritance ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Parents in the model, with any link that would close a cycle left out (the validator reports those), so a
 * generator can walk up a class's parents without guarding against loops.
 */
function acyclicParents(classes: readonly IRClass[]): Map<string, string[]> {
  const byId = new Map(classes.map((irClass) => [irClass.id, irClass]));
  const parents = new Map<string, string[]>();
  const onPath = new Set<string>();
  const visit = (irClass: IRClass): void => {
    onPath.add(irClass.id);
    const kept: string[] = [];
    parents.set(irClass.id, kept);
    for (const parentId of irClass.parents) {
      const parent = byId.get(parentId);
      if (parent === undefined || onPath.has(parentId)) continue;
      kept.push(parentId);
      if (!parents.has(parentId)) visit(parent);
    }
    onPath.delete(irClass.id);
  };
  for (const irClass of classes) if (!parents.has(irClass.id)) visit(irClass);
  return parents;
}

/** The root-most class, among the class and its ancestors, that has the property. */
function declaringClass(
  classId: string,
  identifier: string,
  parents: Map<string, string[]>,
  hasProperty: (classId: string, identifier: string) => boolean,
): string {
  let declaring = classId;
  for (;;) {
    const parent = parents.get(declaring)?.find((candidate) => hasProperty(candidate, identifier));
    if (parent === undefined) return declaring;
    declaring = parent;
  }
}

function applyInheritance(
  irClass: IRClass,
  parents: Map<string, string[]>,
  hasProperty: (classId: string, identifier: string) => boolean,
  inheritance: "flatten" | "keep",
): IRClass {
  const properties = irClass.properties.map((property) => ({
    ...property,
    declaredBy: declaringClass(irClass.id, property.identifier, parents, hasProperty),
  }));
  // Flattened classes keep their parents too: a generator may still extend them where its language can.
  const kept = parents.get(irClass.id) ?? [];
  if (inheritance === "flatten") return { ...irClass, parents: kept, properties };
  return { ...irClass, parents: kept, properties: properties.filter((property) => property.declaredBy === irClass.id) };
}
