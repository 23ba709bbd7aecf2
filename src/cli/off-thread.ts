/**
 * Generation off the main thread. Loading, validating and generating a large model are seconds of synchronous
 * work; on the main thread they would hold back every signal until they end (SIGTERM would be handled only once
 * the output is written). In a worker (generation-worker.ts) they leave the main thread free: a signal stops
 * the command at once, whatever phase the work is in, and nothing is on disk until the main thread writes.
 *
 * Small models stay on the main thread: they generate in a few tens of milliseconds, less than a worker takes to
 * start, so a signal waits no longer than the worker would cost.
 */
import { statSync } from "node:fs";
import { insideCompiledBinary } from "../compiled.ts";
import { PygenError } from "../errors.ts";
import { type GeneratedSdk, type GenerationJob, runGenerationJob } from "./generation-job.ts";

/** From this size of model files (or number of views fetched) generation takes long enough for a worker. */
const WORKER_FROM_BYTES = 256 * 1024;
const WORKER_FROM_VIEWS = 60;

/** An error as it crosses the thread boundary: what main() needs to report it. */
interface Failure {
  message: string;
  details: string[];
  /** Undefined: not a PygenError, so a bug. */
  exitCode: number | undefined;
  stack: string | undefined;
}

export type WorkerMessage =
  | { kind: "loaded"; unmatched: string[] }
  | { kind: "generated"; result: GeneratedSdk }
  | { kind: "failed"; failure: Failure };

export function describeFailure(error: unknown): Failure {
  const pygen = error instanceof PygenError;
  return {
    message: error instanceof Error ? error.message : String(error),
    details: pygen ? error.details : [],
    exitCode: pygen ? error.exitCode : undefined,
    stack: error instanceof Error ? error.stack : undefined,
  };
}

/** A PygenError from the worker, with its message, details and exit code. */
class RelayedError extends PygenError {
  override readonly exitCode: number;

  constructor(failure: Failure & { exitCode: number }) {
    super(failure.message, { details: failure.details });
    this.exitCode = failure.exitCode;
  }
}

function revive(failure: Failure): Error {
  const error = failure.exitCode === undefined ? new Error(failure.message) : new RelayedError({ ...failure, exitCode: failure.exitCode });
  if (failure.stack) error.stack = failure.stack;
  return error;
}

/**
 * The worker's module. In the compiled binary it is an entry point of its own (build.ts), found by its path
 * below src/ inside the binary's embedded file system; from source, next to this file.
 */
function workerModule(): string {
  return insideCompiledBinary(import.meta.url) ? "./cli/generation-worker.ts" : new URL("./generation-worker.ts", import.meta.url).href;
}

function isLarge(job: GenerationJob): boolean {
  if ("models" in job) return job.models.reduce((count, model) => count + model.views.length, 0) >= WORKER_FROM_VIEWS;
  // A file that cannot be read is small here: reading it reports why, on either thread.
  const bytes = job.paths.reduce((total, path) => total + (statSync(path, { throwIfNoEntry: false })?.size ?? 0), 0);
  return bytes >= WORKER_FROM_BYTES;
}

export interface RunningGeneration {
  /** The models are loaded and the views selected; the patterns that matched no view. */
  loaded: Promise<string[]>;
  generated: Promise<GeneratedSdk>;
}

/** Starts the job: in a worker when it is large, else here. */
export function startGeneration(job: GenerationJob): RunningGeneration {
  if (isLarge(job)) return generateOffThread(job);
  const loaded = Promise.withResolvers<string[]>();
  const generated = runGenerationJob(job, loaded.resolve);
  generated.catch(loaded.reject);
  return { loaded: loaded.promise, generated };
}

/** Starts the job in a worker; the worker ends with the job (or with the process, on a signal). */
function generateOffThread(job: GenerationJob): RunningGeneration {
  const worker = new Worker(workerModule());
  const loaded = Promise.withResolvers<string[]>();
  const generated = Promise.withResolvers<GeneratedSdk>();
  const fail = (error: Error) => {
    loaded.reject(error);
    generated.reject(error);
    void worker.terminate();
  };
  worker.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
    if (data.kind === "loaded") loaded.resolve(data.unmatched);
    else if (data.kind === "generated") {
      generated.resolve(data.result);
      void worker.terminate();
    } else fail(revive(data.failure));
  };
  worker.onerror = (event) => fail(new Error(`the generation worker failed: ${event.message}`));
  // A rejection nobody awaits yet (generated, while loaded fails) must not count as unhandled.
  generated.promise.catch(() => {});
  worker.postMessage(job);
  return { loaded: loaded.promise, generated: generated.promise };
}
