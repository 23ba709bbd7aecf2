/**
 * `pygen generate`: model → pipeline (validate, IR, Python files; in a worker thread, off-thread.ts) → the safe
 * writer. Each step prints a timed progress line; a signal stops the command at once and leaves the output
 * untouched in every phase (interrupt.ts).
 */
import { resolve } from "node:path";
import type { CAC } from "cac";
import { stringifyJson } from "../data-formats.ts";
import { writeGeneratedFiles } from "../output/writer.ts";
import type { GenerationWarning } from "../pipeline.ts";
import { displayPath } from "./display-path.ts";
import type { GeneratedSdk, GenerationJob } from "./generation-job.ts";
import { type GenerateFlags, generationSettings } from "./generation-settings.ts";
import { InterruptGuard } from "./interrupt.ts";
import { describeSource, loadModels } from "./model-source.ts";
import { startGeneration } from "./off-thread.ts";
import { type CliIO, groupDigits, type Reporter } from "./reporter.ts";
import { openSession } from "./session.ts";
import { withSourceOptions } from "./source-options.ts";

/** Enough warnings to act on; the full list is one `pygen validate` (or --json) away. */
const WARNINGS_SHOWN = 10;

function reportWarnings(warnings: GenerationWarning[], reporter: Reporter): void {
  for (const warning of warnings.slice(0, WARNINGS_SHOWN)) reporter.warn(`${warning.code} ${warning.location}: ${warning.message}`);
  if (warnings.length > WARNINGS_SHOWN) {
    reporter.warn(`… and ${warnings.length - WARNINGS_SHOWN} more (pygen generate --json lists them all)`);
  }
}

const countText = (result: GeneratedSdk) =>
  `generated ${result.files.length} files, ${groupDigits(result.lines)} lines, ${result.classes} classes`;

async function runGenerate(flags: GenerateFlags, io: CliIO): Promise<void> {
  using interrupts = new InterruptGuard(io.stderr);
  const session = await openSession(flags, io);
  const settings = generationSettings(flags, session.config.config);
  const { reporter, modelSource } = session;

  const options = {
    strict: settings.strict,
    topLevelPackage: settings.topLevelPackage,
    clientName: settings.clientName,
    defaultSpace: settings.instanceSpace,
    templateDir: settings.templates,
  };
  // Model files are read by the worker (parsing a large one is slow work too); models from CDF arrive here.
  const job: GenerationJob =
    modelSource.kind === "files"
      ? { paths: modelSource.paths, views: settings.views, options }
      : { ...(await reporter.step(describeSource(modelSource), () => loadModels(modelSource, session))), views: settings.views, options };
  const generation = startGeneration(job);
  const unmatched = await (modelSource.kind === "files"
    ? reporter.step(describeSource(modelSource), () => generation.loaded)
    : generation.loaded);
  for (const pattern of unmatched) reporter.warn(`the view pattern "${pattern}" matches no view`);
  const result = await reporter.step(countText, () => generation.generated);
  reportWarnings(result.warnings, reporter);

  const outputDir = settings.output ?? resolve(result.config.topLevelPackage);
  const dryRun = flags.dryRun ?? false;
  const report = await reporter.step(dryRun ? "dry run: compare with the output folder" : `write ${displayPath(outputDir)}`, () =>
    interrupts.whileWriting((checkpoint) =>
      writeGeneratedFiles(outputDir, result.files, { overwrite: flags.overwrite ?? false, dryRun, checkpoint }),
    ),
  );

  if (flags.json) {
    const { files: _files, config, ...counts } = result;
    reporter.result(stringifyJson({ ...report, package: config.topLevelPackage, clientName: config.clientName, ...counts }, 2));
  } else if (dryRun) {
    const lines = [
      ...report.written.map((path) => `write      ${path}`),
      ...report.unchanged.map((path) => `unchanged  ${path}`),
      ...report.removed.map((path) => `remove     ${path}`),
    ];
    reporter.result(lines.join("\n"));
    reporter.note(`Dry run: nothing was written to ${displayPath(outputDir)}.`);
  } else {
    const changes = `${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed`;
    reporter.result(`${result.config.clientName} (package ${result.config.topLevelPackage}) in ${displayPath(outputDir)}: ${changes}`);
  }
}

export function registerGenerate(cli: CAC, io: CliIO): void {
  withSourceOptions(
    cli
      .command("generate", "Generate a typed Python SDK from a data model")
      .option("-o, --output <dir>", "Output folder (default: ./<top-level package>)")
      .option("--language <language>", "Target language: python (the default; more to come)")
      .option("--top-level-package <name>", "Python package of the SDK (default: the model's externalId in snake_case)")
      .option("--client-name <name>", "Client class (default: the model's externalId in PascalCase + Client)")
      .option("--instance-space <space>", "Default instance space of the generated SDK")
      .option("--include-views <globs>", "Only views matching these globs (externalId or space:externalId); repeatable, comma-separated")
      .option("--exclude-views <globs>", "Leave out views matching these globs; repeatable, comma-separated")
      .option("--templates <dir>", "Templates that override the embedded ones, file by file")
      .option("--strict", "Stop on validation warnings and on anything the generator would skip")
      .option("--overwrite", "Write into a non-empty folder pygen did not create")
      .option("--dry-run", "List what would be written, removed or left unchanged; write nothing")
      .option("--json", "Print a JSON report of the run on stdout"),
  )
    .example("  pygen generate --model-file model.yaml -o sdk")
    .example("  pygen generate --model sp:Plant/1 --top-level-package plant_sdk --dry-run")
    .action((flags: GenerateFlags) => runGenerate(flags, io));
}
