/**
 * The two limits the HTTP client puts on itself, which ky does not have: a request rate (requests per second,
 * evenly spaced) and a pool size (requests in flight at once). Both are fair: waiters are served in arrival
 * order. RequestGate fits them around ky's attempts.
 */

/** Spaces requests at least 1/rate seconds apart, so any window holds at most rate·seconds + 1 requests. */
export class RateLimiter {
  private readonly intervalMs: number;
  private nextSlot = 0;

  constructor(requestsPerSecond: number) {
    if (!(requestsPerSecond > 0)) throw new RangeError("requestsPerSecond must be positive");
    this.intervalMs = 1000 / requestsPerSecond;
  }

  /** Resolves when the caller may send its request. */
  async acquire(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await Bun.sleep(slot - now);
  }
}

/** At most `size` holders at once; `run` holds a slot for the duration of its task. */
export class Semaphore {
  private available: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError("size must be a positive integer");
    this.available = size;
  }

  /** Resolves with the function that gives the slot back (once, however often it is called). */
  async acquire(): Promise<() => void> {
    if (this.available > 0) this.available -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const next = this.waiting.shift();
      if (next) next();
      else this.available += 1;
    };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }
}

/**
 * The pool and the rate limit around ky's attempts. Each attempt is admitted by a ky hook (the last
 * beforeRequest / beforeRetry hook: a pool slot, then a rate slot), so time spent queueing in the client does not
 * count against ky's per-attempt timeout; ky then hands that same Request to `fetch`, which sends it and gives
 * the slot back once the response headers arrived or the attempt failed — as before, a slot is not held while
 * the body is read or while ky waits to retry.
 */
export class RequestGate {
  private readonly pool: Semaphore;
  private readonly rate: RateLimiter | undefined;
  private readonly admitted = new WeakMap<Request, () => void>();

  constructor(
    poolSize: number,
    requestsPerSecond: number | undefined,
    private readonly send: (request: Request, init?: RequestInit) => Promise<Response>,
  ) {
    this.pool = new Semaphore(poolSize);
    this.rate = requestsPerSecond ? new RateLimiter(requestsPerSecond) : undefined;
  }

  /** A ky beforeRequest / beforeRetry hook. */
  readonly admit = async ({ request }: { request: Request }): Promise<void> => {
    this.admitted.set(request, await this.take());
  };

  /** ky's `fetch`: sends an admitted attempt (one that arrives without a slot takes one first). */
  readonly fetch = async (request: Request, init?: RequestInit): Promise<Response> => {
    const release = this.admitted.get(request) ?? (await this.take());
    this.admitted.delete(request);
    try {
      return await this.send(request, init);
    } finally {
      release();
    }
  };

  private async take(): Promise<() => void> {
    const release = await this.pool.acquire();
    await this.rate?.acquire();
    return release;
  }
}

/** Runs `task` over `items` with at most `concurrency` at a time; results keep the input order. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const semaphore = new Semaphore(concurrency);
  return Promise.all(items.map((item, index) => semaphore.run(() => task(item, index))));
}
