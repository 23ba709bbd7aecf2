/**
 * Nodes and edges: list, retrieve, upsert, delete, search, aggregate, query and sync. Writes are cut into the
 * API's 1000-item chunks and run concurrently within CDF's per-project limits (apply 4, delete 2), so a large
 * upsert is fast without drawing 429s.
 */
import * as v from "valibot";
import { ResourceNotFoundError } from "../errors.ts";
import type { HttpClient } from "./http.ts";
import {
  DirectRelationReferenceSchema,
  type Filter,
  type Instance,
  type InstanceId,
  InstanceIdSchema,
  InstanceSchema,
  type InstanceWrite,
  itemsSchema,
  type ViewReference,
} from "./models.ts";
import { chunked, type PagingOptions, paginate } from "./paging.ts";
import { mapConcurrent } from "./throttle.ts";

/** Per-request and concurrency limits for instances (dms-api §10.4, §10.6). */
export const INSTANCE_LIMITS = { writeChunk: 1000, readChunk: 1000, pageSize: 1000, applyConcurrency: 4, deleteConcurrency: 2 } as const;

export const SlimInstanceSchema = v.object({
  instanceType: v.picklist(["node", "edge"]),
  space: v.string(),
  externalId: v.string(),
  version: v.number(),
  wasModified: v.boolean(),
  createdTime: v.number(),
  lastUpdatedTime: v.number(),
});
export type SlimInstance = v.InferOutput<typeof SlimInstanceSchema>;

export type SortDirection = "ascending" | "descending";
export interface PropertySort {
  property: string[];
  direction?: SortDirection;
  nullsFirst?: boolean;
}

export interface ListInstancesOptions extends PagingOptions {
  instanceType?: "node" | "edge";
  sources?: ViewReference[];
  filter?: Filter;
  sort?: PropertySort[];
}

export interface UpsertOptions {
  replace?: boolean;
  autoCreateDirectRelations?: boolean;
  autoCreateStartNodes?: boolean;
  autoCreateEndNodes?: boolean;
  skipOnVersionConflict?: boolean;
}

export interface SearchRequest {
  view: ViewReference;
  query?: string;
  instanceType?: "node" | "edge";
  properties?: string[];
  filter?: Filter;
  sort?: { property: string[]; direction?: SortDirection }[];
  operator?: "AND" | "OR";
  limit?: number;
}

export type Aggregate =
  | { count: { property?: string } }
  | { avg: { property: string } }
  | { min: { property: string } }
  | { max: { property: string } }
  | { sum: { property: string } }
  | { histogram: { property: string; interval: number } };

export interface AggregateRequest {
  view: ViewReference;
  instanceType?: "node" | "edge";
  query?: string;
  properties?: string[];
  operator?: "AND" | "OR";
  filter?: Filter;
  groupBy?: string[];
  aggregates?: Aggregate[];
  limit?: number;
}

const AggregateValueSchema = v.looseObject({
  aggregate: v.string(),
  property: v.optional(v.string()),
  value: v.optional(v.nullable(v.number())),
  interval: v.optional(v.number()),
  buckets: v.optional(v.array(v.object({ start: v.number(), count: v.number() }))),
});
export const AggregateResponseSchema = v.object({
  items: v.array(
    v.object({
      instanceType: v.picklist(["node", "edge"]),
      group: v.optional(v.record(v.string(), v.union([v.string(), v.number(), v.boolean(), DirectRelationReferenceSchema]))),
      aggregates: v.array(AggregateValueSchema),
    }),
  ),
});
export type AggregateResponse = v.InferOutput<typeof AggregateResponseSchema>;

/** The body of a query or sync request: result-set expressions, selects, cursors, parameters (dms-api §7.9). */
export interface QueryRequest {
  with: Record<string, Record<string, unknown>>;
  select: Record<string, Record<string, unknown>>;
  cursors?: Record<string, string>;
  parameters?: Record<string, unknown>;
  includeTyping?: boolean;
  [key: string]: unknown;
}

export const QueryResponseSchema = v.object({
  items: v.record(v.string(), v.array(InstanceSchema)),
  nextCursor: v.optional(v.nullable(v.record(v.string(), v.nullable(v.string()))), {}),
  typing: v.optional(v.unknown()),
});
export type QueryResponse = v.InferOutput<typeof QueryResponseSchema>;

const instanceItems = itemsSchema(InstanceSchema);

export class InstancesAPI {
  constructor(private readonly http: HttpClient) {}

  /** A lazy listing that follows cursors, one page in memory at a time. */
  list(options: ListInstancesOptions = {}): AsyncGenerator<Instance, void, undefined> {
    const { limit, pageSize, sources, ...body } = options;
    const request = { instanceType: "node", ...body, ...(sources ? { sources: sources.map((source) => ({ source })) } : {}) };
    return paginate(
      (cursor, pageLimit) => this.http.post("/models/instances/list", { ...request, limit: pageLimit, cursor }, { schema: instanceItems }),
      {
        ...(limit !== undefined ? { limit } : {}),
        ...(pageSize !== undefined ? { pageSize } : {}),
        maxPageSize: INSTANCE_LIMITS.pageSize,
      },
    );
  }

  /** One instance (a ResourceNotFoundError when missing) or many (those that exist), with the given views' properties. */
  retrieve(id: InstanceId, sources?: ViewReference[]): Promise<Instance>;
  retrieve(ids: readonly InstanceId[], sources?: ViewReference[]): Promise<Instance[]>;
  async retrieve(idOrIds: InstanceId | readonly InstanceId[], sources?: ViewReference[]): Promise<Instance | Instance[]> {
    const ids: readonly InstanceId[] = Array.isArray(idOrIds) ? idOrIds : [idOrIds as InstanceId];
    const results: Instance[] = [];
    for (const chunk of chunked(ids, INSTANCE_LIMITS.readChunk)) {
      const body = { items: chunk, ...(sources ? { sources: sources.map((source) => ({ source })) } : {}) };
      results.push(...(await this.http.post("/models/instances/byids", body, { schema: instanceItems })).items);
    }
    if (Array.isArray(idOrIds)) return results;
    const id = idOrIds as InstanceId;
    const [found] = results;
    if (!found) throw new ResourceNotFoundError(`${id.instanceType} ${id.space}:${id.externalId} does not exist`, { status: 404 });
    return found;
  }

  /** Creates or updates nodes and edges; results keep the input order. */
  async upsert(items: readonly InstanceWrite[], options: UpsertOptions = {}): Promise<SlimInstance[]> {
    const schema = itemsSchema(SlimInstanceSchema);
    const pages = await mapConcurrent(chunked(items, INSTANCE_LIMITS.writeChunk), INSTANCE_LIMITS.applyConcurrency, (chunk) =>
      this.http.post("/models/instances", { items: chunk, ...options }, { schema }),
    );
    return pages.flatMap((page) => page.items);
  }

  /** Deletes nodes and edges (a node's edges go with it); returns what was deleted. */
  async delete(ids: readonly InstanceId[]): Promise<InstanceId[]> {
    const schema = itemsSchema(InstanceIdSchema);
    const pages = await mapConcurrent(chunked(ids, INSTANCE_LIMITS.writeChunk), INSTANCE_LIMITS.deleteConcurrency, (chunk) =>
      this.http.post("/models/instances/delete", { items: chunk }, { schema }),
    );
    return pages.flatMap((page) => page.items);
  }

  /** Free-text search over a view's text properties, with an optional filter; at most 1000 results. */
  async search(request: SearchRequest): Promise<Instance[]> {
    return (await this.http.post("/models/instances/search", request, { schema: instanceItems })).items;
  }

  async aggregate(request: AggregateRequest): Promise<AggregateResponse> {
    return this.http.post("/models/instances/aggregate", request, { schema: AggregateResponseSchema });
  }

  /** One page of a graph query; feed `nextCursor` back as `cursors` for the next. */
  async query(request: QueryRequest): Promise<QueryResponse> {
    return this.http.post("/models/instances/query", request, { schema: QueryResponseSchema });
  }

  /** One page of a change feed; the returned cursors continue it. */
  async sync(request: QueryRequest): Promise<QueryResponse> {
    return this.http.post("/models/instances/sync", request, { schema: QueryResponseSchema });
  }
}
