/**
 * A bundle-time macro (imported `with { type: "macro" }`): the TypeScript runtime (templates/typescript/runtime/)
 * compiled with the repo's tsc to `.js` + `.d.ts`, as the files a generated SDK ships under `_runtime/`
 * (templates/typescript/README.md). It runs while Bun bundles pygen or transpiles this folder, so the binary
 * carries the compiled runtime and generating never needs a TypeScript compiler. The output is cached by a hash of
 * the sources and the compiler, so a test run compiles once.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

const REPO = join(import.meta.dir, "..", "..", "..");
const SOURCES = join(REPO, "templates", "typescript", "runtime");
const TSC = join(REPO, "node_modules", ".bin", "tsc");
const TYPESCRIPT_PACKAGE = join(REPO, "node_modules", "typescript", "package.json");

/** The compiled runtime's files (`index.js`, `index.d.ts`, …), by file name. */
export function compiledRuntime(): Record<string, string> {
  const hasher = new Bun.CryptoHasher("sha256");
  hasher.update(readFileSync(TYPESCRIPT_PACKAGE));
  for (const name of readdirSync(SOURCES).sort()) hasher.update(name).update(readFileSync(join(SOURCES, name)));
  const cache = join(REPO, "node_modules", ".cache", "pygen-ts-runtime", hasher.digest("hex").slice(0, 16));
  if (!existsSync(cache)) {
    // Compiled aside and renamed: a build running at the same time never reads half a runtime.
    const partial = `${cache}.${process.pid}.partial`;
    mkdirSync(partial, { recursive: true });
    const result = Bun.spawnSync([TSC, "-p", SOURCES, "--outDir", partial], { stdout: "pipe", stderr: "pipe" });
    if (result.exitCode !== 0) {
      rmSync(partial, { recursive: true, force: true });
      throw new Error(`compiling the TypeScript runtime failed:\n${result.stdout.toString()}${result.stderr.toString()}`);
    }
    try {
      renameSync(partial, cache);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another process won the race: its copy is the same
    }
  }
  const files: Record<string, string> = {};
  for (const name of readdirSync(cache).sort()) files[name] = readFileSync(join(cache, name), "utf8");
  return files;
}
