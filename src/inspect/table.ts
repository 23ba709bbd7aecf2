/** `pygen inspect --format table`: one row per property of every view (inherited ones too), aligned, for grep. */
import { countsLine, headline, relationText, typeText } from "./describe.ts";
import { type ModelOutline, viewNamer } from "./outline.ts";

const HEADER = ["VIEW", "PROPERTY", "TYPE", "RELATION", "INHERITED FROM"];

export function renderTable(outline: ModelOutline): string {
  const nameOf = viewNamer(outline);
  const rows = outline.views.flatMap((view) =>
    view.properties.length === 0
      ? [[view.label, "-", "-", "", ""]]
      : view.properties.map((property) => [
          view.label,
          property.identifier,
          typeText(property),
          property.relation ? relationText(property.relation, nameOf) : "",
          property.inheritedFrom ? nameOf(property.inheritedFrom) : "",
        ]),
  );
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] as number))
      .join("  ")
      .trimEnd();
  return [headline(outline), countsLine(outline.counts), "", format(HEADER), ...rows.map(format)].join("\n");
}
