/**
 * Opaque cursors. A cursor holds the position after the last item returned (never an offset), so paging through
 * a sorted result has no duplicates and no gaps even when items before the position change between pages.
 */
import { parseJson, stringifyJson } from "../data-formats.ts";
import { badRequest } from "./api-error.ts";

export function encodeCursor(position: unknown): string {
  return Buffer.from(stringifyJson(position)).toString("base64url");
}

export function decodeCursor(cursor: string): unknown {
  try {
    return parseJson(Buffer.from(cursor, "base64url").toString(), "cursor");
  } catch {
    throw badRequest(`Invalid cursor: ${cursor.slice(0, 40)}`);
  }
}

/**
 * One page of `items` (already in their final order) after the cursor's position. `positionOf` gives an item's
 * position; `compare` orders positions the way the items are ordered.
 */
export function pageAfter<T, P>(
  items: T[],
  cursor: string | null | undefined,
  limit: number,
  positionOf: (item: T) => P,
  compare: (a: P, b: P) => number,
): { page: T[]; nextCursor?: string } {
  let start = 0;
  if (cursor) {
    const after = decodeCursor(cursor) as P;
    start = items.findIndex((item) => compare(positionOf(item), after) > 0);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  const hasMore = start + limit < items.length;
  return hasMore && last !== undefined ? { page, nextCursor: encodeCursor(positionOf(last)) } : { page };
}
