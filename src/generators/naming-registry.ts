/**
 * The target languages whose naming pygen knows, by key, so callers (the CLI, the service, a config file) can name
 * a language instead of importing its conventions. TypeScript joins here when its generator lands.
 */
import type { LanguageNaming } from "../ir/naming.ts";
import { pythonNaming } from "./python/naming.ts";

export const LANGUAGE_NAMING = { python: pythonNaming } as const satisfies Record<string, LanguageNaming>;
export type LanguageName = keyof typeof LANGUAGE_NAMING;

/** A language's naming, from its key or as given. */
export function resolveNaming(language: LanguageName | LanguageNaming | undefined): LanguageNaming {
  if (language === undefined) return pythonNaming;
  return typeof language === "string" ? LANGUAGE_NAMING[language] : language;
}
