/**
 * Reliability testing: random failures at a chosen rate (reproducible with a seed), and CDF's per-project
 * concurrency limits for instance operations (dms-api.md §10.6), which answer 429 beyond the limit.
 *
 * Failures come in two kinds: before the request is served (nothing happened, as with a throttled request), and
 * after it (the write was applied but its response is lost, as when a gateway times out on a slow request). A
 * client that retries must stay correct under both: upserts and deletes are idempotent, so a retried request
 * applies nothing twice.
 */

export interface FaultOptions {
  /** Share of requests (0..1) answered with one of `statuses` instead of being served. */
  rate?: number;
  /** Share of the served requests (0..1) whose response is replaced by one of `statuses`: applied, then failed. */
  afterApplyRate?: number;
  statuses?: number[];
  seed?: number;
}

/** mulberry32: a small seeded generator, so a failing test run can be replayed with the same seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private readonly random: () => number;
  private readonly rate: number;
  private readonly afterApplyRate: number;
  private readonly statuses: number[];

  constructor(options: FaultOptions) {
    this.random = options.seed === undefined ? Math.random : seededRandom(options.seed);
    this.rate = options.rate ?? 0;
    this.afterApplyRate = options.afterApplyRate ?? 0;
    this.statuses = options.statuses?.length ? options.statuses : [429, 503];
  }

  /** The status to fail this request with before serving it, or undefined to serve it. */
  nextFault(): number | undefined {
    return this.draw(this.rate);
  }

  /** The status to replace a served request's response with, or undefined to answer it. */
  nextFaultAfterApply(): number | undefined {
    return this.draw(this.afterApplyRate);
  }

  private draw(rate: number): number | undefined {
    if (rate <= 0 || this.random() >= rate) return undefined;
    return this.statuses[Math.floor(this.random() * this.statuses.length)];
  }
}

export type ConcurrencyCategory = "apply" | "delete" | "query";

/** CDF's defaults: instance apply 4, delete 2, query 8 concurrent requests per project. */
export const CDF_CONCURRENCY_LIMITS: Record<ConcurrencyCategory, number> = { apply: 4, delete: 2, query: 8 };

const QUERY_PATHS = new Set([
  "instances/list",
  "instances/byids",
  "instances/query",
  "instances/sync",
  "instances/search",
  "instances/aggregate",
  "graphql",
]);

export function concurrencyCategory(route: string): ConcurrencyCategory | undefined {
  if (route === "instances") return "apply";
  if (route === "instances/delete") return "delete";
  return QUERY_PATHS.has(route) ? "query" : undefined;
}

export class ConcurrencyLimiter {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limits: Record<ConcurrencyCategory, number>) {}

  /** A release function when a slot was free, undefined when the project is at its limit. */
  tryAcquire(project: string, category: ConcurrencyCategory): (() => void) | undefined {
    const key = `${project}\u0000${category}`;
    const current = this.inFlight.get(key) ?? 0;
    if (current >= this.limits[category]) return undefined;
    this.inFlight.set(key, current + 1);
    return () => this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
  }

  limitOf(category: ConcurrencyCategory): number {
    return this.limits[category];
  }
}
