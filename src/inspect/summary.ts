/**
 * A short account of what a set of data models holds: views, property kinds and connections. This is what
 * `pygen inspect` prints; richer views of a model (tree, Mermaid) build on the same counts.
 */
import type { DataModel, View, ViewProperty } from "../client/models.ts";

export type PropertyKind =
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
  | "sequence"
  | "single_edge_connection"
  | "multi_edge_connection"
  | "single_reverse_direct_relation"
  | "multi_reverse_direct_relation";

export interface ViewSummary {
  id: string;
  usedFor: View["usedFor"];
  writable: boolean;
  implements: string[];
  properties: number;
  connections: number;
}

export interface ModelSummary {
  id: string;
  name: string | undefined;
  views: ViewSummary[];
  /** How many properties of each kind, list properties counted under their element type. */
  propertyKinds: Partial<Record<PropertyKind, number>>;
  listProperties: number;
}

function viewId(view: { space: string; externalId: string; version: string }): string {
  return `${view.space}:${view.externalId}(version=${view.version})`;
}

function kindOf(property: ViewProperty): PropertyKind {
  return property.kind === "mapped" ? property.type.type : property.connectionType;
}

export function summarizeModel(model: DataModel): ModelSummary {
  const propertyKinds: Partial<Record<PropertyKind, number>> = {};
  let listProperties = 0;
  const views = model.views.map((view): ViewSummary => {
    const properties = Object.values(view.properties);
    for (const property of properties) {
      const kind = kindOf(property);
      propertyKinds[kind] = (propertyKinds[kind] ?? 0) + 1;
      if (property.kind === "mapped" && property.type.type !== "enum" && property.type.list) listProperties += 1;
    }
    const connections = properties.filter((property) => property.kind !== "mapped").length;
    return {
      id: viewId(view),
      usedFor: view.usedFor,
      writable: view.writable,
      implements: view.implements.map((parent) => parent.externalId),
      properties: properties.length - connections,
      connections,
    };
  });
  return { id: viewId(model), name: model.name, views, propertyKinds, listProperties };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Human-readable text of a summary, one view a line. */
export function formatSummary(summary: ModelSummary): string {
  const lines = [`${summary.name ? `${summary.name} — ` : ""}${summary.id}`, `  ${plural(summary.views.length, "view", "views")}`];
  const width = Math.max(0, ...summary.views.map((view) => view.id.length));
  for (const view of summary.views) {
    const traits = [
      plural(view.properties, "property", "properties"),
      plural(view.connections, "connection", "connections"),
      view.usedFor === "node" ? "" : `used for ${view.usedFor}`,
      view.writable ? "" : "read-only",
      view.implements.length > 0 ? `implements ${view.implements.join(", ")}` : "",
    ].filter(Boolean);
    lines.push(`    ${view.id.padEnd(width)}  ${traits.join(", ")}`);
  }
  const kinds = Object.entries(summary.propertyKinds)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, count]) => `${kind} ${count}`);
  lines.push(`  property kinds: ${kinds.join(", ")}`, `  list properties: ${summary.listProperties}`);
  return lines.join("\n");
}
