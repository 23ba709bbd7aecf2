/**
 * The service's request and response shapes, as valibot schemas: the same schemas check every request and
 * describe the API in /openapi.json (openapi.ts), so the document cannot drift from what the server accepts.
 * Field names are snake_case, as in the seed's API.
 */
import * as v from "valibot";
import { DEFAULT_LANGUAGE, languageKeys } from "../generators/registry.ts";

/** Languages the service generates: the language registry's. */
export const SERVICE_LANGUAGES: readonly string[] = languageKeys();
export const OUTPUT_FORMATS = ["zip", "tarball", "code"] as const;
export const JOB_STATES = ["queued", "processing", "completed", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const text = (description: string) => v.pipe(v.string(), v.minLength(1), v.maxLength(2048), v.description(description));
const globs = (description: string) =>
  v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(255))), v.maxLength(500), v.description(description)));

const TokenCredentials = v.strictObject({ token: text("A bearer token for CDF") });
const ClientCredentials = v.strictObject({
  client_id: text("OAuth2 client id"),
  client_secret: text("OAuth2 client secret"),
  token_url: v.optional(text("OAuth2 token endpoint (https, on the allowlist); or tenant_id for Entra ID")),
  tenant_id: v.optional(text("Entra ID tenant; the token URL is derived from it")),
  scopes: v.optional(text("Space-separated scopes (default: <cdf_url>/.default)")),
});
export const CdfCredentialsSchema = v.pipe(
  v.union([TokenCredentials, ClientCredentials]),
  v.description("Used for one fetch of the model, then dropped: never stored, queued, logged or echoed"),
);

export const GenerationOptionsSchema = v.strictObject({
  top_level_package: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/), v.description("Python package of the SDK")),
  ),
  client_name: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/), v.description("Client class name"))),
  instance_space: v.optional(text("Default instance space of the generated SDK")),
  include_views: globs("Only views matching these globs (externalId or space:externalId)"),
  exclude_views: globs("Leave out views matching these globs"),
  strict: v.optional(v.pipe(v.boolean(), v.description("Fail the job on validation warnings and anything the generator would skip"))),
});
export type GenerationOptions = v.InferOutput<typeof GenerationOptionsSchema>;

const InlineModel = v.pipe(
  v.union([v.string(), v.record(v.string(), v.unknown()), v.array(v.unknown())]),
  v.description(
    "A model file's content (YAML or JSON text), or the parsed document: a data model with inline views, a list, or {items: [...]}",
  ),
);

export const GenerateRequestSchema = v.pipe(
  v.strictObject({
    model: v.optional(InlineModel),
    space: v.optional(text("Space of the data model in CDF")),
    external_id: v.optional(text("External id of the data model in CDF")),
    version: v.optional(text("Version of the data model in CDF")),
    project: v.optional(text("CDF project")),
    cdf_url: v.optional(text("CDF cluster URL, https and on the service's allowlist, e.g. https://westeurope-1.cognitedata.com")),
    cdf_credentials: v.optional(CdfCredentialsSchema),
    language: v.optional(v.picklist(SERVICE_LANGUAGES), DEFAULT_LANGUAGE.key),
    output_format: v.optional(v.picklist(OUTPUT_FORMATS), "zip"),
    options: v.optional(GenerationOptionsSchema, {}),
  }),
  v.check(
    (request) => (request.model !== undefined) !== (request.external_id !== undefined),
    "give either `model` (inline) or `space`, `external_id`, `version`, `project`, `cdf_url` and `cdf_credentials` (CDF)",
  ),
  v.check(
    (request) =>
      request.model !== undefined ||
      (request.space !== undefined &&
        request.version !== undefined &&
        request.project !== undefined &&
        request.cdf_url !== undefined &&
        request.cdf_credentials !== undefined),
    "a model from CDF needs `space`, `external_id`, `version`, `project`, `cdf_url` and `cdf_credentials`",
  ),
);
export type GenerateRequest = v.InferOutput<typeof GenerateRequestSchema>;

export const ValidateRequestSchema = v.strictObject({
  model: InlineModel,
  strict: v.optional(v.pipe(v.boolean(), v.description("Count warnings as errors"))),
});

export const ErrorResponseSchema = v.strictObject({
  error: v.strictObject({ code: v.string(), message: v.string(), details: v.optional(v.array(v.string())) }),
});

export const JobAcceptedSchema = v.strictObject({ job_id: v.string(), status: v.literal("queued") });

const WarningSchema = v.object({ source: v.string(), severity: v.string(), code: v.string(), location: v.string(), message: v.string() });

export const JobStatusSchema = v.strictObject({
  job_id: v.string(),
  status: v.picklist(JOB_STATES),
  language: v.string(),
  output_format: v.picklist(OUTPUT_FORMATS),
  created_at: v.string(),
  finished_at: v.optional(v.string()),
  download_url: v.optional(v.string()),
  expires_at: v.optional(v.string()),
  summary: v.optional(
    v.object({
      package: v.string(),
      client_name: v.string(),
      files: v.number(),
      lines: v.number(),
      classes: v.number(),
      duration_ms: v.number(),
    }),
  ),
  warnings: v.array(WarningSchema),
  errors: v.array(v.object({ code: v.string(), message: v.string(), details: v.optional(v.array(v.string())) })),
});
export type JobStatusResponse = v.InferOutput<typeof JobStatusSchema>;

export const CodeResponseSchema = v.strictObject({ files: v.array(v.object({ path: v.string(), content: v.string() })) });

export const HealthSchema = v.strictObject({
  status: v.picklist(["ok", "degraded"]),
  queue: v.object({ backend: v.string(), ok: v.boolean(), message: v.optional(v.string()) }),
});

export const VersionSchema = v.strictObject({ version: v.string(), languages: v.array(v.string()), output_formats: v.array(v.string()) });

export const ValidationReportSchema = v.strictObject({
  isValid: v.boolean(),
  counts: v.object({ errors: v.number(), warnings: v.number(), infos: v.number() }),
  issues: v.array(v.object({ severity: v.string(), code: v.string(), location: v.string(), message: v.string() })),
});

/** The checked request, or the first issues as messages that name the field and never echo a value (it may be a secret). */
export function parseRequest<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): { ok: true; value: v.InferOutput<TSchema> } | { ok: false; messages: string[] } {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, messages: result.issues.slice(0, 10).map(describeIssue) };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  // A key the schema does not know is reported by name; valibot's own message would quote the value.
  if (issue.kind === "schema" && issue.type === "strict_object" && issue.expected === "never") return `${path ?? "(body)"}: unknown field`;
  if (issue.type === "check" || issue.type === "custom") return issue.message;
  const expected = issue.expected ? `expected ${issue.expected}` : "invalid value";
  return path ? `${path}: ${expected}` : expected;
}
