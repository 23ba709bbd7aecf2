/**
 * Graph queries and sync (dms-api.md §7.9, §7.10). Result sets are evaluated in dependency order: a node set
 * starts from all nodes, from the ends of an edge set, or from a node set through a direct relation; an edge set
 * walks edges from a node set up to `maxDistance` hops (with node, termination and per-node limits); set
 * operations combine named sets. Each set pages with its own cursor; a chained set is computed from its parent's
 * current page. Sync returns what changed since a set's cursor, soft deletes included.
 */
import type { Filter, ViewReference } from "../client/models.ts";
import { badRequest, parseRequest } from "./api-error.ts";
import type { Handler, RequestContext } from "./context.ts";
import { compileFilter, type InstancePredicate, propertyAccessor } from "./filters.ts";
import { instanceToApi, projectSources, typingOf } from "./instance-output.ts";
import { SYNC_CURSOR_LIFETIME_MS } from "./limits.ts";
import { decodeCursor, encodeCursor } from "./paging.ts";
import {
  type EdgeTraversal,
  type NodeTraversal,
  type QueryExpression,
  QueryRequestSchema,
  type SetOperation,
  type SyncExpression,
  SyncRequestSchema,
} from "./requests.ts";
import { instanceOrder, pageInstances, type SortSpec } from "./sorting.ts";
import { instanceKey, type ProjectState, type StoredInstance } from "./store.ts";
import { isDirectRelation, isListType } from "./values.ts";
import { requireContainer, requireView } from "./views.ts";

/** Hops an edge traversal takes at most when the request sets no maxDistance. */
const UNBOUNDED_DISTANCE = 100;

interface EvaluatedSet {
  kind: "node" | "edge";
  /** The edge direction, for node sets chained from this (edge) set. */
  direction: "outwards" | "inwards";
  page: StoredInstance[];
  nextCursor?: string;
}

type Expression = QueryExpression | SyncExpression;

/** Names of the result sets an expression reads from. */
function dependencies(expression: Expression): string[] {
  if ("nodes" in expression) return expression.nodes.from ? [expression.nodes.from] : [];
  if ("edges" in expression) return expression.edges.from ? [expression.edges.from] : [];
  const operands = (operation: SetOperation): string[] => {
    const list = "unionAll" in operation ? operation.unionAll : "union" in operation ? operation.union : operation.intersection;
    return [...list.flatMap((operand) => (typeof operand === "string" ? [operand] : operands(operand))), ...(operation.except ?? [])];
  };
  return operands(expression);
}

/** Result set names in an order where every set comes after the sets it reads from. */
function evaluationOrder(expressions: Record<string, Expression>): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string, path: string[]) => {
    if (order.includes(name)) return;
    const expression = expressions[name];
    if (!expression) throw badRequest(`Result set expression '${path.at(-1)}' refers to '${name}', which is not defined in 'with'`);
    if (visiting.has(name)) throw badRequest(`Result set expressions form a cycle: ${[...path, name].join(" -> ")}`);
    visiting.add(name);
    for (const dependency of dependencies(expression)) visit(dependency, [...path, name]);
    order.push(name);
  };
  for (const name of Object.keys(expressions)) visit(name, []);
  return order;
}

/** Indexes of live edges by the node they leave from and the node they arrive at, built once per request. */
class EdgeIndex {
  readonly outgoing = new Map<string, StoredInstance[]>();
  readonly incoming = new Map<string, StoredInstance[]>();

  constructor(state: ProjectState) {
    for (const edge of state.instances.values()) {
      if (edge.instanceType !== "edge" || edge.deletedTime !== undefined || !edge.startNode || !edge.endNode) continue;
      push(this.outgoing, instanceKey(edge.startNode.space, edge.startNode.externalId), edge);
      push(this.incoming, instanceKey(edge.endNode.space, edge.endNode.externalId), edge);
    }
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

class GraphEvaluator {
  private edgeIndex?: EdgeIndex;
  readonly sets = new Map<string, EvaluatedSet>();

  constructor(
    private readonly state: ProjectState,
    private readonly parameters: Record<string, unknown>,
    /** Whether soft-deleted instances take part (sync) or not (query). */
    private readonly includeDeleted: boolean,
  ) {}

  compile(filter: Filter | undefined): InstancePredicate {
    return filter ? compileFilter(filter, { state: this.state, parameters: this.parameters }) : () => true;
  }

  private get edges(): EdgeIndex {
    this.edgeIndex ??= new EdgeIndex(this.state);
    return this.edgeIndex;
  }

  private all(kind: "node" | "edge"): StoredInstance[] {
    return [...this.state.instances.values()].filter(
      (instance) => instance.instanceType === kind && (this.includeDeleted || instance.deletedTime === undefined),
    );
  }

  private parent(name: string): EvaluatedSet {
    return this.sets.get(name) as EvaluatedSet;
  }

  private node(ref: { space: string; externalId: string } | undefined): StoredInstance | undefined {
    return ref ? this.state.liveInstance(ref.space, ref.externalId) : undefined;
  }

  /** Nodes at the chosen end of each edge of an edge set (dms-api §7.9 chainTo rules). */
  private edgeEnds(parent: EvaluatedSet, chainTo: "source" | "destination"): StoredInstance[] {
    const useEnd = (parent.direction === "outwards") === (chainTo === "destination");
    return unique(parent.page.flatMap((edge) => this.node(useEnd ? edge.endNode : edge.startNode) ?? []));
  }

  nodeCandidates(traversal: NodeTraversal): StoredInstance[] {
    if (!traversal.from) return this.all("node");
    const parent = this.parent(traversal.from);
    if (parent.kind === "edge") return this.edgeEnds(parent, traversal.chainTo);
    if (!traversal.through)
      throw badRequest(`A node set chained from the node set '${traversal.from}' needs 'through' (a direct relation property)`);
    const { source, identifier } = traversal.through;
    const path =
      source.type === "view"
        ? [source.space, `${source.externalId}/${source.version}`, identifier]
        : [source.space, source.externalId, identifier];
    if (source.type === "view") requireView(this.state, source);
    else requireContainer(this.state, source);
    const accessor = propertyAccessor(this.state, path);
    if (accessor.type?.type !== "direct") throw badRequest(`'through' must name a direct relation property: ${JSON.stringify(path)}`);
    if ((traversal.direction ?? "outwards") === "outwards") {
      return unique(
        parent.page.flatMap((node) => {
          const value = accessor.read(node);
          return (Array.isArray(value) ? value : [value]).flatMap((ref) => (isDirectRelation(ref) ? (this.node(ref) ?? []) : []));
        }),
      );
    }
    if (isListType(accessor.type)) throw badRequest("Cannot traverse lists of direct relations inwards.");
    const targets = new Set(parent.page.map((node) => instanceKey(node.space, node.externalId)));
    return this.all("node").filter((node) => {
      const value = accessor.read(node);
      return isDirectRelation(value) && targets.has(instanceKey(value.space, value.externalId));
    });
  }

  edgeCandidates(traversal: EdgeTraversal | Omit<EdgeTraversal, "limitEach">): StoredInstance[] {
    const edgeFilter = this.compile(traversal.filter);
    if (!traversal.from) return this.all("edge").filter(edgeFilter);
    const parent = this.parent(traversal.from);
    const start = parent.kind === "edge" ? this.edgeEnds(parent, traversal.chainTo) : parent.page;
    const nodeFilter = this.compile(traversal.nodeFilter);
    const terminates = traversal.terminationFilter ? this.compile(traversal.terminationFilter) : () => false;
    const limitEach = "limitEach" in traversal ? traversal.limitEach : undefined;
    const outwards = traversal.direction === "outwards";
    const found = new Map<string, StoredInstance>();
    const visited = new Set(start.map((node) => instanceKey(node.space, node.externalId)));
    let frontier = start;
    for (let hop = 0; hop < (traversal.maxDistance ?? UNBOUNDED_DISTANCE) && frontier.length > 0; hop++) {
      const next: StoredInstance[] = [];
      for (const node of frontier) {
        const key = instanceKey(node.space, node.externalId);
        let taken = 0;
        for (const edge of (outwards ? this.edges.outgoing : this.edges.incoming).get(key) ?? []) {
          if (limitEach !== undefined && taken >= limitEach) break;
          const far = this.node(outwards ? edge.endNode : edge.startNode);
          if (!far || !edgeFilter(edge) || !nodeFilter(far)) continue;
          taken += 1;
          found.set(instanceKey(edge.space, edge.externalId), edge);
          const farKey = instanceKey(far.space, far.externalId);
          if (!visited.has(farKey) && !terminates(far)) next.push(far);
          visited.add(farKey);
        }
      }
      frontier = next;
    }
    return [...found.values()];
  }

  setOperation(operation: SetOperation): StoredInstance[] {
    const operandItems = (list: (SetOperation | string)[]) =>
      list.map((operand) => (typeof operand === "string" ? this.parent(operand).page : this.setOperation(operand)));
    let items: StoredInstance[];
    if ("unionAll" in operation) items = operandItems(operation.unionAll).flat();
    else if ("union" in operation) items = unique(operandItems(operation.union).flat());
    else {
      const [first = [], ...rest] = operandItems(operation.intersection);
      const others = rest.map((list) => new Set(list.map(keyOf)));
      items = first.filter((instance) => others.every((keys) => keys.has(keyOf(instance))));
    }
    const excluded = new Set((operation.except ?? []).flatMap((name) => this.parent(name).page.map(keyOf)));
    return items.filter((instance) => !excluded.has(keyOf(instance))).slice(0, operation.limit);
  }
}

const keyOf = (instance: StoredInstance) => instanceKey(instance.space, instance.externalId);

function unique(instances: StoredInstance[]): StoredInstance[] {
  const seen = new Map<string, StoredInstance>();
  for (const instance of instances) seen.set(keyOf(instance), instance);
  return [...seen.values()];
}

/** The instances of `items` in the output shape of a select: chosen view properties, optional sort and limit. */
function selectOutput(
  context: RequestContext,
  items: StoredInstance[],
  select: { sources: { source: ViewReference; properties: string[] }[]; sort?: SortSpec[]; limit?: number },
) {
  const projections = projectSources(context.state, select.sources);
  let ordered = items;
  if (select.sort?.length) {
    const order = instanceOrder(context.state, select.sort);
    ordered = [...items].sort((a, b) => order.compare(order.position(a), order.position(b)));
  }
  return { items: ordered.slice(0, select.limit).map((instance) => instanceToApi(instance, projections)), typing: typingOf(projections) };
}

function checkSelectNames(select: Record<string, unknown>, expressions: Record<string, unknown>): void {
  const unknown = Object.keys(select).filter((name) => !Object.hasOwn(expressions, name));
  if (unknown.length > 0) throw badRequest(`select refers to result set expressions not defined in 'with': ${unknown.join(", ")}`);
}

export const queryInstances: Handler = (context) => {
  const request = parseRequest(QueryRequestSchema, context.body);
  checkSelectNames(request.select, request.with);
  const evaluator = new GraphEvaluator(context.state, request.parameters, false);
  for (const name of evaluationOrder(request.with)) {
    const expression = request.with[name] as QueryExpression;
    const cursor = request.cursors[name];
    if ("nodes" in expression) {
      const candidates = evaluator.nodeCandidates(expression.nodes);
      const { page, nextCursor } = pageInstances(
        context.state,
        candidates,
        evaluator.compile(expression.nodes.filter),
        expression.sort,
        cursor,
        expression.limit,
      );
      evaluator.sets.set(name, { kind: "node", direction: "outwards", page, nextCursor });
    } else if ("edges" in expression) {
      const candidates = evaluator.edgeCandidates(expression.edges);
      const sort = expression.sort.length > 0 ? expression.sort : expression.postSort;
      const { page, nextCursor } = pageInstances(context.state, candidates, () => true, sort, cursor, expression.limit);
      evaluator.sets.set(name, { kind: "edge", direction: expression.edges.direction, page, nextCursor });
    } else {
      const page = evaluator.setOperation(expression);
      evaluator.sets.set(name, { kind: page[0]?.instanceType ?? "node", direction: "outwards", page });
    }
  }
  return buildResponse(context, evaluator, request.select, request.includeTyping, false);
};

function buildResponse(
  context: RequestContext,
  evaluator: GraphEvaluator,
  select: Record<string, { sources: { source: ViewReference; properties: string[] }[]; sort?: SortSpec[]; limit?: number }>,
  includeTyping: boolean,
  alwaysCursor: boolean,
) {
  const items: Record<string, unknown[]> = {};
  const typing: Record<string, unknown> = {};
  for (const [name, selection] of Object.entries(select)) {
    const output = selectOutput(context, evaluator.sets.get(name)?.page ?? [], selection);
    items[name] = output.items;
    typing[name] = output.typing;
  }
  const nextCursor: Record<string, string> = {};
  for (const [name, set] of evaluator.sets) {
    if (set.nextCursor !== undefined || alwaysCursor) nextCursor[name] = set.nextCursor as string;
  }
  return { items, typing: includeTyping ? typing : undefined, nextCursor };
}

// ── Sync ───────────────────────────────────────────────────────────────────────────────────────────────────

interface SyncPosition {
  /** Changes up to this point of the change sequence have been delivered. */
  after: number;
  /** When the cursor was issued, to expire it like CDF does. */
  issued: number;
}

function readSyncCursor(cursor: string | null | undefined, allowExpired: boolean): SyncPosition | undefined {
  if (!cursor) return undefined;
  const position = decodeCursor(cursor) as SyncPosition;
  if (typeof position?.after !== "number" || typeof position.issued !== "number") throw badRequest("Invalid sync cursor");
  if (Date.now() - position.issued > SYNC_CURSOR_LIFETIME_MS && !allowExpired) {
    throw badRequest(
      "The sync cursor has expired (cursors live 3 days); restart the sync or set allowExpiredCursorsAndAcceptMissedDeletes",
    );
  }
  return position;
}

export const syncInstances: Handler = (context) => {
  const request = parseRequest(SyncRequestSchema, context.body);
  checkSelectNames(request.select, request.with);
  const evaluator = new GraphEvaluator(context.state, request.parameters, true);
  const now = Date.now();
  for (const name of evaluationOrder(request.with)) {
    const expression = request.with[name] as SyncExpression;
    if (expression.backfillSort.length > 0 && expression.mode !== "twoPhase")
      throw badRequest("Backfill sort can only be used with two-phase sync.");
    const position = readSyncCursor(request.cursors[name], request.allowExpiredCursorsAndAcceptMissedDeletes);
    const kind = "nodes" in expression ? "node" : "edge";
    const issue = (after: number) => encodeCursor({ after, issued: now } satisfies SyncPosition);
    if (!position && expression.mode === "noBackfill") {
      evaluator.sets.set(name, { kind, direction: "outwards", page: [], nextCursor: issue(context.store.currentSequence) });
      continue;
    }
    const candidates = "nodes" in expression ? evaluator.nodeCandidates(expression.nodes) : evaluator.edgeCandidates(expression.edges);
    const filter = evaluator.compile("nodes" in expression ? expression.nodes.filter : undefined);
    const after = position?.after ?? 0;
    const changed = candidates
      .filter((instance) => instance.changeSeq > after && filter(instance))
      // Before a sync has a cursor, instances deleted earlier are of no interest unless asked for.
      .filter((instance) => position !== undefined || instance.deletedTime === undefined || !expression.skipAlreadyDeleted)
      .sort((a, b) => a.changeSeq - b.changeSeq);
    const page = changed.slice(0, expression.limit);
    const caughtUp = changed.length <= expression.limit;
    const reached = caughtUp ? context.store.currentSequence : (page.at(-1) as StoredInstance).changeSeq;
    const direction = "edges" in expression ? expression.edges.direction : "outwards";
    evaluator.sets.set(name, { kind, direction, page, nextCursor: issue(reached) });
  }
  return buildResponse(context, evaluator, request.select, request.includeTyping, true);
};
