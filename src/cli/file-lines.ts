/**
 * Findings that point into the model file: each gets the `file:line` of its data model, view or property, so
 * "where" is a place to open in an editor. Only run when there are findings: it reads the files once more.
 */
import { readFileSync } from "node:fs";
import { locationOf } from "../ir/issues.ts";
import { modelFileLines } from "../sources.ts";

/** `file:line` by finding location, for the parts of the given model files; the first file with a part wins. */
export function fileLinesOf(paths: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const path of paths) {
    let parts: ReturnType<typeof modelFileLines>;
    try {
      parts = modelFileLines(readFileSync(path, "utf8"), path);
    } catch {
      // The file was read moments ago; if it changed or went since, its findings just have no line.
      continue;
    }
    for (const part of parts) {
      const location = locationOf(part, part.property);
      if (!found.has(location)) found.set(location, `${path}:${part.line}`);
    }
  }
  return found;
}

/** The findings with the `file:line` of their location where the files have it. */
export function withFileLines<T extends { location: string }>(findings: T[], paths: readonly string[]): (T & { fileLine?: string })[] {
  if (findings.length === 0 || paths.length === 0) return findings;
  const lines = fileLinesOf(paths);
  return findings.map((finding) => {
    const fileLine = lines.get(finding.location);
    return fileLine === undefined ? finding : { ...finding, fileLine };
  });
}
