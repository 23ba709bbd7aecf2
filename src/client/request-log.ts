/**
 * ky hooks that write the client's debug lines (see logging.ts): one per attempt, with its response or why it
 * got none. Kept apart from logging.ts, which every command loads, so that only commands that talk to CDF load ky.
 */
import { type AfterResponseHook, type BeforeErrorHook, type BeforeRetryHook, isForceRetryError, isHTTPError } from "ky";
import { failureReason } from "./error-mapping.ts";
import type { Logger } from "./logging.ts";

/**
 * What a call puts in ky's `context` for its hooks: the label its log lines start with. The hooks add when
 * the current attempt left (ky gives every hook of one call the same context object).
 */
export interface CallContext {
  label: string;
  attemptStartedAt?: number;
}

const callContext = (options: { context: Record<string, unknown> }) => options.context as unknown as CallContext;

/** ky hooks that log each attempt of a call: its response, or why it got none. */
export function requestLogHooks(logger: Logger) {
  const elapsed = (call: CallContext) => `${(performance.now() - (call.attemptStartedAt ?? performance.now())).toFixed(0)}ms`;
  // An HTTP error was logged with its response; a forced retry (re-authentication) was decided on one.
  const logFailure = (error: Error, call: CallContext, retries: number) => {
    if (isHTTPError(error) || isForceRetryError(error)) return;
    logger.debug(`${call.label} failed: ${failureReason(error)} ${elapsed(call)} retries=${retries}`);
  };
  return {
    /** The last beforeRequest and beforeRetry hook: the attempt leaves now. */
    attemptStarts: ({ options }: { options: { context: Record<string, unknown> } }): void => {
      callContext(options).attemptStartedAt = performance.now();
    },
    responded: (({ response, options, retryCount }) => {
      const call = callContext(options);
      logger.debug(
        `${call.label} ${response.status} ${elapsed(call)} request-id=${response.headers.get("x-request-id") ?? "-"} retries=${retryCount}`,
      );
    }) satisfies AfterResponseHook,
    /** The first beforeRetry hook: the attempt that is being retried. */
    retrying: (({ error, options, retryCount }) => logFailure(error, callContext(options), retryCount - 1)) satisfies BeforeRetryHook,
    failed: (({ error, options, retryCount }) => {
      logFailure(error, callContext(options), retryCount);
      return error;
    }) satisfies BeforeErrorHook,
  };
}
