/**
 * A bundle-time macro: imported `with { type: "macro" }`, it runs while Bun bundles (or transpiles) and its
 * result is inlined as a literal, so the compiled binary carries the files with no runtime file access.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Eta } from "eta/core";
import { ETA_OPTIONS } from "./eta-options.ts";

/** Python and tool caches that may sit beside real templates after a local test run; never part of the binary. */
const SKIPPED = /(^|\/)(__pycache__|\.mypy_cache|\.ruff_cache|\.pytest_cache)(\/|$)|\.pyc$/;

/** Every file under `dir` (relative to the repository root), keyed by its path with forward slashes. */
export function embedDir(dir: string): Record<string, string> {
  const root = join(import.meta.dir, "..", "..", dir);
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const key = relative(root, path).split(sep).join("/");
    if (!SKIPPED.test(key)) files[key] = readFileSync(path, "utf8");
  }
  return files;
}

/**
 * The body of the function Eta compiles each `.eta` file under `dir` into, keyed like `embedDir`. Compiling at
 * build time spares every run Eta's template parsing; the runtime only turns each body into a function.
 */
export function precompileTemplates(dir: string): Record<string, string> {
  const eta = new Eta(ETA_OPTIONS);
  const bodies: Record<string, string> = {};
  for (const [path, text] of Object.entries(embedDir(dir))) {
    if (path.endsWith(".eta")) bodies[path] = eta.compileToString(text);
  }
  return bodies;
}
