/**
 * `pygen doctor`: proves that a downloaded binary carries everything it needs (templates, the example model,
 * the formatter's wasm, every language of the registry, each generating the example) and says which platform and
 * runtime it was built for.
 */

import { formatTypeScript } from "./emit/format.ts";
import { embeddedTemplateNames } from "./emit/templates.ts";
import { LANGUAGES } from "./generators/registry.ts";
import { generateSdk } from "./pipeline.ts";
import type { LoadedModels } from "./sources.ts";
import { loadExampleModel } from "./sources.ts";
import { versionLine } from "./version.ts";

export interface DoctorReport {
  /** One line per check, ready to print. */
  lines: string[];
  /** The checks that failed, by name. */
  failed: string[];
}

export async function runDoctor(): Promise<DoctorReport> {
  const example = loadExampleModel();
  const started = performance.now();
  const formatted = await formatTypeScript("const  answer={value:42}", "check.ts");
  const formatMs = performance.now() - started;
  const formatterOk = formatted.trim() === "const answer = { value: 42 };";
  const languages = LANGUAGES.map((language) => ({
    key: language.key,
    checks: language.outputChecks,
    ...languageCheck(language.key, example),
  }));
  return {
    lines: [
      versionLine(),
      `templates: ${embeddedTemplateNames().length} embedded`,
      `example model: ${example.origin}, ${example.models.reduce((count, model) => count + model.views.length, 0)} views`,
      `formatter: ${formatterOk ? "ok" : "unexpected output"} (loaded and ran in ${formatMs.toFixed(0)} ms)`,
      ...languages.map((language) => `language ${language.key}: ${language.text}; its SDKs pass ${language.checks.join(", ")}`),
    ],
    failed: [
      ...(formatterOk ? [] : ["formatter"]),
      ...languages.filter((language) => !language.ok).map((language) => `language ${language.key}`),
    ],
  };
}

/** Generates the example in the language (nothing written): proves its templates and generator run in this binary. */
function languageCheck(key: string, example: LoadedModels): { ok: boolean; text: string } {
  const started = performance.now();
  try {
    const result = generateSdk(example, { language: key });
    return { ok: true, text: `ok, the example generates ${result.files.length} files in ${(performance.now() - started).toFixed(0)} ms` };
  } catch (error) {
    return { ok: false, text: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
