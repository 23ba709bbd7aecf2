/**
 * What every language generator offers (DESIGN.md §1: IR → SDK plan → files) and the options they share. A
 * generator turns the plan of a named IR into file contents only; writing them is the caller's job (src/output/), so generating stays pure
 * and testable.
 */
import { GenerationError } from "../errors.ts";
import type { GeneratedFile } from "../output/writer.ts";
import type { GeneratorWarning, SdkPlan } from "../plan/sdk-plan.ts";

/** One generated file: a path relative to the output directory (forward slashes) and its text. */
export type { GeneratedFile, GeneratorWarning };

export interface GeneratorOutput {
  files: GeneratedFile[];
  warnings: GeneratorWarning[];
  /** Data classes generated (read and write classes of every view). */
  classes: number;
}

export interface LanguageGenerator {
  /** The whole SDK for the plan of a named IR. */
  generate(plan: SdkPlan): GeneratorOutput;
}

/** One view as the SDK a package extension builds on generated it. */
export interface ExtendedView {
  classId: string;
  /** node: the SDK reads it as nodes (it has an API); edge: as edges only. */
  kind: "node" | "edge";
  /** The keyword filters the SDK's API takes for the view, in its spelling (`min_capacity`), beyond the node's own. */
  keywordFilters: string[];
}

/**
 * What a language built on another one's SDK adds to that SDK's package (PySpark on Python: `spark.py`, the
 * vendored `_spark/`, a `spark` extra and a README section). The base language's generator (language.ts,
 * `extend`) asks it for its part once it has planned its views, so the two never decide a name twice.
 */
export interface PackageExtension {
  /** Module and folder names it adds at the package root; the base SDK's own modules keep clear of them. */
  readonly modules: readonly string[];
  /** Of those, the folders copied verbatim (vendored), which the package's linters leave alone. */
  readonly vendored: readonly string[];
  /** Optional dependency groups the package declares for it. */
  readonly extras: readonly { name: string; comment: string; requirements: readonly string[] }[];
  /** Its files (paths inside the package folder), its warnings and its section of the package's README. */
  contribute(sdk: SdkPlan, views: readonly ExtendedView[]): { files: GeneratedFile[]; warnings: GeneratorWarning[]; readme: string };
}

const NAME_CASES = ["pascal", "camel", "snake"] as const;
export type NameCase = (typeof NAME_CASES)[number];

export interface GeneratorConfig {
  /**
   * The package (module, namespace) of the SDK in the target language. For Python the import name, also the
   * distribution name in pyproject.toml; dotted names (`movie_domain.client`) are nested packages, as in pygen v1.
   */
  topLevelPackage: string;
  /** The client class, e.g. `HydroPlantClient`. */
  clientName: string;
  /** Instance space bare external ids refer to; none makes every call name a space. */
  defaultSpace?: string;
  /** Case of generated class and field names (pygen v1's naming options); pygen v1's conventions by default. */
  naming: { className: NameCase; field: NameCase };
  /** The formatter line length the emitted code respects, also written into the SDK's ruff config. */
  lineLength: number;
  /** Spaces per indentation level, also written into the SDK's ruff config. */
  indent: number;
  /** Docstrings from the model's descriptions. */
  docstrings: boolean;
  /** Type annotations; Python refuses to turn them off (its data classes are pydantic models built from them). */
  typeHints: boolean;
  /** Usage examples in the generated README. */
  examples: boolean;
  /** Everything in one module; each language says what that means for it, or refuses it (Python does, for now). */
  singleFile: boolean;
  /** One flat package instead of folders per kind (Python: no `data_classes/`, `_api/`; python/package-layout.ts). */
  flatStructure: boolean;
  /** A directory whose templates override the embedded ones, file by file. */
  templateDir?: string;
  /** Recorded as `__pygen_version__`. */
  pygenVersion: string;
  /** Recorded as `__generated_at__`, ISO 8601 in UTC. */
  generatedAt: string;
}

/** Options as callers give them: everything but the identity of the SDK may be left to defaults. */
export type GeneratorOptions = Partial<GeneratorConfig>;

const LINE_LENGTH = { min: 60, max: 320 };
const INDENT = { min: 2, max: 8 };
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `SOURCE_DATE_EPOCH` (reproducible-builds.org) when set, so the same input gives the same bytes; now otherwise.
 * Seconds are kept, fractions dropped.
 */
export function generationTime(env: Record<string, string | undefined> = process.env, now: () => Date = () => new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new GenerationError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
    return new Date(Number(epoch) * 1000).toISOString().replace(".000Z", "+00:00");
  }
  return `${now().toISOString().slice(0, 19)}+00:00`;
}

/**
 * The options every language reads, checked; each language refuses what it cannot honour in its own
 * `checkConfig` (language.ts), never silently ignoring an option.
 */
export function checkConfig(config: GeneratorConfig): GeneratorConfig {
  const refuse = (message: string) => {
    throw new GenerationError(message);
  };
  if (!Number.isInteger(config.lineLength) || config.lineLength < LINE_LENGTH.min || config.lineLength > LINE_LENGTH.max) {
    refuse(`line length must be a whole number from ${LINE_LENGTH.min} to ${LINE_LENGTH.max}, not ${config.lineLength}`);
  }
  if (!Number.isInteger(config.indent) || config.indent < INDENT.min || config.indent > INDENT.max) {
    refuse(`indent must be ${INDENT.min} to ${INDENT.max} spaces, not ${config.indent}`);
  }
  const clientProblem = clientNameProblem(config.clientName);
  if (clientProblem !== undefined) refuse(clientProblem);
  for (const [slot, nameCase] of Object.entries(config.naming)) {
    if (!NAME_CASES.includes(nameCase)) refuse(`${slot} naming must be one of ${NAME_CASES.join(", ")}, not "${nameCase}"`);
  }
  return config;
}

/** Why the client class cannot have this name, if it cannot (every target language needs an identifier). */
export function clientNameProblem(name: string): string | undefined {
  return IDENTIFIER.test(name) ? undefined : `client name must be an identifier (letters, digits, underscores), not "${name}"`;
}
