/**
 * Write objects and what their connection fields hold, as the node and edge apply items that write them all.
 *
 * - a direct relation holding a write object (an object with properties besides `space`/`externalId`) writes
 *   that node too; a string or a bare `{space, externalId}` only refers to a node;
 * - an edge field writes one edge per value, and the node at its other end when that is a write object. An
 *   outwards edge goes from the node holding the field to the other node, an inwards edge the other way. An edge
 *   without an external id gets `{start}:{end}` in the start node's space, as pygen v1 made them;
 * - a value with `endNode` is an edge with properties: it carries its edge view's properties and may name its own
 *   space and external id.
 *
 * Every instance is written once however often the graph reaches it: the first object met for an id wins (items
 * given first, then what they lead to, breadth first), and an object reached again is not walked again, so cycles
 * end.
 */
import { defaultEdgeId, type InstanceType, instanceKey, type NodeId, nodeId } from "./ids.js";
import type { RawInstance } from "./instances.js";
import type { EdgeMeta, ViewMeta } from "./view.js";
import { writeProperties } from "./view.js";

/** A node to write: its view's fields by TypeScript name; `space` defaults to the client's. */
export type NodeWrite = { externalId: string; space?: string } & Record<string, unknown>;

/**
 * An edge with properties in a write object's edge field: its edge view's write fields, the node at its other end,
 * and optionally its own space and external id (`{start}:{end}` by default).
 */
export type EdgeWith<P, N> = Omit<P, "externalId" | "space"> & { externalId?: string; space?: string; endNode: N };

export interface Graph {
  nodes: Map<string, RawInstance>;
  edges: Map<string, RawInstance>;
}

const ID_KEYS = new Set(["space", "externalId"]);

/** An object that writes a node, as opposed to a reference to one. */
export function isWriteObject(value: unknown): value is NodeWrite {
  return typeof value === "object" && value !== null && "externalId" in value && Object.keys(value).some((key) => !ID_KEYS.has(key));
}

/** The apply items of `items` (written through `meta`) and of everything their connection fields hold. */
export function flatten(items: Iterable<NodeWrite>, meta: ViewMeta, defaultSpace: string): Graph {
  const graph: Graph = { nodes: new Map(), edges: new Map() };
  const queue: [NodeWrite, ViewMeta][] = [...items].map((item) => [item, meta]);
  const walked = new Set<object>();
  const add = (map: Map<string, RawInstance>, type: InstanceType, item: RawInstance) => {
    const key = instanceKey(type, item);
    if (!map.has(key)) map.set(key, item);
  };
  const enqueue = (value: unknown, target: (() => ViewMeta) | undefined) => {
    if (isWriteObject(value) && target) queue.push([value, target()]);
  };
  for (let head = 0; head < queue.length; head++) {
    const [item, itemMeta] = queue[head] as [NodeWrite, ViewMeta];
    if (walked.has(item)) continue;
    walked.add(item);
    const id = nodeId(item, defaultSpace);
    add(graph.nodes, "node", applyItem("node", id, itemMeta, item, defaultSpace));
    for (const [field, property] of Object.entries(itemMeta.properties)) {
      if (property.type === "direct") for (const value of values(item[field])) enqueue(value, property.target);
    }
    for (const [field, edge] of Object.entries(itemMeta.edges)) {
      for (const value of values(item[field])) {
        const properties = isEdgeWrite(value) ? value : undefined;
        const other = properties ? properties.endNode : value;
        enqueue(other, edge.target);
        add(graph.edges, "edge", edgeItem(id, nodeId(other as NodeId | string, defaultSpace), edge, properties, defaultSpace));
      }
    }
  }
  return graph;
}

/** Nodes first, then edges: within one apply request, edges then find their nodes. */
export function graphItems(graph: Graph): RawInstance[] {
  return [...graph.nodes.values(), ...graph.edges.values()];
}

type EdgeWrite = { endNode: unknown; externalId?: string; space?: string } & Record<string, unknown>;

function isEdgeWrite(value: unknown): value is EdgeWrite {
  return typeof value === "object" && value !== null && "endNode" in value;
}

function values(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function applyItem(type: InstanceType, id: NodeId, meta: ViewMeta, item: Record<string, unknown>, defaultSpace: string): RawInstance {
  const properties = writeProperties(meta, item, defaultSpace);
  return {
    instanceType: type,
    space: id.space,
    externalId: id.externalId,
    ...(type === "node" && meta.nodeType ? { type: { ...meta.nodeType } } : {}),
    sources: [{ source: { type: "view", ...meta.view }, properties }],
  };
}

function edgeItem(node: NodeId, other: NodeId, edge: EdgeMeta, properties: EdgeWrite | undefined, defaultSpace: string): RawInstance {
  const [start, end] = edge.direction === "outwards" ? [node, other] : [other, node];
  const id = { space: properties?.space ?? start.space, externalId: properties?.externalId ?? defaultEdgeId(start, end) };
  const base = {
    instanceType: "edge" as const,
    space: id.space,
    externalId: id.externalId,
    type: { ...edge.edgeType },
    startNode: start,
    endNode: end,
  };
  if (!properties || !edge.edgeView) return base;
  const view = edge.edgeView();
  return { ...base, sources: [{ source: { type: "view", ...view.view }, properties: writeProperties(view, properties, defaultSpace) }] };
}
