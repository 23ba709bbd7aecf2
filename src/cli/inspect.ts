/** `pygen inspect`: a data model's views, properties, types and relations as a tree, a table, JSON or Mermaid. */
import type { CAC } from "cac";
import { stringifyJson } from "../data-formats.ts";
import { UsageError } from "../errors.ts";
import { renderMermaid } from "../inspect/mermaid.ts";
import { type ModelOutline, outlineModel } from "../inspect/outline.ts";
import { renderTable } from "../inspect/table.ts";
import { renderTree } from "../inspect/tree.ts";
import { explained } from "./help.ts";
import { loadModelsForReading } from "./model-source.ts";
import type { CliIO } from "./reporter.ts";
import { openSession } from "./session.ts";
import { type SourceFlags, withSourceOptions } from "./source-options.ts";

const RENDERERS = {
  tree: (outlines: ModelOutline[]) => outlines.map(renderTree).join("\n\n"),
  table: (outlines: ModelOutline[]) => outlines.map(renderTable).join("\n\n"),
  json: (outlines: ModelOutline[]) => stringifyJson(outlines, 2),
  mermaid: renderMermaid,
};
type Format = keyof typeof RENDERERS;

interface InspectFlags extends SourceFlags {
  format?: string;
}

function chooseFormat(flags: InspectFlags): Format {
  if (flags.json && flags.format !== undefined && flags.format !== "json") {
    throw new UsageError(`--json and --format ${flags.format} contradict each other`);
  }
  const format = flags.json ? "json" : (flags.format ?? "tree");
  if (!(format in RENDERERS)) throw new UsageError(`--format must be one of ${Object.keys(RENDERERS).join(", ")}, not "${format}"`);
  return format as Format;
}

export function registerInspect(cli: CAC, io: CliIO): void {
  withSourceOptions(
    explained(
      cli.command("inspect", "Show a data model's views, properties, types and relations"),
      [
        "Loads the data model as generate does and prints it: as a tree of views (the default), a table, JSON, or a",
        "Mermaid class diagram.",
      ].join("\n"),
    )
      .option("--format <format>", "tree (default), table, json or mermaid (a classDiagram)")
      .option("--json", "Same as --format json"),
  )
    .example("  pygen inspect --model-file model.yaml --format table")
    .example("  pygen inspect --model sp:Plant/1 --format mermaid > plant.mmd")
    .action(async (flags: InspectFlags) => {
      const format = chooseFormat(flags);
      const session = await openSession(flags, io);
      const loaded = await loadModelsForReading(session);
      // Parts of a model file that cannot be read are not shown; say so rather than hide them.
      for (const part of loaded.models.flatMap((model) => model.rejected ?? [])) {
        session.reporter.warn(`${part.path} is left out: it cannot be read (pygen validate says why)`);
      }
      session.reporter.result(RENDERERS[format](loaded.models.map(outlineModel)));
    });
}
