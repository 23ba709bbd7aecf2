/**
 * `pygen doctor`: proves that a downloaded binary carries everything it needs (templates, the example model,
 * the formatter's wasm) and says which platform and runtime it was built for.
 */

import { formatTypeScript } from "./emit/format.ts";
import { embeddedTemplateNames } from "./emit/templates.ts";
import { loadExampleModel } from "./sources.ts";
import { versionLine } from "./version.ts";

export async function runDoctor(): Promise<string> {
  const example = loadExampleModel();
  const started = performance.now();
  const formatted = await formatTypeScript("const  answer={value:42}", "check.ts");
  const formatMs = performance.now() - started;
  const formatterOk = formatted.trim() === "const answer = { value: 42 };";
  return [
    versionLine(),
    `templates: ${embeddedTemplateNames().length} embedded`,
    `example model: ${example.origin}, ${example.models.reduce((count, model) => count + model.views.length, 0)} views`,
    `formatter: ${formatterOk ? "ok" : "unexpected output"} (loaded and ran in ${formatMs.toFixed(0)} ms)`,
  ].join("\n");
}
