/**
 * The pipeline (DESIGN.md §1): data models → validate → IR → SDK plan → generator → files. It writes nothing: the CLI and
 * the service hand the files to src/output/. Generation never crashes on an incomplete model: a part with an error
 * is left out and reported, the rest is generated. `strict` turns every warning (validator and generator alike)
 * into an error, and any error then stops generation. `pygen validate` and `pygen generate` both read the findings
 * and the verdict from here, so they always agree.
 */
import type { DataModel } from "./client/models.ts";
import { ValidationError } from "./errors.ts";
import {
  checkConfig,
  type GeneratedFile,
  type GeneratorConfig,
  type GeneratorOptions,
  type GeneratorWarning,
  generationTime,
} from "./generators/generator.ts";
import type { LanguageDescription } from "./generators/language.ts";
import { DEFAULT_LANGUAGE, languageNamed } from "./generators/registry.ts";
import { transformModel } from "./ir/index.ts";
import type { Severity } from "./ir/issues.ts";
import { splitWords } from "./ir/naming.ts";
import { planSdk } from "./plan/sdk-plan.ts";
import { DataModelValidator, type ReportedIssue, type ValidationResult, type Verdict } from "./validate/index.ts";
import { PYGEN_VERSION } from "./version.ts";

export interface GenerationInput {
  models: DataModel[];
  /** Where the models came from (a file path, CDF, the bundled example), for messages. */
  origin: string;
}

export interface PipelineOptions extends GeneratorOptions {
  /** The target language: a key of the registry (generators/registry.ts) or a description; Python by default. */
  language?: string | LanguageDescription;
  /** Warnings become errors and stop generation. */
  strict?: boolean;
}

/** One thing the SDK lacks or changes compared with the model, from the validator or the generator. */
export interface GenerationWarning {
  source: "validation" | "generator";
  severity: Severity;
  code: string;
  location: string;
  message: string;
}

export interface GenerationResult {
  files: GeneratedFile[];
  /** Lines of all generated files. */
  lines: number;
  /** Data classes generated (read and write). */
  classes: number;
  durationMs: number;
  /** Errors (their parts were left out) and warnings, validation's and the generator's. */
  warnings: GenerationWarning[];
  validation: ValidationResult;
  /** Every finding, graded: the same as `pygen validate` reports for the same model and options. */
  verdict: Verdict;
  config: GeneratorConfig;
  /** The language generated. */
  language: LanguageDescription;
}

/** What the generator's own findings mean for the user, beside its message. */
const GENERATOR_SUGGESTIONS: Record<GeneratorWarning["code"], string> = {
  FILTER_SKIPPED: "Filter on the property with a raw filter (filter=...), or rename it to get a keyword filter",
  EDGE_PROPERTIES_SKIPPED: "Hold the edge properties in a view used for edges (usedFor edge or all)",
  RENAMED: "Rename the view or property in the data model to choose the name yourself",
  DATA_SOURCE_SKIPPED: "Read edges and reverse relations with the package's Python SDK, or from a node view's direct relations",
  COLUMN_RENAMED: "Rename the property in the data model to keep its identifier as the column name",
};

/**
 * Validates, builds the IR and runs the generator in memory; throws only for bad options, never for findings.
 * The verdict holds every finding with the severity `strict` gives it.
 */
export function runPipeline(
  input: GenerationInput,
  options: PipelineOptions = {},
): Omit<GenerationResult, "lines" | "durationMs" | "warnings"> {
  const strict = options.strict ?? false;
  // Checked before anything runs, so a bad option fails fast with its own message.
  const language = resolveLanguage(options.language);
  const config = checkConfig(resolveConfig(input.models, options, language));
  language.checkConfig(config);
  const naming = language.namingFor(config);
  const validation = DataModelValidator.validate(input.models, { strict, language: naming });
  // The validator parsed the filtered model and planned its names for this language: both are reused. What it
  // left out goes with the IR, so the SDK's README says what the SDK lacks.
  const leftOut = validation.errors.map(({ location, message }) => ({ location, message }));
  const ir = { ...transformModel(validation.ir, { naming, namePlan: validation.namePlan }), leftOut };
  const output = language.createGenerator(config).generate(planSdk(ir));
  const generatorIssues = output.warnings.map(
    (warning): ReportedIssue => ({
      source: "generator",
      severity: strict ? "error" : "warning",
      ...warning,
      suggestion: GENERATOR_SUGGESTIONS[warning.code],
      canAutoFix: false,
    }),
  );
  const errors = [...validation.errors, ...generatorIssues.filter((issue) => issue.severity === "error")];
  const verdict: Verdict = {
    errors,
    warnings: [...validation.warnings, ...generatorIssues.filter((issue) => issue.severity === "warning")],
    infos: validation.infos,
    isValid: errors.length === 0,
  };
  return { files: output.files, classes: output.classes, validation, verdict, config, language };
}

function resolveLanguage(language: PipelineOptions["language"]): LanguageDescription {
  if (language === undefined) return DEFAULT_LANGUAGE;
  return typeof language === "string" ? languageNamed(language) : language;
}

export function generateSdk(input: GenerationInput, options: PipelineOptions = {}): GenerationResult {
  const started = performance.now();
  const run = runPipeline(input, options);
  const { verdict } = run;
  const list = (issues: ReportedIssue[]) => issues.map((issue) => `${issue.code} ${issue.location}: ${issue.message}`);
  // Strict: everything that would be left out or changed is listed at once, validation and generator alike.
  if (options.strict && verdict.errors.length > 0) {
    throw new ValidationError(`${input.origin}: ${verdict.errors.length} issue(s) block generation with --strict`, {
      details: list(verdict.errors),
    });
  }
  const viewsGiven = input.models.some((model) => model.views.length > 0 || (model.rejected?.length ?? 0) > 0);
  if (viewsGiven && run.validation.filteredModel.every((model) => model.views.length === 0)) {
    throw new ValidationError(`${input.origin}: nothing is left to generate: every view of the data model has errors`, {
      details: list(verdict.errors),
    });
  }
  return {
    ...run,
    lines: run.files.reduce((total, file) => total + countLines(file.content), 0),
    durationMs: performance.now() - started,
    warnings: [...verdict.errors, ...verdict.warnings].map(({ source, severity, code, location, message }) => ({
      source: source ?? "validation",
      severity,
      code,
      location,
      message,
    })),
  };
}

function countLines(text: string): number {
  if (text === "") return 0;
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count++;
  return text.endsWith("\n") ? count : count + 1;
}

/**
 * Options with the language's defaults filled in (the package and client names come from the first model's
 * externalId).
 */
export function resolveConfig(
  models: readonly DataModel[],
  options: PipelineOptions,
  language: LanguageDescription = resolveLanguage(options.language),
): GeneratorConfig {
  const defaults = language.defaults(splitWords(models[0]?.externalId ?? "cdf"));
  return {
    topLevelPackage: options.topLevelPackage ?? defaults.topLevelPackage,
    clientName: options.clientName ?? defaults.clientName,
    defaultSpace: options.defaultSpace,
    naming: { ...defaults.naming, ...options.naming },
    lineLength: options.lineLength ?? defaults.lineLength,
    indent: options.indent ?? defaults.indent,
    docstrings: options.docstrings ?? true,
    typeHints: options.typeHints ?? true,
    examples: options.examples ?? true,
    singleFile: options.singleFile ?? false,
    flatStructure: options.flatStructure ?? false,
    templateDir: options.templateDir,
    pygenVersion: options.pygenVersion ?? PYGEN_VERSION,
    generatedAt: options.generatedAt ?? generationTime(),
  };
}
