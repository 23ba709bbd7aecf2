/**
 * `pygen generate`: model → pipeline (validate, IR, Python files; in a worker thread, off-thread.ts) → the safe
 * writer. Each step prints a timed progress line; a signal stops the command at once and leaves the output
 * untouched in every phase (interrupt.ts).
 */
import { resolve } from "node:path";
import type { CAC } from "cac";
import { stringifyJson } from "../data-formats.ts";
import { EXIT_CODES, OutOfDateError } from "../errors.ts";
import { DEFAULT_LANGUAGE, LANGUAGES, languageKeys } from "../generators/registry.ts";
import { recordedGenerationTime, type WriteReport, writeGeneratedFiles } from "../output/writer.ts";
import type { GenerationWarning } from "../pipeline.ts";
import { displayPath } from "./display-path.ts";
import { FileLines } from "./file-lines.ts";
import type { GeneratedSdk, GenerationJob } from "./generation-job.ts";
import { type GenerateFlags, generationSettings } from "./generation-settings.ts";
import { explained } from "./help.ts";
import { InterruptGuard } from "./interrupt.ts";
import { describeSource, loadModels } from "./model-source.ts";
import { type RunningGeneration, startGeneration } from "./off-thread.ts";
import { type CliIO, groupDigits, type Reporter } from "./reporter.ts";
import { openSession } from "./session.ts";
import { withSourceOptions } from "./source-options.ts";

/** Enough findings to act on; the full list is one `pygen validate` (or --json) away. */
const FINDINGS_SHOWN = 10;

/**
 * Errors first (their parts are left out of the SDK), then warnings: the same findings, with the same severities,
 * as `pygen validate` reports for the model.
 */
function reportFindings(warnings: GenerationWarning[], fileLines: FileLines, reporter: Reporter): void {
  const errors = warnings.filter((warning) => warning.severity === "error");
  const ordered = [...errors, ...warnings.filter((warning) => warning.severity !== "error")];
  for (const finding of fileLines.of(ordered.slice(0, FINDINGS_SHOWN))) {
    const text = `${finding.code} ${finding.location}${finding.fileLine ? ` (${finding.fileLine})` : ""}: ${finding.message}`;
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

const countText = (result: GeneratedSdk) =>
  `generated ${result.files.length} files, ${groupDigits(result.lines)} lines, ${result.classes} classes`;

async function runGenerate(flags: GenerateFlags, io: CliIO): Promise<void> {
  using interrupts = new InterruptGuard(io.stderr);
  const session = await openSession(flags, io);
  const settings = generationSettings(flags, session.config.config);
  const { reporter, modelSource } = session;

  const options = {
    strict: settings.strict,
    // By key: the job may run in a worker, which finds the language in its own registry.
    language: settings.language.key,
    topLevelPackage: settings.topLevelPackage,
    clientName: settings.clientName,
    defaultSpace: settings.instanceSpace,
    templateDir: settings.templates,
    flatStructure: settings.flatStructure,
    singleFile: settings.singleFile,
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
  // The lines findings point to are read here while the worker generates (on another core), not after it: reading
  // them costs about as much as generating a mid-sized model.
  const fileLines = new FileLines(modelSource.kind === "files" ? modelSource.paths : []).prepare();
  const result = await reporter.step(countText, () => generation.generated);
  reportFindings(result.warnings, fileLines, reporter);

  const outputDir = settings.output ?? resolve(result.config.topLevelPackage);
  const check = flags.check ?? false;
  const compared = await keepRecordedTimeIfUnchanged(outputDir, result, check, settings.overwrite, (generatedAt) =>
    startGeneration({ ...job, options: { ...options, generatedAt } }),
  );
  const dryRun = (flags.dryRun ?? false) || check;
  const report = await reporter.step(
    check ? "check the output folder" : dryRun ? "dry run: compare with the output folder" : `write ${displayPath(outputDir)}`,
    () =>
      interrupts.whileWriting((checkpoint) =>
        writeGeneratedFiles(outputDir, compared.files, {
          overwrite: settings.overwrite,
          dryRun,
          generatedAt: compared.config.generatedAt,
          checkpoint,
        }),
      ),
  );

  if (flags.json) {
    const { files: _files, verdict, config, ...counts } = result;
    const findings = { errors: verdict.errors.length, warnings: verdict.warnings.length, infos: verdict.infos.length };
    reporter.result(stringifyJson({ ...report, package: config.topLevelPackage, clientName: config.clientName, findings, ...counts }, 2));
  } else if (check) {
    const lines = changeLines(report, false);
    if (lines.length === 0) reporter.result(`${displayPath(outputDir)} is up to date (${report.unchanged.length} files)`);
    else reporter.result(lines.join("\n"));
  } else if (dryRun) {
    reporter.result(changeLines(report, true).join("\n"));
    reporter.note(`Dry run: nothing was written to ${displayPath(outputDir)}.`);
  } else {
    const changes = `${report.written.length} files written, ${report.unchanged.length} unchanged, ${report.removed.length} removed`;
    reporter.result(`${result.config.clientName} (package ${result.config.topLevelPackage}) in ${displayPath(outputDir)}: ${changes}`);
  }
  const changed = report.written.length + report.removed.length;
  if (check && changed > 0) {
    throw new OutOfDateError(
      `${displayPath(outputDir)} is out of date: generating would write ${report.written.length} and remove ${report.removed.length} files; run the same command without --check to update it`,
    );
  }
}

/**
 * The SDK records when it was generated (the manifest, `__init__.py`, TypeScript headers). An output that would
 * differ only in that time keeps the time it records, so regenerating an unchanged model writes nothing and churns
 * no git history; `--check` always compares as if generated at the recorded time, so only real changes count.
 */
async function keepRecordedTimeIfUnchanged(
  outputDir: string,
  fresh: GeneratedSdk,
  check: boolean,
  overwrite: boolean,
  generateAt: (generatedAt: string) => RunningGeneration,
): Promise<GeneratedSdk> {
  const recorded = recordedGenerationTime(outputDir);
  if (recorded === undefined || recorded === fresh.config.generatedAt) return fresh;
  const atRecordedTime = await generateAt(recorded).generated;
  if (check) return atRecordedTime;
  const { written, removed } = await writeGeneratedFiles(outputDir, atRecordedTime.files, {
    overwrite,
    dryRun: true,
    generatedAt: recorded,
  });
  return written.length + removed.length === 0 ? atRecordedTime : fresh;
}

/** One line per file: what generating would do to it (unchanged files only when asked). */
function changeLines(report: WriteReport, withUnchanged: boolean): string[] {
  return [
    ...report.written.map((path) => `write      ${path}`),
    ...(withUnchanged ? report.unchanged.map((path) => `unchanged  ${path}`) : []),
    ...report.removed.map((path) => `remove     ${path}`),
  ];
}

export function registerGenerate(cli: CAC, io: CliIO): void {
  withSourceOptions(
    explained(
      cli.command("generate", `Generate a typed SDK (${LANGUAGES.map((language) => language.displayName).join(", ")}) from a data model`),
      [
        "Reads the data model (a model file, a model in CDF, or with neither the bundled example), validates it and",
        "writes a typed SDK for it into the output folder. The folder is replaced as a whole once everything is",
        "generated, so a failure leaves the previous output; regenerating an unchanged model writes nothing.",
        "Parts of the model with errors are left out (and listed); --strict stops instead.",
      ].join("\n"),
    )
      .option("-o, --output <dir>", "Output folder (default: ./<top-level package>)")
      .option("--language <language>", `Target language: ${languageKeys().join(", ")} (default: ${DEFAULT_LANGUAGE.key})`)
      .option("--top-level-package <name>", "package of the SDK (default: the model's externalId in the language's convention)")
      .option("--client-name <name>", "Client class (default: the model's externalId in PascalCase + Client)")
      .option("--instance-space <space>", "Default instance space of the generated SDK")
      .option("--include-views <globs>", "Only views matching these globs (externalId or space:externalId); repeatable, comma-separated")
      .option("--exclude-views <globs>", "Leave out views matching these globs; repeatable, comma-separated")
      .option("--templates <dir>", "Templates that override the embedded ones, file by file")
      .option("--flat-structure", "Every view's modules directly in the package, no data_classes/ or _api/ (Python)")
      .option("--single-file", "The generated code in one module (Python: <package>/_sdk.py beside the runtime)")
      .option("--strict", "Stop on validation warnings and on anything the generator would skip")
      .option("--overwrite", "Write into a non-empty folder pygen did not create")
      .option("--dry-run", "List what would be written, removed or left unchanged; write nothing")
      .option(
        "--check",
        `Exit ${EXIT_CODES.outOfDate} and list the files that would change when the output is not up to date; write nothing`,
      )
      .option("--json", "Print a JSON report of the run on stdout"),
  )
    .example("  pygen generate --model-file model.yaml -o sdk")
    .example("  pygen generate --model sp:Plant/1 --top-level-package plant_sdk --dry-run")
    .example("  pygen generate --model-file model.yaml -o sdk --check   # in CI: is the committed SDK up to date?")
    .action((flags: GenerateFlags) => runGenerate(flags, io));
}
