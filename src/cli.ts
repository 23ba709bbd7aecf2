/**
 * The command line: parses arguments with cac and hands each command to the module that does the work.
 * Commands print results on stdout and notes on stderr, so `--json` output can be piped.
 */
import { cac } from "cac";
import { stringifyJson } from "./data-formats.ts";
import { runDoctor } from "./doctor.ts";
import { type EmulateFlags, runEmulateCommand } from "./emulator/command.ts";
import { UsageError } from "./errors.ts";
import { formatSummary, summarizeModel } from "./inspect/summary.ts";
import { type LoadedModels, loadExampleModel, loadModelFile } from "./sources.ts";
import { PYGEN_VERSION } from "./version.ts";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

async function loadModels(modelFile: string | undefined, io: CliIO): Promise<LoadedModels> {
  if (modelFile !== undefined) return loadModelFile(modelFile);
  io.stderr(`No model given (--model-file): using the bundled example, ${loadExampleModel().origin}.`);
  return loadExampleModel();
}

/** Runs the command line; resolves when the command has finished. Errors are thrown for main() to report. */
export async function runCli(argv: string[], io: CliIO): Promise<void> {
  const cli = cac("pygen");

  cli
    .command("inspect", "Summarise a data model: views, property kinds, connections")
    .option("--model-file <path>", "Data model file (YAML or JSON, with inline views); default: the bundled example")
    .option("--json", "Print the summary as JSON")
    .example("  pygen inspect --model-file model.yaml")
    .action(async (options: { modelFile?: string; json?: boolean }) => {
      const loaded = await loadModels(options.modelFile, io);
      const summaries = loaded.models.map(summarizeModel);
      io.stdout(options.json ? stringifyJson(summaries, 2) : summaries.map(formatSummary).join("\n\n"));
    });

  cli.command("doctor", "Check this pygen binary: version, platform, embedded templates, example model, formatter").action(async () => {
    io.stdout(await runDoctor());
  });

  cli
    .command("emulate", "Run a local emulator of CDF's data-modeling API (in memory, or --db FILE)")
    .option("--port <port>", "Port on 127.0.0.1; 0 picks a free one", { default: 0 })
    .option("--db <file>", "SQLite file that keeps the state across restarts")
    .option("--project <name>", "Project that --model and --instances seed (default emulator)")
    .option("--model <file>", "Seed a data model file with inline views (repeatable)")
    .option("--instances <file>", "Seed nodes and edges from a YAML/JSON file (repeatable)")
    .option("--token <token>", "Accept only this bearer token")
    .option("--client-id <id>", "Serve an OAuth2 client-credentials token endpoint for this client")
    .option("--client-secret <secret>", "Secret of --client-id")
    .option("--token-ttl <seconds>", "Lifetime of issued tokens (default 3600)")
    .option("--fault-rate <share>", "Fail this share (0..1) of requests with --fault-status")
    .option("--fault-status <codes>", "Statuses of injected faults (default 429,503)")
    .option("--latency-ms <ms>", "Delay every response")
    .option("--seed <n>", "Seed of the fault generator, for reproducible runs")
    .option("--concurrency-limits", "Enforce CDF's per-project limits: apply 4, delete 2, query 8 (429 beyond)")
    .example("  pygen emulate --port 0 --model model.yaml --instances nodes.yaml")
    .action((flags: EmulateFlags) => runEmulateCommand(flags, io));

  cli.option("-v, --version", "Show pygen's version");
  cli.help();

  try {
    cli.parse(["pygen", "pygen", ...argv], { run: false });
    if (cli.options.version && !cli.matchedCommand) {
      io.stdout(`pygen ${PYGEN_VERSION} (bun ${Bun.version}, ${process.platform}-${process.arch})`);
    } else if (cli.matchedCommand) {
      await cli.runMatchedCommand();
    } else if (cli.args.length > 0) {
      throw new UsageError(`unknown command "${cli.args[0]}"; run "pygen --help" to see the commands`);
    } else if (!cli.options.help) {
      cli.outputHelp();
    }
  } catch (error) {
    // cac reports usage mistakes (unknown option, missing value) as a plain CACError.
    if (error instanceof Error && error.name === "CACError") {
      throw new UsageError(`${error.message}; run "pygen ${cli.matchedCommandName ?? ""} --help" for the options`.replace("  ", " "));
    }
    throw error;
  }
}
