/**
 * The DMS filter language as small typed builders:
 *
 *     and(equals(ref("status"), "running"), range(ref("flowRate"), { gte: 3 }))
 *
 * A Filter is the JSON object the API reads (one key, the filter's name). Values are written the way CDF reads
 * them: Date as a timestamp, bigint exactly, node ids as `{space, externalId}`.
 */
import type { ContainerId, NodeId, ViewId } from "./ids.js";

export type PropertyRef = readonly string[];
export type FilterValue = string | number | bigint | boolean | Date | NodeId | null | { parameter: string };
export type Filter = { readonly [name: string]: unknown };

export interface Bounds {
  gt?: FilterValue;
  gte?: FilterValue;
  lt?: FilterValue;
  lte?: FilterValue;
}

const filter = (name: string, body: unknown): Filter => ({ [name]: body });

export const equals = (property: PropertyRef, value: FilterValue): Filter => filter("equals", { property: [...property], value });
export const inValues = (property: PropertyRef, values: readonly FilterValue[]): Filter =>
  filter("in", { property: [...property], values: [...values] });
export const range = (property: PropertyRef, bounds: Bounds): Filter =>
  filter("range", { property: [...property], ...checkedBounds(bounds) });
export const prefix = (property: PropertyRef, value: FilterValue | readonly FilterValue[]): Filter =>
  filter("prefix", { property: [...property], value });
export const exists = (property: PropertyRef): Filter => filter("exists", { property: [...property] });
export const containsAny = (property: PropertyRef, values: readonly FilterValue[]): Filter =>
  filter("containsAny", { property: [...property], values: [...values] });
export const containsAll = (property: PropertyRef, values: readonly FilterValue[]): Filter =>
  filter("containsAll", { property: [...property], values: [...values] });
export const matchAll = (): Filter => filter("matchAll", {});
/** `inner` applied to the node the direct relation `scope` points at. */
export const nested = (scope: PropertyRef, inner: Filter): Filter => filter("nested", { scope: [...scope], filter: inner });
/** The range [startProperty, endProperty] overlaps the given range. */
export const overlaps = (startProperty: PropertyRef, endProperty: PropertyRef, bounds: Bounds): Filter =>
  filter("overlaps", { startProperty: [...startProperty], endProperty: [...endProperty], ...checkedBounds(bounds) });
export const hasData = (sources: readonly (ViewId | ContainerId)[]): Filter =>
  filter(
    "hasData",
    sources.map((source) => ({ type: "version" in source ? "view" : "container", ...source })),
  );
export const instanceReferences = (ids: readonly NodeId[]): Filter =>
  filter(
    "instanceReferences",
    ids.map(({ space, externalId }) => ({ space, externalId })),
  );

export function and(...filters: Filter[]): Filter {
  if (filters.length === 0) throw new TypeError("and() needs at least one filter");
  return filter("and", filters);
}

export function or(...filters: Filter[]): Filter {
  if (filters.length === 0) throw new TypeError("or() needs at least one filter");
  return filter("or", filters);
}

export const not = (inner: Filter): Filter => filter("not", inner);

/** The conjunction of the filters given: undefined when none, a lone filter unwrapped, nested `and`s flattened. */
export function allOf(...filters: (Filter | undefined)[]): Filter | undefined {
  const present = filters.filter((item): item is Filter => item !== undefined);
  if (present.length <= 1) return present[0];
  return filter(
    "and",
    present.flatMap((item) => (Array.isArray(item.and) ? (item.and as Filter[]) : [item])),
  );
}

function checkedBounds(bounds: Bounds): Bounds {
  const given = Object.fromEntries(Object.entries(bounds).filter(([, value]) => value !== undefined)) as Bounds;
  if (Object.keys(given).length === 0) throw new TypeError("a range needs at least one of gt, gte, lt, lte");
  if (("gt" in given && "gte" in given) || ("lt" in given && "lte" in given)) {
    throw new TypeError("give at most one lower bound (gt or gte) and one upper bound (lt or lte)");
  }
  return given;
}
