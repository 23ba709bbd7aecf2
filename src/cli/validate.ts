/**
 * `pygen validate`: runs the validator on a model file or a model in CDF. Exit code 0 when the model is valid,
 * the validation family's code when it has errors (with --strict, warnings count as errors), so CI can gate on it.
 */
import type { CAC } from "cac";
import { stringifyJson } from "../data-formats.ts";
import { ValidationError } from "../errors.ts";
import { colorAllowed, DataModelValidator, formatSummary, toJsonReport } from "../validate/index.ts";
import { chosenLanguage } from "./generation-settings.ts";
import { loadModelsForReading } from "./model-source.ts";
import type { CliIO } from "./reporter.ts";
import { openSession } from "./session.ts";
import { type SourceFlags, withSourceOptions } from "./source-options.ts";

interface ValidateFlags extends SourceFlags {
  strict?: boolean;
}

export function registerValidate(cli: CAC, io: CliIO): void {
  withSourceOptions(
    cli
      .command("validate", "Check a data model for what would block or degrade generation")
      .option("--strict", "Treat warnings as errors")
      .option("--json", "Print the report as JSON"),
  )
    .example("  pygen validate --model-file model.yaml --strict")
    .action(async (flags: ValidateFlags) => {
      const session = await openSession(flags, io);
      const loaded = await loadModelsForReading(session);
      const strict = flags.strict ?? session.config.config.generation?.strict ?? false;
      // Names are checked for the language `generate` would write, as the config file names it.
      const language = chosenLanguage(undefined, session.config.config).naming;
      const result = DataModelValidator.validate(loaded.models, { strict, language });
      session.reporter.result(flags.json ? stringifyJson(toJsonReport(result), 2) : formatSummary(result, { color: colorAllowed() }));
      if (!result.isValid) {
        const count = result.errors.length;
        throw new ValidationError(`${loaded.origin} has ${count} ${count === 1 ? "error" : "errors"}${strict ? " (--strict)" : ""}`);
      }
    });
}
