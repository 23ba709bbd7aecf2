/**
 * `pygen generate`: model → pipeline (validate, IR, Python files) → the safe writer. Each step prints a timed
 * progress line; a signal stops the command at once, except during the write (interrupt.ts).
 */
import { resolve } from "node:path";
import type { CAC } from "cac";
import { stringifyJson } from "../data-formats.ts";
import { DEFAULT_LANGUAGE, languageKeys } from "../generators/registry.ts";
import { writeGeneratedFiles } from "../output/writer.ts";
import { type GenerationResult, type GenerationWarning, generateSdk } from "../pipeline.ts";
import { selectViews } from "../view-filter.ts";
import { displayPath } from "./display-path.ts";
import { type GenerateFlags, generationSettings } from "./generation-settings.ts";
import { InterruptGuard } from "./interrupt.ts";
import { describeSource, loadModels } from "./model-source.ts";
import { type CliIO, groupDigits, type Reporter } from "./reporter.ts";
import { openSession } from "./session.ts";
import { withSourceOptions } from "./source-options.ts";

/** Enough findings to act on; the full list is one `pygen validate` (or --json) away. */
const FINDINGS_SHOWN = 10;

/**
 * Errors first (their parts are left out of the SDK), then warnings: the same findings, with the same severities,
 * as `pygen validate` reports for the model.
 */
function reportFindings(warnings: GenerationWarning[], reporter: Reporter): void {
  const errors = warnings.filter((warning) => warning.severity === "error");
  const ordered = [...errors, ...warnings.filter((warning) => warning.severity !== "error")];
  for (const finding of ordered.slice(0, FINDINGS_SHOWN)) {
    const text = `${finding.code} ${finding.location}: ${finding.message}`;
    if (finding.severity === "error") reporter.error(text);
    else reporter.warn(text);
  }
  if (ordered.length > FINDINGS_SHOWN) {
    reporter.warn(`… and ${ordered.length - FINDINGS_SHOWN} more (pygen validate lists them all, pygen generate --json too)`);
  }
  if (errors.length > 0) {
    reporter.warn(
      `${errors.length} ${errors.length === 1 ? "error" : "errors"}: ${errors.length === 1 ? "its part is" : "their parts are"} left out of the SDK; the rest is generated (--strict refuses instead)`,
    );
  }
}

const countText = (result: GenerationResult) =>
  `generated ${result.files.length} files, ${groupDigits(result.lines)} lines, ${result.classes} classes`;

async function runGenerate(flags: GenerateFlags, io: CliIO): Promise<void> {
  using interrupts = new InterruptGuard(io.stderr);
  const session = await openSession(flags, io);
  const settings = generationSettings(flags, session.config.config);
  const { reporter, modelSource } = session;

  const loaded = await reporter.step(describeSource(modelSource), () => loadModels(modelSource, session));
  const { models, unmatched } = selectViews(loaded.models, settings.views);
  for (const pattern of unmatched) reporter.warn(`the view pattern "${pattern}" matches no view`);
  const result = await reporter.step(countText, () =>
    generateSdk(
      { models, origin: loaded.origin },
      {
        strict: settings.strict,
        language: settings.language,
        topLevelPackage: settings.topLevelPackage,
        clientName: settings.clientName,
        defaultSpace: settings.instanceSpace,
        templateDir: settings.templates,
      },
    ),
  );
  reportFindings(result.warnings, reporter);

  const outputDir = settings.output ?? resolve(result.config.topLevelPackage);
  const dryRun = flags.dryRun ?? false;
  const report = await reporter.step(dryRun ? "dry run: compare with the output folder" : `write ${displayPath(outputDir)}`, () =>
    interrupts.whileWriting(() => writeGeneratedFiles(outputDir, result.files, { overwrite: flags.overwrite ?? false, dryRun })),
  );

  if (flags.json) {
    const { files: _files, validation: _validation, verdict, config, ...counts } = result;
    const findings = { errors: verdict.errors.length, warnings: verdict.warnings.length, infos: verdict.infos.length };
    reporter.result(stringifyJson({ ...report, package: config.topLevelPackage, clientName: config.clientName, findings, ...counts }, 2));
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
      .option("--language <language>", `Target language: ${languageKeys().join(", ")} (default: ${DEFAULT_LANGUAGE.key})`)
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
