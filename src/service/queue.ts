/**
 * What the server needs from a job queue. Two backends implement it: embedded (bun:sqlite under --data, one
 * instance) and Redis (BullMQ, any number of instances on one queue).
 */
import type { JobOutcome, JobPayload, JobRecord } from "./jobs.ts";
import type { JobState } from "./schemas.ts";

/** Runs one job; supplied by the server (the thread pool plus logs and metrics). */
export type JobRunner = (id: string, payload: JobPayload) => Promise<JobOutcome>;

export interface QueueSettings {
  /** Jobs this instance runs at once. */
  concurrency: number;
  /** How long results stay downloadable. */
  resultTtlMs: number;
  run: JobRunner;
}

export interface JobQueue {
  readonly backend: "embedded" | "redis";
  submit(id: string, payload: JobPayload): Promise<void>;
  /**
   * The job, or undefined when it never existed or its result expired. A completed job's `files` are filled
   * only `withFiles` (a backend may fill them anyway).
   */
  get(id: string, withFiles?: boolean): Promise<JobRecord | undefined>;
  counts(): Promise<Record<JobState, number>>;
  health(): Promise<{ ok: boolean; message?: string }>;
  /** Stops taking jobs, waits up to `graceMs` for running ones, hands back the rest, and closes. */
  close(graceMs: number): Promise<void>;
}

/** A run the shutdown cut short: the job goes back to the queue instead of failing. */
export const isHandedBack = (outcome: JobOutcome) => !outcome.ok && outcome.errors.some((error) => error.code === "shutting_down");
