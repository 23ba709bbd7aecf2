/**
 * Sorting and paging instances. Positions are the sort values followed by the instance's creation sequence, so
 * every instance has a unique position and a cursor (the last position returned) resumes exactly after it.
 */
import { badRequest } from "./api-error.ts";
import { propertyAccessor } from "./filters.ts";
import { compareValues } from "./json-values.ts";
import { decodeCursor, encodeCursor, pageAfter } from "./paging.ts";
import type { ProjectState, StoredInstance } from "./store.ts";

export interface SortSpec {
  property: string[];
  direction?: "ascending" | "descending";
  nullsFirst?: boolean;
}

type Position = unknown[];

export interface InstanceOrder {
  position: (instance: StoredInstance) => Position;
  compare: (a: Position, b: Position) => number;
}

export function instanceOrder(state: ProjectState, sorts: SortSpec[]): InstanceOrder {
  const readers = sorts.map((sort) => {
    const accessor = propertyAccessor(state, sort.property);
    return (instance: StoredInstance) => {
      const value = accessor.read(instance);
      if (Array.isArray(value) || (value !== null && typeof value === "object" && !("space" in value))) {
        throw badRequest(`Cannot sort by ${JSON.stringify(sort.property)}: lists and JSON objects are not sortable`);
      }
      return value ?? null;
    };
  });
  return {
    position: (instance) => [...readers.map((read) => read(instance)), instance.seq],
    compare: (a, b) => {
      for (const [index, sort] of sorts.entries()) {
        const left = a[index] ?? null;
        const right = b[index] ?? null;
        if (left === null || right === null) {
          if (left === right) continue;
          // Nulls go last unless nullsFirst; the direction does not move them.
          return (left === null) === Boolean(sort.nullsFirst) ? -1 : 1;
        }
        const order = compareValues(left, right);
        if (order !== 0) return sort.direction === "descending" ? -order : order;
      }
      return compareValues(a[sorts.length], b[sorts.length]);
    },
  };
}

/** Matching instances in order (creation order when unsorted), one page after the cursor. */
export function pageInstances(
  state: ProjectState,
  candidates: Iterable<StoredInstance>,
  matches: (instance: StoredInstance) => boolean,
  sorts: SortSpec[],
  cursor: string | null | undefined,
  limit: number,
): { page: StoredInstance[]; nextCursor?: string } {
  if (sorts.length === 0) return pageInCreationOrder(candidates, matches, cursor, limit);
  const order = instanceOrder(state, sorts);
  const positioned: { instance: StoredInstance; position: Position }[] = [];
  for (const instance of candidates) if (matches(instance)) positioned.push({ instance, position: order.position(instance) });
  positioned.sort((a, b) => order.compare(a.position, b.position));
  const { page, nextCursor } = pageAfter(positioned, cursor, limit, (item) => item.position, order.compare);
  return { page: page.map((item) => item.instance), nextCursor };
}

/** The common case, without a sort: walk creation order from the cursor and stop as soon as the page is full. */
function pageInCreationOrder(
  candidates: Iterable<StoredInstance>,
  matches: (instance: StoredInstance) => boolean,
  cursor: string | null | undefined,
  limit: number,
): { page: StoredInstance[]; nextCursor?: string } {
  const after = cursor ? Number((decodeCursor(cursor) as Position)[0]) : 0;
  const page: StoredInstance[] = [];
  for (const instance of candidates) {
    if (instance.seq <= after || !matches(instance)) continue;
    if (page.length === limit) return { page, nextCursor: encodeCursor([(page.at(-1) as StoredInstance).seq]) };
    page.push(instance);
  }
  return { page };
}
