/**
 * The two shapes of bulk work against CDF: reading a cursor-paged listing lazily, and cutting a large write
 * into the API's per-request item limits.
 */

export interface Page<T> {
  items: T[];
  nextCursor?: string | undefined;
}

export interface PagingOptions {
  /** Stop after this many items overall; unlimited when absent. */
  limit?: number;
  /** Items asked for per request (the API's maximum by default). */
  pageSize?: number;
}

/**
 * Yields items page by page, following cursors, holding one page in memory at a time. The last page asks for
 * no more than the remaining limit, so no item is fetched only to be thrown away.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined, pageLimit: number) => Promise<Page<T>>,
  options: PagingOptions & { maxPageSize: number },
): AsyncGenerator<T, void, undefined> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 0)) throw new RangeError("limit must be zero or more");
  const pageSize = Math.min(options.pageSize ?? options.maxPageSize, options.maxPageSize);
  let remaining = limit;
  let cursor: string | undefined;
  while (remaining > 0) {
    const page = await fetchPage(cursor, Math.min(pageSize, remaining));
    for (const item of page.items.slice(0, remaining)) yield item;
    remaining -= page.items.length;
    cursor = page.nextCursor ?? undefined;
    if (!cursor) return;
  }
}

/** Splits items into consecutive chunks of at most `size`. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Collects an async iterable into an array (for callers that want everything at once). */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
