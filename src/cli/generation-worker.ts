/**
 * The worker thread of `pygen generate`: reads the model files, selects the views and runs the pipeline
 * (validate → IR → files), all synchronous work that takes seconds on a large model. Off the main thread, it
 * cannot keep the main thread from handling Ctrl-C or SIGTERM at once (off-thread.ts). Messages: the job in;
 * `loaded`, then `generated` or `failed` out.
 */
import { generateSdk } from "../pipeline.ts";
import { loadModelFiles } from "../sources.ts";
import { describeFailure, type GenerationJob, type WorkerMessage } from "./off-thread.ts";
import { selectViews } from "./view-filter.ts";

declare const self: Worker;

const post = (message: WorkerMessage) => self.postMessage(message);

self.onmessage = async ({ data: job }: MessageEvent<GenerationJob>) => {
  try {
    const loaded = "paths" in job ? await loadModelFiles(job.paths) : job;
    const { models, unmatched } = selectViews(loaded.models, job.views);
    post({ kind: "loaded", unmatched });
    const { validation: _validation, ...result } = generateSdk({ models, origin: loaded.origin }, job.options);
    post({ kind: "generated", result });
  } catch (error) {
    post({ kind: "failed", failure: describeFailure(error) });
  }
};
