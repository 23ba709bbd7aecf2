/**
 * `select()`: a query that starts at one view, keeps the nodes that pass each step's filters and follows
 * connections (direct relations, edges, reverse relations) with the DMS query API (POST /models/instances/query).
 *
 *     const plants = await client.hydroPlant.select().where({ status: "operating" }).through("units").listRoot();
 *
 * `through(field)` returns the step of the view at the other end; `list()` returns the nodes of the last step,
 * `listRoot()` the first step's nodes with every followed field filled with the nodes reached (and that passed the
 * later steps' filters). A generated SDK types each step with its view's filters and connections (`Select` below
 * over the SDK's `SelectSchema`), so the result's type follows the path taken.
 *
 * Every result set is paged to the end (or its limit): a set with a cursor is read again with that cursor and the
 * cursors that fixed its ancestors' pages, so its next page is read against the same parent page. CDF cannot
 * follow a list of direct relations inwards, so a reverse relation through a list starts a second query, seeded
 * with the ids of the nodes reached so far (`containsAny` in chunks).
 */
import { and, containsAny, equals, type Filter, hasData } from "./filters.js";
import { instanceKey, type NodeId, nodeId, type ViewId, viewPropertyRef } from "./ids.js";
import { DEFAULT_LIMIT, type InstancesClient, type RawInstance } from "./instances.js";
import { keywordFilter } from "./keyword-filters.js";
import { type EdgeRead, readEdge, readProperties, type ViewMeta } from "./view.js";

// Per-set page size, the number of result sets per request, and node ids per seeded query.
const MAX_QUERY_LIMIT = 10_000;
const MAX_RESULT_SETS = 50;
export const SEED_IDS_PER_QUERY = 100;

// ── The types a generated SDK gives select() ──────────────────────────────────────────────────────────────────

/** One view as select() sees it: its read type, its typed filter arguments and the connections it follows. */
export interface SelectView {
  read: object;
  filters: object;
  /**
   * Connection fields, each with the key of the view it reaches in the schema, whether it holds many nodes and,
   * for an edge with properties, the read type of its edge view (the edge comes as an EdgeRead around the node).
   */
  hops: { [field: string]: { to: string; list: boolean; edge?: object } };
}

/** A generated SDK's views by name; `SelectSchema` in its `select.d.ts`. */
export type SelectViews<S> = { [V in keyof S]: SelectView };

/** One followed connection of a path: the field, whether it holds many, the read type reached and its edge's (or never). */
export interface SelectHop {
  field: string;
  list: boolean;
  read: object;
  edge: object;
}

/** What one hop of a path reaches: the node (followed further), wrapped in its edge when the edge has properties. */
type Reached<Hop extends SelectHop, Rest extends readonly SelectHop[]> = [Hop["edge"]] extends [never]
  ? Followed<Hop["read"], Rest>
  : EdgeRead<Hop["edge"], Followed<Hop["read"], Rest>>;

/** The root's read type with each field of the path filled with what was reached (absent ones: null or []). */
export type Followed<T, Path extends readonly SelectHop[]> = Path extends readonly [
  infer First extends SelectHop,
  ...infer Rest extends readonly SelectHop[],
]
  ? Omit<T, First["field"]> & {
      [K in First["field"]]: First["list"] extends true ? Reached<First, Rest>[] : Reached<First, Rest> | null;
    }
  : T;

type HopTarget<S extends SelectViews<S>, V extends keyof S, F extends keyof S[V]["hops"]> = S[V]["hops"][F]["to"] & keyof S;
type HopEdge<S extends SelectViews<S>, V extends keyof S, F extends keyof S[V]["hops"]> = S[V]["hops"][F] extends {
  edge: infer P extends object;
}
  ? P
  : never;

/** A step of a typed select(): at view `V` of schema `S`, started at `Root`, having followed `Path`. */
export interface Select<S extends SelectViews<S>, V extends keyof S, Root extends keyof S = V, Path extends readonly SelectHop[] = []> {
  /** Keep the nodes of this step that pass these typed filters (and earlier ones). */
  where(filters: S[V]["filters"]): Select<S, V, Root, Path>;
  /** Keep the nodes of this step that pass a raw filter (and earlier ones), for what the typed filters lack. */
  filter(filter: Filter): Select<S, V, Root, Path>;
  /** At most `count` nodes at this step, across all the nodes it is reached from. */
  limit(count: number): Select<S, V, Root, Path>;
  /** Follows a connection field of this step's view to the step of the view it reaches. */
  through<F extends keyof S[V]["hops"] & string>(
    field: F,
  ): Select<
    S,
    HopTarget<S, V, F>,
    Root,
    [...Path, { field: F; list: S[V]["hops"][F]["list"]; read: S[HopTarget<S, V, F>]["read"]; edge: HopEdge<S, V, F> }]
  >;
  /** The nodes of this (the last) step reached through the whole path. */
  list(options?: SelectListOptions): Promise<S[V]["read"][]>;
  /** The root's nodes, each followed field filled with the nodes reached there. */
  listRoot(options?: SelectListOptions): Promise<Followed<S[Root]["read"], Path>[]>;
}

export interface SelectListOptions {
  /** At most this many (default 25); -1 or Infinity for all of them. */
  limit?: number;
}

// ── The query ─────────────────────────────────────────────────────────────────────────────────────────────────

interface Hop {
  parent: string;
  field: string;
  kind: "direct" | "edge" | "reverse";
  list: boolean;
  /** For reverse relations: the direct relation followed back; `seeded` when it is a list (a query of its own). */
  through?: { source: ViewId; identifier: string; seeded: boolean };
}

interface Step {
  name: string;
  meta: ViewMeta;
  /** How this step hangs off its parent, named so steps can be replaced without re-linking; absent on the root. */
  hop?: Hop;
  filter?: Filter | undefined;
  limit?: number | undefined;
}

export interface ResultSet {
  expression: Record<string, unknown>;
  select: Record<string, unknown>;
  parent: string | undefined;
  limit: number | undefined;
}

type Objects = Map<string, Map<string, Record<string, unknown>>>;
/** Raw instances by result set, each once (by instance key). */
export type RawSets = Map<string, Map<string, RawInstance>>;

/** The result set of the edges an edge hop walks to reach its step's nodes. */
const edgeSetOf = (step: Step) => `${step.name}_edges`;
const viewKey = (view: ViewId) => `${view.externalId}/${view.version}`;
/** Selects all of a view's properties. */
export const selectView = (view: ViewId) => ({ sources: [{ source: { type: "view", ...view }, properties: ["*"] }] });

/** The untyped query select() runs; a generated SDK hands it out typed as `Select`. */
export class NodeQuery {
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

  /** Keep the nodes of this step that pass these typed filter arguments (keyword-filters.ts). */
  where(filters: object): NodeQuery {
    const filter = keywordFilter(this.#current.meta, filters as Record<string, unknown>, this.defaultSpace);
    return filter ? this.filter(filter) : this;
  }

  /** Keep the nodes of this step that pass `filter` (combined by and with earlier ones). */
  filter(filter: Filter): NodeQuery {
    return this.#with({ filter: this.#current.filter ? and(this.#current.filter, filter) : filter });
  }

  /** At most `count` nodes at this step. */
  limit(count: number): NodeQuery {
    if (!(count > 0)) throw new RangeError(`a step's limit must be positive, not ${count}`);
    return this.#with({ limit: count });
  }

  /** Follows the direct relation, edge or reverse relation `field` to the nodes it reaches. */
  through(field: string): NodeQuery {
    const from = this.#current;
    const { hop, target } = hopOf(from, field);
    const step: Step = { name: `s${this.#steps.length}`, meta: target(), hop };
    return new NodeQuery(this.instances, this.#root.meta, this.defaultSpace, [...this.#steps, step], step);
  }

  /** The nodes of the last step reached through the whole chain. */
  async list(options: SelectListOptions = {}): Promise<Record<string, unknown>[]> {
    const last = this.#current;
    const raw = await this.#run(last, limitOf(options, last.limit));
    return [...(raw.get(last.name)?.values() ?? [])].map((item) => readProperties(last.meta, item));
  }

  /** The root nodes, with every followed field filled. */
  async listRoot(options: SelectListOptions = {}): Promise<Record<string, unknown>[]> {
    const root = this.#root;
    const raw = await this.#run(root, limitOf(options, root.limit));
    const objects: Objects = new Map();
    for (const step of this.#steps) {
      const items = [...(raw.get(step.name)?.values() ?? [])];
      objects.set(step.name, new Map(items.map((item) => [instanceKey("node", item), readProperties(step.meta, item)])));
    }
    // Deepest first, so a node is complete before it is placed in its parent.
    for (const step of this.#steps.slice(1).reverse()) this.#attach(step, objects, raw);
    return [...(objects.get(root.name)?.values() ?? [])];
  }

  get #root(): Step {
    return this.#steps[0] as Step;
  }

  /**
   * The raw instances of every step, `limited` holding at most `limit`. The chain is run as one query, or as one
   * per seeded segment (a reverse relation through a list), each seeded with the nodes its parent step reached.
   */
  async #run(limited: Step, limit: number | undefined): Promise<RawSets> {
    const steps = this.#steps.map((step) => (step === limited ? { ...step, limit } : step));
    const segments: Step[][] = [];
    for (const step of steps) {
      if (!step.hop || step.hop.through?.seeded) segments.push([step]);
      else segments[segments.length - 1]?.push(step);
    }
    const raw: RawSets = new Map(steps.map((step) => [step.name, new Map()]));
    for (const segment of segments) {
      const head = segment[0] as Step;
      const until = segment.some((step) => step.name === limited.name) ? limited.name : undefined;
      const through = head.hop?.through;
      if (!head.hop || !through) {
        await runQuery(this.instances, this.#resultSets(segment, undefined), raw, until);
        continue;
      }
      const seeds = [...(raw.get(head.hop.parent)?.values() ?? [])].map(
        (item): NodeId => ({ space: item.space, externalId: item.externalId }),
      );
      for (let start = 0; start < seeds.length; start += SEED_IDS_PER_QUERY) {
        const seeded = containsAny(viewPropertyRef(through.source, through.identifier), seeds.slice(start, start + SEED_IDS_PER_QUERY));
        await runQuery(this.instances, this.#resultSets(segment, seeded), raw, until);
        if (until !== undefined && isFull(raw, until, limit)) break;
      }
    }
    return raw;
  }

  #attach(step: Step, objects: Objects, raw: RawSets): void {
    const hop = step.hop as Hop;
    const parents = objects.get(hop.parent) ?? new Map<string, Record<string, unknown>>();
    const children = objects.get(step.name) ?? new Map<string, Record<string, unknown>>();
    // The children each parent reaches, by parent key.
    const reached = new Map<string, Record<string, unknown>[]>();
    const reach = (key: string, child: Record<string, unknown> | undefined) => {
      if (child) reached.set(key, [...(reached.get(key) ?? []), child]);
    };
    if (hop.kind === "direct") {
      for (const [key, parent] of parents) {
        const value = parent[hop.field];
        const refs = (Array.isArray(value) ? value : [value]).filter(isNodeId);
        reached.set(
          key,
          refs.map((ref) => children.get(instanceKey("node", nodeId(ref, this.defaultSpace)))).filter((child) => child !== undefined),
        );
      }
    } else if (hop.kind === "edge") {
      const edge = this.#step(hop.parent).meta.edges[hop.field];
      for (const item of raw.get(edgeSetOf(step))?.values() ?? []) {
        const [here, there] = edge?.direction === "inwards" ? [item.endNode, item.startNode] : [item.startNode, item.endNode];
        const child = isNodeId(there) ? children.get(instanceKey("node", there)) : undefined;
        // An edge with properties comes as an edge object holding them and the node reached.
        if (isNodeId(here) && child) reach(instanceKey("node", here), edge?.edgeView ? readEdge(edge.edgeView(), item, child) : child);
      }
    } else {
      const through = hop.through as NonNullable<Hop["through"]>;
      for (const item of raw.get(step.name)?.values() ?? []) {
        const value = relationValue(item, through);
        const child = children.get(instanceKey("node", item));
        // A list may name the same node twice: the child is reached from it once.
        const parentKeys = new Set(
          (Array.isArray(value) ? value : [value]).filter(isNodeId).map((ref) => instanceKey("node", nodeId(ref, this.defaultSpace))),
        );
        for (const key of parentKeys) reach(key, child);
      }
    }
    for (const [key, parent] of parents) {
      const found = reached.get(key) ?? [];
      parent[hop.field] = hop.list ? found : (found[0] ?? null);
    }
  }

  /** The result sets of one segment of the chain; its head is a root set, filtered by `seed` when seeded. */
  #resultSets(segment: Step[], seed: Filter | undefined): Map<string, ResultSet> {
    const sets = new Map<string, ResultSet>();
    const [head] = segment;
    for (const step of segment) {
      const own = step.filter ? and(hasData([step.meta.view]), step.filter) : hasData([step.meta.view]);
      const nodeFilter = step === head && seed ? and(own, seed) : own;
      const select = selectOf(step);
      const hop = step.hop;
      if (step === head || !hop) {
        sets.set(step.name, { expression: { nodes: { filter: nodeFilter } }, select, parent: undefined, limit: step.limit });
      } else if (hop.kind === "edge") {
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
        sets.set(step.name, { expression: { nodes: { from: edgeSet, filter: nodeFilter } }, select, parent: edgeSet, limit: step.limit });
      } else {
        // A direct relation outwards from the parent, or a reverse relation: the child's direct relation inwards.
        const parentView = this.#step(hop.parent).meta.view;
        const through =
          hop.kind === "direct"
            ? { source: { type: "view", ...parentView }, identifier: this.#step(hop.parent).meta.properties[hop.field]?.identifier }
            : { source: { type: "view", ...hop.through?.source }, identifier: hop.through?.identifier };
        const direction = hop.kind === "direct" ? "outwards" : "inwards";
        sets.set(step.name, {
          expression: { nodes: { from: hop.parent, through, direction, filter: nodeFilter } },
          select,
          parent: hop.parent,
          limit: step.limit,
        });
      }
    }
    if (sets.size > MAX_RESULT_SETS)
      throw new RangeError(`a query holds at most ${MAX_RESULT_SETS} result sets; this one needs ${sets.size}`);
    return sets;
  }

  #with(change: Partial<Step>): NodeQuery {
    const current = { ...this.#current, ...change };
    const steps = this.#steps.map((step) => (step === this.#current ? current : step));
    return new NodeQuery(this.instances, this.#root.meta, this.defaultSpace, steps, current);
  }

  #step(name: string): Step {
    const step = this.#steps.find((candidate) => candidate.name === name);
    if (!step) throw new Error(`no step ${name} in this query`);
    return step;
  }
}

/** The hop to a connection field of a step's view, and the view it reaches. */
function hopOf(from: Step, field: string): { hop: Hop; target: () => ViewMeta } {
  const { meta } = from;
  const direct = meta.properties[field];
  if (direct?.type === "direct" && direct.target) {
    return { hop: { parent: from.name, field, kind: "direct", list: direct.list === true }, target: direct.target };
  }
  const edge = meta.edges[field];
  if (edge?.target) return { hop: { parent: from.name, field, kind: "edge", list: edge.list === true }, target: edge.target };
  const reverse = meta.reverse?.[field];
  if (reverse) {
    const through = { source: reverse.through.source, identifier: reverse.through.identifier, seeded: reverse.through.list === true };
    return { hop: { parent: from.name, field, kind: "reverse", list: reverse.list === true, through }, target: reverse.target };
  }
  const followable = [
    ...Object.entries(meta.properties)
      .filter(([, property]) => property.type === "direct" && property.target)
      .map(([name]) => name),
    ...Object.entries(meta.edges)
      .filter(([, one]) => one.target)
      .map(([name]) => name),
    ...Object.keys(meta.reverse ?? {}),
  ];
  throw new TypeError(
    `${meta.view.externalId}.${field} is not a connection select() can follow; ${followable.length > 0 ? `it follows ${followable.sort().join(", ")}` : "it has none"}`,
  );
}

/** The view's properties, and the direct relation a reverse hop is attached by when another view holds it. */
function selectOf(step: Step): Record<string, unknown> {
  return selectWithRelation(step.meta.view, step.hop?.through);
}

/** A reverse relation's direct relation, as it points back from a node reached through it. */
export interface Relation {
  source: ViewId;
  identifier: string;
}

/** Selects `view`'s properties and, when another view holds it, the direct relation `through`. */
export function selectWithRelation(view: ViewId, through: Relation | undefined): Record<string, unknown> {
  const { sources } = selectView(view);
  if (through && (through.source.space !== view.space || viewKey(through.source) !== viewKey(view))) {
    sources.push({ source: { type: "view", ...through.source }, properties: [through.identifier] });
  }
  return { sources };
}

/** The raw value of the direct relation `through` on a node (a reference, a list of them, or absent). */
export function relationValue(item: RawInstance, through: Relation): unknown {
  const properties = item.properties as Record<string, Record<string, Record<string, unknown>>> | undefined;
  return properties?.[through.source.space]?.[viewKey(through.source)]?.[through.identifier];
}

function limitOf(options: SelectListOptions, stepLimit: number | undefined): number | undefined {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const unbounded = limit < 0 || limit === Number.POSITIVE_INFINITY;
  if (unbounded) return stepLimit;
  return stepLimit === undefined ? limit : Math.min(limit, stepLimit);
}

function isNodeId(value: unknown): value is NodeId {
  return typeof value === "object" && value !== null && "externalId" in value && "space" in value;
}

function isFull(raw: RawSets, name: string, limit: number | undefined): boolean {
  return limit !== undefined && (raw.get(name)?.size ?? 0) >= limit;
}

/**
 * Runs the sets page by page into `collected` (each instance once per set); stops early once set `until` is full.
 */
export async function runQuery(
  instances: InstancesClient,
  sets: Map<string, ResultSet>,
  collected: RawSets,
  until: string | undefined,
): Promise<void> {
  for (const name of sets.keys()) if (!collected.has(name)) collected.set(name, new Map());
  const children = new Map<string | undefined, string[]>();
  for (const [name, set] of sets) children.set(set.parent, [...(children.get(set.parent) ?? []), name]);
  const subtree = (name: string): string[] => [name, ...(children.get(name) ?? []).flatMap(subtree)];
  const size = (name: string) => collected.get(name)?.size ?? 0;
  const wantsMore = (name: string) => !isFull(collected, name, sets.get(name)?.limit);
  const pageLimit = (name: string) => {
    const limit = sets.get(name)?.limit;
    return limit === undefined ? MAX_QUERY_LIMIT : Math.max(1, Math.min(MAX_QUERY_LIMIT, limit - size(name)));
  };
  const everything = (children.get(undefined) ?? []).flatMap(subtree);
  const jobs: { cursors: Record<string, string>; names: string[]; fixed: Map<string, number> }[] = [
    { cursors: {}, names: everything, fixed: new Map() },
  ];
  while (jobs.length > 0) {
    if (until !== undefined && !wantsMore(until)) return;
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
      for (const item of response.items[name] ?? []) {
        if (!wantsMore(name)) break;
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
}
