/**
 * Where CDF is and how to authenticate, merged from four layers: flags > --credentials file > environment
 * (CDF_*) > config file. The credentials file sits just under the flags because naming it is itself a flag.
 *
 * Some settings are alternatives rather than independent keys: a base URL or a cluster, a token URL or a
 * tenant, a token or client credentials. A layer that sets one of them overrides the other one below it too;
 * otherwise a lower layer's token would beat a higher layer's client credentials.
 */
import {
  type ConnectionSettings,
  type ResolvedConnection,
  resolveConnection,
  settingsFromEnvironment,
  settingsFromFile,
} from "../client/auth.ts";
import type { Logger } from "../client/logging.ts";
import type { PygenConfig } from "../config.ts";
import { AuthenticationError } from "../errors.ts";
import type { ConnectionFlags } from "./source-options.ts";

type Key = keyof ConnectionSettings;

const ALTERNATIVES: [Key[], Key[]][] = [
  [["baseUrl"], ["cluster"]],
  [["tokenUrl"], ["tenantId"]],
  [["token"], ["clientId", "clientSecret"]],
];

export interface ConnectionLayer {
  /** For --verbose: which layer a setting came from. */
  name: string;
  settings: ConnectionSettings;
}

/** Lays `upper` over `lower`, dropping lower settings that `upper` replaces by an alternative. */
export function overlay(lower: ConnectionSettings, upper: ConnectionSettings): ConnectionSettings {
  const merged: ConnectionSettings = { ...lower };
  for (const [one, other] of ALTERNATIVES) {
    const sets = (keys: Key[]) => keys.some((key) => upper[key] !== undefined);
    for (const key of sets(one) ? other : sets(other) ? one : []) delete merged[key];
  }
  for (const [key, value] of Object.entries(upper) as [Key, string | undefined][]) if (value !== undefined) merged[key] = value;
  return merged;
}

function fromFlags(flags: ConnectionFlags): ConnectionSettings {
  const entries: [Key, string | undefined][] = [
    ["project", flags.project],
    ["cluster", flags.cluster],
    ["baseUrl", flags.cdfUrl],
    ["clientId", flags.clientId],
    ["tenantId", flags.tenantId],
    ["tokenUrl", flags.tokenUrl],
    ["scopes", flags.scopes],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

function fromConfig(client: PygenConfig["client"]): ConnectionSettings {
  if (!client) return {};
  const { clientName: _name, timeoutMs: _timeout, maxRetries: _retries, scopes, ...settings } = client;
  return { ...settings, ...(scopes ? { scopes: scopes.join(" ") } : {}) };
}

/** The layers from lowest to highest precedence. */
export async function connectionLayers(
  flags: ConnectionFlags,
  config: PygenConfig,
  env: Record<string, string | undefined>,
): Promise<ConnectionLayer[]> {
  return [
    { name: "config file", settings: fromConfig(config.client) },
    { name: "environment", settings: settingsFromEnvironment(env) },
    ...(flags.credentials ? [{ name: `credentials file ${flags.credentials}`, settings: await settingsFromFile(flags.credentials) }] : []),
    { name: "flags", settings: fromFlags(flags) },
  ];
}

export function mergeLayers(layers: ConnectionLayer[]): ConnectionSettings {
  return layers.reduce<ConnectionSettings>((merged, layer) => overlay(merged, layer.settings), {});
}

/** True when any layer says where CDF is: then a missing model is a mistake, not a wish for the example. */
export function cdfConfigured(settings: ConnectionSettings): boolean {
  return settings.project !== undefined || settings.cluster !== undefined || settings.baseUrl !== undefined;
}

/** Which layer each setting came from, by name only: the values may be secrets. */
export function describeSources(layers: ConnectionLayer[]): string {
  const origin = new Map<Key, string>();
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer.settings)) if (value !== undefined) origin.set(key as Key, layer.name);
  }
  return Object.keys(mergeLayers(layers))
    .map((key) => `${key} from ${origin.get(key as Key)}`)
    .join(", ");
}

/** Resolves the merged settings; a missing piece is reported with every way to set it. */
export function resolveMergedConnection(layers: ConnectionLayer[], logger: Logger): ResolvedConnection {
  try {
    return resolveConnection(mergeLayers(layers), "the environment", logger);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    throw new AuthenticationError(error.message, {
      cause: error,
      details: [
        "the same settings can come from flags (--project, --cluster, --client-id, …), a --credentials file, or client: in pygen.yaml",
      ],
    });
  }
}
