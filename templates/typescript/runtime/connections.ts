/**
 * `retrieveConnections` and `asChildClass` of list and retrieve: what a read does after the nodes themselves came
 * back.
 *
 * - Connections are followed one level with the query API, a chunk of nodes at a time, all edge fields of a view
 *   in one query: "identifier" fills edge fields and reverse relations with the NodeIds at their other end, "full"
 *   with the nodes there and direct relations with the nodes they point at (read through the view the model names,
 *   their own connections skipped). A node the relation points at that has no data in that view is left out of a
 *   list, and null in a single field. Edges with properties come as edge objects (view.ts's EdgeRead) ending in the
 *   same. A reverse relation is followed inwards through its direct relation in one query per field, or, when that
 *   relation is a list (which CDF cannot follow inwards), by filtering on it with `containsAny`, as select() does.
 * - asChildClass reads each node again through the most specific view below the API's view that it has data in:
 *   a byids request per descendant view, asked only about the nodes found in that view's parent.
 */
import { and, containsAny, equals, hasData, instanceReferences } from "./filters.js";
import { instanceKey, type NodeId, viewPropertyRef } from "./ids.js";
import type { InstancesClient, RawInstance } from "./instances.js";
import { type RawSets, type ResultSet, relationValue, runQuery, SEED_IDS_PER_QUERY, selectView, selectWithRelation } from "./select.js";
import { type Connections, type EdgeMeta, type ReverseMeta, readEdge, readProperties, readViewOf, type ViewMeta } from "./view.js";

/** Nodes per query: the API's limit on the values of one filter (`instanceReferences` here), as in the Python runtime. */
const NODES_PER_QUERY = 1000;

type Item = Record<string, unknown>;

/** Fills the connection fields of `items` (read objects of `meta` or of views below it) as `mode` says. */
export async function fillConnections(
  instances: InstancesClient,
  meta: ViewMeta,
  items: readonly Item[],
  mode: Connections,
): Promise<void> {
  if (mode === "skip" || items.length === 0) return;
  const byView = new Map<ViewMeta, Item[]>();
  for (const item of items) {
    const view = readViewOf(item) ?? meta;
    byView.set(view, [...(byView.get(view) ?? []), item]);
  }
  for (const [view, group] of byView) {
    for (let start = 0; start < group.length; start += NODES_PER_QUERY) {
      const chunk = group.slice(start, start + NODES_PER_QUERY);
      await fillEdges(instances, view, chunk, mode);
      await fillReverse(instances, view, chunk, mode);
      if (mode === "full") await fillDirect(instances, view, chunk);
    }
  }
}

const idOf = (item: Item): NodeId => ({ space: item.space as string, externalId: item.externalId as string });

/** Every edge field of the chunk, in one query: per field its edges and, with "full", the nodes they reach. */
async function fillEdges(instances: InstancesClient, meta: ViewMeta, chunk: readonly Item[], mode: Connections): Promise<void> {
  const fields = Object.entries(meta.edges);
  if (fields.length === 0) return;
  const sets = new Map<string, ResultSet>([
    ["root", { expression: { nodes: { filter: instanceReferences(chunk.map(idOf)) } }, select: {}, parent: undefined, limit: undefined }],
  ]);
  // Set names are generated, never the fields' own: a field named `root` would be its own parent.
  fields.forEach(([, edge], index) => {
    sets.set(`e${index}`, {
      expression: { edges: { from: "root", direction: edge.direction, maxDistance: 1, filter: equals(["edge", "type"], edge.edgeType) } },
      select: edge.edgeView ? selectView(edge.edgeView().view) : {},
      parent: "root",
      limit: undefined,
    });
    const target = edge.target?.();
    if (mode === "full" && target) {
      sets.set(`n${index}`, {
        expression: { nodes: { from: `e${index}` } },
        select: selectView(target.view),
        parent: `e${index}`,
        limit: undefined,
      });
    }
  });
  const raw = await queryAll(instances, sets);
  fields.forEach(([field, edge], index) => {
    const target = edge.target?.();
    const nodes = new Map(
      target && mode === "full"
        ? (raw.get(`n${index}`) ?? []).map((node) => [instanceKey("node", node), readProperties(target, node)])
        : [],
    );
    attachEdges(chunk, field, edge, raw.get(`e${index}`) ?? [], (end) =>
      mode === "full" && target ? nodes.get(instanceKey("node", end)) : end,
    );
  });
}

/** Every page of every set, as lists of raw instances by set name. */
async function queryAll(instances: InstancesClient, sets: Map<string, ResultSet>): Promise<Map<string, RawInstance[]>> {
  const collected: RawSets = new Map();
  await runQuery(instances, sets, collected, undefined);
  return new Map([...collected].map(([name, items]) => [name, [...items.values()]]));
}

/** Each reverse relation of the chunk: the nodes of its target view whose direct relation points at a chunk node. */
async function fillReverse(instances: InstancesClient, meta: ViewMeta, chunk: readonly Item[], mode: Connections): Promise<void> {
  for (const [field, reverse] of Object.entries(meta.reverse ?? {})) {
    const target = reverse.target();
    const { through } = reverse;
    const select = selectWithRelation(target.view, through);
    const queries: Map<string, ResultSet>[] = [];
    if (through.list) {
      // CDF cannot follow a list of direct relations inwards: filter on the list, a batch of ids at a time.
      for (let start = 0; start < chunk.length; start += SEED_IDS_PER_QUERY) {
        const ids = chunk.slice(start, start + SEED_IDS_PER_QUERY).map(idOf);
        const filter = and(hasData([target.view]), containsAny(viewPropertyRef(through.source, through.identifier), ids));
        queries.push(new Map([["reverse", { expression: { nodes: { filter } }, select, parent: undefined, limit: undefined }]]));
      }
    } else {
      const relation = { source: { type: "view", ...through.source }, identifier: through.identifier };
      const inwards = { from: "root", through: relation, direction: "inwards", filter: hasData([target.view]) };
      queries.push(
        new Map([
          [
            "root",
            { expression: { nodes: { filter: instanceReferences(chunk.map(idOf)) } }, select: {}, parent: undefined, limit: undefined },
          ],
          ["reverse", { expression: { nodes: inwards }, select, parent: "root", limit: undefined }],
        ]),
      );
    }
    // A node naming several chunk nodes in its list comes once per batch: keep it once.
    const found = new Map<string, RawInstance>();
    for (const sets of queries) {
      for (const item of (await queryAll(instances, sets)).get("reverse") ?? []) found.set(instanceKey("node", item), item);
    }
    attachReverse(chunk, field, reverse, [...found.values()], (node) => (mode === "full" ? readProperties(target, node) : nodeIdOf(node)));
  }
}

/** Sets `field` of each item to the nodes whose relation names it (a list may name it twice: reached once). */
function attachReverse(
  chunk: readonly Item[],
  field: string,
  reverse: ReverseMeta,
  nodes: readonly RawInstance[],
  readNode: (node: RawInstance) => unknown,
): void {
  const reached = new Map<string, unknown[]>();
  for (const node of nodes) {
    const keys = new Set(idsIn(relationValue(node, reverse.through)).map((id) => instanceKey("node", id)));
    for (const key of keys) reached.set(key, [...(reached.get(key) ?? []), readNode(node)]);
  }
  setReached(chunk, field, reached, reverse.list === true);
}

/** Sets `field` of each item to what reached it, by node key: all of it for a list, else the first or null. */
function setReached(chunk: readonly Item[], field: string, reached: ReadonlyMap<string, unknown[]>, list: boolean): void {
  for (const item of chunk) {
    const found = reached.get(instanceKey("node", idOf(item))) ?? [];
    item[field] = list ? found : (found[0] ?? null);
  }
}

/** Sets `field` of each item to what its edges reach (`endOf` undefined: the end is left out). */
function attachEdges(
  chunk: readonly Item[],
  field: string,
  edge: EdgeMeta,
  edges: readonly RawInstance[],
  endOf: (end: NodeId) => unknown,
): void {
  const reached = new Map<string, unknown[]>();
  for (const item of edges) {
    const [here, there] = edge.direction === "inwards" ? [item.endNode, item.startNode] : [item.startNode, item.endNode];
    const end = endOf(nodeIdOf(there));
    if (end === undefined) continue;
    const key = instanceKey("node", nodeIdOf(here));
    reached.set(key, [...(reached.get(key) ?? []), edge.edgeView ? readEdge(edge.edgeView(), item, end) : end]);
  }
  setReached(chunk, field, reached, edge.list === true);
}

function nodeIdOf(value: unknown): NodeId {
  const { space, externalId } = value as NodeId;
  return { space, externalId };
}

/** Direct relations with a target view: the NodeIds they hold replaced by the nodes, read through that view. */
async function fillDirect(instances: InstancesClient, meta: ViewMeta, chunk: readonly Item[]): Promise<void> {
  for (const [field, property] of Object.entries(meta.properties)) {
    const target = property.type === "direct" ? property.target?.() : undefined;
    if (!target) continue;
    const ids = new Map<string, NodeId>();
    for (const item of chunk) for (const id of idsIn(item[field])) ids.set(instanceKey("node", id), id);
    if (ids.size === 0) continue;
    const nodes = new Map(
      (await instances.retrieve([...ids.values()], target.view)).map((node) => [instanceKey("node", node), readProperties(target, node)]),
    );
    const nodeOf = (id: NodeId) => nodes.get(instanceKey("node", id));
    for (const item of chunk) {
      const value = item[field];
      if (value === null || value === undefined) continue;
      item[field] = Array.isArray(value) ? value.flatMap((id: NodeId) => nodeOf(id) ?? []) : (nodeOf(value as NodeId) ?? null);
    }
  }
}

function idsIn(value: unknown): NodeId[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(nodeIdOf);
}

/**
 * The items, each read again through the most specific view below `meta` that it has data in (items with none
 * stay as they are). A child view has its parents' properties, so a node with data in it has data in them: each
 * view is asked only about the nodes found in its parent's view.
 */
export async function asChildClass(instances: InstancesClient, meta: ViewMeta, items: readonly Item[]): Promise<Item[]> {
  const specific = new Map<string, Item>();
  const depth = new Map<string, number>();
  const visit = async (view: ViewMeta, ids: readonly NodeId[], level: number): Promise<void> => {
    for (const child of view.children?.() ?? []) {
      const found = ids.length === 0 ? [] : await instances.retrieve(ids, child.view);
      for (const raw of found) {
        const key = instanceKey("node", raw);
        // The deepest view wins; among views as deep, the first the model lists.
        if ((depth.get(key) ?? 0) < level) {
          specific.set(key, readProperties(child, raw));
          depth.set(key, level);
        }
      }
      await visit(child, found.map(nodeIdOf), level + 1);
    }
  };
  await visit(meta, items.map(idOf), 1);
  return items.map((item) => specific.get(instanceKey("node", idOf(item))) ?? item);
}
