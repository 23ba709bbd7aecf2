/**
 * The generic API of one view. A generated `PumpAPI` is a one-liner over it:
 *
 *     export class PumpAPI extends ViewAPI<Pump, PumpFilters> {
 *       constructor(instances: InstancesClient, defaultSpace: string) { super(instances, PUMP_META, defaultSpace); }
 *     }
 *
 * Reads come back as typed objects (timestamps as Date, int64 as bigint); filters are typed keyword arguments
 * (see keyword-filters.ts) and/or a raw Filter.
 */
import { allOf, type Filter, hasData } from "./filters.js";
import { type NodeRef, nodeId } from "./ids.js";
import { type AggregateSpec, DEFAULT_LIMIT, type InstancesClient, MAX_PAGE_SIZE, type RawInstance } from "./instances.js";
import { keywordFilter } from "./keyword-filters.js";
import { NodeQuery } from "./select.js";
import { identifierOf, readProperties, type ViewMeta } from "./view.js";

export interface SortBy<F extends string> {
  field: F;
  direction?: "ascending" | "descending";
  nullsFirst?: boolean;
}

export interface ReadOptions<K> {
  /** Typed filters on the view's fields; see keyword-filters.ts. */
  filters?: K;
  /** A raw filter, combined with `filters` by and. */
  filter?: Filter;
}

export interface ListOptions<K, F extends string> extends ReadOptions<K> {
  /** At most this many (default 25); -1 or Infinity for all of them. */
  limit?: number;
  sort?: SortBy<F> | readonly SortBy<F>[];
}

export interface IterateOptions<K, F extends string> extends ReadOptions<K> {
  chunkSize?: number;
  /** Resume after the page this cursor came with. */
  cursor?: string;
  sort?: SortBy<F> | readonly SortBy<F>[];
}

export interface ItemPage<T> {
  items: T[];
  /** Pass back as `cursor` to resume after this page; undefined on the last page. */
  cursor: string | undefined;
}

export interface SearchOptions<K, F extends string> extends ReadOptions<K> {
  properties?: readonly F[];
  limit?: number;
  operator?: "AND" | "OR";
}

export type AggregateName = "count" | "avg" | "min" | "max" | "sum";

export interface Bucket {
  start: number;
  count: number;
}

/** `Q` is the type select() is handed out as: a generated SDK's typed `Select` step, by default the untyped query. */
export class ViewAPI<T, K = Record<string, unknown>, F extends string = string, Q = NodeQuery> {
  constructor(
    protected readonly instances: InstancesClient,
    readonly meta: ViewMeta,
    protected readonly defaultSpace: string,
  ) {}

  /** Up to `limit` nodes (default 25), read page by page. */
  async list(options: ListOptions<K, F> = {}): Promise<T[]> {
    const { limit = DEFAULT_LIMIT, ...rest } = options;
    const unbounded = limit < 0 || limit === Number.POSITIVE_INFINITY;
    const result: T[] = [];
    for await (const page of this.#pages(unbounded ? rest : { ...rest, limit })) result.push(...page.items);
    return result;
  }

  /** Pages of at most `chunkSize` nodes, one request each, holding one page at a time; each carries its cursor. */
  iterate(options: IterateOptions<K, F> = {}): AsyncGenerator<ItemPage<T>> {
    return this.#pages(options);
  }

  /** One node (undefined when missing) or several (missing ones left out), by external id or NodeId. */
  retrieve(id: NodeRef): Promise<T | undefined>;
  retrieve(ids: readonly NodeRef[]): Promise<T[]>;
  async retrieve(ids: NodeRef | readonly NodeRef[]): Promise<T | T[] | undefined> {
    const list = Array.isArray(ids) ? (ids as readonly NodeRef[]) : [ids as NodeRef];
    const found = (
      await this.instances.retrieve(
        list.map((one) => nodeId(one, this.defaultSpace)),
        this.meta.view,
      )
    ).map((raw) => this.parse(raw));
    return Array.isArray(ids) ? found : found[0];
  }

  /** Full-text search over the view's text properties (or `properties`). */
  async search(query: string, options: SearchOptions<K, F> = {}): Promise<T[]> {
    const items = await this.instances.search(this.meta.view, {
      query,
      properties: options.properties?.map((field) => identifierOf(this.meta, field)),
      filter: this.filterOf(options),
      limit: options.limit ?? DEFAULT_LIMIT,
      ...(options.operator ? { operator: options.operator } : {}),
    });
    return items.map((raw) => this.parse(raw));
  }

  /** One aggregate over the nodes that pass the filters: `count` (no field needed), or avg/min/max/sum of a number field. */
  async aggregate(
    name: AggregateName,
    field?: F,
    options: ReadOptions<K> & { groupBy?: readonly F[] } = {},
  ): Promise<{ group: Record<string, unknown>; value: number | null }[]> {
    if (name !== "count" && field === undefined) throw new TypeError(`${name} needs a field`);
    const property = field === undefined ? undefined : identifierOf(this.meta, field);
    const spec = { [name]: property === undefined ? {} : { property } } as AggregateSpec;
    const groups = await this.instances.aggregate(this.meta.view, [spec], {
      filter: this.filterOf(options),
      ...(options.groupBy ? { groupBy: options.groupBy.map((one) => identifierOf(this.meta, one)) } : {}),
    });
    return groups.map(({ group, aggregates }) => ({ group, value: (aggregates[0]?.value as number | null | undefined) ?? null }));
  }

  /** Counts per bucket of width `interval` over a number field. */
  async histogram(field: F, interval: number, options: ReadOptions<K> = {}): Promise<Bucket[]> {
    const groups = await this.instances.aggregate(this.meta.view, [{ histogram: { property: identifierOf(this.meta, field), interval } }], {
      filter: this.filterOf(options),
    });
    const buckets = groups[0]?.aggregates[0]?.buckets;
    return Array.isArray(buckets)
      ? buckets.map((bucket: { start: number; count: number }) => ({ start: bucket.start, count: bucket.count }))
      : [];
  }

  /** A query that starts at this view and follows connections; see select.ts. */
  select(): Q {
    // Q is the typed face of this very object (select.ts's Select), declared by the generated SDK.
    return new NodeQuery(this.instances, this.meta, this.defaultSpace) as Q;
  }

  protected parse(raw: RawInstance): T {
    return readProperties(this.meta, raw) as T;
  }

  protected filterOf(options: ReadOptions<K>): Filter | undefined {
    const typed = options.filters ? keywordFilter(this.meta, options.filters as Record<string, unknown>, this.defaultSpace) : undefined;
    return allOf(typed, options.filter);
  }

  async *#pages(options: IterateOptions<K, F> & { limit?: number }): AsyncGenerator<ItemPage<T>> {
    const sort = options.sort === undefined ? [] : Array.isArray(options.sort) ? options.sort : [options.sort as SortBy<F>];
    const pages = this.instances.pages(this.meta.view, {
      filter: allOf(hasData([this.meta.view]), this.filterOf(options)),
      sort: sort.map((item) => ({
        property: [this.meta.view.space, `${this.meta.view.externalId}/${this.meta.view.version}`, identifierOf(this.meta, item.field)],
        direction: item.direction ?? "ascending",
        ...(item.nullsFirst === undefined ? {} : { nullsFirst: item.nullsFirst }),
      })),
      chunkSize: options.chunkSize ?? MAX_PAGE_SIZE,
      cursor: options.cursor,
      limit: options.limit,
    });
    for await (const page of pages) yield { items: page.items.map((raw) => this.parse(raw)), cursor: page.cursor };
  }
}
