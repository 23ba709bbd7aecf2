/**
 * Which typed filter parameters a property gets (pygen v1's set): text by value and prefix, numbers and times by
 * range, booleans, enums and node references by value (a list of node references: the lists holding any of the
 * nodes given, `containsAny`). Other lists, JSON, CDF resource references and connections get none, since DMS
 * cannot compare them with these operators.
 */
import type { FilterOperator } from "./naming.ts";
import type { IRProperty } from "./types.ts";

const RANGE: readonly FilterOperator[] = ["min", "max"];
const VALUE: readonly FilterOperator[] = ["equals"];
const TEXT: readonly FilterOperator[] = ["equals", "prefix"];
const NONE: readonly FilterOperator[] = [];

export function filterOperatorsFor(property: IRProperty): readonly FilterOperator[] {
  if (property.kind !== "data") return NONE;
  const type = property.type.kind === "nullable" ? property.type.inner : property.type;
  switch (type.kind) {
    case "enum":
    case "nodeReference":
      return VALUE;
    case "list": {
      const element = type.element.kind === "nullable" ? type.element.inner : type.element;
      return element.kind === "nodeReference" ? VALUE : NONE;
    }
    case "primitive":
      if (type.primitive === "string") return TEXT;
      if (type.primitive === "boolean") return VALUE;
      return type.primitive === "json" ? NONE : RANGE;
    default:
      return NONE;
  }
}
