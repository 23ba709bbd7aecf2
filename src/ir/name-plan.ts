/**
 * Every name a generated SDK will use, chosen once for a set of views and a target language, with an issue for
 * each name that could not simply follow the convention. The validator reports the issues; the transformer puts
 * the names into the IR. Both call `planNames` on the same filtered model, so they always agree.
 *
 * Class names, in order of precedence:
 *   1. views sharing an externalId across spaces or versions get a qualifier, as pygen v1 did: the version when the
 *      versions tell them apart, else the space, else both (`Implementation1V2`, `Implementation1PygenModelsOther`);
 *   2. reserved words are escaped (`Exception` → `Exception_`);
 *   3. names that collide only through singular/plural forms (`Pump` and `Pumps` both give `pumps`) switch those
 *      slots to the language's literal rules (`pump_list`, `pumps_list`);
 *   4. any other collision: the view whose externalId already is the name keeps it, the others get 2, 3, …
 */
import { locationOf, type ValidationIssue, viewText } from "../validate/issues.ts";
import { filterOperatorsFor } from "./filters.ts";
import {
  applyRule,
  CLASS_NAME_SLOTS,
  type ClassNameSlot,
  type ClassNames,
  type FilterOperator,
  type LanguageNaming,
  MODULE_NAME_SLOTS,
  type ModuleNames,
  type NameRule,
  type Namespace,
  type Reservation,
  splitWords,
} from "./naming.ts";
import type { IRClass, IRModule, IRProperty } from "./types.ts";
import { compareText, type SettledName, settleNames } from "./unique-names.ts";

export interface PropertyNames {
  field: string;
  filters: Partial<Record<FilterOperator, string>>;
  /** Generated member name of each enum value, for enum properties. */
  enumMembers?: ReadonlyMap<string, string>;
}

export interface NamePlan {
  classes: ReadonlyMap<string, ClassNames>;
  /** By class id (the view key), then by property identifier. */
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
  const modules = planModuleNames(ir.modules, naming);
  return { classes, properties, modules, issues };
}

// ── Words ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The words of an identifier, always usable as a name: identifiers with no ASCII letters or digits get a stable
 * hash, and identifiers starting with a digit get the role word in front (`3phase` → `property_3phase`).
 */
function identifierWords(identifier: string, role: string): string[] {
  const words = splitWords(identifier);
  if (words.length === 0) return [role, shortHash(identifier)];
  return /^[0-9]/.test(words[0] ?? "") ? [role, ...words] : words;
}

/** FNV-1a, 32 bits, as hex: short, stable across runs and platforms. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const character of text) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

function escapeIfReserved(name: string, namespace: Namespace, naming: LanguageNaming): { name: string; reservation?: Reservation } {
  const reservation = naming.reservation(name, namespace);
  return reservation === undefined ? { name } : { name: naming.escapeReserved(name), reservation };
}

// ── Classes ─────────────────────────────────────────────────────────────────────────────────────────────────

interface ClassState {
  irClass: IRClass;
  words: string[];
  /** Words telling apart views that share an externalId (a version, a space). */
  qualifier: string[];
  /** Use the language's literal rules for number-converted slots (after a singular/plural collision). */
  literal: boolean;
  /** 1 unless the view lost a collision; then its names end in this number. */
  rank: number;
}

interface ClassCollision {
  /** The slots that wanted the name; two slots of one view can collide (`series` is its own plural). */
  slots: ClassNameSlot[];
  name: string;
  classes: IRClass[];
  resolution: "literal" | "rank";
}

function planClassNames(irClasses: readonly IRClass[], naming: LanguageNaming, issues: ValidationIssue[]): Map<string, ClassNames> {
  const states = irClasses.map(
    (irClass): ClassState => ({ irClass, words: identifierWords(irClass.view.externalId, "view"), qualifier: [], literal: false, rank: 1 }),
  );
  qualifySharedExternalIds(states);
  const collisions = resolveClassCollisions(states, naming);
  const classes = new Map<string, ClassNames>();
  for (const state of states)
    classes.set(
      state.irClass.id,
      nameClass(state, naming, (issue) => issues.push(issue)),
    );
  reportAmbiguousViews(states, classes, issues);
  reportClassCollisions(collisions, classes, naming, issues);
  return classes;
}

/** pygen v1's rule: a version qualifier when versions differ, else a space qualifier, else both. */
function qualifySharedExternalIds(states: ClassState[]): void {
  const byExternalId = new Map<string, ClassState[]>();
  for (const state of states) {
    const externalId = state.irClass.view.externalId;
    byExternalId.set(externalId, [...(byExternalId.get(externalId) ?? []), state]);
  }
  for (const group of byExternalId.values()) {
    if (group.length < 2) continue;
    const distinct = (part: (view: IRClass["view"]) => string) =>
      new Set(group.map((state) => part(state.irClass.view))).size === group.length;
    const useVersion = distinct((view) => view.version);
    const useSpace = !useVersion && distinct((view) => view.space);
    for (const state of group) {
      const versionWords = versionQualifier(state.irClass.view.version);
      const spaceWords = identifierWords(state.irClass.view.space, "space");
      state.qualifier = useVersion ? versionWords : useSpace ? spaceWords : [...spaceWords, ...versionWords];
    }
  }
}

/** Version `2` reads `v2` in a name; a version that already starts with a letter is used as it is. */
function versionQualifier(version: string): string[] {
  const words = splitWords(version);
  if (words.length === 0) return ["v", shortHash(version)];
  return /^[0-9]/.test(words[0] ?? "") ? [`v${words[0]}`, ...words.slice(1)] : words;
}

function ruleFor(state: ClassState, slot: ClassNameSlot, naming: LanguageNaming): NameRule {
  const literal = naming.literalClassNames[slot];
  return state.literal && literal !== undefined ? literal : naming.classNames[slot];
}

function nameClass(state: ClassState, naming: LanguageNaming, report?: (issue: ValidationIssue) => void): ClassNames {
  const qualifier = state.rank > 1 ? [...state.qualifier, String(state.rank)] : state.qualifier;
  const names = {} as ClassNames;
  const escapes = new Map<string, { slots: ClassNameSlot[]; name: string; reservation: Reservation }>();
  for (const slot of CLASS_NAME_SLOTS) {
    const { namespace } = naming.classNames[slot];
    const converted = applyRule(state.words, ruleFor(state, slot, naming), qualifier);
    const { name, reservation } = escapeIfReserved(converted, namespace, naming);
    names[slot] = slot === "fileName" ? limitLength(name, naming.maxFileNameLength) : name;
    if (reservation !== undefined) {
      const escaped = escapes.get(converted) ?? { slots: [], name, reservation };
      escaped.slots.push(slot);
      escapes.set(converted, escaped);
    }
    if (names[slot] !== name) {
      report?.({
        severity: "warning",
        code: "NAME_TOO_LONG",
        location: locationOf(state.irClass.view),
        message: `the ${describeSlot(slot)} of ${state.irClass.view.externalId} is ${name.length} characters long; it is shortened to "${names[slot]}"`,
        suggestion: "Use a shorter view externalId",
        canAutoFix: true,
      });
    }
  }
  // One issue per escaped word, however many slots it appears in (`class` is the file, attribute and variable).
  for (const [converted, { slots, name, reservation }] of escapes) {
    report?.({
      severity: "warning",
      code: reservation === "generated" ? "SHADOWED_MEMBER" : "RESERVED_WORD",
      location: locationOf(state.irClass.view),
      message: `the ${slots.map(describeSlot).join(", ")} of ${state.irClass.view.externalId} would be "${converted}", ${describeReservation(reservation, naming)}; it is "${name}"`,
      suggestion: "Nothing to do: the generated name is escaped; rename the view to avoid the suffix",
      canAutoFix: true,
    });
  }
  return names;
}

/** Long names are cut and end in a hash of the whole name, so two long names sharing a start stay apart. */
function limitLength(name: string, maxLength: number): string {
  if (name.length <= maxLength) return name;
  return `${name.slice(0, maxLength - 9)}_${shortHash(name)}`;
}

/**
 * Recomputes all class names until no two share a name in a namespace. Each round either switches a
 * singular/plural collision to literal names or ranks the losers of another collision; both change names, and a
 * view's rank only grows, so this ends.
 */
function resolveClassCollisions(states: ClassState[], naming: LanguageNaming): ClassCollision[] {
  const collisions: ClassCollision[] = [];
  for (let round = 0; round <= states.length * CLASS_NAME_SLOTS.length; round++) {
    const collision = firstCollision(states, naming);
    if (collision === undefined) break;
    const claimants = [...new Set(collision.claims.map((claim) => claim.state))];
    const numberCaused = collision.claims.some(
      (claim) =>
        !claim.state.literal && naming.classNames[claim.slot].number !== undefined && naming.literalClassNames[claim.slot] !== undefined,
    );
    if (numberCaused) {
      for (const state of claimants) state.literal = true;
    } else if (claimants.length > 1) {
      const [, ...losers] = claimants.sort(
        (a, b) =>
          Number(b.irClass.view.externalId === collision.name) - Number(a.irClass.view.externalId === collision.name) ||
          compareText(a.irClass.id, b.irClass.id),
      );
      for (const state of losers) state.rank += 1;
    } else {
      break;
    }
    collisions.push({
      slots: [...new Set(collision.claims.map((claim) => claim.slot))],
      name: collision.name,
      classes: claimants.map((state) => state.irClass),
      resolution: numberCaused ? "literal" : "rank",
    });
  }
  return collisions;
}

interface SlotClaim {
  state: ClassState;
  slot: ClassNameSlot;
}

function firstCollision(states: ClassState[], naming: LanguageNaming): { name: string; claims: SlotClaim[] } | undefined {
  const claims = new Map<string, SlotClaim[]>();
  for (const state of states) {
    const names = nameClass(state, naming);
    for (const slot of CLASS_NAME_SLOTS) {
      const key = `${naming.classNames[slot].namespace}:${names[slot]}`;
      const claimed = claims.get(key);
      if (claimed === undefined) claims.set(key, [{ state, slot }]);
      else claimed.push({ state, slot });
    }
  }
  for (const [key, claimed] of claims) {
    if (claimed.length > 1) return { name: key.slice(key.indexOf(":") + 1), claims: claimed };
  }
  return undefined;
}

function reportAmbiguousViews(states: ClassState[], classes: Map<string, ClassNames>, issues: ValidationIssue[]): void {
  for (const state of states) {
    if (state.qualifier.length === 0) continue;
    const { view } = state.irClass;
    const others = states.filter((other) => other !== state && other.irClass.view.externalId === view.externalId);
    issues.push({
      severity: "warning",
      code: "AMBIGUOUS_VIEW_NAME",
      location: locationOf(view),
      message: `${viewText(view)} shares its externalId with ${others.map((other) => viewText(other.irClass.view)).join(", ")}: its class is ${classes.get(state.irClass.id)?.className}`,
      suggestion: "Nothing to do; rename one of the views for shorter class names",
      canAutoFix: true,
    });
  }
}

function reportClassCollisions(
  collisions: ClassCollision[],
  classes: Map<string, ClassNames>,
  naming: LanguageNaming,
  issues: ValidationIssue[],
): void {
  for (const { slots, name, classes: colliding, resolution } of collisions) {
    // A literal switch renames every number-converted slot of the views; show them all.
    const shownSlots = resolution === "literal" ? (Object.keys(naming.literalClassNames) as ClassNameSlot[]) : slots;
    const chosen = colliding
      .map((irClass) => `${irClass.view.externalId} → ${shownSlots.map((shown) => classes.get(irClass.id)?.[shown]).join(" / ")}`)
      .join(", ");
    const what = slots.map(describeSlot).join(" and ");
    const cause = resolution === "literal" ? " once made singular or plural" : "";
    const clash =
      colliding.length === 1
        ? `${colliding[0]?.view.externalId} gives "${name}" as its ${what}${cause}`
        : `${colliding.map((irClass) => irClass.view.externalId).join(" and ")} give the same ${what} "${name}"${cause}`;
    for (const irClass of colliding) {
      issues.push({
        severity: "warning",
        code: "NAME_COLLISION",
        location: locationOf(irClass.view),
        message: `${clash}; pygen uses ${chosen}`,
        suggestion: "Nothing to do: the names are disambiguated; rename a view for names of your choice",
        canAutoFix: true,
      });
    }
  }
}

const SLOT_DESCRIPTIONS: Record<ClassNameSlot, string> = {
  className: "class name",
  writeClassName: "write class name",
  listClassName: "list class name",
  writeListClassName: "write list class name",
  apiClassName: "API class name",
  fileName: "module file name",
  clientAttribute: "client attribute",
  variable: "variable name",
  variableList: "plural variable name",
};

function describeSlot(slot: ClassNameSlot): string {
  return SLOT_DESCRIPTIONS[slot];
}

function describeReservation(reservation: Reservation, naming: LanguageNaming): string {
  if (reservation === "keyword") return `a ${naming.displayName} keyword`;
  if (reservation === "builtin") return `a ${naming.displayName} builtin`;
  return "a name the generated SDK already uses";
}

// ── Properties ──────────────────────────────────────────────────────────────────────────────────────────────

interface Escaped {
  converted: string;
  name: string;
  reservation?: Reservation;
}

/**
 * The names that depend on an identifier alone, computed once per plan: real models repeat `name`,
 * `description` and friends in every view, and a 1000-view model would otherwise convert them 1000 times.
 */
interface PropertyNamer {
  words(identifier: string): string[];
  field(identifier: string): Escaped;
  filter(field: string, operator: FilterOperator): Escaped;
}

function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const computed = compute(key);
    cache.set(key, computed);
    return computed;
  };
}

function propertyNamer(naming: LanguageNaming): PropertyNamer {
  const escaped = (converted: string, namespace: Namespace): Escaped => ({ converted, ...escapeIfReserved(converted, namespace, naming) });
  const words = memoize((identifier) => identifierWords(identifier, "property"));
  const field = memoize((identifier) => escaped(applyRule(words(identifier), naming.field), "field"));
  const fieldWords = memoize(splitWords);
  const filters = memoize((key) => {
    const [operator, fieldName] = [key.slice(0, key.indexOf(":")) as FilterOperator, key.slice(key.indexOf(":") + 1)];
    return escaped(applyRule(fieldWords(fieldName), naming.filterParameters[operator]), "parameter");
  });
  return { words, field, filter: (fieldName, operator) => filters(`${operator}:${fieldName}`) };
}

function planPropertyNames(
  irClass: IRClass,
  namer: PropertyNamer,
  naming: LanguageNaming,
  issues: ValidationIssue[],
): Map<string, PropertyNames> {
  const { view } = irClass;
  const properties = [...irClass.properties].sort((a, b) => compareText(a.identifier, b.identifier));
  const claims = properties.map(({ identifier }) => {
    const { converted, name, reservation } = namer.field(identifier);
    if (reservation !== undefined) {
      issues.push({
        severity: "warning",
        code: reservation === "generated" ? "SHADOWED_MEMBER" : "RESERVED_WORD",
        location: locationOf(view, identifier),
        message: `field "${converted}" of ${view.externalId} would be ${describeReservation(reservation, naming)}; it is "${name}" (the CDF name stays ${identifier})`,
        suggestion: "Nothing to do: the field is renamed and keeps its CDF identifier as alias",
        canAutoFix: true,
      });
    }
    return { identifier, name };
  });
  const fields = settleNames(claims, (identifier, attempt) => applyRule(namer.words(identifier), naming.field, [String(attempt)]));
  reportSettled(irClass, fields, "field", issues);
  const fieldOf = new Map(fields.map((field) => [field.identifier, field.name]));
  const filters = planFilterParameters(irClass, properties, fieldOf, namer, naming, issues);
  return new Map(
    properties.map((property) => [
      property.identifier,
      {
        field: fieldOf.get(property.identifier) ?? property.identifier,
        filters: filters.get(property.identifier) ?? {},
        enumMembers: planEnumMembers(irClass, property, naming, issues),
      },
    ]),
  );
}

function reportSettled(irClass: IRClass, settled: SettledName[], what: string, issues: ValidationIssue[], owner?: string): void {
  for (const { identifier, name, collidedWith } of settled) {
    if (collidedWith === undefined) continue;
    issues.push({
      severity: "warning",
      code: "NAME_COLLISION",
      location: locationOf(irClass.view, owner ?? identifier),
      message: `${identifier} and ${collidedWith.join(", ")} give the same ${what} name in ${irClass.view.externalId}; ${identifier} becomes "${name}"`,
      suggestion: `Rename ${identifier} for a name of your choice`,
      canAutoFix: true,
    });
  }
}

interface FilterClaim {
  identifier: string;
  name: string;
  property: string;
  operator: FilterOperator;
}

function planFilterParameters(
  irClass: IRClass,
  properties: IRProperty[],
  fieldOf: Map<string, string>,
  namer: PropertyNamer,
  naming: LanguageNaming,
  issues: ValidationIssue[],
): Map<string, Partial<Record<FilterOperator, string>>> {
  const fieldName = (property: string) => fieldOf.get(property) ?? property;
  const claims: FilterClaim[] = [];
  for (const property of properties) {
    for (const operator of filterOperatorsFor(property)) {
      const { converted, name, reservation } = namer.filter(fieldName(property.identifier), operator);
      // A reservation the field itself has was reported with the field already.
      if (reservation !== undefined && naming.reservation(converted, "field") === undefined) {
        issues.push({
          severity: "warning",
          code: "SHADOWED_MEMBER",
          location: locationOf(irClass.view, property.identifier),
          message: `the filter parameter for ${property.identifier} would be "${converted}", ${describeReservation(reservation, naming)}; it is "${name}"`,
          suggestion: "Nothing to do: the parameter is renamed",
          canAutoFix: true,
        });
      }
      claims.push({ identifier: `${property.identifier}:${operator}`, name, property: property.identifier, operator });
    }
  }
  const claimOf = new Map(claims.map((claim) => [claim.identifier, claim]));
  const settled = settleNames(claims, (identifier, attempt) => {
    const claim = claimOf.get(identifier);
    return claim === undefined
      ? identifier
      : applyRule(splitWords(fieldName(claim.property)), naming.filterParameters[claim.operator], [String(attempt)]);
  });
  reportSettled(irClass, settled, "filter parameter", issues);
  const byProperty = new Map<string, Partial<Record<FilterOperator, string>>>();
  for (const parameter of settled) {
    const claim = claimOf.get(parameter.identifier);
    if (claim !== undefined) byProperty.set(claim.property, { ...byProperty.get(claim.property), [claim.operator]: parameter.name });
  }
  return byProperty;
}

function planEnumMembers(
  irClass: IRClass,
  property: IRProperty,
  naming: LanguageNaming,
  issues: ValidationIssue[],
): Map<string, string> | undefined {
  const type = property.type.kind === "nullable" ? property.type.inner : property.type;
  if (type.kind !== "enum") return undefined;
  const values = type.values.map((value) => value.value).sort(compareText);
  const claims = values.map((value) => ({
    identifier: value,
    name: escapeIfReserved(applyRule(identifierWords(value, "value"), naming.enumMember), "enumMember", naming).name,
  }));
  const settled = settleNames(claims, (value, attempt) => applyRule(identifierWords(value, "value"), naming.enumMember, [String(attempt)]));
  reportSettled(irClass, settled, "enum member", issues, property.identifier);
  return new Map(settled.map((member) => [member.identifier, member.name]));
}

// ── Modules (one per data model) ────────────────────────────────────────────────────────────────────────────

function planModuleNames(modules: readonly IRModule[], naming: LanguageNaming): Map<string, ModuleNames> {
  const planned = new Map<string, ModuleNames>();
  const taken = new Set<string>();
  for (const module of modules) {
    const words = identifierWords(module.dataModel.externalId, "model");
    const names = {} as ModuleNames;
    for (const slot of MODULE_NAME_SLOTS) {
      const { namespace } = naming.moduleNames[slot];
      let name = escapeIfReserved(applyRule(words, naming.moduleNames[slot]), namespace, naming).name;
      for (let attempt = 2; taken.has(`${namespace}:${name}`); attempt++)
        name = applyRule(words, naming.moduleNames[slot], [String(attempt)]);
      taken.add(`${namespace}:${name}`);
      names[slot] = name;
    }
    planned.set(module.id, names);
  }
  return planned;
}
