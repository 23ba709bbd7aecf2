/**
 * Type rules: every mapped property needs a type the IR knows. Models read from files are already checked by the
 * valibot schemas, but models built in code (and future API versions) are not, so nothing is assumed here.
 */
import { CDF_REFERENCE_TYPES, type MappedProperty, PRIMITIVE_TYPES, type View } from "../client/models.ts";
import { locationOf } from "../ir/issues.ts";
import type { ModelIndex } from "../ir/model-index.ts";
import type { Findings } from "./findings.ts";

const KNOWN_TYPES: ReadonlySet<string> = new Set(["text", "direct", "enum", ...PRIMITIVE_TYPES, ...CDF_REFERENCE_TYPES]);
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
    findings.dropProperty(view, identifier, {
      severity: "error",
      code: "UNKNOWN_PROPERTY_TYPE",
      location,
      message: `${identifier} has type ${JSON.stringify(type?.type ?? null)}, which pygen does not know; it is left out`,
      suggestion: `Use one of: ${[...KNOWN_TYPES].join(", ")} (or update pygen)`,
      canAutoFix: false,
    });
    return;
  }
  if (type.type === "enum") checkEnum(identifier, location, type.values, type.unknownValue, findings);
  else checkListLimits(identifier, location, type.list === true, type.maxListSize, findings);
}

function checkEnum(identifier: string, location: string, values: unknown, unknownValue: unknown, findings: Findings): void {
  const keys = values !== null && typeof values === "object" ? Object.keys(values) : [];
  if (keys.length === 0) {
    findings.report({
      severity: "warning",
      code: "ENUM_WITHOUT_VALUES",
      location,
      message: `enum ${identifier} has no values: it is generated as plain text`,
      suggestion: "Give the enum at least one value",
      canAutoFix: true,
    });
    return;
  }
  for (const key of keys.filter((key) => !ENUM_KEY_PATTERN.test(key) || FORBIDDEN_ENUM_KEYS.has(key))) {
    findings.report({
      severity: "warning",
      code: "INVALID_ENUM_VALUE",
      location,
      message: `enum ${identifier} has the value ${JSON.stringify(key)}, which is not a valid enum key (letters, digits, _; not true/false/null)`,
      suggestion: "Rename the value; the generated member name is sanitised, the value itself is kept",
      canAutoFix: true,
    });
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
      canAutoFix: true,
    });
  }
}
