/**
 * The generation options of `pygen generate`, merged: flags > the config file's generation section > defaults.
 * (The environment only carries CDF connection settings; see connection.ts.) Paths from flags are relative to
 * the current folder, paths from the config file to the file (config.ts resolves those).
 */
import { lstatSync, type Stats, statSync } from "node:fs";
import { basename, dirname, resolve, sep } from "node:path";
import type { PygenConfig } from "../config.ts";
import { UsageError } from "../errors.ts";
import { clientNameProblem } from "../generators/generator.ts";
import type { LanguageDescription } from "../generators/language.ts";
import { DEFAULT_LANGUAGE, LANGUAGES, languageKeys } from "../generators/registry.ts";
import type { ViewSelection } from "../view-filter.ts";
import { type RepeatableFlag, repeatedFlag, type SourceFlags } from "./source-options.ts";

export interface GenerateFlags extends SourceFlags {
  output?: string;
  language?: string;
  topLevelPackage?: string;
  clientName?: string;
  instanceSpace?: string;
  includeViews?: RepeatableFlag;
  excludeViews?: RepeatableFlag;
  overwrite?: boolean;
  dryRun?: boolean;
  check?: boolean;
  templates?: string;
  strict?: boolean;
  flatStructure?: boolean;
  singleFile?: boolean;
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
  /** Write into a non-empty folder pygen did not create. */
  overwrite: boolean;
  templates: string | undefined;
  /** The package layout (GeneratorConfig): the chosen language honours or refuses them. */
  flatStructure: boolean;
  singleFile: boolean;
}

/** Repeatable and comma-separated alike: `--include-views 'Pump*,Plant'` or the flag twice. */
function patterns(flag: string, value: RepeatableFlag | undefined, fromConfig: string[] | undefined): string[] {
  const fromFlags = repeatedFlag(flag, value).flatMap((item) => item.split(",").map((pattern) => pattern.trim()));
  return fromFlags.length > 0 ? fromFlags.filter(Boolean) : (fromConfig ?? []);
}

/**
 * An output folder that can never be written — a file at its path, or a file where one of its parent folders
 * should be — is a usage mistake to report now, before the model is loaded and generated. So is the current
 * folder or one above it: the writer replaces the output folder as a whole, which would delete the folder the
 * shell that started pygen is in.
 */
function checkOutputFolder(option: string, path: string): void {
  const cwd = process.cwd();
  if (cwd === path || cwd.startsWith(path.endsWith(sep) ? path : `${path}${sep}`)) {
    throw new UsageError(
      `${option} ${path} is ${cwd === path ? "the current folder" : "above the current folder"}; pygen replaces the output folder as a whole, so run it from outside (cd ${dirname(path)} && pygen generate -o ${basename(path) || path} …)`,
    );
  }
  const here = entryAt(path, lstatSync);
  if (here) {
    if (!here.isDirectory())
      throw new UsageError(`${option} ${path} is ${here.isSymbolicLink() ? "a symbolic link" : "a file"}, not a folder`);
    return;
  }
  for (let parent = dirname(path); ; parent = dirname(parent)) {
    const stat = entryAt(parent);
    if (stat && !stat.isDirectory()) throw new UsageError(`${option} ${path} cannot be created: ${parent} is a file, not a folder`);
    if (stat || parent === dirname(parent)) return;
  }
}

/** What is at `path`, or undefined when nothing is (missing, or below a file). */
function entryAt(path: string, stat: typeof statSync = statSync): Stats | undefined {
  try {
    return stat(path);
  } catch {
    return undefined;
  }
}

/** Templates override the embedded ones file by file: the folder must exist. */
function checkTemplateFolder(option: string, path: string): void {
  const stat = entryAt(path);
  if (!stat?.isDirectory()) throw new UsageError(`${option} ${path} ${stat ? "is a file, not a folder" : "does not exist"}`);
}

/** A name given on the command line that the generator would refuse is a usage mistake, named by its flag. */
function checkName(option: string, value: string | undefined, problem: (name: string) => string | undefined): void {
  const found = value === undefined ? undefined : problem(value);
  if (found !== undefined) throw new UsageError(`${option}: ${found}`);
}

export function generationSettings(flags: GenerateFlags, config: PygenConfig): GenerationSettings {
  const language = chosenLanguage(flags.language, config);
  checkName("--top-level-package", flags.topLevelPackage, (name) => language.packageNameProblem(name));
  checkName("--client-name", flags.clientName, clientNameProblem);
  const file = config.generation ?? {};
  // Paths from flags are named by their flag in messages, those from the config file by their key.
  const path = (
    flag: string | undefined,
    option: string,
    configured: string | undefined,
    check: (option: string, path: string) => void,
  ) => {
    const chosen = flag !== undefined ? { option, path: resolve(flag) } : { option: `generation.${option.slice(2)}`, path: configured };
    if (chosen.path !== undefined) check(chosen.option, chosen.path);
    return chosen.path;
  };
  return {
    language,
    output: path(flags.output, "--output", file.output, checkOutputFolder),
    topLevelPackage: flags.topLevelPackage ?? file.topLevelPackage,
    clientName: flags.clientName ?? file.clientName,
    instanceSpace: flags.instanceSpace ?? file.instanceSpace,
    views: {
      include: patterns("--include-views <globs>", flags.includeViews, file.includeViews),
      exclude: patterns("--exclude-views <globs>", flags.excludeViews, file.excludeViews),
    },
    strict: flags.strict ?? file.strict ?? false,
    overwrite: flags.overwrite ?? file.overwrite ?? false,
    templates: path(flags.templates, "--templates", file.templates, checkTemplateFolder),
    flatStructure: flags.flatStructure ?? file.flatStructure ?? false,
    singleFile: flags.singleFile ?? file.singleFile ?? false,
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
