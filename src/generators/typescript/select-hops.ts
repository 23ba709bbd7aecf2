/**
 * The connections select() follows from a node view, decided once for the two places that must agree: the schema
 * that types select() (select-module.ts) and the view metadata the runtime follows them by (view-module.ts, whose
 * `reverse` entries are written here).
 */
import type { IRProperty, IRType } from "../../ir/types.ts";
import type { ConnectionDecision, ViewDecisions } from "../../plan/sdk-plan.ts";
import type { JsValue } from "./layout.ts";

/** One connection select() can follow: the field, the node view it reaches and whether it holds many. */
interface SelectHop {
  field: string;
  target: ViewDecisions;
  list: boolean;
  connection: ConnectionDecision;
  property: IRProperty;
}

const isList = (type: IRType): boolean => type.kind === "list" || (type.kind === "nullable" && isList(type.inner));

/**
 * The connections of a node view select() follows: direct relations (a list of them, many), edges and reverse
 * relations through a view's direct relation, each to a node view of the SDK. The runtime follows the same ones
 * from the view's metadata: direct relations and edges with a target, reverse relations listed under `reverse`.
 */
export function selectHops(view: ViewDecisions, viewOf: (classId: string) => ViewDecisions | undefined): SelectHop[] {
  const hops: SelectHop[] = [];
  for (const property of view.irClass.properties) {
    const connection = view.connections.get(property.identifier);
    const target = connection?.target === undefined ? undefined : viewOf(connection.target);
    if (connection === undefined || target?.kind !== "node") continue;
    const { relationship } = connection;
    if (relationship.kind === "edge" && relationship.edge === undefined) continue;
    if (relationship.kind === "reverse" && relationship.through?.sourceKind !== "view") continue;
    const list = property.kind === "data" ? isList(property.type) : connection.many;
    hops.push({ field: property.name, target, list, connection, property });
  }
  return hops;
}

/** The `reverse` entries of a view's metadata (view.ts's ReverseMeta), by field name. */
export function reverseMetadata(
  view: ViewDecisions,
  viewOf: (classId: string) => ViewDecisions | undefined,
  metaOf: (classId: string) => JsValue,
): Record<string, JsValue> {
  const entries: Record<string, JsValue> = {};
  for (const { connection, property, target } of selectHops(view, viewOf)) {
    const through = connection.relationship.kind === "reverse" ? connection.relationship.through : undefined;
    if (through === undefined) continue;
    const source = through.source as { space: string; externalId: string; version: string };
    const throughEntry: Record<string, JsValue> = {
      source: { space: source.space, externalId: source.externalId, version: source.version },
      identifier: through.property,
    };
    if (through.isList) throughEntry.list = { code: "true" };
    const entry: Record<string, JsValue> = { identifier: property.identifier, through: throughEntry, target: metaOf(target.irClass.id) };
    if (connection.many) entry.list = { code: "true" };
    entries[property.name] = entry;
  }
  return entries;
}
