/**
 * What every language generator offers (DESIGN.md §1: IR → files) and the options they share. A generator turns
 * a named IR into file contents only; writing them is the caller's job (src/output/), so generating stays pure
 * and testable.
 */
import { GenerationError } from "../errors.ts";
import type { IRClass, IRModel, IRModule } from "../ir/types.ts";
import type { GeneratedFile } from "../output/writer.ts";
import { isHardKeyword } from "./python/keywords.ts";

/** One generated file: a path relative to the output directory (forward slashes) and its text. */
export type { GeneratedFile };

/** Something the generator left out or degraded, for the pipeline's warnings (never silently dropped). */
export interface GeneratorWarning {
  /** `_SKIPPED`: a part left out of the SDK; `RENAMED`: a generated name changed because another has it. */
  code: "EDGE_PROPERTIES_SKIPPED" | "FILTER_SKIPPED" | "RENAMED";
  /** `space/View` or `space/View/property`, as validation issues locate things. */
  location: string;
  message: string;
}

export interface GeneratorOutput {
  files: GeneratedFile[];
  warnings: GeneratorWarning[];
  /** Data classes generated (read and write classes of every view). */
  classes: number;
}

export interface LanguageGenerator {
  /** The whole SDK for a named IR. */
  generate(model: IRModel): GeneratorOutput;
  /** The files of one class (view): its data classes and its API. */
  generateClass(irClass: IRClass, model: IRModel): GeneratedFile[];
  /** The files of one data model's package: client, exports, packaging. */
  generateModule(module: IRModule, model: IRModel): GeneratedFile[];
  /** Generated code is emitted formatted; this only normalises line endings and the final newline. */
  formatCode(code: string): string;
  /** Extension of source files, with the dot: `.py`. */
  getFileExtension(): string;
}

const NAME_CASES = ["pascal", "camel", "snake"] as const;
export type NameCase = (typeof NAME_CASES)[number];

export interface GeneratorConfig {
  /**
   * The Python package (import name) of the SDK; also the distribution name in pyproject.toml. Dotted names
   * (`movie_domain.client`) are nested packages, as in pygen v1.
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
  /** Type annotations; the data classes are pydantic models, so they cannot be turned off. */
  typeHints: boolean;
  /** Usage examples in the generated README. */
  examples: boolean;
  /** Everything in one module (not supported yet). */
  singleFile: boolean;
  /** Data classes and APIs side by side instead of in `data_classes/` and `_api/` (not supported yet). */
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
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

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

/** Every option checked: the ones a generator cannot honour yet are refused, never silently ignored. */
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
  for (const problem of [packageNameProblem(config.topLevelPackage), clientNameProblem(config.clientName)]) {
    if (problem !== undefined) refuse(problem);
  }
  for (const [slot, nameCase] of Object.entries(config.naming)) {
    if (!NAME_CASES.includes(nameCase)) refuse(`${slot} naming must be one of ${NAME_CASES.join(", ")}, not "${nameCase}"`);
  }
  if (!config.typeHints) refuse("type hints cannot be turned off: the generated data classes are pydantic models built from them");
  if (config.singleFile) refuse("single_file is not supported yet: the SDK is generated as a package (data_classes/, _api/)");
  if (config.flatStructure) refuse("flat_structure is not supported yet: data classes and APIs go to data_classes/ and _api/");
  return config;
}

/** Why the client class cannot have this name, if it cannot. */
export function clientNameProblem(name: string): string | undefined {
  return IDENTIFIER.test(name) ? undefined : `client name must be an identifier (letters, digits, underscores), not "${name}"`;
}

/** Why Python could not import a package of this name, if it could not: each dotted part is a package of its own. */
export function packageNameProblem(name: string): string | undefined {
  for (const part of name.split(".")) {
    const which = part === name ? `"${name}"` : `"${part}" in "${name}"`;
    if (!IDENTIFIER.test(part)) {
      return `top-level package must be an identifier (letters, digits, underscores) or dot-separated identifiers: ${which} is not one`;
    }
    if (isHardKeyword(part)) return `top-level package cannot be or contain a Python keyword: ${which}`;
  }
  return undefined;
}
