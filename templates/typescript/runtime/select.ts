/**
 * The core of `select()`: a query over one view that follows connections with the DMS query API
 * (POST /models/instances/query) and fits what comes back into the connection fields of the read objects.
 *
 *     const pumps = await client.pump.select().where(equals(...)).through("valves").limit(10).list();
 *
 * `through(field)` follows a direct relation or an edge field of the query's view, and returns the query of the
 * view at the other end; `.through` on that goes a level deeper. `list()` on any of them returns the root
 * objects, each traversed field filled with the objects reached. Every result set is paged to the end (root:
 * until its limit): a set with a cursor is read again with that cursor and the cursors that fixed its ancestors'
 * pages, so its next page is read against the same parent page.
 */
import { and, equals, type Filter, hasData } from "./filters.js";
import { instanceKey, nodeId, type ViewId } from "./ids.js";
import type { InstancesClient, RawInstance } from "./instances.js";
import { readEdge, readProperties, type ViewMeta } from "./view.js";

// Per-set page size and the number of result sets per request.
const MAX_QUERY_LIMIT = 10_000;
const MAX_RESULT_SETS = 50;

interface Step {
  name: string;
  meta: ViewMeta;
  /** How this step hangs off its parent, named so steps can be replaced without re-linking; absent on the root. */
  hop?: { parent: string; field: string; kind: "direct" | "edge"; list: boolean };
  filter?: Filter | undefined;
  limit?: number | undefined;
}

export interface ResultSet {
  expression: Record<string, unknown>;
  select: Record<string, unknown>;
  parent: string | undefined;
  limit: number | undefined;
}

/** The result set of the edges an edge hop walks to reach its step's nodes. */
const edgeSetOf = (step: Step) => `${step.name}_edges`;
export const selectView = (view: ViewId) => ({ sources: [{ source: { type: "view", ...view }, properties: ["*"] }] });

export class NodeQuery<Root> {
  readonly #steps: Step[];
  readonly #current: Step;

  constructor(
    private readonly instances: InstancesClient,
    meta: ViewMeta,
    private readonly defaultSpace: string,
    steps?: Step[],
    current?: Step,
  ) {
    const root: Step = { name: "root", meta };
    this.#steps = steps ?? [root];
    this.#current = current ?? root;
  }

  /** Keep the nodes of this step that pass `filter` (combined by and with earlier ones). */
  where(filter: Filter): NodeQuery<Root> {
    return this.#with({ filter: this.#current.filter ? and(this.#current.filter, filter) : filter });
  }

  /** At most `count` nodes at this step (the root's default: all). */
  limit(count: number): NodeQuery<Root> {
    return this.#with({ limit: count });
  }

  /** Follows the direct relation or edge field `field` to the nodes it reaches. */
  through(field: string): NodeQuery<Root> {
    const from = this.#current;
    const direct = from.meta.properties[field];
    const edge = from.meta.edges[field];
    const target = direct?.type === "direct" ? direct.target : edge?.target;
    if (!target) throw new TypeError(`${from.meta.view.externalId}.${field} is not a connection with a known target view`);
    const step: Step = {
      name: `s${this.#steps.length}`,
      meta: target(),
      hop: { parent: from.name, field, kind: edge ? "edge" : "direct", list: edge ? edge.list === true : direct?.list === true },
    };
    return new NodeQuery<Root>(this.instances, this.#steps[0]?.meta as ViewMeta, this.defaultSpace, [...this.#steps, step], step);
  }

  /** The root objects, with every traversed field filled. */
  async list(): Promise<Root[]> {
    const sets = this.#resultSets();
    const raw = await runQuery(this.instances, sets);
    const objects = new Map<string, Map<string, Record<string, unknown>>>();
    for (const step of this.#steps) {
      objects.set(
        step.name,
        new Map((raw.get(step.name) ?? []).map((item) => [instanceKey("node", item), readProperties(step.meta, item)])),
      );
    }
    for (const step of this.#steps.slice(1)) this.#attach(step, objects, raw);
    return [...(objects.get("root")?.values() ?? [])] as Root[];
  }

  #attach(step: Step, objects: Map<string, Map<string, Record<string, unknown>>>, raw: Map<string, RawInstance[]>): void {
    const hop = step.hop;
    if (!hop) return;
    const parents = objects.get(hop.parent) ?? new Map();
    const children = objects.get(step.name) ?? new Map();
    if (hop.kind === "direct") {
      for (const parent of parents.values()) {
        const value = parent[hop.field];
        const pick = (ref: unknown) =>
          ref && typeof ref === "object"
            ? (children.get(instanceKey("node", nodeId(ref as { externalId: string; space: string }, this.defaultSpace))) ?? ref)
            : ref;
        parent[hop.field] = Array.isArray(value) ? value.map(pick) : pick(value);
      }
      return;
    }
    const edge = this.#step(hop.parent).meta.edges[hop.field];
    const reached = new Map<string, Record<string, unknown>[]>();
    for (const item of raw.get(edgeSetOf(step)) ?? []) {
      const start = item.startNode as { space: string; externalId: string };
      const end = item.endNode as { space: string; externalId: string };
      const [here, there] = edge?.direction === "inwards" ? [end, start] : [start, end];
      const child = children.get(instanceKey("node", there));
      if (!child) continue;
      const key = instanceKey("node", here);
      // An edge with properties comes as an edge object holding them and the node reached.
      const value = edge?.edgeView ? readEdge(edge.edgeView(), item, child) : child;
      reached.set(key, [...(reached.get(key) ?? []), value]);
    }
    for (const [key, parent] of parents) {
      const found = reached.get(key) ?? [];
      parent[hop.field] = hop.list ? found : (found[0] ?? null);
    }
  }

  #resultSets(): Map<string, ResultSet> {
    const sets = new Map<string, ResultSet>();
    for (const step of this.#steps) {
      const inView = hasData([step.meta.view]);
      const nodeFilter = step.filter ? and(inView, step.filter) : inView;
      const hop = step.hop;
      if (!hop) {
        sets.set(step.name, {
          expression: { nodes: { filter: nodeFilter } },
          select: selectView(step.meta.view),
          parent: undefined,
          limit: step.limit,
        });
      } else if (hop.kind === "direct") {
        const identifier = this.#step(hop.parent).meta.properties[hop.field]?.identifier;
        sets.set(step.name, {
          expression: {
            nodes: {
              from: hop.parent,
              through: { source: { type: "view", ...this.#step(hop.parent).meta.view }, identifier },
              direction: "outwards",
              filter: nodeFilter,
            },
          },
          select: selectView(step.meta.view),
          parent: hop.parent,
          limit: step.limit,
        });
      } else {
        const edge = this.#step(hop.parent).meta.edges[hop.field];
        const edgeSet = edgeSetOf(step);
        sets.set(edgeSet, {
          expression: {
            edges: {
              from: hop.parent,
              direction: edge?.direction ?? "outwards",
              maxDistance: 1,
              filter: equals(["edge", "type"], edge?.edgeType ?? null),
              nodeFilter,
            },
          },
          select: edge?.edgeView ? selectView(edge.edgeView().view) : {},
          parent: hop.parent,
          limit: undefined,
        });
        sets.set(step.name, {
          expression: { nodes: { from: edgeSet, filter: nodeFilter } },
          select: selectView(step.meta.view),
          parent: edgeSet,
          limit: step.limit,
        });
      }
    }
    if (sets.size > MAX_RESULT_SETS)
      throw new RangeError(`a query holds at most ${MAX_RESULT_SETS} result sets; this one needs ${sets.size}`);
    return sets;
  }

  #with(change: Partial<Step>): NodeQuery<Root> {
    const current = { ...this.#current, ...change };
    const steps = this.#steps.map((step) => (step === this.#current ? current : step));
    return new NodeQuery<Root>(this.instances, steps[0]?.meta as ViewMeta, this.defaultSpace, steps, current);
  }

  #step(name: string): Step {
    const step = this.#steps.find((candidate) => candidate.name === name);
    if (!step) throw new Error(`no step ${name} in this query`);
    return step;
  }
}

/** The raw items of every set, each instance once per set, read page by page. */
export async function runQuery(instances: InstancesClient, sets: Map<string, ResultSet>): Promise<Map<string, RawInstance[]>> {
  const collected = new Map<string, Map<string, RawInstance>>([...sets.keys()].map((name) => [name, new Map()]));
  const children = new Map<string | undefined, string[]>();
  for (const [name, set] of sets) children.set(set.parent, [...(children.get(set.parent) ?? []), name]);
  const subtree = (name: string): string[] => [name, ...(children.get(name) ?? []).flatMap(subtree)];
  const wantsMore = (name: string) => {
    const limit = sets.get(name)?.limit;
    return limit === undefined || (collected.get(name)?.size ?? 0) < limit;
  };
  const pageLimit = (name: string) => {
    const limit = sets.get(name)?.limit;
    return limit === undefined ? MAX_QUERY_LIMIT : Math.max(1, Math.min(MAX_QUERY_LIMIT, limit - (collected.get(name)?.size ?? 0)));
  };
  const everything = (children.get(undefined) ?? []).flatMap(subtree);
  const jobs: { cursors: Record<string, string>; names: string[]; fixed: Map<string, number> }[] = [
    { cursors: {}, names: everything, fixed: new Map() },
  ];
  while (jobs.length > 0) {
    const { cursors, names, fixed } = jobs.pop() as (typeof jobs)[number];
    const limits = new Map([...sets.keys()].map((name) => [name, fixed.get(name) ?? pageLimit(name)]));
    const body = {
      with: Object.fromEntries([...sets].map(([name, set]) => [name, { ...set.expression, limit: limits.get(name) }])),
      select: Object.fromEntries(names.map((name) => [name, sets.get(name)?.select])),
      cursors: Object.keys(cursors).length > 0 ? cursors : undefined,
    };
    const response = await instances.query(body);
    for (const name of names) {
      const found = collected.get(name) as Map<string, RawInstance>;
      const limit = sets.get(name)?.limit;
      for (const item of response.items[name] ?? []) {
        if (limit !== undefined && found.size >= limit) break;
        const key = instanceKey(item.instanceType ?? "node", item);
        if (!found.has(key)) found.set(key, item);
      }
    }
    for (const name of names) {
      const cursor = response.nextCursor[name];
      if (cursor && wantsMore(name)) {
        const paged = new Set(subtree(name));
        const kept = new Map([...limits].filter(([other]) => !paged.has(other)));
        jobs.push({ cursors: { ...cursors, [name]: cursor }, names: [...paged], fixed: kept });
      }
    }
  }
  return new Map([...collected].map(([name, found]) => [name, [...found.values()]]));
}
