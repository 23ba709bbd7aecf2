/**
 * ky's errors as pygen's: an HTTP error becomes an APIError (or its 401 / 404 / 429 kinds) with the status,
 * CDF's error body and the request id; a network failure or timeout becomes a ClientError that names the host.
 * Messages hold CDF's error message, never a header, token or request body.
 */
import { type HTTPError, isHTTPError, isNetworkError, isTimeoutError } from "ky";
import * as v from "valibot";
import { APIError, AuthenticationError, ClientError, PygenError, RateLimitError, ResourceNotFoundError } from "../errors.ts";
import { ErrorBodySchema } from "./models.ts";

/** What a failed call was, for its message. */
interface FailedCall {
  /** `METHOD /path`. */
  label: string;
  host: string;
  project: string;
  timeoutMs: number;
}

/** Why an attempt got no response: "timed out after N ms", or the network error's own words. */
export function failureReason(error: Error, timeoutMs?: number): string {
  if (isTimeoutError(error)) return timeoutMs === undefined ? "timed out" : `timed out after ${timeoutMs} ms`;
  if (isNetworkError(error) && error.cause instanceof Error) return error.cause.message;
  return error.message;
}

/** The error a failed call throws: pygen's own errors (from credentials, say) pass unchanged. */
export function toClientError(error: unknown, call: FailedCall): unknown {
  if (error instanceof PygenError) return error;
  if (isHTTPError(error)) return fromResponse(error, call);
  if (isTimeoutError(error) || isNetworkError(error)) {
    return new ClientError(`${call.label}: cannot reach CDF at ${call.host}: ${failureReason(error, call.timeoutMs)}`, {
      cause: runtimeCause(error),
    });
  }
  return error;
}

/**
 * What to keep as an error's cause: the runtime's own network error, never ky's error, which holds the Request
 * (and with it the Authorization header) where printing the error (console.log, Bun.inspect) would show it.
 */
export function runtimeCause(error: unknown): unknown {
  return isNetworkError(error) ? error.cause : undefined;
}

function fromResponse(error: HTTPError, call: FailedCall): Error {
  const { status, statusText, headers } = error.response;
  const requestId = headers.get("x-request-id") ?? undefined;
  // ky has read the body: parsed when it is JSON, the raw text otherwise (a proxy's HTML page, say).
  const body: unknown = error.data;
  const parsed = v.safeParse(ErrorBodySchema, body);
  const reason = parsed.success ? parsed.output.error.message : (typeof body === "string" ? body.slice(0, 200) : "") || statusText;
  const message = `${call.label} failed with ${status}: ${reason}`;
  const init = { status, response: body, ...(requestId ? { requestId } : {}) };
  if (status === 401) {
    return new AuthenticationError(`${message} (check the credentials and that the token is valid for project ${call.project})`, {
      details: requestId ? [`request id: ${requestId}`] : [],
    });
  }
  if (status === 404) return new ResourceNotFoundError(message, init);
  if (status === 429) {
    const waitMs = retryAfterMs(headers.get("retry-after"));
    return new RateLimitError(message, { ...init, ...(waitMs !== undefined ? { retryAfter: waitMs / 1000 } : {}) });
  }
  return new APIError(message, init);
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. ky reads
 * it to wait between retries but does not expose it; a RateLimitError hands it to the caller.
 */
function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
