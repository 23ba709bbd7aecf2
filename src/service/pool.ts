/**
 * A pool of generation threads (generation-worker.ts), one job each at a time. A job past the timeout has its
 * thread terminated and replaced; a thread that crashes fails its job and is replaced the same way.
 */
import { insideCompiledBinary } from "../compiled.ts";
import type { JobOutcome, JobPayload } from "./jobs.ts";

interface Task {
  id: number;
  payload: JobPayload;
  resolve: (outcome: JobOutcome) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * From source, the worker is the file beside this one. Compiled, every module carries the binary's own URL
 * (/$bunfs/root/pygen, B:/~BUN/root/ on Windows) and build.ts's second entry point sits under the same root as
 * src/main.ts, so at service/generation-worker.js.
 */
const WORKER_URL = insideCompiledBinary(import.meta.url)
  ? new URL("./service/generation-worker.js", import.meta.url)
  : new URL("./generation-worker.ts", import.meta.url);

export class GenerationPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly timeoutMs: number,
  ) {
    for (let index = 0; index < size; index++) this.slots.push(this.spawn());
  }

  /** Runs a job on the next free thread; resolves with its outcome (a timeout or crash is a failed outcome). */
  run(payload: JobPayload): Promise<JobOutcome> {
    if (this.closed) return Promise.resolve(failure("shutting_down", "the service is shutting down"));
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, payload, resolve });
      this.dispatch();
    });
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      slot.task?.resolve(failure("shutting_down", "the service stopped while the job ran"));
      slot.worker.terminate();
    }
    for (const task of this.waiting.splice(0)) task.resolve(failure("shutting_down", "the service is shutting down"));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL) };
    slot.worker.onmessage = (event: MessageEvent<{ id: number; started?: true; outcome?: JobOutcome }>) => {
      if (slot.task?.id !== event.data.id) return;
      if (event.data.outcome) this.finish(slot, event.data.outcome);
      else this.startTimer(slot);
    };
    slot.worker.onerror = (event) => {
      event.preventDefault();
      this.replace(slot, failure("internal_error", `internal error: the generation thread failed (${event.message})`));
    };
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.waiting.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, payload: task.payload });
    }
  }

  /** The job's clock starts when its thread takes it up: a fresh thread's start-up is not the job's time. */
  private startTimer(slot: Slot): void {
    slot.timer = setTimeout(() => {
      this.replace(slot, failure("timeout", `the job ran longer than the job timeout (${this.timeoutMs / 1000} s) and was stopped`));
    }, this.timeoutMs);
  }

  private finish(slot: Slot, outcome: JobOutcome): void {
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = undefined;
    task?.resolve(outcome);
    this.dispatch();
  }

  /** Terminates the slot's thread (it may be stuck), fails its job and starts a fresh thread in its place. */
  private replace(slot: Slot, outcome: JobOutcome): void {
    slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    const task = slot.task;
    clearTimeout(slot.timer);
    if (this.closed) return;
    this.slots[index] = this.spawn();
    task?.resolve(outcome);
    this.dispatch();
  }
}

function failure(code: string, message: string): JobOutcome {
  return { ok: false, warnings: [], errors: [{ code, message }] };
}
