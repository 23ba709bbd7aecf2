/**
 * Compiling the TypeScript runtime (and test files that use it) to JavaScript + .d.ts with the repo's tsc, as
 * pygen's build will before it embeds the runtime (templates/typescript/README.md).
 */
import { join } from "node:path";

export const REPO = join(import.meta.dir, "..", "..");
export const RUNTIME_DIR = join(REPO, "templates", "typescript", "runtime");
const TSC = join(REPO, "node_modules", ".bin", "tsc");

/** Runs tsc; throws with its output when it fails. */
export function tsc(args: string[], cwd = REPO): void {
  const result = Bun.spawnSync([TSC, ...args], { cwd, stdout: "pipe", stderr: "pipe" });
  if (result.exitCode !== 0) throw new Error(`tsc ${args.join(" ")} failed:\n${result.stdout.toString()}${result.stderr.toString()}`);
}

/** The runtime as `<outDir>/*.js` + `*.d.ts`. */
export function compileRuntime(outDir: string): void {
  tsc(["-p", RUNTIME_DIR, "--outDir", outDir]);
}

/** The given repo files and what they import, compiled under `outDir` with the repo's layout kept. */
export function compileFiles(outDir: string, files: string[]): void {
  const options = ["--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--lib", "es2022,dom", "--types", ""];
  tsc([
    ...options,
    "--ignoreConfig",
    "--strict",
    "--skipLibCheck",
    "--rootDir",
    REPO,
    "--outDir",
    outDir,
    ...files.map((file) => join(REPO, file)),
  ]);
}
