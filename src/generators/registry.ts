/**
 * The target languages pygen generates, by key. The CLI (`--language`, `generation.language`, `--help`), the
 * pipeline and `doctor` look languages up here; nothing outside a language's own folder names one.
 */
import { GenerationError } from "../errors.ts";
import type { LanguageDescription } from "./language.ts";
import { pysparkOn } from "./pyspark/index.ts";
import { python } from "./python/index.ts";
import { typescript } from "./typescript/index.ts";

export const LANGUAGES: readonly LanguageDescription[] = [python, typescript, pysparkOn(python)];

/** The language generated when none is named. */
export const DEFAULT_LANGUAGE: LanguageDescription = python;

export function languageKeys(): string[] {
  return LANGUAGES.map((language) => language.key);
}

/** The language with this key, or a GenerationError that lists the available ones. */
export function languageNamed(key: string): LanguageDescription {
  const found = LANGUAGES.find((language) => language.key === key);
  if (found === undefined) throw new GenerationError(`cannot generate ${key}; available: ${languageKeys().join(", ")}`);
  return found;
}
