/**
 * The HTTP layer every CDF call goes through: project-scoped URLs, CDF's headers, a rate limit and a pool of
 * concurrent requests, retries with backoff, one re-authentication on 401, lossless JSON (int64 as bigint),
 * and errors mapped onto pygen's hierarchy with the status, CDF's error body and the request id.
 *
 * Requests go out through plain fetch. ky was the first transport, but this class does its own retries,
 * timeouts and error mapping, so ky only added its per-request machinery: ~30 % on top of raw fetch against a
 * local emulator, where the budget is 5 % (bench/client.ts measures it).
 */
import * as v from "valibot";
import { parseJson, stringifyJson } from "../data-formats.ts";
import { APIError, AuthenticationError, ClientError, RateLimitError, ResourceNotFoundError } from "../errors.ts";
import { PYGEN_VERSION } from "../version.ts";
import type { Credentials } from "./auth.ts";
import { type Logger, silentLogger } from "./logging.ts";
import { ErrorBodySchema } from "./models.ts";
import { DEFAULT_RETRY_POLICY, RETRYABLE_STATUSES, type RetryPolicy, retryAfterMs, retryWaitMs } from "./retry.ts";
import { RateLimiter, Semaphore } from "./throttle.ts";

export interface HttpClientOptions {
  /** The cluster's address, e.g. https://westeurope-1.cognitedata.com, or an emulator's http://127.0.0.1:PORT. */
  baseUrl: string;
  project: string;
  credentials: Credentials;
  /** Sent as x-cdp-app, so CDF's logs tell which application called. */
  clientName?: string;
  /** Per attempt. */
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

export class HttpClient {
  readonly projectUrl: string;
  private readonly retry: RetryPolicy;
  private readonly rateLimiter: RateLimiter | undefined;
  private readonly pool: Semaphore;
  private readonly logger: Logger;
  private readonly headers: Record<string, string>;
  private closed = false;

  constructor(private readonly options: HttpClientOptions) {
    const base = options.baseUrl.replace(/\/+$/, "");
    this.projectUrl = `${base}/api/v1/projects/${encodeURIComponent(options.project)}`;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.rateLimiter = options.requestsPerSecond ? new RateLimiter(options.requestsPerSecond) : undefined;
    this.pool = new Semaphore(options.poolSize ?? 16);
    this.logger = options.logger ?? silentLogger;
    this.headers = {
      accept: "application/json",
      "cdf-version": CDF_API_VERSION,
      "x-cdp-sdk": `pygen:${PYGEN_VERSION}`,
      "x-cdp-app": options.clientName ?? "pygen",
    };
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
    if (this.closed) throw new ClientError(`${method} ${path}: the client is closed`);
    const url = this.url(path, options.query);
    const body = options.body === undefined ? undefined : this.encodeBody(options.body);
    // GETs and every DMS POST (upserts, deletes of possibly-missing items, reads) are safe to repeat;
    // anything else is only retried on 429, which CDF sends before doing any work.
    const idempotent = method === "GET" || path.startsWith("/models/");
    let reauthenticated = false;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.pool.run(() => this.attempt(method, url, body));
      const label = `${method} ${path}`;
      if (outcome.kind === "network") {
        this.logger.debug(`${label} failed: ${outcome.error.message} ${outcome.durationMs.toFixed(0)}ms retries=${attempt}`);
        if (idempotent && attempt < this.retry.maxRetries) {
          await Bun.sleep(retryWaitMs(this.retry, attempt));
          continue;
        }
        throw new ClientError(`${label}: cannot reach CDF at ${new URL(url).host}: ${outcome.error.message}`, { cause: outcome.error });
      }
      const { response, durationMs } = outcome;
      const requestId = response.headers.get("x-request-id") ?? undefined;
      this.logger.debug(`${label} ${response.status} ${durationMs.toFixed(0)}ms request-id=${requestId ?? "-"} retries=${attempt}`);
      if (response.ok) return this.decode(response, label, requestId, options.schema);

      if (response.status === 401 && !reauthenticated && this.options.credentials.invalidate()) {
        reauthenticated = true;
        await response.body?.cancel();
        continue;
      }
      const retryable =
        (RETRYABLE_STATUSES.has(response.status) && (idempotent || response.status === 429)) ||
        response.headers.get("cdf-is-auto-retryable") === "true";
      const retryAfter = response.headers.get("retry-after");
      if (retryable && attempt < this.retry.maxRetries) {
        await response.body?.cancel();
        await Bun.sleep(retryWaitMs(this.retry, attempt, retryAfter));
        continue;
      }
      throw await this.toError(response, label, requestId, retryAfterMs(retryAfter));
    }
  }

  private url(path: string, query: QueryParameters | undefined): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      // CDF takes repeated keys for arrays (usedFor=node&usedFor=edge), not comma-joined values.
      for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
    }
    const text = search.toString();
    return text ? `${this.projectUrl}${path}?${text}` : this.projectUrl + path;
  }

  private encodeBody(body: unknown): { data: string | Uint8Array; gzip: boolean } {
    const text = stringifyJson(body);
    const minBytes = this.options.gzipMinBytes ?? 1024;
    return minBytes > 0 && text.length >= minBytes ? { data: Bun.gzipSync(text), gzip: true } : { data: text, gzip: false };
  }

  private async attempt(
    method: string,
    url: string,
    body: { data: string | Uint8Array; gzip: boolean } | undefined,
  ): Promise<{ kind: "response"; response: Response; durationMs: number } | { kind: "network"; error: Error; durationMs: number }> {
    if (this.rateLimiter) await this.rateLimiter.acquire();
    const headers: Record<string, string> = { ...this.headers, authorization: await this.options.credentials.authorization() };
    if (body) {
      headers["content-type"] = "application/json";
      if (body.gzip) headers["content-encoding"] = "gzip";
    }
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method,
        headers,
        body: body?.data,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      return { kind: "response", response, durationMs: performance.now() - started };
    } catch (error) {
      const reason =
        error instanceof Error && error.name === "TimeoutError"
          ? new Error(`timed out after ${this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`)
          : (error as Error);
      return { kind: "network", error: reason, durationMs: performance.now() - started };
    }
  }

  private async decode<T>(
    response: Response,
    label: string,
    requestId: string | undefined,
    schema: v.GenericSchema<unknown, T> | undefined,
  ): Promise<T> {
    const text = await response.text();
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
    if (!schema) return body as T;
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

  private async toError(response: Response, label: string, requestId: string | undefined, waitMs: number | undefined): Promise<Error> {
    const text = await response.text().catch(() => "");
    let body: unknown = text;
    try {
      body = parseJson(text, label);
    } catch {
      // Not JSON (a proxy's HTML page, say): keep the raw text as the response.
    }
    const parsed = v.safeParse(ErrorBodySchema, body);
    const reason = parsed.success ? parsed.output.error.message : text.slice(0, 200) || response.statusText;
    const message = `${label} failed with ${response.status}: ${reason}`;
    const init = { status: response.status, response: body, ...(requestId ? { requestId } : {}) };
    if (response.status === 401) {
      return new AuthenticationError(`${message} (check the credentials and that the token is valid for project ${this.options.project})`, {
        details: requestId ? [`request id: ${requestId}`] : [],
      });
    }
    if (response.status === 404) return new ResourceNotFoundError(message, init);
    if (response.status === 429)
      return new RateLimitError(message, { ...init, ...(waitMs !== undefined ? { retryAfter: waitMs / 1000 } : {}) });
    return new APIError(message, init);
  }
}
