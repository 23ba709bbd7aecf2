/** `pygen inspect --format tree`: each view with its properties beneath it, relations pointing at their views. */
import { countsLine, headline, relationText, typeText } from "./describe.ts";
import { type ModelOutline, type ViewOutline, viewNamer } from "./outline.ts";

function viewTraits(view: ViewOutline, nameOf: (id: string) => string): string {
  return [
    view.implements.length > 0 ? `implements ${view.implements.map(nameOf).join(", ")}` : "",
    view.usedFor === "node" ? "" : `used for ${view.usedFor}`,
    view.writable ? "" : "read-only",
  ]
    .filter(Boolean)
    .join(", ");
}

export function renderTree(outline: ModelOutline): string {
  const nameOf = viewNamer(outline);
  const lines = [headline(outline), countsLine(outline.counts)];
  outline.views.forEach((view, viewIndex) => {
    const lastView = viewIndex === outline.views.length - 1;
    const traits = viewTraits(view, nameOf);
    lines.push(`${lastView ? "└─" : "├─"} ${view.label}${traits ? `  (${traits})` : ""}`);
    const indent = lastView ? "   " : "│  ";
    view.properties.forEach((property, index) => {
      const branch = index === view.properties.length - 1 ? "└─" : "├─";
      const relation = property.relation ? ` ${relationText(property.relation, nameOf)}` : "";
      lines.push(`${indent}${branch} ${property.identifier}: ${typeText(property)}${relation}`);
    });
  });
  return lines.join("\n");
}
