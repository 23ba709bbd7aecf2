/**
 * Errors an SDK user catches: every failure of the runtime is a CDFError.
 *
 * Messages carry what helps to act (method, path, status, CDF's message, request id, attempts and elapsed time)
 * and never a credential: tokens and client secrets stay inside the credential objects.
 */

export class CDFError extends Error {
  override name = "CDFError";
}

/** How hard a call tried, for its final error's message; empty when it tried once. */
export function attemptsNote(attempts: number, elapsedMs: number): string {
  return attempts > 1 ? ` after ${attempts} attempts in ${(elapsedMs / 1000).toFixed(1)} s` : "";
}

/** The client configuration, or the environment it was read from, is incomplete or invalid. */
export class CDFConfigError extends CDFError {
  override name = "CDFConfigError";
}

export interface AttemptInfo {
  attempts?: number;
  /** Milliseconds since the call began, waits included. */
  elapsedMs?: number;
  cause?: unknown;
}

/** CDF could not be reached (DNS, TCP, TLS, timeout) even after the configured retries. */
export class CDFConnectionError extends CDFError {
  override name = "CDFConnectionError";
  readonly attempts: number;
  readonly elapsedMs: number;

  constructor(message: string, info: AttemptInfo = {}) {
    const attempts = info.attempts ?? 1;
    const elapsedMs = info.elapsedMs ?? 0;
    super(`${message}${attemptsNote(attempts, elapsedMs)}`, info.cause === undefined ? undefined : { cause: info.cause });
    this.attempts = attempts;
    this.elapsedMs = elapsedMs;
  }
}

export interface APIErrorInfo extends AttemptInfo {
  requestId?: string | undefined;
  body?: unknown;
}

/**
 * CDF answered with an error status. `body` is the decoded error body (CDF's `{"error": {...}}`, or the text when
 * it is not JSON); `requestId` is CDF's `x-request-id`, the handle Cognite support asks for.
 */
export class CDFAPIError extends CDFError {
  override name = "CDFAPIError";
  readonly status: number;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly attempts: number;
  readonly elapsedMs: number;
  /** CDF's own message, without the status, request id and attempts the full `message` adds. */
  readonly apiMessage: string;

  constructor(status: number, message: string, info: APIErrorInfo = {}) {
    const attempts = info.attempts ?? 1;
    const elapsedMs = info.elapsedMs ?? 0;
    const suffix = info.requestId ? ` (request id ${info.requestId})` : "";
    super(`${status}: ${message}${suffix}${attemptsNote(attempts, elapsedMs)}`);
    this.status = status;
    this.apiMessage = message;
    this.requestId = info.requestId;
    this.body = info.body;
    this.attempts = attempts;
    this.elapsedMs = elapsedMs;
  }

  /** Identifiers CDF reported as missing, if any. */
  get missing(): unknown[] {
    return this.errorList("missing");
  }

  /** Identifiers CDF reported as duplicated, if any. */
  get duplicated(): unknown[] {
    return this.errorList("duplicated");
  }

  private errorList(key: string): unknown[] {
    const error = isRecord(this.body) ? this.body.error : undefined;
    const value = isRecord(error) ? error[key] : undefined;
    return Array.isArray(value) ? value : [];
  }
}

/** 401/403 from CDF, or the identity provider refused the client. */
export class CDFAuthError extends CDFAPIError {
  override name = "CDFAuthError";
}

/** 404: an unknown project or path. (DMS reports missing instances by leaving them out, not with 404.) */
export class CDFNotFoundError extends CDFAPIError {
  override name = "CDFNotFoundError";
}

/** 429 after every retry: the project's request-rate or concurrency limit was hit. */
export class CDFRateLimitError extends CDFAPIError {
  override name = "CDFRateLimitError";
}

/** The most specific error for an error response; `context` (e.g. "POST /models/instances") leads the message. */
export function errorFromResponse(status: number, body: unknown, context: string, info: APIErrorInfo = {}): CDFAPIError {
  const message = `${context}: ${errorMessage(body)}`;
  const errorClass =
    status === 401 || status === 403 ? CDFAuthError : status === 404 ? CDFNotFoundError : status === 429 ? CDFRateLimitError : CDFAPIError;
  return new errorClass(status, message, { ...info, body });
}

/** CDF's message from `{"error": {"message"}}` or GraphQL's `{"errors": [...]}`; plain text is tolerated. */
function errorMessage(body: unknown): string {
  if (isRecord(body)) {
    const error = body.error;
    if (isRecord(error) && typeof error.message === "string") return error.message;
    if (typeof error === "string") return error;
    const errors = body.errors;
    if (Array.isArray(errors) && errors.length > 0) {
      return errors.map((item) => (isRecord(item) && typeof item.message === "string" ? item.message : String(item))).join("; ");
    }
  }
  if (typeof body === "string" && body.trim()) return body.trim().slice(0, 1000);
  return "no error message in the response";
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
