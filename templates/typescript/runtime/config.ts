/** Where the client connects and how it behaves: one frozen, validated object. */
import { type Credentials, credentialsFromEnv, type Environment } from "./auth.js";
import { CDFConfigError } from "./errors.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry.js";

// A scheme and a host (with an optional port); emulators run on http://127.0.0.1:PORT.
const BASE_URL = /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/;

export interface ClientConfigOptions {
  /** The cluster, e.g. `https://westeurope-1.cognitedata.com` (no path). */
  baseUrl: string;
  project: string;
  credentials: Credentials;
  /** Sent as `x-cdp-app`, so CDF's logs tell which application called. Default "pygen-sdk". */
  clientName?: string;
  /** Per attempt, in milliseconds. Default 60 000. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Requests per second across the client, or undefined for no client-side limit. */
  rateLimit?: number | undefined;
  /** Requests in flight at once across the client. Default 10. Chunked writes are further capped at 4, deletes at 2. */
  maxConcurrency?: number;
}

export interface ClientConfig {
  readonly baseUrl: string;
  readonly project: string;
  readonly credentials: Credentials;
  readonly clientName: string;
  readonly timeoutMs: number;
  readonly retry: Readonly<RetryPolicy>;
  readonly rateLimit: number | undefined;
  readonly maxConcurrency: number;
  /** `<baseUrl>/api/v1/projects/<project>`. */
  readonly projectUrl: string;
}

export function clientConfig(options: ClientConfigOptions): ClientConfig {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  if (!BASE_URL.test(baseUrl)) {
    throw new CDFConfigError(`baseUrl must be a scheme and host such as https://api.cognitedata.com: ${JSON.stringify(options.baseUrl)}`);
  }
  if (!options.project) throw new CDFConfigError("project is required");
  const clientName = options.clientName ?? "pygen-sdk";
  if (!clientName) throw new CDFConfigError("clientName must not be empty");
  const timeoutMs = options.timeoutMs ?? 60_000;
  if (!(timeoutMs > 0)) throw new CDFConfigError("timeoutMs must be positive");
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  if (!(retry.maxRetries >= 0 && retry.initialWaitMs >= 0 && retry.maxWaitMs >= 0)) {
    throw new CDFConfigError("retry settings must not be negative");
  }
  if (options.rateLimit !== undefined && !(options.rateLimit > 0))
    throw new CDFConfigError("rateLimit must be positive (or undefined for no limit)");
  const maxConcurrency = options.maxConcurrency ?? 10;
  if (!(Number.isInteger(maxConcurrency) && maxConcurrency >= 1))
    throw new CDFConfigError("maxConcurrency must be an integer of at least 1");
  return Object.freeze({
    baseUrl,
    project: options.project,
    credentials: options.credentials,
    clientName,
    timeoutMs,
    retry: Object.freeze(retry),
    rateLimit: options.rateLimit,
    maxConcurrency,
    projectUrl: `${baseUrl}/api/v1/projects/${encodeURIComponent(options.project)}`,
  });
}

/** Reads CDF_URL (or CDF_CLUSTER), CDF_PROJECT and the credentials of `credentialsFromEnv`. */
export function configFromEnv(
  env: Environment = processEnv(),
  options: Partial<Omit<ClientConfigOptions, "baseUrl" | "project" | "credentials">> = {},
): ClientConfig {
  const cluster = env.CDF_CLUSTER?.trim();
  const baseUrl = env.CDF_URL?.trim() || (cluster ? `https://${cluster}.cognitedata.com` : "");
  if (!baseUrl) throw new CDFConfigError("set CDF_URL (e.g. https://westeurope-1.cognitedata.com) or CDF_CLUSTER");
  const project = env.CDF_PROJECT?.trim();
  if (!project) throw new CDFConfigError("set CDF_PROJECT");
  return clientConfig({ ...options, baseUrl, project, credentials: credentialsFromEnv(env, baseUrl) });
}

function processEnv(): Environment {
  // Node, Bun and Deno (with --allow-env) all expose process.env; the runtime avoids a dependency on @types/node.
  const host = globalThis as { process?: { env?: Environment } };
  return host.process?.env ?? {};
}
