/**
 * Every failure pygen reports on purpose is a PygenError. Each family has its own exit code, so scripts and CI
 * can tell "fix your model" from "check your credentials" without parsing messages. The table is documented in
 * README.md (Exit codes); keep both in step.
 */

export const EXIT_CODES = {
  /** Unexpected failure: a bug in pygen. */
  internal: 1,
  /** Wrong command-line usage: unknown flag, missing value. */
  usage: 2,
  /** Input could not be read or understood: missing file, broken YAML/JSON, schema mismatch. */
  parse: 3,
  /** The data model has errors that block generation. */
  validation: 4,
  /** A template failed to load or render. */
  template: 5,
  /** Other generation failures (e.g. the output directory cannot be written). */
  generation: 6,
  /** Talking to CDF failed: network, HTTP errors, missing resources, rate limits. */
  client: 7,
  /** Credentials were missing, refused or expired. */
  authentication: 8,
  /** Stopped by SIGINT or SIGTERM before finishing; nothing was written (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;

export type ExitCodeFamily = keyof typeof EXIT_CODES;

export interface PygenErrorOptions {
  cause?: unknown;
  details?: string[];
  /** The command printed its result (e.g. a JSON report) before failing: nothing more belongs on stdout. */
  resultPrinted?: boolean;
}

export class PygenError extends Error {
  readonly exitCode: number = EXIT_CODES.internal;
  /** Extra lines shown under the message, e.g. a source snippet or a hint. */
  readonly details: string[];
  readonly resultPrinted: boolean;

  constructor(message: string, options: PygenErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details ?? [];
    this.resultPrinted = options.resultPrinted ?? false;
  }
}

/** The command line itself is wrong. */
export class UsageError extends PygenError {
  override readonly exitCode: number = EXIT_CODES.usage;
}

/** `pygen emulate` cannot start: the port is taken, the database cannot be opened. Fix the flags and retry. */
export class EmulatorStartupError extends UsageError {}

// ── Talking to CDF ─────────────────────────────────────────────────────────────────────────────────────────

export class ClientError extends PygenError {
  override readonly exitCode: number = EXIT_CODES.client;
}

export class AuthenticationError extends ClientError {
  override readonly exitCode: number = EXIT_CODES.authentication;
}

export interface APIErrorInit {
  status: number;
  /** The parsed CDF error body, or the raw text when the body was not CDF-shaped JSON. */
  response?: unknown;
  requestId?: string;
  cause?: unknown;
}

export class APIError extends ClientError {
  readonly status: number;
  readonly response: unknown;
  readonly requestId: string | undefined;

  constructor(message: string, init: APIErrorInit) {
    super(message, { cause: init.cause, details: init.requestId ? [`request id: ${init.requestId}`] : [] });
    this.status = init.status;
    this.response = init.response;
    this.requestId = init.requestId;
  }
}

export class ResourceNotFoundError extends APIError {}

export class RateLimitError extends APIError {
  /** Seconds the server asked us to wait, when it said so. */
  readonly retryAfter: number | undefined;

  constructor(message: string, init: APIErrorInit & { retryAfter?: number }) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }
}

// ── Generating ─────────────────────────────────────────────────────────────────────────────────────────────

export class GenerationError extends PygenError {
  override readonly exitCode: number = EXIT_CODES.generation;
}

/** Input that cannot be read: the location says where (file, line, or path inside the document). */
export class ParseError extends GenerationError {
  override readonly exitCode: number = EXIT_CODES.parse;
  readonly location: string | undefined;

  constructor(message: string, options: PygenErrorOptions & { location?: string } = {}) {
    super(options.location ? `${options.location}: ${message}` : message, options);
    this.location = options.location;
  }
}

export class ValidationError extends GenerationError {
  override readonly exitCode: number = EXIT_CODES.validation;
}

export class TemplateError extends GenerationError {
  override readonly exitCode: number = EXIT_CODES.template;
}

/** The exit code for anything thrown: PygenErrors carry theirs, everything else is an internal error. */
export function exitCodeOf(error: unknown): number {
  return error instanceof PygenError ? error.exitCode : EXIT_CODES.internal;
}

/** The family of an exit code (`parse`, `client`, …), as machine reports name the kind of a failure. */
export function exitCodeFamily(exitCode: number): ExitCodeFamily {
  const family = (Object.keys(EXIT_CODES) as ExitCodeFamily[]).find((name) => EXIT_CODES[name] === exitCode);
  return family ?? "internal";
}
