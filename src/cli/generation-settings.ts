/**
 * The generation options of `pygen generate`, merged: flags > the config file's generation section > defaults.
 * (The environment only carries CDF connection settings; see connection.ts.) Paths from flags are relative to
 * the current folder, paths from the config file to the file (config.ts resolves those).
 */
import { resolve } from "node:path";
import type { PygenConfig } from "../config.ts";
import { UsageError } from "../errors.ts";
import type { LanguageDescription } from "../generators/language.ts";
import { DEFAULT_LANGUAGE, LANGUAGES, languageKeys } from "../generators/registry.ts";
import type { ViewSelection } from "../view-filter.ts";
import { flagText, type RepeatableFlag, repeatedFlag, type SourceFlags } from "./source-options.ts";

export interface GenerateFlags extends SourceFlags {
  output?: string;
  language?: string;
  topLevelPackage?: string;
  clientName?: string;
  instanceSpace?: string | number;
  includeViews?: RepeatableFlag;
  excludeViews?: RepeatableFlag;
  overwrite?: boolean;
  dryRun?: boolean;
  templates?: string;
  strict?: boolean;
}

export interface GenerationSettings {
  language: LanguageDescription;
  /** Absolute; undefined means the default, a folder named after the package in the current folder. */
  output: string | undefined;
  topLevelPackage: string | undefined;
  clientName: string | undefined;
  instanceSpace: string | undefined;
  views: ViewSelection;
  strict: boolean;
  templates: string | undefined;
}

/** Repeatable and comma-separated alike: `--include-views 'Pump*,Plant'` or the flag twice. */
function patterns(flag: string, value: RepeatableFlag | undefined, fromConfig: string[] | undefined): string[] {
  const fromFlags = repeatedFlag(flag, value).flatMap((item) => item.split(",").map((pattern) => pattern.trim()));
  return fromFlags.length > 0 ? fromFlags.filter(Boolean) : (fromConfig ?? []);
}

export function generationSettings(flags: GenerateFlags, config: PygenConfig): GenerationSettings {
  const file = config.generation ?? {};
  const path = (flag: string | undefined, configured: string | undefined) => (flag !== undefined ? resolve(flag) : configured);
  return {
    language: chosenLanguage(flags.language, config),
    output: path(flags.output, file.output),
    topLevelPackage: flags.topLevelPackage ?? file.topLevelPackage,
    clientName: flags.clientName ?? file.clientName,
    instanceSpace: flagText(flags.instanceSpace) ?? file.instanceSpace,
    views: {
      include: patterns("--include-views <globs>", flags.includeViews, file.includeViews),
      exclude: patterns("--exclude-views <globs>", flags.excludeViews, file.excludeViews),
    },
    strict: flags.strict ?? file.strict ?? false,
    templates: path(flags.templates, file.templates),
  };
}

/** The target language: the flag > the config file's `generation.language` > the registry's default. */
export function chosenLanguage(flag: string | undefined, config: PygenConfig): LanguageDescription {
  const key = flag ?? config.generation?.language;
  if (key === undefined) return DEFAULT_LANGUAGE;
  const language = LANGUAGES.find((candidate) => candidate.key === key);
  if (language === undefined) throw new UsageError(`cannot generate ${key} yet; available: ${languageKeys().join(", ")}`);
  return language;
}
