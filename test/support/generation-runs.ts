/**
 * Helpers for tests that interrupt `pygen generate` (test/hardening): large synthetic model files, a digest of
 * an output folder to compare whole outputs by, and the binary started in the background with a fixed
 * generation time, so two runs on the same model give the same bytes.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dump } from "js-yaml";
import { syntheticModel } from "../../bench/synthetic-model.ts";
import { stringifyJson } from "../../src/data-formats.ts";

/** Views per cluster: the generated SDK of one ring of 100+ related views does not import (RecursionError). */
const CLUSTER = 25;

/**
 * A large model as JSON (fast to read) or YAML (slow to read): `clusters` copies of bench/synthetic-model.ts's
 * model of 25 views, each copy's views renamed (`C3Entity7`) so that relations stay inside their copy.
 */
export function writeSyntheticModel(path: string, clusters: number): string {
  const text = stringifyJson(syntheticModel(CLUSTER));
  const copies = Array.from({ length: clusters }, (_, index) => JSON.parse(text.replaceAll('"Entity', `"C${index}Entity`)));
  const model = { ...copies[0], views: copies.flatMap((copy) => copy.views) };
  writeFileSync(path, path.endsWith(".json") ? stringifyJson(model) : dump(model));
  return path;
}

/** Every file (and link) under `root` with the SHA-256 of its content, sorted: equal digests, equal folders. */
export function folderDigest(root: string): string {
  const lines: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    lines.push(`${path.slice(root.length + 1)} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`);
  }
  return lines.sort().join("\n");
}

/** What killed runs may leave beside the output folder `name`. */
export const leftoverPattern = (name: string) => new RegExp(`^\\.${name}\\.pygen-(staging|previous)-`);

/** `pygen generate` in the background, in `cwd`, with a fixed generation time. */
export function spawnGenerate(binary: string, args: string[], cwd: string) {
  return Bun.spawn([binary, "generate", ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: cwd, NO_COLOR: "1", SOURCE_DATE_EPOCH: "1767225600" },
    stdout: "pipe",
    stderr: "pipe",
  });
}
