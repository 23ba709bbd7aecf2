/**
 * A generation job: what is queued (the model itself, never credentials: the accepting request fetched it),
 * what a run produces, and the run itself, which is the pipeline as the CLI calls it. Both queue backends store
 * the same encoded payload and result.
 */
import type { DataModel } from "../client/models.ts";
import { parseJson, stringifyJson } from "../data-formats.ts";
import { PygenError } from "../errors.ts";
import type { GeneratedFile } from "../output/writer.ts";
import { type GenerationWarning, generateSdk } from "../pipeline.ts";
import { selectViews } from "../view-filter.ts";
import type { GenerationOptions, JobState, OutputFormat } from "./schemas.ts";

export interface JobPayload {
  models: DataModel[];
  origin: string;
  language: string;
  outputFormat: OutputFormat;
  options: GenerationOptions;
  /** Fixed when the job is accepted, so a job run twice (a worker died) gives byte-identical files. */
  generatedAt: string;
  /** The API key id that submitted the job; only it may read the job. */
  owner: string;
}

export interface JobError {
  code: string;
  message: string;
  details?: string[];
}

export interface JobSummary {
  package: string;
  client_name: string;
  files: number;
  lines: number;
  classes: number;
  duration_ms: number;
}

export type JobOutcome =
  | { ok: true; files: GeneratedFile[]; warnings: GenerationWarning[]; summary: JobSummary }
  | { ok: false; warnings: GenerationWarning[]; errors: JobError[] };

/** A job as the server reports it, whichever backend holds it. */
export interface JobRecord {
  id: string;
  state: JobState;
  owner: string;
  language: string;
  outputFormat: OutputFormat;
  createdAt: number;
  finishedAt?: number;
  expiresAt?: number;
  outcome?: JobOutcome;
}

/** Runs the pipeline on a payload. Never throws for a model problem: that is a failed outcome with its errors. */
export function runJob(payload: JobPayload): JobOutcome {
  const { options } = payload;
  const warnings: GenerationWarning[] = [];
  try {
    const { models, unmatched } = selectViews(payload.models, {
      include: options.include_views ?? [],
      exclude: options.exclude_views ?? [],
    });
    for (const pattern of unmatched) {
      warnings.push({
        source: "generator",
        severity: "warning",
        code: "UNMATCHED_VIEW_PATTERN",
        location: pattern,
        message: `the view pattern "${pattern}" matches no view`,
      });
    }
    const result = generateSdk(
      { models, origin: payload.origin },
      {
        strict: options.strict ?? false,
        language: payload.language,
        topLevelPackage: options.top_level_package,
        clientName: options.client_name,
        defaultSpace: options.instance_space,
        generatedAt: payload.generatedAt,
      },
    );
    return {
      ok: true,
      files: result.files,
      warnings: [...warnings, ...result.warnings],
      summary: {
        package: result.config.topLevelPackage,
        client_name: result.config.clientName,
        files: result.files.length,
        lines: result.lines,
        classes: result.classes,
        duration_ms: Math.round(result.durationMs),
      },
    };
  } catch (error) {
    return { ok: false, warnings, errors: [jobError(error)] };
  }
}

/** A failure as the API shows it: PygenErrors by their class, anything else as an internal error without a stack. */
export function jobError(error: unknown): JobError {
  if (error instanceof PygenError) {
    return { code: errorCode(error.name), message: error.message, ...(error.details.length > 0 ? { details: error.details } : {}) };
  }
  return { code: "internal_error", message: `internal error: ${error instanceof Error ? error.message : String(error)}` };
}

/** `ValidationError` → `validation_error`. */
const errorCode = (name: string) => name.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();

// Payloads and outcomes are stored gzipped: a model is mostly repeated keys and compresses tenfold.
export const encode = (value: unknown): Uint8Array =>
  // Level 1: most of the size gain for a fraction of the time (it runs on the thread that answers requests).
  Bun.gzipSync(new TextEncoder().encode(stringifyJson(value)), { level: 1 });
export const decode = <T>(bytes: Uint8Array<ArrayBuffer>): T => parseJson(new TextDecoder().decode(Bun.gunzipSync(bytes)), "job data") as T;
