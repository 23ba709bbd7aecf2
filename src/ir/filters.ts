/**
 * Which typed filter parameters a property gets (pygen v1's set): text by value and prefix, numbers and times by
 * range, booleans, enums and single node references by value. Lists, JSON, CDF resource references and
 * connections get none, since DMS cannot compare them with these operators.
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
    case "primitive":
      if (type.primitive === "string") return TEXT;
      if (type.primitive === "boolean") return VALUE;
      return type.primitive === "json" ? NONE : RANGE;
    default:
      return NONE;
  }
}
