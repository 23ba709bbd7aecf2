/**
 * One view as the Python files see it: which properties become fields, the names of the module-level helpers
 * (view constant, enum aliases, field literals, the filters TypedDict), and the keyword filters — decided once so
 * the data-class module and the API module cannot disagree. What the runtime cannot serve yet (connections) is
 * left out with a warning.
 */
import type { FilterOperator } from "../../ir/naming.ts";
import type { IRClass, IRProperty } from "../../ir/types.ts";
import { locationOf } from "../../validate/issues.ts";
import type { GeneratorWarning } from "../generator.ts";
import { resolvesTo } from "./keyword-filters.ts";
import { enumOf, valueType } from "./types.ts";
import type { UniqueNames } from "./unique-names.ts";

export interface FilterParameter {
  name: string;
  operator: FilterOperator;
  property: IRProperty;
}

export interface ViewPlan {
  irClass: IRClass;
  /** `PUMP_VIEW`, `PumpFilters`, `PumpField`, `PumpTextField`. */
  viewConstant: string;
  filtersClass: string;
  fieldAlias: string;
  textFieldAlias: string;
  /** `PumpQuery`: the class of the view's select() steps. */
  queryClass: string;
  /** Properties generated as fields, in the view's order. */
  fields: IRProperty[];
  /** Literal alias of each enum property, by identifier. */
  enumAliases: Map<string, string>;
  filters: FilterParameter[];
  /** Field names usable in sort_by, group_by and aggregates. */
  sortable: string[];
  /** Field names search can match. */
  searchable: string[];
  writable: boolean;
  hasSearch: boolean;
  hasHistogram: boolean;
}

/** Upper snake case of a class name: `HydroPlant` → `HYDRO_PLANT`. */
function constantCase(className: string): string {
  return className
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toUpperCase();
}

function pascalCase(fieldName: string): string {
  return fieldName
    .split("_")
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** Scalars DMS can sort and group by: text, numbers, booleans, times, enums and single direct relations. */
function isSortable(property: IRProperty): boolean {
  const type = valueType(property.type);
  if (type.kind === "primitive") return type.primitive !== "json";
  return type.kind === "enum" || type.kind === "nodeReference";
}

export function planView(irClass: IRClass, names: UniqueNames, warnings: GeneratorWarning[]): ViewPlan {
  const { className } = irClass.names;
  const fields: IRProperty[] = [];
  for (const property of irClass.properties) {
    if (property.kind === "data") {
      fields.push(property);
      continue;
    }
    warnings.push({
      code: "CONNECTION_SKIPPED",
      location: locationOf(irClass.view, property.identifier),
      message: `${irClass.view.externalId}.${property.identifier} (${property.relationship?.kind ?? "connection"}) is not generated yet: edges and reverse relations come with connection support`,
    });
  }
  const enumAliases = new Map<string, string>();
  for (const property of fields) {
    if (enumOf(property) !== undefined) enumAliases.set(property.identifier, names.claim(`${className}${pascalCase(property.name)}`));
  }
  const fieldNames = new Map(fields.map((property) => [property.name, property]));
  const filters: FilterParameter[] = [];
  for (const property of fields) {
    for (const { name, operator } of property.filters) {
      // The runtime reads a keyword's meaning from its name; a name it would read differently is left out.
      if (resolvesTo(name, fieldNames) === `${operator}:${property.name}`) {
        filters.push({ name, operator, property });
      } else {
        warnings.push({
          code: "FILTER_SKIPPED",
          location: locationOf(irClass.view, property.identifier),
          message: `filter parameter ${name} of ${irClass.view.externalId} would not filter on ${property.name}; it is left out`,
        });
      }
    }
  }
  const methods = new Set(irClass.methods.map((method) => method.name));
  const searchable = irClass.methods.find((method) => method.name === "search")?.properties ?? [];
  const fieldOf = new Map(fields.map((property) => [property.identifier, property.name]));
  return {
    irClass,
    viewConstant: names.claim(`${constantCase(className)}_VIEW`),
    filtersClass: names.claim(`${className}Filters`),
    fieldAlias: names.claim(`${className}Field`),
    textFieldAlias: names.claim(`${className}TextField`),
    fields,
    enumAliases,
    filters,
    sortable: fields.filter(isSortable).map((property) => property.name),
    searchable: searchable.flatMap((identifier) => fieldOf.get(identifier) ?? []),
    writable: irClass.writable,
    hasSearch: methods.has("search") && searchable.length > 0,
    hasHistogram: methods.has("histogram"),
    queryClass: names.claim(`${className}Query`),
  };
}
