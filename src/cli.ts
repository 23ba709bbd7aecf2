/**
 * The command line: parses arguments with cac and hands each command to its module in cli/. Commands print
 * results on stdout and notes on stderr, so `--json` output can be piped.
 */
import { type CAC, cac } from "cac";
import { registerDoctor } from "./cli/doctor.ts";
import { registerEmulate } from "./cli/emulate.ts";
import { registerGenerate } from "./cli/generate.ts";
import { commandHelp } from "./cli/help.ts";
import { registerInspect } from "./cli/inspect.ts";
import { markNumericValues, rejectEmptyValues, unmarkValues } from "./cli/option-values.ts";
import type { CliIO } from "./cli/reporter.ts";
import { registerServe } from "./cli/serve.ts";
import { closest } from "./cli/suggest.ts";
import { registerValidate, validateJsonFailure } from "./cli/validate.ts";
import { UsageError } from "./errors.ts";
import { versionLine } from "./version.ts";

/** ` (did you mean --model?)` when an unknown option is a typo of a known one. */
function didYouMean(message: string, cli: CAC): string {
  const typed = /^Unknown option `(--[^`]+)`/.exec(message)?.[1];
  if (!typed) return "";
  const options = [...cli.globalCommand.options, ...(cli.matchedCommand?.options ?? [])];
  const known = options.flatMap((option) => option.rawName.match(/--[a-z][a-z-]*/g) ?? []);
  const suggestion = closest(typed, known);
  return suggestion ? ` (did you mean ${suggestion}?)` : "";
}

/** Commands whose `--json` output stays JSON when they fail: the failure as their JSON report, on stdout. */
const JSON_FAILURE_REPORTS: Record<string, (error: unknown) => string | undefined> = { validate: validateJsonFailure };

/** Every command registered, nothing parsed yet. */
export function commandLine(io: CliIO): CAC {
  const cli = cac("pygen");
  registerGenerate(cli, io);
  registerValidate(cli, io);
  registerInspect(cli, io);
  registerEmulate(cli, io);
  registerServe(cli, io);
  registerDoctor(cli, io);
  cli.option("-v, --version", "Show pygen's version (a data model's version is --model-version)");
  cli.help(commandHelp(cli));
  return cli;
}

/** Parses `argv` into `cli`: option values stay text exactly as typed (option-values.ts). */
export function parseArguments(cli: CAC, argv: readonly string[]): void {
  cli.parse(["pygen", "pygen", ...markNumericValues(argv)], { run: false });
  unmarkValues(cli.options);
  unmarkValues(cli.args);
}

/** Runs the command line; resolves when the command has finished. Errors are thrown for main() to report. */
export async function runCli(argv: string[], io: CliIO): Promise<void> {
  try {
    await runCommandLine(argv, io);
  } catch (error) {
    const command = argv.find((argument) => !argument.startsWith("-"));
    const report = command !== undefined && argv.includes("--json") ? JSON_FAILURE_REPORTS[command]?.(error) : undefined;
    if (report !== undefined) io.stdout(report);
    throw error;
  }
}

async function runCommandLine(argv: string[], io: CliIO): Promise<void> {
  const cli = commandLine(io);
  try {
    parseArguments(cli, argv);
    if (cli.options.version && !cli.matchedCommand) {
      io.stdout(versionLine());
    } else if (cli.matchedCommand) {
      // Checked before cac's own checks: `--version 3` would otherwise be reported as an unused argument "3".
      if (cli.options.version) {
        throw new UsageError(
          "--version is pygen's own version and takes no value; a data model's version is --model-version (or --model space:externalId/VERSION)",
        );
      }
      rejectEmptyValues(cli, cli.matchedCommand);
      await cli.runMatchedCommand();
    } else if (cli.args.length > 0) {
      const typed = String(cli.args[0]);
      const suggestion = closest(
        typed,
        cli.commands.map((command) => command.name),
      );
      throw new UsageError(
        `unknown command "${typed}"${suggestion ? ` (did you mean ${suggestion}?)` : ""}; run "pygen --help" to see the commands`,
      );
    } else if (!cli.options.help) {
      cli.outputHelp();
    }
  } catch (error) {
    // cac reports usage mistakes (unknown option, missing value) as a plain CACError.
    if (error instanceof Error && error.name === "CACError") {
      const help = `run "pygen ${cli.matchedCommandName ?? ""} --help" for the options`.replace("  ", " ");
      throw new UsageError(`${error.message}${didYouMean(error.message, cli)}; ${help}`);
    }
    throw error;
  }
}
