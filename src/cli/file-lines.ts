/**
 * Findings that point into the model file: each gets the `file:line` of its data model, view or property, so
 * "where" is a place to open in an editor. Only run when there are findings: it reads the files once more.
 */
import { readFileSync } from "node:fs";
import { locationOf } from "../ir/issues.ts";
import { modelFileLines } from "../sources.ts";

/** `file:line` by finding location, for the parts of the given model files; the first file with a part wins. */
function fileLinesOf(paths: readonly string[]): Map<string, string> {
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

/** The `file:line` of findings in the given model files, read once, when first needed or when asked to. */
export class FileLines {
  #lines: Map<string, string> | undefined;

  constructor(private readonly paths: readonly string[]) {}

  /** Reads the files now, e.g. on this thread while a worker generates, so that `of` later costs nothing. */
  prepare(): this {
    if (this.paths.length > 0) this.#lines ??= fileLinesOf(this.paths);
    return this;
  }

  /** The findings with the `file:line` of their location where the files have it. */
  of<T extends { location: string }>(findings: T[]): (T & { fileLine?: string })[] {
    if (findings.length === 0 || this.paths.length === 0) return findings;
    const lines = this.prepare().#lines ?? new Map<string, string>();
    return findings.map((finding) => {
      const fileLine = lines.get(finding.location);
      return fileLine === undefined ? finding : { ...finding, fileLine };
    });
  }
}
