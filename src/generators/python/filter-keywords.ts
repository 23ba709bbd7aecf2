/**
 * A view's keyword filters as Python spells them: each keyword's name, value type and meaning, decided once for
 * the filters TypedDict (data-class-module.ts) and the explicit keyword parameters of the API methods
 * (api-module.ts), so the two cannot disagree.
 */
import type { FilterOperator } from "../../ir/naming.ts";
import type { IRProperty } from "../../ir/types.ts";
import type { ImportSet } from "./imports.ts";
import { filterValueSpelling, importSpelling, valueType } from "./types.ts";
import type { ViewPlan } from "./view-plan.ts";

export interface FilterKeyword {
  name: string;
  /** The keyword's Python type, `| None` included: None means "no filter". */
  type: string;
  /** What the keyword matches, for docstrings. */
  meaning: string;
  /** The property filtered on; the node fields (`space`, `external_id`) have none. */
  property?: IRProperty;
  /** The view's enum alias the type names, which a module other than the view's own imports. */
  enumAlias?: string;
  /** The spelling's imports (runtime types, datetime, Sequence). */
  addImports(imports: ImportSet, runtimeModule: string): void;
}

const sequenceOnly = (imports: ImportSet) => imports.add("stdlib", "collections.abc", "Sequence");

/** The keywords of runtime/filters.py's NodeFilters, which every node view has. */
export const NODE_FILTER_KEYWORDS: readonly FilterKeyword[] = [
  {
    name: "space",
    type: "str | Sequence[str] | None",
    meaning: "Match nodes in this space, or in any of these.",
    addImports: sequenceOnly,
  },
  {
    name: "external_id",
    type: "str | Sequence[str] | None",
    meaning: "Match the node with this external id, or any of these.",
    addImports: sequenceOnly,
  },
  { name: "external_id_prefix", type: "str | None", meaning: "Match nodes whose external id starts with this text.", addImports: () => {} },
];

/** The view's own keywords (the node fields' are NODE_FILTER_KEYWORDS), in the view's order. */
export function filterKeywords(plan: ViewPlan): FilterKeyword[] {
  const keywords: FilterKeyword[] = [];
  for (const { name, operator, property } of plan.filters) {
    const enumAlias = plan.enumAliases.get(property.identifier);
    const spelling = filterValueSpelling(property.type, enumAlias);
    if (spelling === undefined) continue;
    // Equality also takes several values (an `in` filter); ranges and prefixes take one.
    const several = operator === "equals" && !isBoolean(property);
    keywords.push({
      name,
      type: `${spelling.type}${several ? ` | Sequence[${spelling.type}]` : ""} | None`,
      meaning: meaningOf(operator, property.name, several),
      property,
      enumAlias,
      addImports(imports, runtimeModule) {
        importSpelling(imports, spelling, runtimeModule);
        if (several) sequenceOnly(imports);
      },
    });
  }
  return keywords;
}

function meaningOf(operator: FilterOperator, field: string, several: boolean): string {
  switch (operator) {
    case "equals":
      return several ? `Match nodes whose ${field} is this value, or any of these.` : `Match nodes whose ${field} is this value.`;
    case "prefix":
      return `Match nodes whose ${field} starts with this text.`;
    case "min":
      return `Match nodes whose ${field} is at least this value.`;
    case "max":
      return `Match nodes whose ${field} is at most this value.`;
  }
}

function isBoolean(property: IRProperty): boolean {
  const type = valueType(property.type);
  return type.kind === "primitive" && type.primitive === "boolean";
}
