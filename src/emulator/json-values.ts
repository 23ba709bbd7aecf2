/**
 * Comparing JSON values the way the API does: objects by content whatever their key order, and integers equal
 * whether they arrived as number or (beyond 2^53) as bigint.
 */
import { stringifyJson } from "../data-formats.ts";

/** JSON text with object keys sorted, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return stringifyJson(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, sortKeys(item)]),
    );
  }
  return value;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  // Comparing through compareValues keeps 5 and 5n equal without loose equality.
  if (typeof a === "number" || typeof a === "bigint") return (typeof b === "number" || typeof b === "bigint") && compareValues(a, b) === 0;
  if (a === null || typeof a !== "object" || b === null || typeof b !== "object") return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * Orders two scalar values: numbers (and bigints) numerically, strings by code point (CDF's default `ucs_basic`
 * collation), booleans false before true, direct relations by space then externalId. Values of different kinds
 * order by kind so sorting is total.
 */
export function compareValues(a: unknown, b: unknown): number {
  const kindA = kindRank(a);
  const kindB = kindRank(b);
  if (kindA !== kindB) return kindA - kindB;
  if (typeof a === "number" || typeof a === "bigint") return a < (b as number) ? -1 : a > (b as number) ? 1 : 0;
  if (typeof a === "string" || typeof a === "boolean") return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
  const textA = canonicalJson(a);
  const textB = canonicalJson(b);
  return textA < textB ? -1 : textA > textB ? 1 : 0;
}

function kindRank(value: unknown): number {
  if (typeof value === "boolean") return 0;
  if (typeof value === "number" || typeof value === "bigint") return 1;
  if (typeof value === "string") return 2;
  return 3;
}
