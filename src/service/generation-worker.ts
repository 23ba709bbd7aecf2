/**
 * A generation thread: runs one job at a time for the pool (pool.ts), so the server keeps answering (and a
 * Redis worker keeps renewing its job locks) while the pipeline works, and a job past its time can be stopped.
 * build.ts compiles this file as a second entry point of the binary.
 */
import { type JobPayload, runJob } from "./jobs.ts";

declare const self: Worker;

self.onmessage = (event: MessageEvent<{ id: number; payload: JobPayload }>) => {
  const { id, payload } = event.data;
  // Said first, so the pool's job timeout counts the job's own time, not how long a fresh thread took to start.
  self.postMessage({ id, started: true });
  self.postMessage({ id, outcome: runJob(payload) });
};
