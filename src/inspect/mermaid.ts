/**
 * `pygen inspect --format mermaid`: one Mermaid classDiagram for all the models given. Views are classes with
 * the data properties they declare as members (inherited ones show on the parent); `<|--` is implements, a
 * solid arrow a direct relation, a dashed arrow an edge or a reverse relation, labelled with the property and
 * the cardinality at the far end. A view shared by several models is drawn once.
 */
import type { ModelOutline, RelationOutline, ViewOutline } from "./outline.ts";

const ARROWS: Record<RelationOutline["kind"], string> = { direct: "-->", edge: "..>", reverse: "..>" };

/**
 * Each view once. Labels are unique within one model; views of several models that share a label (the same
 * externalId in two spaces) are labelled with their full ids instead.
 */
function distinctViews(outlines: ModelOutline[]): ViewOutline[] {
  const views = [...new Map(outlines.flatMap((outline) => outline.views).map((view) => [view.id, view])).values()];
  const uses = Map.groupBy(views, (view) => view.label);
  return views.map((view) => ((uses.get(view.label)?.length ?? 0) > 1 ? { ...view, label: view.id } : view));
}

/** Mermaid class ids are plain words; labels in brackets keep the readable name. */
function classIds(views: ViewOutline[]): (viewId: string) => string {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  return (viewId) => {
    const known = ids.get(viewId);
    if (known) return known;
    const label = views.find((view) => view.id === viewId)?.label ?? viewId;
    const base = label.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
    let id = base;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base}_${suffix}`;
    ids.set(viewId, id);
    taken.add(id);
    return id;
  };
}

/** A class with its members; a labelled class gets them one per line (`Id : +text name`), as Mermaid wants. */
function classLines(view: ViewOutline, id: string): string[] {
  const members = view.properties
    .filter((property) => !property.relation && !property.inheritedFrom)
    .map((member) => `+${member.type}${member.list ? "[]" : ""} ${member.identifier}`);
  if (id !== view.label) return [`  class ${id}["${view.label}"]`, ...members.map((member) => `  ${id} : ${member}`)];
  if (members.length === 0) return [`  class ${id}`];
  return [`  class ${id} {`, ...members.map((member) => `    ${member}`), "  }"];
}

export function renderMermaid(outlines: ModelOutline[]): string {
  const views = distinctViews(outlines);
  const idOf = classIds(views);
  const labelled = (viewId: string, label: string) => (idOf(viewId) === label ? idOf(viewId) : `${idOf(viewId)}["${label}"]`);
  const lines = ["classDiagram", ...outlines.map((outline) => `  %% ${outline.name ? `${outline.name}: ` : ""}${outline.id}`)];
  for (const view of views) lines.push(...classLines(view, idOf(view.id)));

  const inModel = new Set(views.map((view) => view.id));
  const outside = new Set<string>();
  const links: string[] = [];
  for (const view of views) {
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
