/**
 * The pipeline (DESIGN.md §1): data models → validate → IR → SDK plan → generator → files. It writes nothing: the CLI and
 * the service hand the files to src/output/. Generation never crashes on an incomplete model; what is left out
 * is reported as a warning, and `strict` turns every warning into a failure.
 */
import type { DataModel } from "./client/models.ts";
import { ValidationError } from "./errors.ts";
import { checkConfig, type GeneratedFile, type GeneratorConfig, type GeneratorOptions, generationTime } from "./generators/generator.ts";
import type { LanguageDescription } from "./generators/language.ts";
import { DEFAULT_LANGUAGE, languageNamed } from "./generators/registry.ts";
import { transformModel } from "./ir/index.ts";
import type { Severity } from "./ir/issues.ts";
import { splitWords } from "./ir/naming.ts";
import { planSdk } from "./plan/sdk-plan.ts";
import { DataModelValidator, type ValidationResult } from "./validate/index.ts";
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
  /** Validation errors (their parts were left out) and warnings, then what the generator skipped. */
  warnings: GenerationWarning[];
  validation: ValidationResult;
  config: GeneratorConfig;
  /** The language generated. */
  language: LanguageDescription;
}

export function generateSdk(input: GenerationInput, options: PipelineOptions = {}): GenerationResult {
  const started = performance.now();
  const strict = options.strict ?? false;
  // Checked before anything runs, so a bad option fails fast with its own message.
  const language = resolveLanguage(options.language);
  const config = checkConfig(resolveConfig(input.models, options, language));
  language.checkConfig(config);
  const naming = language.namingFor(config);
  const validation = DataModelValidator.validate(input.models, { strict, language: naming });
  const validationWarnings = [...validation.errors, ...validation.warnings].map(
    (issue): GenerationWarning => ({ source: "validation", ...issue }),
  );
  // The validator parsed the filtered model and planned its names for this language: both are reused.
  const ir = transformModel(validation.ir, { naming, namePlan: validation.namePlan });
  const output = language.createGenerator(config).generate(planSdk(ir));
  const generatorWarnings = output.warnings.map((warning): GenerationWarning => ({ source: "generator", severity: "warning", ...warning }));
  // Strict: everything that would be left out or changed is listed at once, validation and generator alike.
  const blocking = strict ? [...validation.errors, ...generatorWarnings] : [];
  if (blocking.length > 0) {
    throw new ValidationError(`${input.origin}: ${blocking.length} issue(s) block generation with --strict`, {
      details: blocking.map((issue) => `${issue.code} ${issue.location}: ${issue.message}`),
    });
  }
  return {
    files: output.files,
    lines: output.files.reduce((total, file) => total + countLines(file.content), 0),
    classes: output.classes,
    durationMs: performance.now() - started,
    warnings: [...validationWarnings, ...generatorWarnings],
    validation,
    config,
    language,
  };
}

function resolveLanguage(language: PipelineOptions["language"]): LanguageDescription {
  if (language === undefined) return DEFAULT_LANGUAGE;
  return typeof language === "string" ? languageNamed(language) : language;
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
