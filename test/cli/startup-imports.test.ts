/**
 * What every command loads at start-up: the modules src/main.ts reaches through static imports. Heavy or
 * special-purpose packages must be behind `await import()` in the commands that need them, or every
 * `pygen --version` pays for them (bench/startup.ts measures the time).
 */
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const SRC = join(import.meta.dir, "..", "..", "src");
const transpiler = new Bun.Transpiler({ loader: "ts" });

/** Packages and src files reachable from `entry` by static imports (type-only imports are erased). */
function staticallyReachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const { path, kind } of transpiler.scanImports(readFileSync(file, "utf8"))) {
      if (kind === "dynamic-import") continue;
      if (path.startsWith(".")) {
        if (path.endsWith(".ts")) pending.push(resolve(dirname(file), path));
      } else packages.add(path);
    }
  }
  return { files, packages };
}

test("commands that do not talk to CDF, emulate or format load neither ky, the emulator nor Biome", () => {
  const { files, packages } = staticallyReachable(join(SRC, "main.ts"));
  expect(files.has(join(SRC, "cli.ts"))).toBe(true);
  expect(packages.has("cac")).toBe(true);
  for (const lazy of ["ky", "bun:sqlite", "@biomejs/js-api/nodejs"]) expect(packages.has(lazy)).toBe(false);
  for (const lazy of ["client/http.ts", "client/token-request.ts", "emulator/server.ts"]) expect(files.has(join(SRC, lazy))).toBe(false);
});
