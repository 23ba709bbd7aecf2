/**
 * `pygen inspect --format mermaid`: a Mermaid classDiagram. Views are classes with the data properties they
 * declare as members (inherited ones show on the parent); `<|--` is implements, a solid arrow a direct relation, a dashed arrow an edge or a reverse relation,
 * labelled with the property and the cardinality at the far end.
 */
import type { ModelOutline, RelationOutline } from "./outline.ts";

const ARROWS: Record<RelationOutline["kind"], string> = { direct: "-->", edge: "..>", reverse: "..>" };

/** Mermaid class ids are plain words; labels in brackets keep the readable name. */
function classIds(outline: ModelOutline): (id: string) => string {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  return (viewId) => {
    const known = ids.get(viewId);
    if (known) return known;
    const label = outline.views.find((view) => view.id === viewId)?.label ?? viewId;
    const base = label.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
    let id = base;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base}_${suffix}`;
    ids.set(viewId, id);
    taken.add(id);
    return id;
  };
}

export function renderMermaid(outline: ModelOutline): string {
  const idOf = classIds(outline);
  const lines = ["classDiagram", `  %% ${outline.name ? `${outline.name}: ` : ""}${outline.id}`];
  const labelled = (viewId: string, label: string) => (idOf(viewId) === label ? idOf(viewId) : `${idOf(viewId)}["${label}"]`);
  for (const view of outline.views) {
    const members = view.properties.filter((property) => !property.relation && !property.inheritedFrom);
    const name = labelled(view.id, view.label);
    if (members.length === 0) lines.push(`  class ${name}`);
    else {
      lines.push(`  class ${name} {`);
      for (const member of members) lines.push(`    +${member.type}${member.list ? "[]" : ""} ${member.identifier}`);
      lines.push("  }");
    }
  }
  const inModel = new Set(outline.views.map((view) => view.id));
  const outside = new Set<string>();
  const links: string[] = [];
  for (const view of outline.views) {
    for (const parent of view.implements) {
      if (!inModel.has(parent)) outside.add(parent);
      links.push(`  ${idOf(parent)} <|-- ${idOf(view.id)}`);
    }
    for (const property of view.properties) {
      const relation = property.relation;
      if (!relation?.target || property.inheritedFrom) continue;
      if (!inModel.has(relation.target)) outside.add(relation.target);
      const cardinality = relation.cardinality === "one" ? "1" : "*";
      const kind = relation.kind === "direct" ? "" : ` (${relation.kind}${relation.direction === "inwards" ? ", inwards" : ""})`;
      links.push(`  ${idOf(view.id)} ${ARROWS[relation.kind]} "${cardinality}" ${idOf(relation.target)} : ${property.identifier}${kind}`);
    }
  }
  for (const viewId of outside) lines.push(`  class ${labelled(viewId, viewId)}`);
  return [...lines, ...links].join("\n");
}
