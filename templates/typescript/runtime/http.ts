/**
 * HTTP to one CDF project on the platform's `fetch`, with no dependencies.
 *
 * Every call gets CDF's headers, a lossless JSON body (gzip-compressed when large and CompressionStream exists),
 * the client's rate and concurrency limits, a per-attempt timeout, retries of transient failures
 * (408/429/502/503/504, `cdf-is-auto-retryable`, network errors and timeouts) with capped exponential backoff and
 * full jitter or the server's Retry-After, and one re-authentication after a 401. Every DMS endpoint is an upsert,
 * a delete that ignores missing items, or a read, so repeating a request is safe.
 *
 * The optional logger gets method, path, status, duration, request id and retry count: never headers or bodies,
 * so never a token.
 */
import { errorName } from "./auth.js";
import type { ClientConfig } from "./config.js";
import { CDFConnectionError, CDFError, errorFromResponse } from "./errors.js";
import { parseJson, stringifyJson } from "./json.js";
import { RateLimiter, Semaphore } from "./limits.js";
import { Retries, realTiming, type Timing } from "./retry.js";

export const CDF_API_VERSION = "20230101";
/** Bodies from this size up are gzip-compressed; smaller ones are not worth the CPU. */
export const GZIP_THRESHOLD_BYTES = 16 * 1024;

export type QueryParams = Readonly<Record<string, string | number | boolean | undefined>>;

export interface HttpOptions {
  fetch?: typeof fetch;
  timing?: Timing;
  /** Debug lines, one per attempt; they never hold headers or bodies. */
  logger?: (line: string) => void;
  /** Turn request compression off (e.g. for a proxy that cannot take it). Default on. */
  gzip?: boolean;
}

export class HttpClient {
  readonly config: ClientConfig;
  readonly #fetch: typeof fetch;
  readonly #timing: Timing;
  readonly #logger: ((line: string) => void) | undefined;
  readonly #gzip: boolean;
  readonly #inFlight: Semaphore;
  readonly #rateLimiter: RateLimiter | undefined;

  constructor(config: ClientConfig, options: HttpOptions = {}) {
    this.config = config;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#timing = options.timing ?? realTiming;
    this.#logger = options.logger;
    this.#gzip = (options.gzip ?? true) && typeof CompressionStream === "function";
    this.#inFlight = new Semaphore(config.maxConcurrency);
    this.#rateLimiter = config.rateLimit ? new RateLimiter(config.rateLimit, this.#timing.now, this.#timing.sleep) : undefined;
  }

  post(path: string, body: unknown): Promise<unknown> {
    return this.request("POST", path, { body });
  }

  get(path: string, params?: QueryParams): Promise<unknown> {
    return this.request("GET", path, params ? { params } : {});
  }

  /** A project-scoped call: `path` follows `/api/v1/projects/<project>`; the decoded JSON response is returned. */
  async request(method: string, path: string, options: { body?: unknown; params?: QueryParams } = {}): Promise<unknown> {
    const headers: Record<string, string> = {
      accept: "application/json",
      "cdf-version": CDF_API_VERSION,
      "x-cdp-app": this.config.clientName,
      "x-cdp-sdk": "pygen-ts",
    };
    let payload: Uint8Array | undefined;
    if (options.body !== undefined) {
      payload = new TextEncoder().encode(stringifyJson(options.body));
      headers["content-type"] = "application/json";
      if (this.#gzip && payload.byteLength >= GZIP_THRESHOLD_BYTES) {
        payload = await gzip(payload);
        headers["content-encoding"] = "gzip";
      }
    }
    const url = this.#url(path, options.params);
    const context = `${method} ${path}`;
    const retries = new Retries(this.config.retry, this.#timing);
    let reauthenticated = false;
    for (;;) {
      if (this.#rateLimiter) await this.#rateLimiter.acquire();
      headers.authorization = await this.config.credentials.authorizationHeader();
      retries.attempted();
      const started = this.#timing.now();
      const outcome = await this.#inFlight.run(() => this.#attempt(url, method, headers, payload));
      if (typeof outcome === "string") {
        this.#log(`${context} failed: ${outcome} (retry ${retries.count})`);
        if (await retries.afterNetworkError()) continue;
        throw new CDFConnectionError(`${context}: cannot reach ${this.config.baseUrl}: ${outcome}`, {
          attempts: retries.attempts,
          elapsedMs: retries.elapsedMs,
        });
      }
      const { status, text, response } = outcome;
      const requestId = response.headers.get("x-request-id") ?? undefined;
      this.#log(
        `${context} -> ${status} in ${Math.round(this.#timing.now() - started)} ms (request id ${requestId ?? "-"}, retry ${retries.count})`,
      );
      if (response.ok) return decode(text, context);
      if (status === 401 && !reauthenticated && this.config.credentials.invalidate()) {
        reauthenticated = true;
        continue;
      }
      if (await retries.afterResponse(response)) continue;
      throw errorFromResponse(status, errorBody(text), context, { requestId, attempts: retries.attempts, elapsedMs: retries.elapsedMs });
    }
  }

  /** One attempt: the response with its whole body read, or the name of the network failure. */
  async #attempt(
    url: string,
    method: string,
    headers: Record<string, string>,
    payload: Uint8Array | undefined,
  ): Promise<{ status: number; text: string; response: Response } | string> {
    try {
      const response = await this.#fetch(url, {
        method,
        headers,
        ...(payload ? { body: payload as Uint8Array<ArrayBuffer> } : {}),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      // The timeout covers reading the body too: a stalled stream aborts like a stalled connection.
      const text = await response.text();
      return { status: response.status, text, response };
    } catch (error) {
      // Only the error's class: a fetch error's message or cause may quote the request.
      return errorName(error);
    }
  }

  #url(path: string, params: QueryParams | undefined): string {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params ?? {})) {
      if (value !== undefined) query.set(key, String(value));
    }
    const search = query.toString();
    return `${this.config.projectUrl}${path}${search ? `?${search}` : ""}`;
  }

  #log(line: string): void {
    this.#logger?.(line);
  }
}

async function gzip(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function decode(text: string, context: string): unknown {
  if (!text) return undefined;
  try {
    return parseJson(text);
  } catch {
    throw new CDFError(`${context}: the response is not JSON`);
  }
}

function errorBody(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return text;
  }
}
