/**
 * The shared queue: BullMQ on Redis, so any number of `pygen serve --queue redis://…` instances accept, run and
 * serve the same jobs. A job's lock is renewed while it runs; when its instance dies, the lock lapses and
 * BullMQ's stalled-job check hands the job to another instance. Only the lock holder can complete a job, and a
 * job's files are fixed by its payload (generatedAt included), so a job completes once, with one result.
 */
import { parseJson, stringifyJson } from "../data-formats.ts";
import { UsageError } from "../errors.ts";
import type { JobOutcome, JobPayload, JobRecord } from "./jobs.ts";
import type { ServiceLog } from "./log.ts";
import { isHandedBack, type JobQueue, type QueueSettings } from "./queue.ts";
import { Queue, Redis, Worker } from "./redis-libraries.ts";
import type { JobState } from "./schemas.ts";

const QUEUE_NAME = "pygen-generate";

interface JobData {
  /** The payload as JSON text (models may hold integers beyond 2^53, which plain JSON.stringify refuses). */
  payload: string;
  owner: string;
  language: string;
  outputFormat: JobPayload["outputFormat"];
}

export interface RedisQueueSettings extends QueueSettings {
  lockMs: number;
  log: ServiceLog;
  /** This instance's name; BullMQ records it on each job it takes (the job hash's `pb`). */
  instance: string;
}

export class RedisQueue implements JobQueue {
  readonly backend = "redis";

  private constructor(
    private readonly connection: Redis,
    private readonly queue: Queue<JobData, string>,
    private readonly worker: Worker<JobData, string>,
    private readonly workerConnection: Redis,
    private readonly resultTtlMs: number,
  ) {}

  static async connect(url: string, settings: RedisQueueSettings): Promise<RedisQueue> {
    if (!/^rediss?:\/\//.test(url))
      throw new UsageError(`--queue must be a redis:// or rediss:// URL, not "${url.replace(/\/\/[^@/]*@/, "//…@")}"`);
    // BullMQ's workers block on Redis, so requests must wait for a reconnect rather than fail (maxRetriesPerRequest: null).
    const connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
    let lastError = "";
    connection.on("error", (error: Error) => {
      // ioredis retries by itself; one line per distinct error instead of one per retry.
      if (error.message !== lastError) settings.log.error("redis error", { error: error.message });
      lastError = error.message;
    });
    connection.on("ready", () => {
      lastError = "";
    });
    try {
      await connection.connect();
    } catch (error) {
      connection.disconnect();
      throw new UsageError(`cannot connect to the Redis queue: ${(error as Error).message}`);
    }
    const ttlSeconds = Math.ceil(settings.resultTtlMs / 1000);
    const queue = new Queue<JobData, string>(QUEUE_NAME, {
      connection,
      defaultJobOptions: { removeOnComplete: { age: ttlSeconds }, removeOnFail: { age: ttlSeconds }, attempts: 1 },
    });
    // The worker blocks on its own connection while it waits for jobs.
    const workerConnection = connection.duplicate();
    const worker = new Worker<JobData, string>(
      QUEUE_NAME,
      async (job) => {
        const payload = parseJson(job.data.payload, "job payload") as JobPayload;
        const outcome = await settings.run(job.id as string, payload);
        // Thrown, so BullMQ does not complete it; the lock lapses and another instance runs it.
        if (isHandedBack(outcome)) throw new Error("handed back at shutdown");
        return stringifyJson(outcome);
      },
      {
        connection: workerConnection,
        name: settings.instance,
        concurrency: settings.concurrency,
        lockDuration: settings.lockMs,
        stalledInterval: settings.lockMs,
        // A job whose instances keep dying (it may be what kills them) fails after two recoveries.
        maxStalledCount: 2,
        autorun: true,
      },
    );
    worker.on("error", (error) => settings.log.error("queue worker error", { error: error.message }));
    // Logged once BullMQ has moved the job to completed: the line proves which instance's run counted.
    worker.on("completed", (job) => settings.log.info("job stored", { job_id: job.id }));
    return new RedisQueue(connection, queue, worker, workerConnection, ttlSeconds * 1000);
  }

  async submit(id: string, payload: JobPayload): Promise<void> {
    const data: JobData = {
      payload: stringifyJson(payload),
      owner: payload.owner,
      language: payload.language,
      outputFormat: payload.outputFormat,
    };
    await this.queue.add("generate", data, { jobId: id });
  }

  async get(id: string): Promise<JobRecord | undefined> {
    // The state first, then the job: read the other way round, a job completing in between would show as
    // completed without its result.
    const state = await this.queue.getJobState(id);
    if (state === "unknown") return undefined;
    const job = await this.queue.getJob(id);
    if (!job) return undefined;
    const outcome: JobOutcome | undefined =
      state === "completed" && typeof job.returnvalue === "string"
        ? (parseJson(job.returnvalue, "job result") as JobOutcome)
        : state === "failed"
          ? { ok: false, warnings: [], errors: [{ code: "job_failed", message: job.failedReason || "the job failed" }] }
          : undefined;
    const finishedAt = job.finishedOn;
    return {
      id,
      state:
        state === "active"
          ? "processing"
          : state === "completed"
            ? outcome?.ok
              ? "completed"
              : "failed"
            : state === "failed"
              ? "failed"
              : "queued",
      owner: job.data.owner,
      language: job.data.language,
      outputFormat: job.data.outputFormat,
      createdAt: job.timestamp,
      ...(finishedAt !== undefined ? { finishedAt, expiresAt: finishedAt + this.resultTtlMs } : {}),
      ...(outcome ? { outcome } : {}),
    };
  }

  async counts(): Promise<Record<JobState, number>> {
    const counts = await this.queue.getJobCounts("waiting", "prioritized", "delayed", "active", "completed", "failed");
    return {
      queued: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0),
      processing: counts.active ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
    };
  }

  async health(): Promise<{ ok: boolean; message?: string }> {
    try {
      const answer = await Promise.race([this.connection.ping(), Bun.sleep(2_000).then(() => "timeout")]);
      return answer === "PONG" ? { ok: true } : { ok: false, message: "Redis did not answer within 2 s" };
    } catch (error) {
      return { ok: false, message: `Redis: ${(error as Error).message}` };
    }
  }

  async close(graceMs: number): Promise<void> {
    // Finish running jobs within the grace period; past it the process leaves and their locks lapse, so another
    // instance picks them up.
    const finished = await Promise.race([this.worker.close().then(() => true), Bun.sleep(graceMs).then(() => false)]);
    if (finished) await this.queue.close().catch(() => {});
    // Past the grace period the connections are cut while jobs still run: those jobs stay active in Redis, no
    // late completion or failure can reach it, and their locks lapse so another instance runs them.
    this.workerConnection.disconnect();
    this.connection.disconnect();
  }
}
