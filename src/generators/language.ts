/**
 * What a target language brings to the pipeline: one description per language, exported by its folder under
 * src/generators/<language>/ and listed in registry.ts. The pipeline, the validator's naming rules, the CLI and
 * `doctor` read languages only through this interface, so adding one touches nothing else
 * (docs/adding-a-language.md).
 */
import type { LanguageNaming } from "../ir/naming.ts";
import type { GeneratorConfig, LanguageGenerator, PackageExtension } from "./generator.ts";

/** The options a language chooses its own defaults for. */
export type LanguageDefaults = Pick<GeneratorConfig, "topLevelPackage" | "clientName" | "naming" | "lineLength" | "indent">;

export interface LanguageDescription {
  /** `--language` and `generation.language` name it so: `python`. */
  readonly key: string;
  /** In messages and help: `Python`. */
  readonly displayName: string;
  /** Its naming conventions with the default options: reserved words, cases, suffixes. */
  readonly naming: LanguageNaming;
  /** The conventions for one run's options (name cases chosen by the user, names the SDK itself takes). */
  namingFor(config: GeneratorConfig): LanguageNaming;
  /** Defaults for the options the user left out, from the words of the first data model's externalId. */
  defaults(modelWords: readonly string[]): LanguageDefaults;
  /** Why the SDK's package (module, namespace) cannot have this name in the language, if it cannot. */
  packageNameProblem(name: string): string | undefined;
  /** Refuses (throws a GenerationError) options the language cannot honour: never silently ignored. */
  checkConfig(config: GeneratorConfig): void;
  /** The generator for one run. */
  createGenerator(config: GeneratorConfig): LanguageGenerator;
  /**
   * A language whose SDK others build on: its generator with an extension's part added to the package (a
   * language such as PySpark is this one's SDK plus its own files; the registry composes the two).
   */
  extend?(config: GeneratorConfig, extension: PackageExtension): LanguageGenerator;
  /** The checks every SDK it emits passes in CI (`ruff check`, …), for `doctor` and the docs. */
  readonly outputChecks: readonly string[];
}
