/**
 * Credentials for CDF: a fixed token, OAuth2 client credentials, or either of those described by environment
 * variables or a private credentials file. A credential object only ever hands out an Authorization header
 * value; nothing here logs or puts a secret into an error message.
 */
import { statSync } from "node:fs";
import { parseDocument } from "../data-formats.ts";
import { AuthenticationError, ClientError, ParseError } from "../errors.ts";
import { readTextFile } from "../text-file.ts";
import type { Logger } from "./logging.ts";
import type { ClientCredentialsOptions } from "./token-request.ts";

export type { ClientCredentialsOptions };

export interface Credentials {
  /** The Authorization header value for the next request. */
  authorization(): Promise<string>;
  /** Drops a cached token after the server refused it; true when asking again may give a different token. */
  invalidate(): boolean;
}

/** A fixed bearer token, or a function that returns the current one (e.g. from a token cache of the caller). */
export class TokenAuth implements Credentials {
  constructor(private readonly token: string | (() => string | Promise<string>)) {}

  async authorization(): Promise<string> {
    const token = typeof this.token === "string" ? this.token : await this.token();
    return `Bearer ${token}`;
  }

  invalidate(): boolean {
    return typeof this.token === "function";
  }
}

/** OAuth2 client-credentials flow: the token is cached, refreshed before expiry, one refresh at a time. */
export class ClientCredentials implements Credentials {
  private token: { value: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly options: ClientCredentialsOptions) {}

  async authorization(): Promise<string> {
    const leewayMs = (this.options.leewaySeconds ?? 30) * 1000;
    if (this.token && Date.now() < this.token.expiresAt - leewayMs) return `Bearer ${this.token.value}`;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return `Bearer ${await this.pending}`;
  }

  invalidate(): boolean {
    this.token = undefined;
    return true;
  }

  private async fetchToken(): Promise<string> {
    // Loaded on first use, so that commands that never authenticate do not load ky (start-up time).
    const { requestToken } = await import("./token-request.ts");
    const token = await requestToken(this.options);
    this.token = { value: token.accessToken, expiresAt: Date.now() + token.expiresIn * 1000 };
    return token.accessToken;
  }
}

// ── Settings from the environment or a credentials file ────────────────────────────────────────────────────

/** Where to connect and how to authenticate, as read from the environment or a credentials file. */
export interface ConnectionSettings {
  baseUrl?: string;
  cluster?: string;
  project?: string;
  token?: string;
  clientId?: string;
  clientSecret?: string;
  tokenUrl?: string;
  tenantId?: string;
  scopes?: string;
  audience?: string;
}

export interface ResolvedConnection {
  baseUrl: string;
  project: string;
  credentials: Credentials;
}

const ENVIRONMENT_VARIABLES: Record<keyof ConnectionSettings, string> = {
  baseUrl: "CDF_URL",
  cluster: "CDF_CLUSTER",
  project: "CDF_PROJECT",
  token: "CDF_TOKEN",
  clientId: "CDF_CLIENT_ID",
  clientSecret: "CDF_CLIENT_SECRET",
  tokenUrl: "CDF_TOKEN_URL",
  tenantId: "CDF_TENANT_ID",
  scopes: "CDF_SCOPES",
  audience: "CDF_AUDIENCE",
};

/** Reads CDF_URL / CDF_CLUSTER / CDF_PROJECT and CDF_TOKEN or CDF_CLIENT_ID / _SECRET / CDF_TOKEN_URL / … */
export function settingsFromEnvironment(env: Record<string, string | undefined> = process.env): ConnectionSettings {
  const settings: ConnectionSettings = {};
  for (const [key, variable] of Object.entries(ENVIRONMENT_VARIABLES) as [keyof ConnectionSettings, string][]) {
    const value = env[variable]?.trim();
    if (value) settings[key] = value;
  }
  return settings;
}

/**
 * Reads a credentials file (YAML or JSON with the keys of ConnectionSettings). It holds secrets, so it is
 * refused when group or others may read it.
 */
export async function settingsFromFile(path: string): Promise<ConnectionSettings> {
  let mode: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ParseError("credentials file is a folder, not a file", { location: path });
    mode = stat.mode;
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw new ParseError("credentials file not found", { location: path, cause: error });
  }
  if (process.platform !== "win32" && (mode & 0o044) !== 0) {
    throw new AuthenticationError(
      `credentials file ${path} is readable by ${mode & 0o004 ? "others" : "its group"} (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${path}`,
    );
  }
  const document = parseDocument(await readTextFile(path, "credentials file"), path);
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new ParseError("a credentials file is a mapping of settings (project, token or clientId/clientSecret, …)", { location: path });
  }
  const settings: ConnectionSettings = {};
  for (const [key, value] of Object.entries(document)) {
    if (!(key in ENVIRONMENT_VARIABLES)) {
      throw new ParseError(`unknown setting "${key}"; known: ${Object.keys(ENVIRONMENT_VARIABLES).join(", ")}`, { location: path });
    }
    if (typeof value !== "string" || value === "") throw new ParseError(`"${key}" must be a non-empty string`, { location: path });
    settings[key as keyof ConnectionSettings] = value;
  }
  return settings;
}

/**
 * Turns settings into a base URL, a project and credentials. `origin` names where the settings came from
 * ("the environment", a file) so a missing piece is reported as something the user can set.
 */
export function resolveConnection(settings: ConnectionSettings, origin: string, logger?: Logger): ResolvedConnection {
  const name = (key: keyof ConnectionSettings) => (origin === "the environment" ? ENVIRONMENT_VARIABLES[key] : key);
  const baseUrl = (settings.baseUrl ?? (settings.cluster ? `https://${settings.cluster}.cognitedata.com` : undefined))?.replace(/\/+$/, "");
  if (!baseUrl) throw new AuthenticationError(`no CDF address in ${origin}: set ${name("baseUrl")} or ${name("cluster")}`);
  if (!/^https?:\/\/[^/\s]+/.test(baseUrl)) throw new ClientError(`${name("baseUrl")} must be an http(s) URL, got "${baseUrl}"`);
  if (!settings.project) throw new AuthenticationError(`no CDF project in ${origin}: set ${name("project")}`);
  if (settings.token) return { baseUrl, project: settings.project, credentials: new TokenAuth(settings.token) };

  const tokenUrl =
    settings.tokenUrl ?? (settings.tenantId ? `https://login.microsoftonline.com/${settings.tenantId}/oauth2/v2.0/token` : undefined);
  if (!settings.clientId || !settings.clientSecret || !tokenUrl) {
    const missing = [
      settings.clientId ? "" : name("clientId"),
      settings.clientSecret ? "" : name("clientSecret"),
      tokenUrl ? "" : `${name("tokenUrl")} (or ${name("tenantId")})`,
    ].filter(Boolean);
    throw new AuthenticationError(`no credentials in ${origin}: set ${name("token")}, or ${missing.join(" and ")}`);
  }
  const scopes = settings.scopes ? settings.scopes.split(/[\s,]+/).filter(Boolean) : [`${baseUrl}/.default`];
  return {
    baseUrl,
    project: settings.project,
    credentials: new ClientCredentials({
      tokenUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      scopes,
      ...(settings.audience ? { extraParameters: { audience: settings.audience } } : {}),
      ...(logger ? { logger } : {}),
    }),
  };
}

/** Credentials described by environment variables (see settingsFromEnvironment), with where to connect. */
export function connectionFromEnvironment(env: Record<string, string | undefined> = process.env, logger?: Logger): ResolvedConnection {
  return resolveConnection(settingsFromEnvironment(env), "the environment", logger);
}
