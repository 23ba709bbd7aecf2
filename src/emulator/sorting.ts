/**
 * Sorting and paging instances. Positions are the sort values followed by the instance's creation sequence, so
 * every instance has a unique position and a cursor (the last position returned) resumes exactly after it.
 */
import { badRequest } from "./api-error.ts";
import { propertyAccessor } from "./filters.ts";
import { compareValues } from "./json-values.ts";
import { decodeCursor, encodeCursor } from "./paging.ts";
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
  const after = cursor ? (decodeCursor(cursor) as Position) : undefined;
  const positioned = (function* () {
    for (const instance of candidates) {
      if (!matches(instance)) continue;
      const position = order.position(instance);
      if (after === undefined || order.compare(position, after) > 0) yield { instance, position };
    }
  })();
  // One more than the page tells whether another page follows.
  const first = smallest(positioned, limit + 1, (a, b) => order.compare(a.position, b.position));
  const page = first.slice(0, limit);
  const last = page.at(-1);
  return {
    page: page.map((item) => item.instance),
    nextCursor: first.length > limit && last ? encodeCursor(last.position) : undefined,
  };
}

/**
 * The `count` smallest items in order, kept in a bounded max-heap: a page of a large sorted result costs
 * O(n log count) instead of sorting all n.
 */
function smallest<T>(items: Iterable<T>, count: number, compare: (a: T, b: T) => number): T[] {
  const heap: T[] = [];
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j] as T, heap[i] as T];
  };
  const larger = (i: number, j: number) => compare(heap[i] as T, heap[j] as T) > 0;
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      for (
        let child = heap.length - 1, parent = (child - 1) >> 1;
        child > 0 && larger(child, parent);
        child = parent, parent = (child - 1) >> 1
      ) {
        swap(child, parent);
      }
    } else if (count > 0 && compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      for (let node = 0; ; ) {
        const left = 2 * node + 1;
        const right = left + 1;
        let top = node;
        if (left < heap.length && larger(left, top)) top = left;
        if (right < heap.length && larger(right, top)) top = right;
        if (top === node) break;
        swap(node, top);
        node = top;
      }
    }
  }
  return heap.sort(compare);
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
