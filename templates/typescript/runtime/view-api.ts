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
import { asChildClass, fillConnections } from "./connections.js";
import { allOf, type Filter, hasData } from "./filters.js";
import { type NodeRef, nodeId } from "./ids.js";
import { type AggregateSpec, DEFAULT_LIMIT, type InstancesClient, MAX_PAGE_SIZE, type RawInstance } from "./instances.js";
import { keywordFilter } from "./keyword-filters.js";
import { NodeQuery } from "./select.js";
import { type Connections, identifierOf, readProperties, readViewOf, type ViewMeta } from "./view.js";

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

/** What a read does after the nodes came back (connections.ts). */
export interface FollowOptions<C extends Connections> {
  /** Fill the connection fields: "skip" (default), "identifier" (NodeIds) or "full" (the connected nodes). */
  retrieveConnections?: C;
  /** Read each node through the most specific view below this one it has data in (one request per such view). */
  asChildClass?: boolean;
}

/** A view's read type per `retrieveConnections` mode. */
export interface ReadsByMode {
  skip: unknown;
  identifier: unknown;
  full: unknown;
}

export interface ListOptions<K, F extends string, C extends Connections = "skip"> extends ReadOptions<K>, FollowOptions<C> {
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

/** `Q` is the type select() is handed out as (a generated SDK's typed `Select` step, by default the untyped query);
 * `R` the read types by retrieveConnections mode. */
export class ViewAPI<
  T,
  K = Record<string, unknown>,
  F extends string = string,
  Q = NodeQuery,
  R extends ReadsByMode = { skip: T; identifier: T; full: T },
> {
  constructor(
    protected readonly instances: InstancesClient,
    readonly meta: ViewMeta,
    protected readonly defaultSpace: string,
  ) {}

  /** Up to `limit` nodes (default 25), read page by page; `retrieveConnections` and `asChildClass` as in `retrieve`. */
  async list<C extends Connections = "skip">(options: ListOptions<K, F, C> = {}): Promise<R[C][]> {
    const { limit = DEFAULT_LIMIT, retrieveConnections, asChildClass, ...rest } = options;
    const unbounded = limit < 0 || limit === Number.POSITIVE_INFINITY;
    const result: T[] = [];
    for await (const page of this.#pages(unbounded ? rest : { ...rest, limit })) result.push(...page.items);
    return this.#follow(result, { retrieveConnections, asChildClass }) as Promise<R[C][]>;
  }

  /** Pages of at most `chunkSize` nodes, one request each, holding one page at a time; each carries its cursor. */
  iterate(options: IterateOptions<K, F> = {}): AsyncGenerator<ItemPage<T>> {
    return this.#pages(options);
  }

  /**
   * One node (undefined when missing) or several (missing ones left out), by external id or NodeId.
   * `retrieveConnections` fills the connection fields: "identifier" with NodeIds, "full" with the connected nodes
   * (edges with properties: edge objects ending in either); "skip" (default) leaves edge fields out and direct
   * relations as NodeIds. `asChildClass` reads each node through the most specific view below this one that it has
   * data in (tell them apart with `is`).
   */
  retrieve<C extends Connections = "skip">(id: NodeRef, options?: FollowOptions<C>): Promise<R[C] | undefined>;
  retrieve<C extends Connections = "skip">(ids: readonly NodeRef[], options?: FollowOptions<C>): Promise<R[C][]>;
  async retrieve(ids: NodeRef | readonly NodeRef[], options: FollowOptions<Connections> = {}): Promise<unknown> {
    const list = Array.isArray(ids) ? (ids as readonly NodeRef[]) : [ids as NodeRef];
    const found = (
      await this.instances.retrieve(
        list.map((one) => nodeId(one, this.defaultSpace)),
        this.meta.view,
      )
    ).map((raw) => this.parse(raw));
    const followed = await this.#follow(found, options);
    return Array.isArray(ids) ? followed : followed[0];
  }

  /** Whether `item` was read through this view or one below it (as `asChildClass` reads them). */
  is<I extends object>(item: I): item is I & T {
    const read = readViewOf(item);
    const stack = [this.meta];
    for (let view = stack.pop(); view !== undefined && read !== undefined; view = stack.pop()) {
      if (view === read) return true;
      stack.push(...(view.children?.() ?? []));
    }
    return false;
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

  async #follow(items: T[], options: FollowOptions<Connections>): Promise<T[]> {
    const records = items as Record<string, unknown>[];
    const read = options.asChildClass ? await asChildClass(this.instances, this.meta, records) : records;
    await fillConnections(this.instances, this.meta, read, options.retrieveConnections ?? "skip");
    return read as T[];
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
