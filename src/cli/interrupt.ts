/**
 * Ctrl-C and SIGTERM during `pygen generate`. Without a handler the runtime would kill the process wherever it
 * is, possibly half-way through swapping the output folder. With this guard a signal stops the command at
 * once — nothing is on disk until the write — except while the write runs: then the write finishes (or rolls
 * back) first, and the command ends normally a moment later.
 */
import { EXIT_CODES } from "../errors.ts";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

export class InterruptGuard implements Disposable {
  private writing = false;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.writing) return;
    this.stderr(`error: stopped by ${signal}; the output was not touched`);
    process.exit(EXIT_CODES.interrupted);
  };

  constructor(private readonly stderr: (text: string) => void) {
    for (const signal of SIGNALS) process.on(signal, this.onSignal);
  }

  /** Runs the write so that no signal can cut it short. */
  async whileWriting<T>(write: () => Promise<T>): Promise<T> {
    this.writing = true;
    try {
      return await write();
    } finally {
      this.writing = false;
    }
  }

  [Symbol.dispose](): void {
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
  }
}
