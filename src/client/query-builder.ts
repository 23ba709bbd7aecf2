/**
 * A small fluent builder over one view: conditions on its properties, which properties to return, sort and
 * limit; `execute()` pages lazily through the query endpoint (memory bounded by the page size) and `count()`
 * asks the aggregate endpoint. Building is plain object work — no request is made until a terminal is called.
 *
 *   for await (const pump of client.queryBuilder("sp", "Pump/1").where("flow", { gte: 10 }).sort("-flow").limit(50).execute()) …
 */
import type { InstancesAPI, PropertySort, QueryRequest } from "./instances.ts";
import type { Filter, Instance, ViewReference } from "./models.ts";
import { paginate } from "./paging.ts";

/** A condition on one property: the filter kinds that compare a property with values. */
export type Condition =
  | { equals: unknown }
  | { in: unknown[] }
  | { prefix: unknown }
  | { exists: boolean }
  | { containsAny: unknown[] }
  | { containsAll: unknown[] }
  | { gt?: unknown; gte?: unknown; lt?: unknown; lte?: unknown };

/** Instance fields that live on the node itself, not in a view (dms-api §8.1). */
const BASE_PROPERTIES = new Set(["space", "externalId", "version", "createdTime", "lastUpdatedTime", "type", "instanceType"]);
/** Rows per query page; the API allows up to 10 000 per result set. */
const QUERY_PAGE_SIZE = 1000;
const RESULT_SET = "items";

export class QueryBuilder {
  private readonly filters: Filter[] = [];
  private properties: string[] = ["*"];
  private sorts: PropertySort[] = [];
  private maxItems: number | undefined;

  constructor(
    private readonly instances: InstancesAPI,
    readonly view: ViewReference,
    private readonly instanceType: "node" | "edge" = "node",
  ) {}

  /** The filter path of a property: a base field of the instance, or a property through the view. */
  propertyPath(property: string): string[] {
    return BASE_PROPERTIES.has(property)
      ? [this.instanceType, property]
      : [this.view.space, `${this.view.externalId}/${this.view.version}`, property];
  }

  /** Adds a condition on one property; conditions combine with AND. */
  where(property: string, condition: Condition): this {
    const path = this.propertyPath(property);
    if ("equals" in condition) this.filters.push({ equals: { property: path, value: condition.equals } });
    else if ("in" in condition) this.filters.push({ in: { property: path, values: condition.in } });
    else if ("prefix" in condition) this.filters.push({ prefix: { property: path, value: condition.prefix } });
    else if ("containsAny" in condition) this.filters.push({ containsAny: { property: path, values: condition.containsAny } });
    else if ("containsAll" in condition) this.filters.push({ containsAll: { property: path, values: condition.containsAll } });
    else if ("exists" in condition) {
      const exists: Filter = { exists: { property: path } };
      this.filters.push(condition.exists ? exists : { not: exists });
    } else this.filters.push({ range: { property: path, ...condition } });
    return this;
  }

  /** Adds a raw DMS filter; combines with the other conditions by AND. */
  filter(filter: Filter): this {
    this.filters.push(filter);
    return this;
  }

  /** The view properties to return (all by default). */
  select(...properties: string[]): this {
    this.properties = properties.length > 0 ? properties : ["*"];
    return this;
  }

  /** Sort keys: "name" ascending, "-name" descending; the first key sorts first. */
  sort(...keys: string[]): this {
    this.sorts = keys.map((key) =>
      key.startsWith("-")
        ? { property: this.propertyPath(key.slice(1)), direction: "descending" }
        : { property: this.propertyPath(key), direction: "ascending" },
    );
    return this;
  }

  /** At most this many items in total. */
  limit(count: number): this {
    if (!(Number.isInteger(count) && count >= 0)) throw new RangeError("limit must be a whole number ≥ 0");
    this.maxItems = count;
    return this;
  }

  /** The combined filter: data in the view, and every condition. */
  buildFilter(): Filter {
    return { and: [{ hasData: [this.view] }, ...this.filters] };
  }

  /** The query request for one page (without cursor), as sent to /models/instances/query. */
  build(pageLimit: number = QUERY_PAGE_SIZE): QueryRequest {
    const expression = this.instanceType === "node" ? { nodes: { filter: this.buildFilter() } } : { edges: { filter: this.buildFilter() } };
    return {
      with: { [RESULT_SET]: { ...expression, limit: pageLimit, ...(this.sorts.length > 0 ? { sort: this.sorts } : {}) } },
      select: { [RESULT_SET]: { sources: [{ source: this.view, properties: this.properties }] } },
    };
  }

  /** Yields the matching instances, fetching page by page as they are consumed. */
  execute(pageSize: number = QUERY_PAGE_SIZE): AsyncGenerator<Instance, void, undefined> {
    return paginate(
      async (cursor, pageLimit) => {
        const request = this.build(pageLimit);
        const response = await this.instances.query(cursor ? { ...request, cursors: { [RESULT_SET]: cursor } } : request);
        return { items: response.items[RESULT_SET] ?? [], nextCursor: response.nextCursor?.[RESULT_SET] ?? undefined };
      },
      { ...(this.maxItems !== undefined ? { limit: this.maxItems } : {}), pageSize, maxPageSize: 10_000 },
    );
  }

  /** How many instances match (ignores limit, sort and select). */
  async count(): Promise<number> {
    const response = await this.instances.aggregate({
      view: this.view,
      instanceType: this.instanceType,
      filter: this.buildFilter(),
      aggregates: [{ count: {} }],
    });
    return response.items[0]?.aggregates[0]?.value ?? 0;
  }
}
