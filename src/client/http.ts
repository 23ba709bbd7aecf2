/**
 * The HTTP layer every CDF call goes through: project-scoped URLs, CDF's headers, a rate limit and a pool of
 * concurrent requests, retries with backoff, one re-authentication on 401, lossless JSON (int64 as bigint),
 * and errors mapped onto pygen's hierarchy with the status, CDF's error body and the request id.
 *
 * Requests go out through ky, which does the retrying (backoff with jitter, Retry-After), the per-attempt
 * timeout, and runs the hooks that set the bearer token, re-authenticate on a 401 and log each attempt. What ky
 * has no notion of stays here, each in its own module: CDF's retry rules (retry.ts), the pool and the rate limit
 * (throttle.ts), lossless JSON and gzip bodies, and CDF's error mapping (error-mapping.ts). bench/client.ts
 * measures what ky costs per request.
 */
import ky, { type AfterResponseHook, type KyInstance, type RetryOptions } from "ky";
import * as v from "valibot";
import { parseJson, stringifyJson } from "../data-formats.ts";
import { APIError, ClientError } from "../errors.ts";
import { PYGEN_VERSION } from "../version.ts";
import type { Credentials } from "./auth.ts";
import { toClientError } from "./error-mapping.ts";
import { type Logger, silentLogger } from "./logging.ts";
import { type CallContext, requestLogHooks } from "./request-log.ts";
import { DEFAULT_RETRY_POLICY, fetchReportingNetworkErrors, kyRetryOptions, type RetryPolicy } from "./retry.ts";
import { RequestGate } from "./throttle.ts";

export interface HttpClientOptions {
  /** The cluster's address, e.g. https://westeurope-1.cognitedata.com, or an emulator's http://127.0.0.1:PORT. */
  baseUrl: string;
  project: string;
  credentials: Credentials;
  /** Sent as x-cdp-app, so CDF's logs tell which application called. */
  clientName?: string;
  /** Per attempt, from when the attempt leaves the client's queue until the whole body is read. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Requests per second across all calls of this client; unlimited when absent. */
  requestsPerSecond?: number;
  /** Requests in flight at once. */
  poolSize?: number;
  /** gzip request bodies of at least this many bytes (CDF accepts gzip bodies); 0 turns compression off. */
  gzipMinBytes?: number;
  logger?: Logger;
}

export type QueryParameters = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface RequestOptions<T> {
  query?: QueryParameters;
  body?: unknown;
  /** Checks the response body; its output is what the call returns. */
  schema?: v.GenericSchema<unknown, T>;
}

export const CDF_API_VERSION = "20230101";
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Per-call state the hooks share (ky's `context`): the log label, the pool slot taken for the first attempt,
 * and whether the call re-authenticated.
 */
interface HttpCallContext extends CallContext {
  slot: () => void;
  reauthenticated?: boolean;
}

export class HttpClient {
  readonly projectUrl: string;
  private readonly api: KyInstance;
  private readonly retry: { idempotent: RetryOptions; other: RetryOptions };
  private readonly timeoutMs: number;
  private readonly gate: RequestGate;
  private closed = false;

  constructor(private readonly options: HttpClientOptions) {
    const base = options.baseUrl.replace(/\/+$/, "");
    this.projectUrl = `${base}/api/v1/projects/${encodeURIComponent(options.project)}`;
    const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.retry = { idempotent: kyRetryOptions(policy, true), other: kyRetryOptions(policy, false) };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.gate = new RequestGate(options.poolSize ?? 16, options.requestsPerSecond, fetchReportingNetworkErrors);
    const log = requestLogHooks(options.logger ?? silentLogger);
    // Asked at every attempt: a token refreshed meanwhile (expiry, or the 401 below) goes out with the retry.
    const authorize = async ({ request }: { request: Request }) => {
      request.headers.set("authorization", await options.credentials.authorization());
    };
    this.api = ky.create({
      prefix: this.projectUrl,
      headers: {
        accept: "application/json",
        "cdf-version": CDF_API_VERSION,
        "x-cdp-sdk": `pygen:${PYGEN_VERSION}`,
        "x-cdp-app": options.clientName ?? "pygen",
      },
      timeout: this.timeoutMs,
      fetch: this.gate.fetch,
      hooks: {
        beforeRequest: [authorize, this.gate.handOver, log.attemptStarts],
        beforeRetry: [log.retrying, authorize, this.gate.admit, log.attemptStarts],
        afterResponse: [log.responded, this.reauthenticateOnce],
        beforeError: [log.failed],
      },
    });
  }

  get<T = unknown>(path: string, options: Omit<RequestOptions<T>, "body"> = {}): Promise<T> {
    return this.request("GET", path, options);
  }

  post<T = unknown>(path: string, body: unknown, options: Omit<RequestOptions<T>, "body"> = {}): Promise<T> {
    return this.request("POST", path, { ...options, body });
  }

  /** Refuses further requests; those already sent complete. */
  close(): void {
    this.closed = true;
  }

  /** One call, retried as the policy allows; resolves to the (checked) response body. */
  async request<T>(method: "GET" | "POST", path: string, options: RequestOptions<T> = {}): Promise<T> {
    const label = `${method} ${path}`;
    if (this.closed) throw new ClientError(`${label}: the client is closed`);
    // GETs and every DMS POST (upserts, deletes of possibly-missing items, reads) are safe to repeat;
    // anything else is only retried on 429 (see retry.ts).
    const idempotent = method === "GET" || path.startsWith("/models/");
    const slot = await this.gate.take();
    try {
      return await this.api(path, {
        method,
        searchParams: searchParameters(options.query),
        ...this.encodeBody(options.body),
        retry: idempotent ? this.retry.idempotent : this.retry.other,
        context: { label, slot } satisfies HttpCallContext,
        // Also reads error bodies for ky (HTTPError.data), where a failure only means "no parsed body".
        parseJson: (text, { response }) => decode(text, label, response, options.schema),
      }).json<T>();
    } catch (error) {
      throw toClientError(error, { label, host: new URL(this.projectUrl).host, project: this.options.project, timeoutMs: this.timeoutMs });
    } finally {
      // Sending gave it back already, unless the call failed before its first attempt left (a refused token, say).
      slot();
    }
  }

  /** A 401 on a token that can be replaced (an expired cached one) is retried at once with a new token, once per call. */
  private readonly reauthenticateOnce: AfterResponseHook = ({ response, options, retryCount }) => {
    const call = options.context as unknown as HttpCallContext;
    const retriesLeft = retryCount < (options.retry.limit ?? 0);
    if (response.status !== 401 || call.reauthenticated || !retriesLeft || !this.options.credentials.invalidate()) return;
    call.reauthenticated = true;
    return ky.retry({ delay: 0 });
  };

  private encodeBody(body: unknown): { body?: string | Uint8Array; headers?: Record<string, string> } {
    if (body === undefined) return {};
    const text = stringifyJson(body);
    const minBytes = this.options.gzipMinBytes ?? 1024;
    if (minBytes > 0 && text.length >= minBytes) {
      return { body: Bun.gzipSync(text), headers: { "content-type": "application/json", "content-encoding": "gzip" } };
    }
    return { body: text, headers: { "content-type": "application/json" } };
  }
}

/** CDF takes repeated keys for arrays (usedFor=node&usedFor=edge), not comma-joined values. */
function searchParameters(query: QueryParameters | undefined): URLSearchParams | undefined {
  if (query === undefined) return undefined;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  return search;
}

/** A response body as lossless JSON (int64 as bigint), checked against the call's schema when it succeeded. */
function decode<T>(text: string, label: string, response: Response, schema: v.GenericSchema<unknown, T> | undefined): unknown {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  let body: unknown;
  try {
    body = text === "" ? {} : parseJson(text, label);
  } catch (error) {
    throw new APIError(`${label}: CDF answered with a body that is not JSON`, {
      status: response.status,
      response: text.slice(0, 500),
      ...(requestId ? { requestId } : {}),
      cause: error,
    });
  }
  if (!schema || !response.ok) return body;
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const where = issue ? (v.getDotPath(issue) ?? "(body)") : "(body)";
  throw new APIError(`${label}: unexpected response shape at ${where}: ${issue?.message ?? "invalid"}`, {
    status: response.status,
    response: body,
    ...(requestId ? { requestId } : {}),
  });
}
