/**
 * The client's logging seam. HTTP lines are debug-level and carry method, path, status, duration, request id
 * and retry count — never headers, tokens or bodies, so no credential can reach a log.
 */
import { writeSync } from "node:fs";
import { printable } from "../printable.ts";

export interface Logger {
  debug(message: string): void;
}

export const silentLogger: Logger = { debug: () => {} };

/** Debug lines on stderr, for `--verbose` (a plain write: process.stderr would load Node's streams at start-up). */
export const stderrLogger: Logger = { debug: (message) => writeSync(2, `debug: ${printable(message, { capWords: true })}\n`) };
