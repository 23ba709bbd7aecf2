/**
 * The options every model-taking command shares: where the model comes from (files or CDF), how to reach CDF,
 * which config file to read, and how chatty to be. Registered in one place so the commands agree.
 *
 * Secrets (token, client secret) have no flags on purpose: command lines end up in shell history and process
 * lists. They come from the environment, a --credentials file, or the config file through ${ENV}.
 */
import type { Command } from "cac";
import { UsageError } from "../errors.ts";
import type { OutputFlags } from "./reporter.ts";

export interface ConnectionFlags {
  credentials?: string;
  project?: string;
  cluster?: string;
  cdfUrl?: string;
  clientId?: string;
  tenantId?: string;
  tokenUrl?: string;
  scopes?: string;
}

/** What cac hands over for a repeatable option: one value, several, or `true` when a value is missing. */
export type RepeatableFlag = string | boolean | (string | boolean)[];

export interface SourceFlags extends ConnectionFlags, OutputFlags {
  modelFile?: RepeatableFlag;
  model?: RepeatableFlag;
  space?: string;
  modelVersion?: string;
  config?: string;
  json?: boolean;
}

/** Adds the shared options after the command's own, which --help lists first. */
export function withSourceOptions(command: Command): Command {
  return command
    .option("--model-file <file>", "Data model file with inline views (YAML/JSON); repeatable")
    .option("--model <id>", "Data model in CDF: space:externalId/version, or externalId with --space/--model-version; repeatable")
    .option("--space <space>", "Space of the --model data models given without one")
    .option("--model-version <version>", "Version of the --model data models given without one (--version is pygen's own)")
    .option("--config <file>", "Config file: pygen.yaml, or a pyproject.toml with [tool.pygen] (default: found in the current folder)")
    .option("--credentials <file>", "CDF credentials file (YAML/JSON, chmod 600): project, cluster, token or clientId/clientSecret, …")
    .option("--project <project>", "CDF project (CDF_PROJECT)")
    .option("--cluster <cluster>", "CDF cluster, e.g. westeurope-1 (CDF_CLUSTER)")
    .option("--cdf-url <url>", "CDF base URL instead of --cluster (CDF_URL)")
    .option("--client-id <id>", "OAuth2 client id (CDF_CLIENT_ID); the secret only from CDF_CLIENT_SECRET or a file")
    .option("--tenant-id <id>", "Entra ID tenant, for the token URL (CDF_TENANT_ID)")
    .option("--token-url <url>", "OAuth2 token endpoint (CDF_TOKEN_URL)")
    .option("--scopes <scopes>", "OAuth2 scopes, space- or comma-separated (CDF_SCOPES)")
    .option("-q, --quiet", "Only results, warnings and errors")
    .option("--verbose", "Debug lines on stderr: config sources and HTTP requests (never secrets)");
}

/**
 * The values of a repeatable option as text. cac checks for a missing value only when the option is given once,
 * so a `--model-file` at the end of `--model-file a.yaml --model-file` is caught here.
 */
export function repeatedFlag(flag: string, value: RepeatableFlag | undefined): string[] {
  const values = value === undefined ? [] : [value].flat();
  if (values.some((item) => typeof item === "boolean")) throw new UsageError(`option \`${flag}\` value is missing`);
  return values as string[];
}
