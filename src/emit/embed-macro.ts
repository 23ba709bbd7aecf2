/**
 * A bundle-time macro: imported `with { type: "macro" }`, it runs while Bun bundles (or transpiles) and its
 * result is inlined as a literal, so the compiled binary carries the files with no runtime file access.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every file under `dir` (relative to the repository root), keyed by its path with forward slashes. */
export function embedDir(dir: string): Record<string, string> {
  const root = join(import.meta.dir, "..", "..", dir);
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path).split(sep).join("/")] = readFileSync(path, "utf8");
  }
  return files;
}
