/**
 * The pipeline (DESIGN.md §1): data models → validate → IR → generator → files. It writes nothing: the CLI and
 * the service hand the files to src/output/. Generation never crashes on an incomplete model; what is left out
 * is reported as a warning, and `strict` turns every warning into a failure.
 */
import type { DataModel } from "./client/models.ts";
import { ValidationError } from "./errors.ts";
import { checkConfig, type GeneratedFile, type GeneratorConfig, type GeneratorOptions, generationTime } from "./generators/generator.ts";
import { PythonGenerator } from "./generators/python/generator.ts";
import { pythonNaming } from "./generators/python/naming.ts";
import { transformModel } from "./ir/index.ts";
import { applyRule, type LanguageNaming, splitWords } from "./ir/naming.ts";
import { DataModelValidator, type ValidationResult } from "./validate/index.ts";
import type { Severity } from "./validate/issues.ts";
import { PYGEN_VERSION } from "./version.ts";

export interface GenerationInput {
  models: DataModel[];
  /** Where the models came from (a file path, CDF, the bundled example), for messages. */
  origin: string;
}

export interface PipelineOptions extends GeneratorOptions {
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
}

const DEFAULT_LINE_LENGTH = 120;

export function generateSdk(input: GenerationInput, options: PipelineOptions = {}): GenerationResult {
  const started = performance.now();
  const strict = options.strict ?? false;
  // Checked before anything runs, so a bad option fails fast with its own message.
  const config = checkConfig(resolveConfig(input.models, options));
  const naming = namingFor(config);
  const validation = DataModelValidator.validate(input.models, { strict, language: naming });
  const validationWarnings = [...validation.errors, ...validation.warnings].map(
    (issue): GenerationWarning => ({ source: "validation", ...issue }),
  );
  // The validator parsed the filtered model and planned its names for this language: both are reused.
  const ir = transformModel(validation.ir, { naming, namePlan: validation.namePlan });
  const output = new PythonGenerator(config).generate(ir);
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
  };
}

function countLines(text: string): number {
  if (text === "") return 0;
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count++;
  return text.endsWith("\n") ? count : count + 1;
}

/**
 * Options with pygen v1's defaults filled in: the package is the first model's external id in snake case, the
 * client its PascalCase with `Client`.
 */
export function resolveConfig(models: readonly DataModel[], options: PipelineOptions): GeneratorConfig {
  const words = splitWords(models[0]?.externalId ?? "cdf");
  const startsWithDigit = /^[0-9]/.test(words[0] ?? "");
  const base = startsWithDigit ? ["sdk", ...words] : words;
  return {
    topLevelPackage: options.topLevelPackage ?? applyRule(base, { case: "snake" }),
    clientName: options.clientName ?? applyRule(base, { case: "pascal", suffix: "Client" }),
    defaultSpace: options.defaultSpace,
    naming: { className: "pascal", field: "snake", ...options.naming },
    lineLength: options.lineLength ?? DEFAULT_LINE_LENGTH,
    indent: options.indent ?? 4,
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

/** Python's naming with the configured cases for classes and fields (filter parameters follow the fields). */
function namingFor(config: GeneratorConfig): LanguageNaming {
  const { className, field } = config.naming;
  // The package exports the client beside the view classes: a view must not be named like it.
  const reservation: LanguageNaming["reservation"] = (name, namespace) =>
    namespace === "type" && name === config.clientName ? "generated" : pythonNaming.reservation(name, namespace);
  // Names fit the longest line of one name (`_view: ClassVar[ViewId] = X_VIEW`) in the configured line length, as
  // the default limit fits it in 120 columns: a narrower line cuts long names shorter.
  const maxNameLength = Math.min(pythonNaming.maxNameLength, config.lineLength - (DEFAULT_LINE_LENGTH - pythonNaming.maxNameLength));
  if (className === "pascal" && field === "snake") return { ...pythonNaming, reservation, maxNameLength };
  const classNames = Object.fromEntries(
    Object.entries(pythonNaming.classNames).map(([slot, rule]) => [slot, rule.namespace === "type" ? { ...rule, case: className } : rule]),
  ) as LanguageNaming["classNames"];
  const filterParameters = Object.fromEntries(
    Object.entries(pythonNaming.filterParameters).map(([operator, rule]) => [operator, { ...rule, case: field }]),
  ) as LanguageNaming["filterParameters"];
  return { ...pythonNaming, reservation, maxNameLength, classNames, field: { ...pythonNaming.field, case: field }, filterParameters };
}
