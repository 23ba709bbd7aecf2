/**
 * Errors the emulator answers with, in CDF's shape: `{"error": {"code", "message", ...}}` with the HTTP status
 * repeated as `code` (dms-api.md §10.1). Handlers throw them; the server turns them into responses.
 */
import * as v from "valibot";

export class DmsApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra fields of the error object, e.g. `duplicated` or `missing`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  body(): { error: Record<string, unknown> } {
    return { error: { code: this.status, message: this.message, ...this.extra } };
  }
}

export const badRequest = (message: string, extra?: Record<string, unknown>): DmsApiError => new DmsApiError(400, message, extra);
export const conflict = (message: string, extra?: Record<string, unknown>): DmsApiError => new DmsApiError(409, message, extra);

/**
 * Validates a request (body or query) against a valibot schema; every issue becomes one line of a 400, named by
 * its path, the way CDF lists constraint violations.
 */
export function parseRequest<T extends v.GenericSchema>(schema: T, input: unknown): v.InferOutput<T> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const violations = result.issues.slice(0, 20).map((issue) => {
    const path = v.getDotPath(issue);
    // valibot reports a key a strict object does not allow as "expected never"; CDF says "Unexpected field".
    if (issue.expected === "never") return `Unexpected field - ${path}`;
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw badRequest(
    `Request had ${result.issues.length} constraint violations. Please fix the request and try again. [${violations.join(", ")}]`,
  );
}
