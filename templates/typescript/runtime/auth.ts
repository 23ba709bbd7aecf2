/**
 * Credentials: a fixed token (or a function returning one), or OAuth2 client credentials with a cached token that
 * is refreshed before it lapses, one refresh in flight at a time.
 *
 * A credential object only hands out Authorization header values. Secrets stay out of `toString`, `JSON.stringify`,
 * `util.inspect` and error messages; errors name the token URL and client id (neither is secret) and the identity
 * provider's reason.
 */
import { CDFAuthError, CDFConfigError, CDFConnectionError, isRecord } from "./errors.js";
import { DEFAULT_RETRY, Retries, type RetryPolicy, realTiming, type Timing } from "./retry.js";

export interface Credentials {
  /** The Authorization header value for the next request. */
  authorizationHeader(): Promise<string>;
  /** Forget a token the server refused; true when asking again may give a different one. */
  invalidate(): boolean;
}

const HIDDEN = Symbol.for("nodejs.util.inspect.custom");

export class Token implements Credentials {
  readonly #token: string | (() => string | Promise<string>);

  constructor(token: string | (() => string | Promise<string>)) {
    if (typeof token === "string" && !token) throw new CDFConfigError("the token is empty");
    this.#token = token;
  }

  async authorizationHeader(): Promise<string> {
    const token = typeof this.#token === "string" ? this.#token : await this.#token();
    return `Bearer ${token}`;
  }

  invalidate(): boolean {
    // A function may hand out a fresh token on the next call; a fixed string never changes.
    return typeof this.#token === "function";
  }

  toString(): string {
    return "Token(<hidden>)";
  }

  toJSON(): string {
    return this.toString();
  }

  [HIDDEN](): string {
    return this.toString();
  }
}

export interface OAuthOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
  audience?: string | undefined;
  /** Refresh this many ms before expiry (at most half the token's lifetime early); default 30 000. */
  leewayMs?: number;
  /** Per attempt; default 30 000 ms. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  fetch?: typeof fetch;
  timing?: Timing;
}

// Token endpoints are fast or down: a few retries, not the ten of CDF calls.
const TOKEN_RETRY: RetryPolicy = { ...DEFAULT_RETRY, maxRetries: 3 };

interface CachedToken {
  value: string;
  refreshAt: number;
}

/** The OAuth2 client-credentials flow. Concurrent callers share one refresh. */
export class OAuthClientCredentials implements Credentials {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly audience: string | undefined;
  readonly #clientSecret: string;
  readonly #leewayMs: number;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #fetch: typeof fetch;
  readonly #timing: Timing;
  #token: CachedToken | undefined;
  #refreshing: Promise<CachedToken> | undefined;

  constructor(options: OAuthOptions) {
    for (const name of ["tokenUrl", "clientId", "clientSecret"] as const) {
      if (!options[name]) throw new CDFConfigError(`${name} is required for OAuth client credentials`);
    }
    if (options.scopes.length === 0) throw new CDFConfigError("at least one scope is required for OAuth client credentials");
    this.tokenUrl = options.tokenUrl;
    this.clientId = options.clientId;
    this.scopes = [...options.scopes];
    this.audience = options.audience;
    this.#clientSecret = options.clientSecret;
    this.#leewayMs = options.leewayMs ?? 30_000;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retry = options.retry ?? TOKEN_RETRY;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#timing = options.timing ?? realTiming;
  }

  /** Client credentials for one CDF cluster: the scope defaults to its `.default`, an Entra ID tenant id stands for its token URL. */
  static forCluster(
    baseUrl: string,
    options: Omit<OAuthOptions, "tokenUrl" | "scopes"> & {
      tokenUrl?: string | undefined;
      tenantId?: string | undefined;
      scopes?: readonly string[] | undefined;
    },
  ): OAuthClientCredentials {
    const tokenUrl =
      options.tokenUrl || (options.tenantId ? `https://login.microsoftonline.com/${options.tenantId}/oauth2/v2.0/token` : "");
    if (!tokenUrl) throw new CDFConfigError("give tokenUrl, or tenantId for Entra ID");
    const scopes = options.scopes && options.scopes.length > 0 ? options.scopes : defaultScopes(baseUrl);
    return new OAuthClientCredentials({ ...options, tokenUrl, scopes });
  }

  async authorizationHeader(): Promise<string> {
    let token = this.#token;
    if (token === undefined || this.#timing.now() >= token.refreshAt) {
      // One refresh in flight: callers arriving meanwhile await the same promise.
      this.#refreshing ??= this.#fetchToken().finally(() => {
        this.#refreshing = undefined;
      });
      token = await this.#refreshing;
      this.#token = token;
    }
    return `Bearer ${token.value}`;
  }

  invalidate(): boolean {
    this.#token = undefined;
    return true;
  }

  async #fetchToken(): Promise<CachedToken> {
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: this.clientId,
      client_secret: this.#clientSecret,
      scope: this.scopes.join(" "),
    });
    if (this.audience) form.set("audience", this.audience);
    const retries = new Retries(this.#retry, this.#timing);
    for (;;) {
      retries.attempted();
      const requestedAt = this.#timing.now();
      let response: Response;
      try {
        response = await this.#fetch(this.tokenUrl, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
          body: form.toString(),
          signal: AbortSignal.timeout(this.#timeoutMs),
        });
      } catch (error) {
        if (await retries.afterNetworkError()) continue;
        throw new CDFConnectionError(`cannot reach the token endpoint ${this.tokenUrl}: ${errorName(error)}`, {
          attempts: retries.attempts,
          elapsedMs: retries.elapsedMs,
        });
      }
      const body = await jsonObject(response);
      if (!response.ok) {
        if (await retries.afterResponse(response)) continue;
        throw new CDFAuthError(response.status, `the token endpoint ${this.tokenUrl} refused client ${this.clientId}${oauthReason(body)}`, {
          attempts: retries.attempts,
          elapsedMs: retries.elapsedMs,
        });
      }
      const accessToken = body.access_token;
      if (typeof accessToken !== "string" || !accessToken) {
        throw new CDFAuthError(response.status, `the token endpoint ${this.tokenUrl} sent no access_token`);
      }
      const expiresInMs = positiveSeconds(body.expires_in, 3600) * 1000;
      const leeway = Math.min(this.#leewayMs, expiresInMs / 2);
      return { value: accessToken, refreshAt: requestedAt + expiresInMs - leeway };
    }
  }

  toString(): string {
    return `OAuthClientCredentials(tokenUrl=${this.tokenUrl}, clientId=${this.clientId}, scopes=${this.scopes.join(" ")})`;
  }

  toJSON(): string {
    return this.toString();
  }

  [HIDDEN](): string {
    return this.toString();
  }
}

/**
 * An error's class name and system error code (e.g. `TypeError (ECONNREFUSED)`), nothing more: a fetch error's
 * message may quote the request, and its cause the form body.
 */
export function errorName(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  if (error.name === "TimeoutError") return "timed out";
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && /^[A-Z0-9_]+$/.test(code) ? `${error.name} (${code})` : error.name;
}

async function jsonObject(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return isRecord(body) ? body : {};
  } catch {
    return {};
  }
}

function positiveSeconds(value: unknown, fallback: number): number {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : fallback;
}

/** OAuth2's standard `error` and `error_description` fields, which never echo the secret. */
function oauthReason(body: Record<string, unknown>): string {
  return ["error", "error_description"]
    .map((key) => body[key])
    .filter((value): value is string => typeof value === "string")
    .map((value) => `: ${value}`)
    .join("");
}

/** CDF's Entra ID scope for a cluster, e.g. `https://westeurope-1.cognitedata.com/.default`. */
export function defaultScopes(baseUrl: string): string[] {
  return [`${baseUrl.replace(/\/+$/, "")}/.default`];
}

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * CDF_TOKEN, or CDF_CLIENT_ID + CDF_CLIENT_SECRET with CDF_TOKEN_URL (or CDF_TENANT_ID for Entra ID). CDF_SCOPES
 * (space- or comma-separated) defaults to the cluster's `.default` scope; CDF_AUDIENCE is passed on.
 */
export function credentialsFromEnv(env: Environment, baseUrl: string): Credentials {
  const read = (name: string): string => env[name]?.trim() ?? "";
  const token = read("CDF_TOKEN");
  if (token) return new Token(token);
  const clientId = read("CDF_CLIENT_ID");
  const clientSecret = read("CDF_CLIENT_SECRET");
  if (!clientId || !clientSecret) {
    throw new CDFConfigError("set CDF_TOKEN, or CDF_CLIENT_ID and CDF_CLIENT_SECRET (with CDF_TOKEN_URL or CDF_TENANT_ID)");
  }
  if (!read("CDF_TOKEN_URL") && !read("CDF_TENANT_ID"))
    throw new CDFConfigError("set CDF_TOKEN_URL or CDF_TENANT_ID for client credentials");
  return OAuthClientCredentials.forCluster(baseUrl, {
    clientId,
    clientSecret,
    tokenUrl: read("CDF_TOKEN_URL") || undefined,
    tenantId: read("CDF_TENANT_ID") || undefined,
    scopes: read("CDF_SCOPES")
      .split(/[\s,]+/)
      .filter(Boolean),
    audience: read("CDF_AUDIENCE") || undefined,
  });
}
