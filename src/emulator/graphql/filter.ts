/**
 * GraphQL filters (`{name: {eq: "x"}, and: [...]}`) translated into DMS filters over a view's properties, so
 * the emulator's one filter evaluator (../filters.ts) gives them CDF's semantics. A filter on a direct relation
 * holds a filter of its target type and becomes a `nested` filter.
 */
import type { Filter, RangeBounds } from "../../client/models.ts";
import { GraphQLError } from "./parser.ts";
import type { ObjectType } from "./schema.ts";

/** Base fields of every node that filters and sorts may name, as DMS `["node", field]` references. */
export const NODE_FIELDS = new Set(["space", "externalId", "createdTime", "lastUpdatedTime"]);

const RANGE_OPERATORS = new Set(["gt", "gte", "lt", "lte"]);

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** The DMS reference of a field of a type: a node base field or a mapped view property. */
export function propertyReference(type: ObjectType, field: string): string[] | undefined {
  if (NODE_FIELDS.has(field)) return ["node", field];
  const property = type.view?.properties[field];
  if (property?.kind !== "mapped" || !type.ref) return undefined;
  return [type.ref.space, `${type.ref.externalId}/${type.ref.version}`, field];
}

export function translateFilter(type: ObjectType, filter: unknown, resolveType: (field: string) => ObjectType | undefined): Filter {
  if (!isObject(filter)) throw new GraphQLError(`A filter of ${type.name} must be an object.`);
  const parts: Filter[] = [];
  for (const [key, body] of Object.entries(filter)) {
    if (key === "and" || key === "or") {
      if (!Array.isArray(body)) throw new GraphQLError(`"${key}" in a filter of ${type.name} takes a list of filters.`);
      parts.push({ [key]: body.map((part) => translateFilter(type, part, resolveType)) } as Filter);
    } else if (key === "not") {
      parts.push({ not: translateFilter(type, body, resolveType) });
    } else {
      parts.push(fieldFilter(type, key, body, resolveType));
    }
  }
  if (parts.length === 1) return parts[0] as Filter;
  return parts.length === 0 ? { matchAll: {} } : { and: parts };
}

function fieldFilter(type: ObjectType, field: string, body: unknown, resolveType: (field: string) => ObjectType | undefined): Filter {
  const property = propertyReference(type, field);
  if (!property) throw new GraphQLError(`Field "${field}" is not defined by type "${type.name}Filter".`);
  if (!isObject(body)) throw new GraphQLError(`The filter of "${field}" on ${type.name} must be an object of operators.`);
  const target = resolveType(field);
  if (target && !Object.keys(body).some((key) => key === "eq" || key === "in" || key === "isNull")) {
    // A direct relation's filter is a filter of the node it points at.
    return { nested: { scope: property, filter: translateFilter(target, body, () => undefined) } };
  }
  const parts: Filter[] = [];
  const range: RangeBounds = {};
  for (const [operator, value] of Object.entries(body)) {
    if (operator === "eq") parts.push({ equals: { property, value } });
    else if (operator === "in") parts.push({ in: { property, values: value } });
    else if (operator === "prefix") parts.push({ prefix: { property, value } });
    else if (operator === "isNull") parts.push(value === true ? { not: { exists: { property } } } : { exists: { property } });
    else if (RANGE_OPERATORS.has(operator)) range[operator as keyof RangeBounds] = value as RangeBounds["gt"];
    else throw new GraphQLError(`Filter operator "${operator}" on "${field}" is not supported by the emulator.`);
  }
  if (Object.keys(range).length > 0) parts.push({ range: { property, ...range } });
  return parts.length === 1 ? (parts[0] as Filter) : { and: parts };
}
