/** `pygen emulate`: registers the command; the work is in emulator/command.ts. */
import type { CAC } from "cac";
import type { EmulateFlags } from "../emulator/command.ts";
import { explained } from "./help.ts";
import type { CliIO } from "./reporter.ts";
import { type RepeatableFlag, repeatedFlag } from "./source-options.ts";

type EmulateOptions = Omit<EmulateFlags, "model" | "instances"> & {
  model?: RepeatableFlag;
  modelFile?: RepeatableFlag;
  instances?: RepeatableFlag;
};

export function registerEmulate(cli: CAC, io: CliIO): void {
  explained(
    cli.command("emulate", "Run a local emulator of CDF's data-modeling API (in memory, or --db FILE)"),
    [
      "Serves spaces, containers, views, data models, instances (list, query, sync, search, aggregate) and GraphQL",
      "on 127.0.0.1, so SDKs and scripts are tested without a CDF project. Seed it with model and instance files;",
      "it prints its URL and project, and runs until Ctrl-C.",
    ].join("\n"),
  )
    .option("--port <port>", "Port on 127.0.0.1; 0 (the default) picks a free one")
    .option("--db <file>", "SQLite file that keeps the state across restarts")
    .option("--project <name>", "Project that --model-file and --instances seed (default emulator)")
    .option("--model-file <file>", "Seed a data model file with inline views (repeatable)")
    // --model-file as in the other commands; --model (a file here, an id elsewhere) stays for existing scripts.
    .option("--model <file>", "Same as --model-file")
    .option("--instances <file>", "Seed nodes and edges from a YAML/JSON file (repeatable)")
    .option("--token <token>", "Accept only this bearer token")
    .option("--client-id <id>", "Serve an OAuth2 client-credentials token endpoint for this client")
    .option("--client-secret <secret>", "Secret of --client-id")
    .option("--token-ttl <seconds>", "Lifetime of issued tokens (default 3600)")
    .option("--fault-rate <share>", "Fail this share (0..1) of requests with --fault-status")
    .option("--fault-after-apply <share>", "Apply this share (0..1) of requests, then fail their response (a lost response)")
    .option("--fault-status <codes>", "Statuses of injected faults (default 429,503)")
    .option("--latency-ms <ms>", "Delay every response")
    .option("--seed <n>", "Seed of the fault generator, for reproducible runs")
    .option("--concurrency-limits", "Enforce CDF's per-project limits: apply 4, delete 2, query 8 (429 beyond)")
    .example("  pygen emulate --port 0 --model-file model.yaml --instances nodes.yaml")
    // Loaded on use: the emulator's modules (bun:sqlite among them) would cost every other command ~7 ms of start-up.
    .action(async ({ modelFile, model, instances, ...flags }: EmulateOptions) => {
      const { runEmulateCommand } = await import("../emulator/command.ts");
      const models = [...repeatedFlag("--model-file <file>", modelFile), ...repeatedFlag("--model <file>", model)];
      await runEmulateCommand({ ...flags, model: models, instances: repeatedFlag("--instances <file>", instances) }, io);
    });
}
