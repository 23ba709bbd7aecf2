/**
 * Turns a request's model into data models: parses an inline model, or fetches the model from CDF with the
 * request's credentials. The credentials live only in this call: they go to the CDF client for one fetch and
 * are dropped with it, so nothing queued, stored or logged can hold them. Error messages are scrubbed of them
 * too, in case a server echoed one.
 */
import { type ConnectionSettings, resolveConnection } from "../client/auth.ts";
import type { DataModel } from "../client/models.ts";
import { stringifyJson } from "../data-formats.ts";
import { AuthenticationError, PygenError, ResourceNotFoundError } from "../errors.ts";
import { fetchModelsFromCdf, type LoadedModels, parseModelDocument } from "../sources.ts";
import type { GenerateRequest } from "./schemas.ts";
import { checkOutboundUrl, UrlNotAllowedError, type UrlPolicy } from "./security.ts";

/** A request the service refuses, with the HTTP status and the API's error code. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** An inline model: a model file's text (YAML or JSON), or the document already parsed from the request's JSON. */
export function parseInlineModel(model: unknown): DataModel[] {
  const text = typeof model === "string" ? model : stringifyJson(model);
  const fileName = typeof model === "string" && !/^\s*[[{]/.test(model) ? "model.yaml" : "model.json";
  try {
    return parseModelDocument(text, fileName);
  } catch (error) {
    if (error instanceof PygenError) throw new RequestError(400, "invalid_model", error.message, error.details);
    throw error;
  }
}

export interface CdfFetchSettings {
  urls: UrlPolicy;
  timeoutMs: number;
}

type CdfRequest = Required<Pick<GenerateRequest, "space" | "external_id" | "version" | "project" | "cdf_url" | "cdf_credentials">>;

export async function fetchRequestedModel(request: CdfRequest, settings: CdfFetchSettings): Promise<LoadedModels> {
  const credentials = request.cdf_credentials;
  const secrets = Object.values(credentials).filter((value): value is string => typeof value === "string" && value.length >= 4);
  const scrub = (text: string) => secrets.reduce((clean, secret) => clean.replaceAll(secret, "[redacted]"), text);
  try {
    const baseUrl = (await checkOutboundUrl(request.cdf_url, settings.urls, "cdf_url")).href.replace(/\/+$/, "");
    const connection = resolveConnection(
      { baseUrl, project: request.project, ...(await credentialSettings(credentials, settings.urls)) },
      "the request",
    );
    const id = { space: request.space, externalId: request.external_id, version: request.version };
    return await fetchModelsFromCdf(connection, [id], {
      clientName: "pygen-service",
      timeoutMs: settings.timeoutMs,
      retry: { maxRetries: 2, maxDelayMs: 2_000 },
    });
  } catch (error) {
    if (error instanceof RequestError) throw error;
    if (error instanceof UrlNotAllowedError) throw new RequestError(403, "url_not_allowed", scrub(error.message));
    if (error instanceof ResourceNotFoundError) throw new RequestError(404, "model_not_found", scrub(error.message));
    if (error instanceof AuthenticationError) throw new RequestError(400, "cdf_authentication_failed", scrub(error.message));
    if (error instanceof PygenError) throw new RequestError(502, "cdf_error", scrub(error.message));
    throw new RequestError(
      502,
      "cdf_error",
      `fetching the model from CDF failed: ${scrub(error instanceof Error ? error.message : String(error))}`,
    );
  }
}

/** The credentials as connection settings; a client-credentials token URL must pass the same URL check as cdf_url. */
async function credentialSettings(credentials: CdfRequest["cdf_credentials"], urls: UrlPolicy): Promise<ConnectionSettings> {
  if ("token" in credentials) return { token: credentials.token };
  const tokenUrl =
    credentials.token_url ??
    (credentials.tenant_id
      ? `https://login.microsoftonline.com/${encodeURIComponent(credentials.tenant_id)}/oauth2/v2.0/token`
      : undefined);
  if (!tokenUrl) throw new RequestError(400, "invalid_request", "cdf_credentials: client credentials need token_url or tenant_id");
  await checkOutboundUrl(tokenUrl, urls, "cdf_credentials.token_url");
  return {
    clientId: credentials.client_id,
    clientSecret: credentials.client_secret,
    tokenUrl,
    ...(credentials.scopes ? { scopes: credentials.scopes } : {}),
  };
}
