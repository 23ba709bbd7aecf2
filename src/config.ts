/**
 * pygen's configuration file: pygen.yaml (client / model / generation), or — so pygen v1 users can switch
 * without rewriting anything — the `[tool.pygen]` section of pyproject.toml with v1's `.secret.toml`.
 * `${NAME}` in pygen.yaml reads an environment variable, which is how secrets should get there; a secret
 * written literally into a config file is allowed but warned about. Flags and environment variables take
 * precedence over the file; the CLI merges them.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as v from "valibot";
import { readableIssueMessage } from "./client/models.ts";
import { parseYaml } from "./data-formats.ts";
import { ParseError } from "./errors.ts";
import { readTextFile } from "./text-file.ts";

const nonEmpty = v.pipe(v.string(), v.minLength(1, "must not be empty"));
const stringList = v.union([
  v.array(nonEmpty),
  v.pipe(
    nonEmpty,
    v.transform((value) => [value]),
  ),
]);

const ModelIdSchema = v.strictObject({
  space: nonEmpty,
  externalId: nonEmpty,
  version: v.pipe(v.union([v.string(), v.number()]), v.transform(String)),
});
export type ModelId = v.InferOutput<typeof ModelIdSchema>;

export const PygenConfigSchema = v.strictObject({
  client: v.optional(
    v.strictObject({
      baseUrl: v.optional(nonEmpty),
      cluster: v.optional(nonEmpty),
      project: v.optional(nonEmpty),
      token: v.optional(nonEmpty),
      clientId: v.optional(nonEmpty),
      clientSecret: v.optional(nonEmpty),
      tokenUrl: v.optional(nonEmpty),
      tenantId: v.optional(nonEmpty),
      scopes: v.optional(stringList),
      /** The `audience` form field some identity providers want in the token request. */
      audience: v.optional(nonEmpty),
      clientName: v.optional(nonEmpty),
      timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
      maxRetries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    }),
  ),
  model: v.optional(
    v.strictObject({
      /** One or several data models in CDF. */
      ids: v.optional(v.array(ModelIdSchema)),
      /** A model file instead of CDF (paths are relative to the config file). */
      file: v.optional(nonEmpty),
    }),
  ),
  generation: v.optional(
    v.strictObject({
      /** A key of the language registry (generators/registry.ts); the CLI checks it, naming the available ones. */
      language: v.optional(nonEmpty),
      output: v.optional(nonEmpty),
      topLevelPackage: v.optional(nonEmpty),
      clientName: v.optional(nonEmpty),
      instanceSpace: v.optional(nonEmpty),
      includeViews: v.optional(stringList),
      excludeViews: v.optional(stringList),
      strict: v.optional(v.boolean()),
      /** Write into a non-empty folder pygen did not create (as --overwrite). */
      overwrite: v.optional(v.boolean()),
      templates: v.optional(nonEmpty),
      /** The layout options of GeneratorConfig; each language says what they mean for it, or refuses them. */
      flatStructure: v.optional(v.boolean()),
      singleFile: v.optional(v.boolean()),
    }),
  ),
});
export type PygenConfig = v.InferOutput<typeof PygenConfigSchema>;

export interface LoadedConfig {
  /** The file the configuration came from; undefined when none was found. */
  path: string | undefined;
  config: PygenConfig;
  /** Things the user should fix but that do not stop pygen (literal secrets). */
  warnings: string[];
}

const CONFIG_FILE_NAMES = ["pygen.yaml", "pygen.yml"];
const SECRET_KEYS = [
  ["client", "clientSecret", "CDF_CLIENT_SECRET"],
  ["client", "token", "CDF_TOKEN"],
] as const;

/**
 * Finds and reads the configuration: `explicitPath` if given (it must exist), else pygen.yaml / pygen.yml in
 * `cwd`, else pyproject.toml's [tool.pygen] in `cwd`. Relative paths inside are resolved against the file.
 */
export async function loadConfig(options: {
  cwd: string;
  explicitPath?: string;
  env?: Record<string, string | undefined>;
}): Promise<LoadedConfig> {
  const env = options.env ?? process.env;
  if (options.explicitPath !== undefined) {
    const path = resolve(options.cwd, options.explicitPath);
    if (!existsSync(path)) throw new ParseError("config file not found", { location: options.explicitPath });
    if (!path.endsWith(".toml")) return loadPygenYaml(path, env);
    // Found by search, a pyproject.toml without the section is just another project's file; named, it is a mistake.
    const loaded = await loadPyproject(path);
    if (!loaded.path) throw new ParseError("has no [tool.pygen] section", { location: options.explicitPath });
    return loaded;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(options.cwd, name);
    if (existsSync(path)) return loadPygenYaml(path, env);
  }
  const pyproject = join(options.cwd, "pyproject.toml");
  if (existsSync(pyproject)) {
    const loaded = await loadPyproject(pyproject);
    if (loaded.path) return loaded;
  }
  return { path: undefined, config: {}, warnings: [] };
}

async function loadPygenYaml(path: string, env: Record<string, string | undefined>): Promise<LoadedConfig> {
  const text = await readTextFile(path, "config file");
  const raw = parseYaml(text, path) ?? {};
  const warnings = SECRET_KEYS.flatMap(([section, key, variable]) => {
    const value = (raw as Record<string, Record<string, unknown> | undefined>)[section]?.[key];
    return typeof value === "string" && !/^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(value.trim())
      ? [
          `${path}: ${section}.${key} is written into the file; keep secrets out of files: set ${variable} in the environment and write ${key}: \${${variable}}`,
        ]
      : [];
  });
  const interpolated = interpolate(raw, env, path, []);
  return { path, config: resolvePaths(validate(interpolated, path), dirname(path)), warnings };
}

/** Replaces `${NAME}` in every string with the environment variable; `$$` writes a literal `$`. */
function interpolate(value: unknown, env: Record<string, string | undefined>, file: string, path: string[]): unknown {
  if (typeof value === "string") {
    return value.replace(/\$\$|\$\{([^}]*)\}/g, (match, name: string | undefined) => {
      if (match === "$$") return "$";
      if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        throw new ParseError(`${path.join(".")}: "${match}" is not a valid variable reference`, { location: file });
      const replacement = env[name];
      if (replacement === undefined)
        throw new ParseError(`${path.join(".")} needs the environment variable ${name}, which is not set`, { location: file });
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => interpolate(item, env, file, [...path, String(index)]));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, env, file, [...path, key])]));
  }
  return value;
}

function validate(raw: unknown, file: string): PygenConfig {
  const result = v.safeParse(PygenConfigSchema, raw);
  if (result.success) return result.output;
  const issues = result.issues.map((issue) => `${v.getDotPath(issue) ?? "(top level)"}: ${readableIssueMessage(issue)}`);
  throw new ParseError(`invalid configuration at ${issues[0]}`, { location: file, details: issues.slice(1) });
}

function resolvePaths(config: PygenConfig, base: string): PygenConfig {
  const at = (path: string | undefined) => (path === undefined ? undefined : resolve(base, path));
  const model = config.model?.file ? { ...config.model, file: at(config.model.file) as string } : config.model;
  const generation = config.generation && {
    ...config.generation,
    ...(config.generation.output ? { output: at(config.generation.output) as string } : {}),
    ...(config.generation.templates ? { templates: at(config.generation.templates) as string } : {}),
  };
  return { ...config, ...(model ? { model } : {}), ...(generation ? { generation } : {}) };
}

// ── pygen v1: [tool.pygen] in pyproject.toml, client_secret in .secret.toml ────────────────────────────────

/**
 * pygen v1's `[tool.pygen]` settings (those of cognite-pygen 1.4.2's PygenSettings) and where each lands in
 * PygenConfig. Settings without a meaning here have a note instead: what pygen does in their place.
 */
const V1_KEYS: Record<string, (config: MutableConfig, value: unknown) => void> = {
  cdf_cluster: (config, value) => (config.client.cluster = value),
  cdf_project: (config, value) => (config.client.project = value),
  cdf_url: (config, value) => (config.client.baseUrl = value),
  tenant_id: (config, value) => (config.client.tenantId = value),
  token_url: (config, value) => (config.client.tokenUrl = value),
  // v1 takes the scopes as one string; several are separated by spaces or commas, as in --scopes.
  scopes: (config, value) => (config.client.scopes = typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : value),
  audience: (config, value) => (config.client.audience = value),
  client_id: (config, value) => (config.client.clientId = value),
  client_secret: (config, value) => (config.client.clientSecret = value),
  top_level_package: (config, value) => (config.generation.topLevelPackage = value),
  client_name: (config, value) => (config.generation.clientName = value),
  instance_space: (config, value) => (config.generation.instanceSpace = value),
  output_dir: (config, value) => (config.generation.output = value),
  overwrite: (config, value) => (config.generation.overwrite = v1Boolean(value)),
  data_models: (config, value) =>
    (config.model.ids = Array.isArray(value)
      ? value.map((id) => (Array.isArray(id) ? { space: id[0], externalId: id[1], version: id[2] } : id))
      : value),
  space: (config, value) => (config.v1Single.space = value),
  external_id: (config, value) => (config.v1Single.externalId = value),
  version: (config, value) => (config.v1Single.version = value),
};

/** v1 read its settings as text, so `overwrite = "true"` is as valid there as `overwrite = true`. */
function v1Boolean(value: unknown): unknown {
  const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  return text === "true" ? true : text === "false" ? false : value;
}

const ALWAYS_FORMATTED = "pygen always formats the SDK it generates (ruff-format clean, with the formatter inside the binary)";

/** v1 settings, and spellings of them, that mean nothing here: each is read, warned about and left out. */
const V1_KEYS_WITHOUT_MEANING: Record<string, string> = {
  format_code: ALWAYS_FORMATTED,
  skip_formatting: ALWAYS_FORMATTED,
};

type MutableConfig = {
  client: Record<string, unknown>;
  generation: Record<string, unknown>;
  model: Record<string, unknown>;
  v1Single: Record<string, unknown>;
};

async function loadPyproject(path: string): Promise<LoadedConfig> {
  const text = await readTextFile(path, "config file");
  let document: unknown;
  try {
    document = Bun.TOML.parse(text);
  } catch (error) {
    throw new ParseError(`invalid TOML: ${(error as Error).message}`, { location: path, cause: error });
  }
  const section = (document as { tool?: { pygen?: unknown } }).tool?.pygen;
  if (section === undefined) return { path: undefined, config: {}, warnings: [] };
  if (section === null || typeof section !== "object") throw new ParseError("[tool.pygen] must be a table", { location: path });

  const mutable: MutableConfig = { client: {}, generation: {}, model: {}, v1Single: {} };
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(section)) {
    const apply = V1_KEYS[key];
    if (apply) apply(mutable, value);
    else if (key in V1_KEYS_WITHOUT_MEANING) warnings.push(`${path}: [tool.pygen] ${key} is ignored: ${V1_KEYS_WITHOUT_MEANING[key]}`);
    // pygen v1 ignored keys it did not know, so a v1 config may hold some: named, not fatal.
    else warnings.push(`${path}: [tool.pygen] has an unknown key "${key}", which is ignored; known: ${Object.keys(V1_KEYS).join(", ")}`);
  }
  if ("client_secret" in section)
    warnings.push(`${path}: client_secret is written into [tool.pygen]; move it to .secret.toml or set CDF_CLIENT_SECRET`);
  if (Object.keys(mutable.v1Single).length > 0) mutable.model.ids = [...((mutable.model.ids as unknown[]) ?? []), mutable.v1Single];

  const secretPath = join(dirname(path), ".secret.toml");
  if (existsSync(secretPath)) {
    const secretText = await readTextFile(secretPath, "secrets file");
    let secrets: { cognite?: { client_secret?: unknown } };
    try {
      secrets = Bun.TOML.parse(secretText) as typeof secrets;
    } catch (error) {
      throw new ParseError(`invalid TOML: ${(error as Error).message}`, { location: secretPath, cause: error });
    }
    if (secrets.cognite?.client_secret !== undefined) mutable.client.clientSecret = secrets.cognite.client_secret;
  }
  const raw = Object.fromEntries(
    Object.entries({ client: mutable.client, model: mutable.model, generation: mutable.generation }).filter(
      ([, part]) => Object.keys(part).length > 0,
    ),
  );
  return { path, config: resolvePaths(validate(raw, path), dirname(path)), warnings };
}
