/**
 * Property names for one class: fields (snake_case in Python, the CDF identifier kept as alias), the typed filter
 * parameters of its API, and enum member names. Reserved words are escaped; collisions inside the class are
 * settled so the property already spelled like the name keeps it.
 */
import { locationOf, type ValidationIssue } from "../validate/issues.ts";
import { filterOperatorsFor } from "./filters.ts";
import { describeReservation, type Escaped, escapeIfReserved, identifierWords, limitedWords, type NameWords } from "./name-words.ts";
import { applyRule, type FilterOperator, type LanguageNaming } from "./naming.ts";
import type { IRClass, IRProperty } from "./types.ts";
import { compareText, type SettledName, settleNames } from "./unique-names.ts";

export interface PropertyNames {
  field: string;
  filters: Partial<Record<FilterOperator, string>>;
  /** Generated member name of each enum value, for enum properties. */
  enumMembers?: ReadonlyMap<string, string>;
}

/**
 * The names that depend on an identifier alone, computed once per plan: real models repeat `name`,
 * `description` and friends in every view, and a 1000-view model would otherwise convert them 1000 times.
 */
export interface PropertyNamer {
  words(identifier: string): NameWords;
  field(identifier: string): Escaped;
  /** A filter parameter from the words of its field (never its name split again: `volume_m3` is no `volume m 3`). */
  filter(fieldWords: readonly string[], operator: FilterOperator): Escaped;
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

export function propertyNamer(naming: LanguageNaming): PropertyNamer {
  // Words cut to the longest a name may be (ending in a hash), so every line holding the field still fits.
  const words = memoize((identifier) => limitedWords(identifier, "property", naming.maxNameLength));
  const field = memoize((identifier) => escapeIfReserved(applyRule(words(identifier).words, naming.field), "field", naming));
  const filters = memoize((key) => {
    const [operator, ...fieldWords] = key.split(" ") as [FilterOperator, ...string[]];
    return escapeIfReserved(applyRule(fieldWords, naming.filterParameters[operator]), "parameter", naming);
  });
  // Words hold letters and digits only, so a space keeps the key unambiguous.
  return { words, field, filter: (fieldWords, operator) => filters([operator, ...fieldWords].join(" ")) };
}

export function planPropertyNames(
  irClass: IRClass,
  namer: PropertyNamer,
  naming: LanguageNaming,
  issues: ValidationIssue[],
): Map<string, PropertyNames> {
  const { view } = irClass;
  const properties = [...irClass.properties].sort((a, b) => compareText(a.identifier, b.identifier));
  const claims = properties.map(({ identifier }) => {
    const { converted, name, reservation } = namer.field(identifier);
    const { words, cut } = namer.words(identifier);
    if (cut) {
      issues.push({
        severity: "warning",
        code: "NAME_TOO_LONG",
        location: locationOf(view, identifier),
        message: `property ${identifier} of ${view.externalId} is too long for a field name; its field is made of "${words.join("_")}"`,
        suggestion: "Use a shorter property identifier",
        canAutoFix: true,
      });
    }
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
  const fields = settleNames(claims, (claim, attempt) => applyRule(namer.words(claim.identifier).words, naming.field, [String(attempt)]));
  reportSettled(irClass, fields, "field", issues);
  const fieldOf = new Map(fields.map((field) => [field.identifier, field.name]));
  // The words each field name was made of, with the number a collision gave it.
  const fieldWords = new Map(
    fields.map(({ identifier, attempt }) => [
      identifier,
      [...namer.words(identifier).words, ...(attempt === undefined ? [] : [String(attempt)])],
    ]),
  );
  const filters = planFilterParameters(irClass, properties, fieldWords, namer, naming, issues);
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
  fieldWords: Map<string, string[]>,
  namer: PropertyNamer,
  naming: LanguageNaming,
  issues: ValidationIssue[],
): Map<string, Partial<Record<FilterOperator, string>>> {
  const wordsOf = (property: string) => fieldWords.get(property) ?? [property];
  const claims: FilterClaim[] = [];
  for (const property of properties) {
    for (const operator of filterOperatorsFor(property)) {
      const { converted, name, reservation } = namer.filter(wordsOf(property.identifier), operator);
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
  const settled = settleNames(claims, (claim, attempt) =>
    applyRule(wordsOf(claim.property), naming.filterParameters[claim.operator], [String(attempt)]),
  );
  reportSettled(irClass, settled, "filter parameter", issues);
  const byProperty = new Map<string, Partial<Record<FilterOperator, string>>>();
  settled.forEach((parameter, position) => {
    const claim = claims[position];
    if (claim !== undefined) byProperty.set(claim.property, { ...byProperty.get(claim.property), [claim.operator]: parameter.name });
  });
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
  const settled = settleNames(claims, (claim, attempt) =>
    applyRule(identifierWords(claim.identifier, "value"), naming.enumMember, [String(attempt)]),
  );
  reportSettled(irClass, settled, "enum member", issues, property.identifier);
  return new Map(settled.map((member) => [member.identifier, member.name]));
}
