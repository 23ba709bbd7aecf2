/** `pygen serve`: registers the command; the work is in service/command.ts, loaded only when it runs. */
import type { CAC } from "cac";
import type { ServeFlags } from "../service/command.ts";
import { explained } from "./help.ts";
import type { CliIO } from "./reporter.ts";

export function registerServe(cli: CAC, io: CliIO): void {
  const command = explained(
    cli.command("serve", "Run the SDK generation service (HTTP API and a web page); embedded queue, or shared on Redis"),
    [
      "Generates SDKs over HTTP: post a model (or a CDF model id with credentials) and download the SDK as a zip,",
      "or use the web page at /. Jobs run on --workers threads from a queue kept in --data, or on Redis (--queue) so",
      "several instances share the work. API keys are required unless --no-auth.",
    ].join("\n"),
  )
    .option("--port <port>", "Port to listen on; 0 picks a free one", { default: 8000 })
    .option("--host <host>", "Address to listen on", { default: "127.0.0.1" })
    .option("--queue <url>", "redis://host:port/db to share one job queue between instances (default: embedded, in --data)")
    .option("--workers <n>", "Generation threads, so jobs run at once on this instance", { default: 2 })
    .option("--data <dir>", "Folder of the embedded queue's database", { default: ".pygen-serve" })
    .option("--api-keys-file <file>", "API keys, one a line (also PYGEN_API_KEYS, comma-separated)")
    .option("--no-auth", "Serve without API keys (anyone who reaches the port can use it)")
    .option("--rate-limit <n>", "Requests a minute per API key (per client address with --no-auth); 0 for none", { default: 120 })
    .option("--max-body-mb <mb>", "Largest request body", { default: 10 })
    .option("--max-model-mb <mb>", "Largest model (as JSON) a job may hold, inline or fetched", { default: 20 })
    .option("--job-timeout <seconds>", "Stop a job that runs longer", { default: 300 })
    .option("--result-ttl <seconds>", "Keep results downloadable this long", { default: 86400 })
    .option("--allow-cdf-url <pattern>", "Also allow this CDF or token host (glob, e.g. *.example.com); repeatable")
    .option("--allow-loopback-cdf", "Allow http://127.0.0.1 and localhost as cdf_url (tests against a local emulator only)")
    .option("--lock-seconds <seconds>", "Redis: a job's lock; a dead instance's job runs elsewhere after about this long", { default: 30 })
    .option("--shutdown-grace <seconds>", "On SIGTERM/SIGINT, wait this long for running jobs before handing them back", { default: 30 })
    .example("  PYGEN_API_KEYS=secret-key pygen serve --port 8000")
    .example("  pygen serve --queue redis://127.0.0.1:6379 --workers 4 --api-keys-file keys.txt")
    .action(async (flags: ServeFlags) => {
      const { runServeCommand } = await import("../service/command.ts");
      await runServeCommand(flags, io);
    });
  // cac gives a `--no-x` flag the default x = true and prints "(default: true)" beside --no-auth, which reads as
  // if authentication were off by default. Without the default, `auth` is false with the flag, absent without.
  const noAuth = command.options.find((option) => option.rawName === "--no-auth");
  if (noAuth) noAuth.config.default = undefined;
}
