/**
 * What a generated view module tells the runtime about its view: the view id, each property's CDF identifier and
 * type, and which properties are connections. With it the runtime turns API JSON into typed objects and back,
 * so a generated module holds types and this metadata, and no logic.
 */
import { type NodeId, type NodeRef, nodeId, type ViewId } from "./ids.js";
import { formatDate } from "./json.js";

export type ValueType =
  | "text"
  | "boolean"
  | "int32"
  | "int64"
  | "float32"
  | "float64"
  | "timestamp"
  | "date"
  | "json"
  | "enum"
  | "direct"
  | "timeseries"
  | "file"
  | "sequence";

export interface PropertyMeta {
  /** The property's identifier in CDF (the TypeScript field name is the key it is listed under). */
  identifier: string;
  type: ValueType;
  list?: boolean;
  /** For a direct relation: the view of the node it points at, when the model says. */
  target?: () => ViewMeta;
}

export interface EdgeMeta {
  /** The CDF identifier of the edge field. */
  identifier: string;
  edgeType: NodeId;
  direction: "outwards" | "inwards";
  /** The view of the node at the other end; absent when that view is not in the SDK (the edge ends at a reference). */
  target?: () => ViewMeta;
  /** The edge's own view, for edges with properties. */
  edgeView?: () => ViewMeta;
  list?: boolean;
}

/** A reverse relation: the nodes whose direct relation `through` (a property of another view) points at this node. */
export interface ReverseMeta {
  /** The CDF identifier of the reverse relation field. */
  identifier: string;
  /** The view holding the direct relation, and that relation's CDF identifier there. */
  through: { source: ViewId; identifier: string; list?: boolean };
  /** The view of the nodes holding the relation. */
  target: () => ViewMeta;
  /** Many nodes (multi_reverse_direct_relation) rather than at most one. */
  list?: boolean;
}

export interface ViewMeta {
  view: ViewId;
  /** The node type written nodes get: the one the view's filter selects, so they are found through the view. */
  nodeType?: NodeId;
  /** Stored properties (direct relations included), by TypeScript field name. */
  properties: Readonly<Record<string, PropertyMeta>>;
  /** Edge fields, by TypeScript field name. */
  edges: Readonly<Record<string, EdgeMeta>>;
  /** The views in the SDK that implement this one directly, for reading a node as its most specific view. */
  children?: () => readonly ViewMeta[];
  /** Reverse relations select() can follow, by TypeScript field name. */
  reverse?: Readonly<Record<string, ReverseMeta>>;
}

/** The fields every node read object has besides its view's properties. */
export interface InstanceFields {
  space: string;
  externalId: string;
  version: number;
  createdTime: Date;
  lastUpdatedTime: Date;
  deletedTime?: Date;
}

/**
 * How far a read follows connections (`retrieveConnections`): "skip" leaves edge fields out and direct relations
 * as NodeIds, "identifier" fills edge fields with the NodeIds at their other end, "full" with the nodes there (their
 * own connections skipped). Edges with properties come as edge objects (EdgeRead) ending in the same.
 */
export type Connections = "skip" | "identifier" | "full";

/** A connected node as read with `C`: the node itself with "full", its NodeId otherwise; both when `C` is open. */
export type Linked<C extends Connections, N> = C extends "full" ? N : NodeId;

/** An edge field's value as read with `C`: undefined when skipped, else `V`. */
export type IfRetrieved<C extends Connections, V> = C extends "skip" ? undefined : V;

/** An edge with properties as read: the edge's own fields (its view's properties) and the node at its other end. */
export type EdgeRead<P, N> = P & InstanceFields & { endNode: N };

/** What an edge leads to as read with `C`: the node at its other end (or its id), in an EdgeRead when it has properties `P`. */
type EdgeEnd<C extends Connections, N, P> = [P] extends [never] ? Linked<C, N> : EdgeRead<P, Linked<C, N>>;

/** An edge field of many edges to `N` (with properties `P`, if any), or a reverse relation to many, as read with `C`. */
export type Edges<C extends Connections, N, P = never> = IfRetrieved<C, EdgeEnd<C, N, P>[]>;

/** An edge field of at most one edge to `N` (with properties `P`, if any), or a single reverse relation, as read with `C`. */
export type OneEdge<C extends Connections, N, P = never> = IfRetrieved<C, EdgeEnd<C, N, P> | null>;

interface ReadPlan {
  space: string;
  viewKey: string;
  fields: [field: string, property: PropertyMeta][];
}

// Reading runs per instance: what depends on the view only is worked out once per ViewMeta.
const readPlans = new WeakMap<ViewMeta, ReadPlan>();

function readPlan(meta: ViewMeta): ReadPlan {
  let plan = readPlans.get(meta);
  if (!plan) {
    plan = { space: meta.view.space, viewKey: `${meta.view.externalId}/${meta.view.version}`, fields: Object.entries(meta.properties) };
    readPlans.set(meta, plan);
  }
  return plan;
}

// The view each read object was read through, so asChildClass results can be told apart (ViewAPI.is).
const readViews = new WeakMap<object, ViewMeta>();

/** The view `item` was read through; undefined for objects the runtime did not read. */
export function readViewOf(item: object): ViewMeta | undefined {
  return readViews.get(item);
}

/** An edge with its edge view's properties, ending at `end` (the node at the other end, or its id). */
export function readEdge(meta: ViewMeta, raw: Record<string, unknown>, end: unknown): Record<string, unknown> {
  const edge = readProperties(meta, raw);
  edge.endNode = end;
  return edge;
}

/** A view's properties of one raw instance, as typed values keyed by TypeScript field name. */
export function readProperties(meta: ViewMeta, raw: Record<string, unknown>): Record<string, unknown> {
  const plan = readPlan(meta);
  const byView = (raw.properties as Record<string, Record<string, Record<string, unknown>>> | undefined)?.[plan.space]?.[plan.viewKey];
  const out: Record<string, unknown> = {
    space: raw.space,
    externalId: raw.externalId,
    version: raw.version,
    createdTime: new Date(Number(raw.createdTime)),
    lastUpdatedTime: new Date(Number(raw.lastUpdatedTime)),
  };
  if (raw.deletedTime != null) out.deletedTime = new Date(Number(raw.deletedTime));
  for (const [field, property] of plan.fields) {
    const value = byView?.[property.identifier];
    out[field] =
      value === undefined || value === null
        ? null
        : property.list && Array.isArray(value)
          ? value.map((one) => readValue(one, property.type))
          : readValue(value, property.type);
  }
  readViews.set(out, meta);
  return out;
}

/** The `properties` object of one source in an apply item: only the fields given, `null` clears a value. */
export function writeProperties(meta: ViewMeta, item: Record<string, unknown>, defaultSpace: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, property] of Object.entries(meta.properties)) {
    const value = item[field];
    if (value === undefined) continue;
    out[property.identifier] =
      value === null
        ? null
        : property.list && Array.isArray(value)
          ? value.map((one) => toWire(one, property.type, defaultSpace))
          : toWire(value, property.type, defaultSpace);
  }
  return out;
}

function readValue(value: unknown, type: ValueType): unknown {
  switch (type) {
    case "timestamp":
      return typeof value === "string" ? new Date(value) : value;
    case "int64":
      // Every int64 is a bigint, beyond 2^53 or not, so code reading it has one type to handle.
      return typeof value === "number" && Number.isInteger(value) ? BigInt(value) : value;
    default:
      return value;
  }
}

/** One value as CDF reads it in writes and filters. */
export function toWire(value: unknown, type: ValueType, defaultSpace: string): unknown {
  switch (type) {
    case "date":
      return value instanceof Date || typeof value === "string" ? formatDate(value) : value;
    case "direct":
      return isNodeRef(value) ? nodeId(value, defaultSpace) : value;
    default:
      // Date (timestamps) and bigint (int64) are written by the lossless JSON writer.
      return value;
  }
}

function isNodeRef(value: unknown): value is NodeRef {
  return typeof value === "string" || (typeof value === "object" && value !== null && "externalId" in value);
}

/** A view's field name → CDF identifier, for sorts, search properties and aggregates. */
export function identifierOf(meta: ViewMeta, field: string): string {
  const property = meta.properties[field];
  if (!property)
    throw new TypeError(
      `${meta.view.externalId} has no property ${JSON.stringify(field)}; its properties are ${Object.keys(meta.properties).join(", ")}`,
    );
  return property.identifier;
}
