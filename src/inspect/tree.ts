/**
 * `pygen inspect --format tree`: each view with the properties it declares beneath it, relations pointing at
 * their views, and one line per parent naming what it inherits.
 */
import { countsLine, headline, relationText, typeText } from "./describe.ts";
import { type ModelOutline, type PropertyOutline, type ViewOutline, viewNamer } from "./outline.ts";

type NameOf = (id: string) => string;

function viewTraits(view: ViewOutline, nameOf: NameOf): string {
  return [
    view.implements.length > 0 ? `implements ${view.implements.map(nameOf).join(", ")}` : "",
    view.usedFor === "node" ? "" : `used for ${view.usedFor}`,
    view.writable ? "" : "read-only",
  ]
    .filter(Boolean)
    .join(", ");
}

function propertyLine(property: PropertyOutline, nameOf: NameOf): string {
  const relation = property.relation ? ` ${relationText(property.relation, nameOf)}` : "";
  return `${property.identifier}: ${typeText(property)}${relation}`;
}

/** The lines under a view: its own properties, then `inherited from Asset: name, description`. */
function viewChildren(view: ViewOutline, nameOf: NameOf): string[] {
  const own = view.properties.filter((property) => !property.inheritedFrom).map((property) => propertyLine(property, nameOf));
  const inherited = Map.groupBy(
    view.properties.filter((property) => property.inheritedFrom),
    (property) => property.inheritedFrom as string,
  );
  const inheritedLines = [...inherited].map(
    ([parent, properties]) => `inherited from ${nameOf(parent)}: ${properties.map((property) => property.identifier).join(", ")}`,
  );
  return [...own, ...inheritedLines];
}

export function renderTree(outline: ModelOutline): string {
  const nameOf = viewNamer(outline);
  const lines = [headline(outline), countsLine(outline.counts)];
  outline.views.forEach((view, viewIndex) => {
    const lastView = viewIndex === outline.views.length - 1;
    const traits = viewTraits(view, nameOf);
    lines.push(`${lastView ? "└─" : "├─"} ${view.label}${traits ? `  (${traits})` : ""}`);
    const indent = lastView ? "   " : "│  ";
    const children = viewChildren(view, nameOf);
    lines.push(...children.map((child, index) => `${indent}${index === children.length - 1 ? "└─" : "├─"} ${child}`));
  });
  return lines.join("\n");
}
