/** Short text for a property's type and relation, shared by the tree and the table. */
import type { PropertyOutline, RelationOutline } from "./outline.ts";

/** `text`, `int64[]`, `enum(a|b)`, `direct`, or the connection kind; `?` marks a nullable value. */
export function typeText(property: PropertyOutline): string {
  if (property.relation && property.relation.kind !== "direct") return property.relation.kind;
  const base = property.enumValues ? `enum(${property.enumValues.join("|")})` : property.type;
  return `${base}${property.list ? "[]" : ""}${property.nullable ? "?" : ""}`;
}

/** `→ Pump (many, outwards, type sp:pumps)`; names views through `nameOf`. */
export function relationText(relation: RelationOutline, nameOf: (id: string) => string): string {
  const arrow = relation.kind === "reverse" || relation.direction === "inwards" ? "←" : "→";
  const details = [
    relation.cardinality,
    relation.direction === "inwards" ? "inwards" : "",
    relation.edgeType ? `type ${relation.edgeType}` : "",
    relation.edgeProperties ? `properties ${nameOf(relation.edgeProperties)}` : "",
    relation.through ? `through ${relation.through}` : "",
  ].filter(Boolean);
  return `${arrow} ${relation.target ? nameOf(relation.target) : "any node"} (${details.join(", ")})`;
}

export function headline(outline: { id: string; name?: string }): string {
  return outline.name ? `${outline.name} — ${outline.id}` : outline.id;
}

export function countsLine(counts: { views: number; properties: number; relations: number }): string {
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    plural(counts.views, "view", "views"),
    plural(counts.properties, "property", "properties"),
    plural(counts.relations, "relation", "relations"),
  ].join(", ");
}
