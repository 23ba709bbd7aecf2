/**
 * When a CDF request is tried again, as ky retry options. ky does the retrying (backoff, jitter, Retry-After,
 * limits, timeouts); this module holds CDF's rules: which statuses are transient, that a request CDF marks
 * `cdf-is-auto-retryable` is repeated whatever its status, and that a request that is not safe to repeat is
 * only retried on 429 (which CDF sends before doing any work).
 */
import { isHTTPError, NetworkError, type RetryOptions, type ShouldRetryState } from "ky";
import { ClientError } from "../errors.ts";

/** 408 timeout, 429 too many requests, 502/503/504 gateway trouble: the request may succeed if repeated. */
const RETRYABLE_STATUSES: readonly number[] = [408, 429, 502, 503, 504];

export interface RetryPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries: number;
  /** Upper bound of the first wait; each retry doubles it. */
  initialDelayMs: number;
  /** No wait exceeds this, Retry-After included. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 10, initialDelayMs: 500, maxDelayMs: 60_000 };

const autoRetryable = (error: Error) => isHTTPError(error) && error.response.headers.get("cdf-is-auto-retryable") === "true";

/** Safe to repeat: ky's own rules (statuses, network errors, timeouts), plus CDF's auto-retryable mark. */
const retryIdempotent = ({ error }: ShouldRetryState) => (autoRetryable(error) ? true : undefined);

/** Not safe to repeat: only what CDF refused before doing any work. */
const retryOther = ({ error }: ShouldRetryState) => autoRetryable(error) || (isHTTPError(error) && error.response.status === 429);

/**
 * ky's retry options for a policy. The waits are "full jitter": uniform in [0, min(max, initial·2^retry)], so
 * clients that failed together do not come back together; the server's Retry-After replaces the wait (capped).
 */
export function kyRetryOptions(policy: RetryPolicy, idempotent: boolean): RetryOptions {
  return {
    limit: policy.maxRetries,
    // Every method pygen sends; whether a request is safe to repeat is decided by shouldRetry.
    methods: ["get", "post"],
    statusCodes: [...RETRYABLE_STATUSES],
    afterStatusCodes: [...RETRYABLE_STATUSES],
    maxRetryAfter: policy.maxDelayMs,
    backoffLimit: policy.maxDelayMs,
    delay: (attempt) => Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1)),
    jitter: true,
    retryOnTimeout: idempotent,
    shouldRetry: idempotent ? retryIdempotent : retryOther,
  };
}

/**
 * fetch for ky. ky recognises a network failure by the runtime's message, and Bun's ("ECONNREFUSED: Unable to
 * connect…", a TypeError with a `code`) is not among them: unwrapped, a refused connection would be neither
 * retried nor reported as a network error. Redirects are not followed: CDF sends none, and following one would
 * take the request, and its bearer token, to whatever address the answer names (an internal one, say).
 */
export async function fetchReportingNetworkErrors(request: Request, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request, { ...init, redirect: "manual" });
  } catch (error) {
    if (error instanceof TypeError && typeof (error as { code?: unknown }).code === "string")
      throw new NetworkError(request, { cause: error });
    throw error;
  }
  if (response.status >= 300 && response.status < 400) {
    const { origin, pathname } = new URL(request.url);
    throw new ClientError(
      `${request.method} ${origin}${pathname} answered with a redirect (${response.status}); pygen does not follow redirects, so check the CDF URL`,
    );
  }
  return response;
}
