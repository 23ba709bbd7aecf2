/**
 * `pygen validate`: checks a model file or a model in CDF with the same pipeline `pygen generate` runs (validator
 * and generator, in memory), so both commands report the same findings with the same severities. Exit code 0 when
 * no part of the model is left out, the validation family's code (4) when one is (with --strict, warnings count
 * too), so CI can gate on it. With --json, stdout carries a JSON report whatever happens (validateJsonFailure).
 */
import type { CAC } from "cac";
import { stringifyJson } from "../data-formats.ts";
import { EXIT_CODES, exitCodeFamily, exitCodeOf, PygenError, ValidationError } from "../errors.ts";
import { runPipeline } from "../pipeline.ts";
import { colorAllowed, formatSummary, toFailureReport, toJsonReport } from "../validate/index.ts";
import { selectViews } from "../view-filter.ts";
import { FileLines } from "./file-lines.ts";
import { generationSettings } from "./generation-settings.ts";
import { explained } from "./help.ts";
import { loadModelsForReading } from "./model-source.ts";
import type { CliIO } from "./reporter.ts";
import { openSession } from "./session.ts";
import { type SourceFlags, withSourceOptions } from "./source-options.ts";

interface ValidateFlags extends SourceFlags {
  strict?: boolean;
}

export function registerValidate(cli: CAC, io: CliIO): void {
  withSourceOptions(
    explained(
      cli.command("validate", "Check a data model for what would block or degrade generation"),
      [
        "Loads the data model as generate does and lists each finding: what is wrong, where, and how to fix it.",
        "Errors are what CDF refuses or what generate would leave out; warnings change the SDK. Exits 0 when the",
        `model has no errors, ${EXIT_CODES.validation} when it has some (warnings count with --strict); generate reports the same findings.`,
      ].join("\n"),
    )
      .option("--strict", "Treat warnings as errors")
      .option("--json", "Print the report as JSON (also when the model cannot be loaded)"),
  )
    .example("  pygen validate --model-file model.yaml --strict")
    .action(async (flags: ValidateFlags) => {
      const session = await openSession(flags, io);
      const loaded = await loadModelsForReading(session);
      // The generation settings of the config file (names, strict) shape the findings as they shape generate's.
      const settings = generationSettings({ strict: flags.strict }, session.config.config);
      // The views the config file selects for generation are the ones checked, so the verdict is generate's.
      const { models, unmatched } = selectViews(loaded.models, settings.views);
      for (const pattern of unmatched) session.reporter.warn(`the view pattern "${pattern}" matches no view`);
      if (settings.views.include.length + settings.views.exclude.length > 0) {
        session.reporter.note("Checking the views that generation.includeViews / excludeViews in the config file select.");
      }
      const { verdict } = runPipeline(
        { models, origin: loaded.origin },
        {
          strict: settings.strict,
          language: settings.language,
          topLevelPackage: settings.topLevelPackage,
          clientName: settings.clientName,
          defaultSpace: settings.instanceSpace,
        },
      );
      const exitCode = verdict.isValid ? 0 : EXIT_CODES.validation;
      const lines = new FileLines(session.modelSource.kind === "files" ? session.modelSource.paths : []);
      const located = {
        ...verdict,
        errors: lines.of(verdict.errors),
        warnings: lines.of(verdict.warnings),
        infos: lines.of(verdict.infos),
      };
      // The summary makes the model's text printable itself, before colouring it.
      if (flags.json) session.reporter.result(stringifyJson(toJsonReport(located, exitCode), 2));
      else session.reporter.result(formatSummary(located, { color: colorAllowed() }), { painted: true });
      if (!verdict.isValid) {
        const count = verdict.errors.length;
        const message = `${loaded.origin} has ${count} ${count === 1 ? "error" : "errors"}${settings.strict ? " (--strict)" : ""}`;
        throw new ValidationError(message, { resultPrinted: true });
      }
    });
}

/**
 * The JSON report of a `validate --json` run that failed before it had a verdict to print (a file that cannot be
 * read, a wrong flag, CDF unreachable, a bug), so CI always gets JSON on stdout; undefined when the report is out.
 */
export function validateJsonFailure(error: unknown): string | undefined {
  if (error instanceof PygenError && error.resultPrinted) return undefined;
  const exitCode = exitCodeOf(error);
  const failure =
    error instanceof PygenError
      ? { kind: exitCodeFamily(exitCode), message: error.message, details: error.details }
      : { kind: "internal", message: error instanceof Error ? error.message : String(error), details: [] };
  return stringifyJson(toFailureReport(failure, exitCode), 2);
}
