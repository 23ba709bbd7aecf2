/**
 * Type rules: every mapped property needs a type the IR knows. Models read from files are already checked by the
 * valibot schemas, but models built in code (and future API versions) are not, so nothing is assumed here.
 */
import { type MappedProperty, PROPERTY_TYPE_NAMES, type View } from "../client/models.ts";
import { locationOf, type ValidationIssue } from "../ir/issues.ts";
import type { ModelIndex } from "../ir/model-index.ts";
import type { Findings } from "./findings.ts";

const KNOWN_TYPES: ReadonlySet<string> = new Set(PROPERTY_TYPE_NAMES);
const ENUM_KEY_PATTERN = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;
const FORBIDDEN_ENUM_KEYS = new Set(["true", "false", "null"]);
/** dms-api §5.3: list limits can be raised to 2000 and never go below 1. */
const MAX_LIST_SIZE = 2000;

export function checkTypeReferences(index: ModelIndex, findings: Findings): void {
  for (const view of index.views) {
    if (findings.isViewDropped(view)) continue;
    for (const [identifier, property] of Object.entries(view.properties)) {
      if (property.kind === "mapped") checkMappedType(view, identifier, property, findings);
    }
  }
}

function checkMappedType(view: View, identifier: string, property: MappedProperty, findings: Findings): void {
  const location = locationOf(view, identifier);
  // Read defensively: a model built in code may carry any shape here.
  const type = property.type as { type?: unknown; values?: unknown; unknownValue?: unknown; list?: unknown; maxListSize?: unknown };
  if (typeof type?.type !== "string" || !KNOWN_TYPES.has(type.type)) {
    findings.dropProperty(view, identifier, unknownPropertyType(location, identifier, type?.type));
    return;
  }
  if (type.type === "enum") checkEnum(view, identifier, type.values, type.unknownValue, findings);
  else checkListLimits(identifier, location, type.list === true, type.maxListSize, findings);
}

/** Also what a model file's property with an unknown type becomes (unreadable-parts.ts): it is left out. */
export function unknownPropertyType(location: string, identifier: string | undefined, typeName: unknown): ValidationIssue {
  return {
    severity: "error",
    code: "UNKNOWN_PROPERTY_TYPE",
    location,
    message: `${identifier} has type ${JSON.stringify(typeName ?? null)}, which pygen does not know; it is left out`,
    suggestion: `Use one of: ${PROPERTY_TYPE_NAMES.join(", ")} (or update pygen)`,
    canAutoFix: false,
  };
}

function checkEnum(view: View, identifier: string, values: unknown, unknownValue: unknown, findings: Findings): void {
  const location = locationOf(view, identifier);
  const keys = values !== null && typeof values === "object" ? Object.keys(values) : [];
  if (keys.length === 0) {
    findings.report({
      severity: "warning",
      code: "ENUM_WITHOUT_VALUES",
      location,
      message: `enum ${identifier} has no values, which CDF refuses when the model is saved: it is generated as plain text`,
      suggestion: "Give the enum at least one value",
      canAutoFix: false,
    });
    return;
  }
  // CDF refuses the enum with such a value, so no instance can hold the property: it is left out.
  const invalid = keys.filter((key) => !ENUM_KEY_PATTERN.test(key) || FORBIDDEN_ENUM_KEYS.has(key));
  if (invalid.length > 0) {
    findings.dropProperty(view, identifier, {
      severity: "error",
      code: "INVALID_ENUM_VALUE",
      location,
      message: `enum ${identifier} has the ${invalid.length === 1 ? "value" : "values"} ${invalid.map((key) => JSON.stringify(key)).join(", ")}, which CDF does not accept as ${invalid.length === 1 ? "an enum key" : "enum keys"} (letters, digits and _, not starting with a digit; not true, false or null); the property is left out`,
      suggestion: "Rename the values in the data model",
      canAutoFix: false,
    });
    return;
  }
  if (typeof unknownValue === "string" && !keys.includes(unknownValue)) {
    findings.report({
      severity: "warning",
      code: "INVALID_ENUM_VALUE",
      location,
      message: `enum ${identifier} names ${JSON.stringify(unknownValue)} as its unknown value, which is not one of its values`,
      suggestion: `Set unknownValue to one of: ${keys.join(", ")}`,
      canAutoFix: false,
    });
  }
}

function checkListLimits(identifier: string, location: string, isList: boolean, maxListSize: unknown, findings: Findings): void {
  if (maxListSize === undefined || maxListSize === null) return;
  if (!isList) {
    findings.report({
      severity: "info",
      code: "LIST_LIMIT",
      location,
      message: `${identifier} sets maxListSize but is not a list; the limit is ignored`,
      suggestion: "Remove maxListSize, or make the property a list",
      canAutoFix: true,
    });
  } else if (typeof maxListSize !== "number" || !Number.isInteger(maxListSize) || maxListSize < 1 || maxListSize > MAX_LIST_SIZE) {
    findings.report({
      severity: "warning",
      code: "LIST_LIMIT",
      location,
      message: `${identifier} has maxListSize ${String(maxListSize)}; CDF allows 1 to ${MAX_LIST_SIZE}, so the generated SDK does not check the size`,
      suggestion: `Use a maxListSize between 1 and ${MAX_LIST_SIZE}`,
      canAutoFix: false,
    });
  }
}
