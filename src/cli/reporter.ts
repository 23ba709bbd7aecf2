/**
 * How a command talks to the person running it: results on stdout, everything else on stderr. Notes and
 * progress lines are dropped with --quiet; warnings and errors never are. Debug lines (--verbose) share the
 * client's HTTP logger, so pygen's own details and the requests appear in one stream. Colour only when the
 * stream is a terminal and NO_COLOR is not set.
 */
import { type Logger, silentLogger, stderrLogger } from "../client/logging.ts";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr may carry colour (a terminal, NO_COLOR unset). */
  stderrColor?: boolean;
}

export interface OutputFlags {
  quiet?: boolean;
  verbose?: boolean;
}

const DIM = "\u001b[2m";
const YELLOW = "\u001b[33m";
const RED = "\u001b[31m";
const RESET = "\u001b[0m";

export class Reporter {
  /** For the CDF client: HTTP debug lines with --verbose (never headers or bodies), nothing otherwise. */
  readonly logger: Logger;
  private readonly quiet: boolean;

  constructor(
    private readonly io: CliIO,
    flags: OutputFlags,
  ) {
    this.quiet = flags.quiet ?? false;
    this.logger = flags.verbose ? stderrLogger : silentLogger;
  }

  /** A result, on stdout. */
  result(text: string): void {
    this.io.stdout(text);
  }

  /** Something the user should know but that needs no action. */
  note(text: string): void {
    if (!this.quiet) this.io.stderr(text);
  }

  /** Something the user should fix; shown even with --quiet. */
  warn(text: string): void {
    this.io.stderr(`${this.paint(YELLOW, "warning:")} ${text}`);
  }

  /** An error the command carries on after (a part left out); shown even with --quiet. */
  error(text: string): void {
    this.io.stderr(`${this.paint(RED, "error:")} ${text}`);
  }

  debug(text: string): void {
    this.logger.debug(text);
  }

  /**
   * Runs one step of long work and prints how long it took, e.g. `fetch 1 data model … 84 ms`. The label may
   * depend on the step's result (`generated 31 files`).
   */
  async step<T>(label: string | ((result: T) => string), work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    const result = await work();
    if (this.quiet) return result;
    const text = typeof label === "string" ? label : label(result);
    this.note(`${text} ${this.paint(DIM, `… ${formatDuration(performance.now() - started)}`)}`);
    return result;
  }

  private paint(code: string, text: string): string {
    return this.io.stderrColor ? `${code}${text}${RESET}` : text;
  }
}

/** `3,080`: thousands grouped as en-US does, without loading Intl's locale data (some ms at start-up). */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
