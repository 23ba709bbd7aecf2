/**
 * The client's logging seam. HTTP lines are debug-level and carry method, path, status, duration, request id
 * and retry count — never headers, tokens or bodies, so no credential can reach a log.
 */

export interface Logger {
  debug(message: string): void;
}

export const silentLogger: Logger = { debug: () => {} };

/** Debug lines on stderr, for `--verbose`. */
export const stderrLogger: Logger = { debug: (message) => process.stderr.write(`debug: ${message}\n`) };
