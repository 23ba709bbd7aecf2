/**
 * When to try a request again and how long to wait first.
 *
 * Capped exponential backoff with full jitter: the wait before retry k (from 0) is uniform in
 * [0, min(maxWaitMs, initialWaitMs * 2^k)], so clients that failed together do not come back together. A server's
 * Retry-After wins when present (capped at maxWaitMs).
 */

/** 408 request timeout, 429 too many requests, 502/503/504 gateway trouble: the same request may succeed later. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

export interface RetryPolicy {
  /** Retries after the first attempt (default 10). */
  maxRetries: number;
  /** The first wait's upper bound in milliseconds (default 500). */
  initialWaitMs: number;
  /** The cap of any wait in milliseconds (default 60 000). */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({ maxRetries: 10, initialWaitMs: 500, maxWaitMs: 60_000 });

export function backoffMs(policy: RetryPolicy, retry: number, random: () => number): number {
  return random() * Math.min(policy.maxWaitMs, policy.initialWaitMs * 2 ** retry);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null || !value.trim()) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const moment = Date.parse(value);
  return Number.isNaN(moment) ? undefined : Math.max(0, moment - now);
}

/** A transient status, or CDF's explicit `cdf-is-auto-retryable: true`. */
export function isRetryable(response: Response): boolean {
  return response.headers.get("cdf-is-auto-retryable")?.toLowerCase() === "true" || RETRYABLE_STATUSES.has(response.status);
}

export interface Timing {
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Monotonic milliseconds. */
  now: () => number;
}

export const realTiming: Timing = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: () => performance.now(),
};

/**
 * The retries of one call: each `after*` resolves to whether to try again, having already waited if so. It also
 * counts attempts and the time since the call began, which the call's final error reports.
 */
export class Retries {
  count = 0;
  attempts = 0;
  private readonly started: number;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly timing: Timing,
  ) {
    this.started = timing.now();
  }

  attempted(): void {
    this.attempts += 1;
  }

  get elapsedMs(): number {
    return this.timing.now() - this.started;
  }

  async afterNetworkError(): Promise<boolean> {
    return this.retryAfter(backoffMs(this.policy, this.count, this.timing.random));
  }

  async afterResponse(response: Response): Promise<boolean> {
    if (!isRetryable(response)) return false;
    const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
    const wait =
      retryAfter === undefined ? backoffMs(this.policy, this.count, this.timing.random) : Math.min(retryAfter, this.policy.maxWaitMs);
    return this.retryAfter(wait);
  }

  private async retryAfter(waitMs: number): Promise<boolean> {
    if (this.count >= this.policy.maxRetries) return false;
    await this.timing.sleep(waitMs);
    this.count += 1;
    return true;
  }
}
