/**
 * The worker thread of `pygen generate` for large models (off-thread.ts): runs the generation job and posts
 * `loaded`, then `generated` or `failed`.
 */
import { type GenerationJob, runGenerationJob } from "./generation-job.ts";
import { describeFailure, type WorkerMessage } from "./off-thread.ts";

declare const self: Worker;

const post = (message: WorkerMessage) => self.postMessage(message);

self.onmessage = async ({ data: job }: MessageEvent<GenerationJob>) => {
  try {
    const result = await runGenerationJob(job, (unmatched) => post({ kind: "loaded", unmatched }));
    post({ kind: "generated", result });
  } catch (error) {
    post({ kind: "failed", failure: describeFailure(error) });
  }
};
