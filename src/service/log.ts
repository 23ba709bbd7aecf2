/**
 * The service's structured log: one JSON object a line on stderr, with a time, a level, a message and ids
 * (request_id, job_id, key). Callers pass fields, never request bodies or headers, so no credential is logged.
 */
import { writeSync } from "node:fs";

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface ServiceLog {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function jsonLog(write: (line: string) => void = (line) => writeSync(2, line)): ServiceLog {
  const entry =
    (level: string) =>
    (message: string, fields: LogFields = {}) =>
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields })}\n`);
  return { info: entry("info"), warn: entry("warn"), error: entry("error") };
}
