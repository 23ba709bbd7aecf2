/**
 * Which typed filter parameters a property gets (pygen v1's set): text by value and prefix, numbers and times by
 * range, booleans, enums and single direct relations by value. Lists, JSON and CDF resource references get none,
 * since DMS cannot compare them with these operators.
 */
import type { PropertyType } from "../client/models.ts";
import type { FilterOperator } from "./naming.ts";

const RANGE: readonly FilterOperator[] = ["min", "max"];
const VALUE: readonly FilterOperator[] = ["equals"];
const TEXT: readonly FilterOperator[] = ["equals", "prefix"];
const NONE: readonly FilterOperator[] = [];

export function filterOperatorsFor(type: PropertyType): readonly FilterOperator[] {
  if (type.type !== "enum" && type.list) return NONE;
  switch (type.type) {
    case "text":
      return TEXT;
    case "int32":
    case "int64":
    case "float32":
    case "float64":
    case "timestamp":
    case "date":
      return RANGE;
    case "boolean":
    case "enum":
    case "direct":
      return VALUE;
    default:
      return NONE;
  }
}
