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
 * The pool and the rate limit around ky's attempts. A call takes the slot for its first attempt before ky
 * builds the request (a queued call then costs a promise, not a Request with its clone and timers); each retry
 * takes a new slot in a beforeRetry hook. Either way the wait comes before ky starts the attempt's timeout, so
 * time spent queueing in the client does not count against it. ky hands the attempt's Request to `fetch`, which
 * sends it and gives the slot back once the response headers arrived or the attempt failed: a slot is not held
 * while the body is read, nor while ky waits to retry.
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

  /** A pool slot, then a rate slot; resolves with the slot's release (safe to call more than once). */
  async take(): Promise<() => void> {
    const release = await this.pool.acquire();
    await this.rate?.acquire();
    return release;
  }

  /** The last beforeRequest hook: the first attempt goes out with the slot its call took (`context.slot`). */
  readonly handOver = ({ request, options }: { request: Request; options: { context: Record<string, unknown> } }): void => {
    const slot = options.context.slot;
    if (typeof slot === "function") this.admitted.set(request, slot as () => void);
  };

  /** The last beforeRetry hook: a retry waits for a slot of its own. */
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
