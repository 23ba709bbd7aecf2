/** Identifiers as CDF spells them on the wire. */

export interface NodeId {
  space: string;
  externalId: string;
}

export type EdgeId = NodeId;

export interface ViewId {
  space: string;
  externalId: string;
  version: string;
}

export interface ContainerId {
  space: string;
  externalId: string;
}

export type InstanceType = "node" | "edge";

/** A node referred to by id, or by externalId alone in the SDK's default space. */
export type NodeRef = NodeId | string;

/** The id of a node given by reference or by a write object; a missing space is the default space. */
export function nodeId(ref: NodeRef | { space?: string | undefined; externalId: string }, defaultSpace: string): NodeId {
  return typeof ref === "string"
    ? { space: defaultSpace, externalId: ref }
    : { space: ref.space ?? defaultSpace, externalId: ref.externalId };
}

/** A reference to a view's property in filters and sorts: `[space, "externalId/version", property]`. */
export function viewPropertyRef(view: ViewId, property: string): [string, string, string] {
  return [view.space, `${view.externalId}/${view.version}`, property];
}

/** A reference to a node's own field (`space`, `externalId`, …) in filters. */
export function nodePropertyRef(field: string): [string, string] {
  return ["node", field];
}

/** The external id pygen gives an edge that was not given one: `{start}:{end}`, as pygen v1 did. */
export function defaultEdgeId(start: NodeId, end: NodeId): string {
  return `${start.externalId}:${end.externalId}`;
}

/** A map key for an instance id. */
export function instanceKey(type: InstanceType, id: NodeId): string {
  return `${type}\u0000${id.space}\u0000${id.externalId}`;
}
