/**
 * `pygen emulate`: turns the command's flags into emulator options, starts it, prints where it listens and
 * serves until the process is interrupted.
 */
import { UsageError } from "../errors.ts";
import { numberOption } from "../number-option.ts";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "./server.ts";

/** The flags as typed (the command line keeps every value text); the numeric ones are parsed here. */
export interface EmulateFlags {
  port?: string;
  db?: string;
  project?: string;
  model: string[];
  instances: string[];
  token?: string;
  clientId?: string;
  clientSecret?: string;
  tokenTtl?: string;
  faultRate?: string;
  faultAfterApply?: string;
  faultStatus?: string;
  latencyMs?: string;
  seed?: string;
  concurrencyLimits?: boolean;
}

function emulatorOptionsFromFlags(flags: EmulateFlags): EmulatorOptions {
  if ((flags.clientId === undefined) !== (flags.clientSecret === undefined)) {
    throw new UsageError("--client-id and --client-secret go together");
  }
  const statuses =
    flags.faultStatus === undefined
      ? undefined
      : flags.faultStatus
          .split(",")
          .map(
            (code) =>
              numberOption(
                "fault-status",
                code.trim(),
                (n) => Number.isInteger(n) && n >= 400 && n <= 599,
                "HTTP error codes such as 429,503",
              ) as number,
          );
  return {
    port: numberOption("port", flags.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, "a port number (0 picks a free port)") ?? 0,
    db: flags.db,
    project: flags.project,
    modelFiles: flags.model,
    instanceFiles: flags.instances,
    token: flags.token,
    clientId: flags.clientId,
    clientSecret: flags.clientSecret,
    tokenTtlSeconds: numberOption("token-ttl", flags.tokenTtl, (n) => n > 0, "a positive number of seconds"),
    faults: {
      rate: numberOption("fault-rate", flags.faultRate, (n) => n >= 0 && n <= 1, "a share between 0 and 1"),
      afterApplyRate: numberOption("fault-after-apply", flags.faultAfterApply, (n) => n >= 0 && n <= 1, "a share between 0 and 1"),
      statuses,
      seed: numberOption("seed", flags.seed, Number.isInteger, "an integer"),
    },
    latencyMs: numberOption("latency-ms", flags.latencyMs, (n) => n >= 0, "a non-negative number of milliseconds"),
    concurrencyLimits: flags.concurrencyLimits ?? false,
  };
}

/** Lines telling the user where the emulator listens; never the secrets themselves. */
function describeRunning(emulator: RunningEmulator, options: EmulatorOptions): string[] {
  const lines = [emulator.url, `project: ${emulator.project} (any project name works; seeded data is in this one)`];
  lines.push(`API: ${emulator.url}/api/v1/projects/${emulator.project}/models/`);
  if (emulator.tokenUrl)
    lines.push(`token endpoint: ${emulator.tokenUrl} (client credentials; tokens live ${options.tokenTtlSeconds ?? 3600} s)`);
  if (options.token !== undefined) lines.push("auth: static bearer token required");
  lines.push(options.db ? `state: ${options.db}` : "state: in memory (use --db FILE to keep it)");
  return lines;
}

/** Starts the emulator and resolves once it has been stopped by SIGINT or SIGTERM. */
export async function runEmulateCommand(
  flags: EmulateFlags,
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
): Promise<void> {
  const options = emulatorOptionsFromFlags(flags);
  const emulator = await startEmulator(options);
  const [url, ...notes] = describeRunning(emulator, options);
  io.stdout(url as string);
  for (const note of notes) io.stderr(note);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void emulator.stop().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
