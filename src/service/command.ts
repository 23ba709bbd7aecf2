/**
 * `pygen serve`: flags and environment → service options; starts the service, prints its URL on stdout, logs
 * JSON lines on stderr, and shuts down gracefully on SIGINT/SIGTERM.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CliIO } from "../cli/reporter.ts";
import { UsageError } from "../errors.ts";
import { numberOption } from "../number-option.ts";
import { jsonLog } from "./log.ts";
import { DEFAULT_ALLOWED_HOSTS, parseKeyList } from "./security.ts";
import { type ServiceOptions, startService } from "./server.ts";

export interface ServeFlags {
  port?: string;
  host?: string;
  queue?: string;
  workers?: string;
  data?: string;
  apiKeysFile?: string;
  /** cac turns --no-auth into auth: false. */
  auth?: boolean;
  rateLimit?: string;
  maxBodyMb?: string;
  maxModelMb?: string;
  jobTimeout?: string;
  resultTtl?: string;
  allowCdfUrl?: string | string[];
  allowLoopbackCdf?: boolean;
  lockSeconds?: string;
  shutdownGrace?: string;
}

/** A numeric option, or its default when it was not given. */
function numberFlag(name: string, value: string | undefined, fallback: number, check: (n: number) => boolean, expectation: string): number {
  return numberOption(name, value, check, expectation) ?? fallback;
}

const positive = (n: number) => n > 0;

function readApiKeys(flags: ServeFlags, env: Record<string, string | undefined>): string[] {
  const keys = parseKeyList(env.PYGEN_API_KEYS ?? "", /,/);
  if (flags.apiKeysFile) {
    let text: string;
    try {
      text = readFileSync(flags.apiKeysFile, "utf8");
    } catch {
      throw new UsageError(`cannot read --api-keys-file ${flags.apiKeysFile}`);
    }
    keys.push(...parseKeyList(text, /\r?\n/));
  }
  return [...new Set(keys)];
}

export function serviceOptionsFromFlags(
  flags: ServeFlags,
  env: Record<string, string | undefined> = process.env,
): Omit<ServiceOptions, "log"> {
  const noAuth = flags.auth === false;
  const apiKeys = noAuth ? [] : readApiKeys(flags, env);
  if (!noAuth && apiKeys.length === 0) {
    throw new UsageError(
      "no API keys: set PYGEN_API_KEYS (comma-separated) or --api-keys-file FILE, or pass --no-auth to serve without keys",
    );
  }
  if (noAuth && (flags.apiKeysFile || env.PYGEN_API_KEYS)) throw new UsageError("--no-auth contradicts the API keys given; drop one");
  const mb = (n: number) => Math.round(n * 1024 * 1024);
  return {
    host: flags.host ?? "127.0.0.1",
    port: numberFlag("port", flags.port, 8000, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, "a port number (0 picks a free port)"),
    dataDir: resolve(flags.data ?? ".pygen-serve"),
    ...(flags.queue ? { queueUrl: flags.queue } : {}),
    workers: numberFlag("workers", flags.workers, 2, (n) => Number.isInteger(n) && n >= 1 && n <= 64, "a whole number from 1 to 64"),
    apiKeys,
    noAuth,
    maxBodyBytes: mb(numberFlag("max-body-mb", flags.maxBodyMb, 10, positive, "a positive number of megabytes")),
    maxModelBytes: mb(numberFlag("max-model-mb", flags.maxModelMb, 20, positive, "a positive number of megabytes")),
    jobTimeoutMs: 1000 * numberFlag("job-timeout", flags.jobTimeout, 300, positive, "a positive number of seconds"),
    rateLimitPerMinute: numberFlag("rate-limit", flags.rateLimit, 120, (n) => n >= 0, "a number of requests a minute (0 for no limit)"),
    resultTtlMs: 1000 * numberFlag("result-ttl", flags.resultTtl, 86400, positive, "a positive number of seconds"),
    urls: {
      allowedHosts: [...DEFAULT_ALLOWED_HOSTS, ...[flags.allowCdfUrl ?? []].flat().map(String)],
      allowLoopback: flags.allowLoopbackCdf ?? false,
    },
    lockMs: 1000 * numberFlag("lock-seconds", flags.lockSeconds, 30, (n) => n >= 1, "at least 1 second"),
  };
}

export async function runServeCommand(flags: ServeFlags, io: CliIO): Promise<void> {
  const log = jsonLog();
  const options = serviceOptionsFromFlags(flags);
  const graceMs = 1000 * numberFlag("shutdown-grace", flags.shutdownGrace, 30, (n) => n >= 0, "a number of seconds");
  if (options.noAuth)
    log.warn("authentication is off (--no-auth): anyone who can reach the port can generate SDKs", { host: options.host });
  if (options.urls.allowLoopback) log.warn("cdf_url may point at this machine (--allow-loopback-cdf): for tests only");
  // The handlers are in place before the service says it listens: a signal that arrives in between still
  // stops it gracefully instead of killing the process.
  const signalled = new Promise<string>((received) => {
    process.once("SIGINT", () => received("SIGINT"));
    process.once("SIGTERM", () => received("SIGTERM"));
  });
  let service: Awaited<ReturnType<typeof startService>>;
  try {
    service = await startService({ ...options, log });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
      throw new UsageError(`port ${options.port} on ${options.host} is in use; pick another --port (0 picks a free one)`);
    throw error;
  }
  io.stdout(service.url);
  const signal = await signalled;
  log.info("signal received", { signal });
  await service.stop(graceMs);
  // Everything is closed; a socket a library keeps half-open must not keep the process alive after "stopped".
  process.exit(0);
}
