/**
 * When and how long to wait before trying a request again: capped exponential backoff with full jitter (a
 * uniformly random wait up to the exponential bound, so many clients that failed together do not come back
 * together), and the server's Retry-After when it sends one.
 */

/** 408 timeout, 429 too many requests, 502/503/504 gateway trouble: the request may succeed if repeated. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

export interface RetryPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries: number;
  /** Upper bound of the first wait; each retry doubles it. */
  initialDelayMs: number;
  /** No wait exceeds this, Retry-After included. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 10, initialDelayMs: 500, maxDelayMs: 60_000 };

/** The wait before retry number `retry` (0-based): uniform in [0, min(max, initial·2^retry)]. */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const bound = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** retry);
  return random() * bound;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How long to wait before retry number `retry`: the server's Retry-After when it sent one, else backoff; capped. */
export function retryWaitMs(policy: RetryPolicy, retry: number, retryAfter: string | null = null): number {
  return Math.min(policy.maxDelayMs, retryAfterMs(retryAfter) ?? backoffDelayMs(policy, retry));
}
