/**
 * The OAuth2 client-credentials token request. It takes the same path as CDF's requests: ky retries transient
 * failures (the token endpoint is safe to repeat) with the same policy shape and logs each attempt. Errors
 * name the endpoint and the client id and carry the endpoint's standard `error` fields, never the secret.
 */
import ky, { isHTTPError } from "ky";
import { AuthenticationError } from "../errors.ts";
import { failureReason, runtimeCause } from "./error-mapping.ts";
import { type Logger, silentLogger } from "./logging.ts";
import { type CallContext, requestLogHooks } from "./request-log.ts";
import { DEFAULT_RETRY_POLICY, fetchReportingNetworkErrors, kyRetryOptions, type RetryPolicy } from "./retry.ts";

export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Defaults to `<base URL>/.default`, CDF's scope for Entra ID. */
  scopes: string[];
  /** Extra form fields some identity providers need, e.g. `audience`. */
  extraParameters?: Record<string, string>;
  /** Refresh this long before the token expires, so no request leaves with a token about to lapse. */
  leewaySeconds?: number;
  timeoutMs?: number;
  retry?: RetryPolicy;
  logger?: Logger;
}

export async function requestToken(options: ClientCredentialsOptions): Promise<{ accessToken: string; expiresIn: number }> {
  const { tokenUrl, clientId, clientSecret, scopes, extraParameters } = options;
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: clientId,
    client_secret: clientSecret,
    scope: scopes.join(" "),
    ...extraParameters,
  });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const log = requestLogHooks(options.logger ?? silentLogger);
  let text: string;
  try {
    text = await ky
      .post(tokenUrl, {
        body: form,
        timeout: timeoutMs,
        retry: kyRetryOptions(options.retry ?? { ...DEFAULT_RETRY_POLICY, maxRetries: 3 }, true),
        fetch: fetchReportingNetworkErrors,
        context: { label: `POST ${tokenUrl}` } satisfies CallContext,
        hooks: {
          beforeRequest: [log.attemptStarts],
          beforeRetry: [log.retrying, log.attemptStarts],
          afterResponse: [log.responded],
          beforeError: [log.failed],
        },
      })
      .text();
  } catch (error) {
    if (isHTTPError(error)) {
      throw new AuthenticationError(
        `the token endpoint ${tokenUrl} refused client ${clientId} (${error.response.status}${oauthReason(error.data)})`,
      );
    }
    const reason = error instanceof Error ? failureReason(error, timeoutMs) : String(error);
    throw new AuthenticationError(`cannot reach the token endpoint ${tokenUrl}: ${reason}`, { cause: runtimeCause(error) });
  }
  const token = parseTokenResponse(text);
  if (!token) throw new AuthenticationError(`the token endpoint ${tokenUrl} answered without an access_token`);
  return token;
}

const parseTokenResponse = (text: string): { accessToken: string; expiresIn: number } | undefined => {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (body === null || typeof body !== "object") return undefined;
  const { access_token: accessToken, expires_in: expiresIn } = body as Record<string, unknown>;
  if (typeof accessToken !== "string" || accessToken === "") return undefined;
  const seconds = typeof expiresIn === "number" ? expiresIn : Number(expiresIn ?? 3600);
  return { accessToken, expiresIn: Number.isFinite(seconds) ? seconds : 3600 };
};

/** `error` and `error_description` of an OAuth2 error response: standard fields that never hold the secret. */
function oauthReason(body: unknown): string {
  if (body === null || typeof body !== "object") return "";
  const { error, error_description: description } = body as Record<string, unknown>;
  return [error, description]
    .filter((part) => typeof part === "string" && part !== "")
    .map((part) => `: ${part}`)
    .join("");
}
