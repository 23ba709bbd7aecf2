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

/** Which instances a method's filters match: a node view's API lists nodes, an edge API edges. */
export type Matched = "node" | "edge";

/** The keywords of runtime/filters.py's NodeFilters (an edge view's filters extend it too), then the view's own. */
export function allFilterKeywords(plan: ViewPlan, matched: Matched): FilterKeyword[] {
  return [...instanceKeywords(matched), ...filterKeywords(plan, matched)];
}

function instanceKeywords(matched: Matched): FilterKeyword[] {
  return [
    {
      name: "space",
      type: "str | Sequence[str] | None",
      meaning: `Match ${matched}s in this space, or in any of these.`,
      addImports: sequenceOnly,
    },
    {
      name: "external_id",
      type: "str | Sequence[str] | None",
      meaning: `Match the ${matched} with this external id, or any of these.`,
      addImports: sequenceOnly,
    },
    {
      name: "external_id_prefix",
      type: "str | None",
      meaning: `Match ${matched}s whose external id starts with this text.`,
      addImports: () => {},
    },
  ];
}

/** The view's own keywords, in the view's order. */
export function filterKeywords(plan: ViewPlan, matched: Matched = "node"): FilterKeyword[] {
  const keywords: FilterKeyword[] = [];
  for (const { name, operator, property } of plan.filters) {
    const enumAlias = plan.enumAliases.get(property.identifier);
    // A list of direct relations filters by its elements (containsAny), spelled as a single one is.
    const type = valueType(property.type);
    const isList = type.kind === "list";
    const spelling = filterValueSpelling(isList ? type.element : property.type, enumAlias);
    if (spelling === undefined) continue;
    // Equality also takes several values (an `in` filter); ranges and prefixes take one.
    const several = operator === "equals" && !isBoolean(property);
    keywords.push({
      name,
      type: `${spelling.type}${several ? ` | Sequence[${spelling.type}]` : ""} | None`,
      meaning: isList
        ? `Match ${matched}s whose ${property.name} include this node, or any of these.`
        : meaningOf(operator, property.name, several, matched),
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

function meaningOf(operator: FilterOperator, field: string, several: boolean, matched: Matched): string {
  switch (operator) {
    case "equals":
      return several
        ? `Match ${matched}s whose ${field} is this value, or any of these.`
        : `Match ${matched}s whose ${field} is this value.`;
    case "prefix":
      return `Match ${matched}s whose ${field} starts with this text.`;
    case "min":
      return `Match ${matched}s whose ${field} is at least this value.`;
    case "max":
      return `Match ${matched}s whose ${field} is at most this value.`;
  }
}

function isBoolean(property: IRProperty): boolean {
  const type = valueType(property.type);
  return type.kind === "primitive" && type.primitive === "boolean";
}
