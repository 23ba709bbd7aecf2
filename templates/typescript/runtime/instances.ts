/**
 * Instance operations on /models/instances/*, in the API's own JSON shapes.
 *
 * Reads page with cursors as async iterables that hold one page at a time (memory O(chunk)) and resume from a
 * page's cursor; writes and deletes are cut into the API's 1000-item chunks and sent with CDF's default
 * per-project concurrency (apply 4, delete 2) so a large write is fast without drawing 429s. The view APIs build
 * on this; it knows nothing about generated classes.
 */
import { CDFError } from "./errors.js";
import type { Filter } from "./filters.js";
import type { HttpClient } from "./http.js";
import { type InstanceType, instanceKey, type NodeId, type ViewId } from "./ids.js";
import { chunks, mapSettled } from "./limits.js";

// Per-request and concurrency limits of the API.
export const MAX_PAGE_SIZE = 1000;
/** How many items a read returns when the caller does not say. */
export const DEFAULT_LIMIT = 25;
export const MAX_WRITE_ITEMS = 1000;
export const MAX_READ_ITEMS = 1000;
export const MAX_WRITE_CONCURRENCY = 4;
export const MAX_DELETE_CONCURRENCY = 2;

export type RawInstance = Record<string, unknown> & { instanceType: InstanceType; space: string; externalId: string };

export interface Sort {
  property: readonly string[];
  direction?: "ascending" | "descending";
  nullsFirst?: boolean;
}

export interface Page {
  items: RawInstance[];
  /** Continues after this page; undefined on the last page. */
  cursor: string | undefined;
}

export interface InstanceListOptions {
  filter?: Filter | undefined;
  sort?: readonly Sort[] | undefined;
  instanceType?: InstanceType;
}

export interface InstanceIterateOptions extends InstanceListOptions {
  /** Items per request, at most 1000. */
  chunkSize?: number;
  /** Resume after the page this cursor came with. */
  cursor?: string | undefined;
  /** Stop after this many items. */
  limit?: number | undefined;
}

export interface InstanceResult {
  instanceType: InstanceType;
  space: string;
  externalId: string;
  version: number;
  wasModified: boolean;
  createdTime: number;
  lastUpdatedTime: number;
}

export interface UpsertOptions {
  replace?: boolean;
  autoCreateDirectRelations?: boolean;
  autoCreateStartNodes?: boolean;
  autoCreateEndNodes?: boolean;
  skipOnVersionConflict?: boolean;
}

export type AggregateSpec =
  | { count: { property?: string } }
  | { avg: { property: string } }
  | { min: { property: string } }
  | { max: { property: string } }
  | { sum: { property: string } }
  | { histogram: { property: string; interval: number } };

export interface AggregateOptions {
  groupBy?: readonly string[];
  filter?: Filter | undefined;
  query?: string | undefined;
  properties?: readonly string[] | undefined;
  limit?: number | undefined;
  instanceType?: InstanceType;
}

export interface AggregateGroup {
  /** Empty when nothing was grouped. */
  group: Record<string, unknown>;
  aggregates: Record<string, unknown>[];
}

export interface InstanceSearchOptions extends InstanceListOptions {
  query?: string | undefined;
  properties?: readonly string[] | undefined;
  limit?: number | undefined;
  operator?: "AND" | "OR";
}

export interface InstanceRef {
  instanceType: InstanceType;
  space: string;
  externalId: string;
}

/** An upsert that was applied in part: some chunks (each its own transaction) failed. Sending `failed` again is safe. */
export class CDFUpsertError extends CDFError {
  override name = "CDFUpsertError";
  constructor(
    readonly applied: InstanceRef[],
    readonly failed: InstanceRef[],
    readonly errors: unknown[],
    readonly results: InstanceResult[],
  ) {
    super(
      `upsert applied ${applied.length} instance(s) and failed on ${failed.length}; ${errors.length} chunk(s) failed, the first: ${String(errors[0])}`,
      { cause: errors[0] },
    );
  }
}

const sources = (view: ViewId) => [{ source: { type: "view", ...view } }];
const viewRef = (view: ViewId) => ({ type: "view", ...view });

export class InstancesClient {
  constructor(readonly http: HttpClient) {}

  /** One page (at most 1000 items) of the instances with data in `view`. */
  async listPage(view: ViewId, options: InstanceListOptions & { limit?: number; cursor?: string | undefined } = {}): Promise<Page> {
    const body: Record<string, unknown> = {
      instanceType: options.instanceType ?? "node",
      sources: sources(view),
      limit: Math.min(options.limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE),
      filter: options.filter,
      sort: options.sort?.length ? options.sort : undefined,
      cursor: options.cursor || undefined,
    };
    const response = (await this.http.post("/models/instances/list", body)) as { items?: RawInstance[]; nextCursor?: string | null };
    return { items: response.items ?? [], cursor: response.nextCursor ?? undefined };
  }

  /** Pages lazily, one request per page, until the end or `limit` items. A page's `cursor` passed back resumes after it. */
  async *pages(view: ViewId, options: InstanceIterateOptions = {}): AsyncGenerator<Page> {
    const chunkSize = options.chunkSize ?? MAX_PAGE_SIZE;
    if (!(chunkSize >= 1)) throw new RangeError("chunkSize must be at least 1");
    let remaining = options.limit;
    let cursor = options.cursor;
    while (remaining === undefined || remaining > 0) {
      const size = remaining === undefined ? chunkSize : Math.min(chunkSize, remaining);
      const page = await this.listPage(view, { ...options, limit: size, cursor });
      if (remaining !== undefined) remaining -= page.items.length;
      cursor = page.cursor;
      if (page.items.length > 0) yield page;
      if (!cursor) return;
    }
  }

  /** The instances among `ids` that exist and have data in `view`; missing ones are left out. */
  async retrieve(ids: readonly NodeId[], view: ViewId, instanceType: InstanceType = "node"): Promise<RawInstance[]> {
    const found: RawInstance[] = [];
    // Reads are sequential: CDF's default read concurrency per project is low, and most retrieves are one chunk.
    for (const chunk of chunks(ids, MAX_READ_ITEMS)) {
      const body = { items: chunk.map(({ space, externalId }) => ({ instanceType, space, externalId })), sources: sources(view) };
      const response = (await this.http.post("/models/instances/byids", body)) as { items?: RawInstance[] };
      found.push(...(response.items ?? []));
    }
    return found;
  }

  async search(view: ViewId, options: InstanceSearchOptions = {}): Promise<RawInstance[]> {
    const body = {
      view: viewRef(view),
      instanceType: options.instanceType ?? "node",
      limit: Math.min(options.limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE),
      query: options.query || undefined,
      properties: options.properties?.length ? options.properties : undefined,
      filter: options.filter,
      sort: options.sort?.length
        ? options.sort.map(({ property, direction }) => ({ property, direction: direction ?? "ascending" }))
        : undefined,
      operator: options.operator,
    };
    const response = (await this.http.post("/models/instances/search", body)) as { items?: RawInstance[] };
    return response.items ?? [];
  }

  async aggregate(view: ViewId, aggregates: readonly AggregateSpec[], options: AggregateOptions = {}): Promise<AggregateGroup[]> {
    const body = {
      view: viewRef(view),
      instanceType: options.instanceType ?? "node",
      aggregates,
      groupBy: options.groupBy?.length ? options.groupBy : undefined,
      filter: options.filter,
      query: options.query || undefined,
      properties: options.properties?.length ? options.properties : undefined,
      limit: options.limit,
    };
    const response = (await this.http.post("/models/instances/aggregate", body)) as {
      items?: { group?: Record<string, unknown>; aggregates?: Record<string, unknown>[] }[];
    };
    return (response.items ?? []).map((item) => ({ group: item.group ?? {}, aggregates: item.aggregates ?? [] }));
  }

  /** The raw query API (POST /models/instances/query): result sets by name, with their next cursors. */
  async query(body: Record<string, unknown>): Promise<{ items: Record<string, RawInstance[]>; nextCursor: Record<string, string> }> {
    const response = (await this.http.post("/models/instances/query", body)) as {
      items?: Record<string, RawInstance[]>;
      nextCursor?: Record<string, string>;
    };
    return { items: response.items ?? {}, nextCursor: response.nextCursor ?? {} };
  }

  /**
   * The sync API (POST /models/instances/sync) as batches: each batch's `cursors` passed back as `body.cursors`
   * resumes after it. Ends when a batch says no more are ready now; keep its cursors to pick up changes later.
   */
  async *sync(body: Record<string, unknown>): AsyncGenerator<{ items: Record<string, RawInstance[]>; cursors: Record<string, string> }> {
    let cursors = body.cursors as Record<string, string> | undefined;
    for (;;) {
      const response = (await this.http.post("/models/instances/sync", { ...body, cursors })) as {
        items?: Record<string, RawInstance[]>;
        nextCursor?: Record<string, string>;
      };
      cursors = response.nextCursor ?? {};
      const items = response.items ?? {};
      yield { items, cursors };
      if (Object.values(items).every((list) => list.length === 0)) return;
    }
  }

  /**
   * Applies node/edge write objects; a later item with the same id replaces an earlier one. Each chunk is its own
   * transaction and every chunk is sent even when another fails; then CDFUpsertError says what was applied.
   */
  async upsert(items: Iterable<RawInstance>, options: UpsertOptions = {}): Promise<InstanceResult[]> {
    const unique = new Map<string, RawInstance>();
    for (const item of items) unique.set(instanceKey(item.instanceType, item), item);
    const flags = {
      replace: options.replace ?? false,
      autoCreateDirectRelations: options.autoCreateDirectRelations ?? true,
      autoCreateStartNodes: options.autoCreateStartNodes ?? false,
      autoCreateEndNodes: options.autoCreateEndNodes ?? false,
      skipOnVersionConflict: options.skipOnVersionConflict ?? false,
    };
    const parts = chunks([...unique.values()], MAX_WRITE_ITEMS);
    const outcomes = await mapSettled(parts, this.#cap(MAX_WRITE_CONCURRENCY), async (chunk) => {
      const response = (await this.http.post("/models/instances", { items: chunk, ...flags })) as { items?: InstanceResult[] };
      return response.items ?? [];
    });
    const results = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? outcome.value : []));
    const errors = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    if (errors.length === 0) return results;
    const applied: InstanceRef[] = [];
    const failed: InstanceRef[] = [];
    parts.forEach((chunk, index) => {
      const target = outcomes[index]?.status === "fulfilled" ? applied : failed;
      for (const { instanceType, space, externalId } of chunk) target.push({ instanceType, space, externalId });
    });
    throw new CDFUpsertError(applied, failed, errors, results);
  }

  /** Deletes the instances; returns those that existed. Missing ids are ignored by the API. */
  async delete(refs: readonly InstanceRef[]): Promise<InstanceRef[]> {
    const unique = new Map(
      refs.map(({ instanceType, space, externalId }) => [
        instanceKey(instanceType, { space, externalId }),
        { instanceType, space, externalId },
      ]),
    );
    const outcomes = await mapSettled(chunks([...unique.values()], MAX_WRITE_ITEMS), this.#cap(MAX_DELETE_CONCURRENCY), async (chunk) => {
      const response = (await this.http.post("/models/instances/delete", { items: chunk })) as { items?: InstanceRef[] };
      return (response.items ?? []).map(({ instanceType, space, externalId }) => ({
        instanceType: instanceType ?? "node",
        space,
        externalId,
      }));
    });
    const failure = outcomes.find((outcome) => outcome.status === "rejected");
    if (failure) throw failure.reason;
    return outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? outcome.value : []));
  }

  #cap(limit: number): number {
    return Math.min(limit, this.http.config.maxConcurrency);
  }
}
