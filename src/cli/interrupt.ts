/**
 * Ctrl-C and SIGTERM during `pygen generate`: exit 130 with the output untouched, in every phase. Loading and
 * generating run in a worker thread (off-thread.ts), so the main thread handles a signal at once and simply
 * exits: nothing is on disk yet. While the new output is staged, the writer calls `checkpoint` between files:
 * it yields to the event loop so a signal can be noticed, and then throws, the writer removes its staging folder
 * and the output stays as it was. The swap itself is one system call, after which the new output is complete;
 * a signal arriving after it lets the command finish normally a moment later.
 */
import { EXIT_CODES, PygenError } from "../errors.ts";
import type { Checkpoint } from "../output/writer.ts";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** How often the writer lets the event loop run: often enough to feel instant, rarely enough to cost nothing. */
const YIELD_EVERY_MS = 20;

/** The command was stopped by a signal before the output was replaced. */
export class InterruptedError extends PygenError {
  override readonly exitCode: number = EXIT_CODES.interrupted;
}

const untouched = (signal: string) => `stopped by ${signal}; the output was not touched`;

export class InterruptGuard implements Disposable {
  private phase: "working" | "writing" | "written" = "working";
  private received: NodeJS.Signals | undefined;
  private lastYield = 0;

  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.phase === "working") {
      this.stderr(`error: ${untouched(signal)}`);
      process.exit(EXIT_CODES.interrupted);
    }
    // While writing, the next checkpoint stops the write; once written, the command is all but done.
    this.received ??= signal;
  };

  private readonly checkpoint: Checkpoint = async () => {
    if (performance.now() - this.lastYield >= YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      this.lastYield = performance.now();
    }
    if (this.received) throw new InterruptedError(untouched(this.received));
  };

  constructor(private readonly stderr: (text: string) => void) {
    for (const signal of SIGNALS) process.on(signal, this.onSignal);
  }

  /** Runs the write with a checkpoint that stops it on a signal, up to the swap. */
  async whileWriting<T>(write: (checkpoint: Checkpoint) => Promise<T>): Promise<T> {
    this.phase = "writing";
    this.lastYield = performance.now();
    try {
      return await write(this.checkpoint);
    } finally {
      this.phase = "written";
    }
  }

  [Symbol.dispose](): void {
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
  }
}
