/**
 * Formatting of generated TypeScript with Biome, compiled to wasm and embedded in the binary. Loading it costs
 * most of a second and some 300 MB, so it is imported only on the first call: commands that never format
 * TypeScript never pay for it. (Python output is emitted already formatted and needs no formatter.)
 */
import { GenerationError } from "../errors.ts";

type BiomeModule = typeof import("@biomejs/js-api/nodejs");
type Formatter = (code: string, filePath: string) => string;

let formatter: Promise<Formatter> | undefined;

async function loadFormatter(): Promise<Formatter> {
  const { Biome }: BiomeModule = await import("@biomejs/js-api/nodejs");
  const biome = new Biome();
  const { projectKey } = biome.openProject();
  biome.applyConfiguration(projectKey, {
    formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 120 },
    javascript: { formatter: { quoteStyle: "double", semicolons: "always", trailingCommas: "all" } },
  });
  return (code, filePath) => {
    const result = biome.formatContent(projectKey, code, { filePath });
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error" || diagnostic.severity === "fatal");
    if (errors.length > 0) {
      const reasons = errors.map((diagnostic) => JSON.stringify(diagnostic.description)).join("; ");
      throw new GenerationError(`cannot format ${filePath}: ${reasons}`);
    }
    return result.content;
  };
}

/** Formats TypeScript or JavaScript source; the file path's extension tells Biome the language. */
export async function formatTypeScript(code: string, filePath: string): Promise<string> {
  formatter ??= loadFormatter();
  return (await formatter)(code, filePath);
}
