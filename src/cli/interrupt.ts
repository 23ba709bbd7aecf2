/**
 * Ctrl-C and SIGTERM during `pygen generate`. Without a handler the runtime kills the process wherever it is,
 * possibly half-way through swapping the output folder. With this guard the signal is only noted; the command
 * checks it between steps and stops before writing. The write itself runs without yielding to the event loop,
 * so once it has started it finishes (or rolls back) before the signal is looked at.
 */
import { InterruptedError } from "../errors.ts";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

export class InterruptGuard implements Disposable {
  private received: string | undefined;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.received = signal;
  };

  constructor() {
    for (const signal of SIGNALS) process.on(signal, this.onSignal);
  }

  /** Throws when a signal arrived: call it between steps, before anything is written. */
  check(): void {
    if (this.received) throw new InterruptedError(`stopped by ${this.received}; the output was not touched`);
  }

  [Symbol.dispose](): void {
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
  }
}
