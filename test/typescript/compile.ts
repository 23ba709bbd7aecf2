/**
 * Compiling the TypeScript runtime (and test files that use it) to JavaScript + .d.ts with the repo's tsc, as
 * pygen's build will before it embeds the runtime (templates/typescript/README.md).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const REPO = join(import.meta.dir, "..", "..");
export const RUNTIME_DIR = join(REPO, "templates", "typescript", "runtime");
const TSC = join(REPO, "node_modules", ".bin", "tsc");
const BIOME = join(REPO, "node_modules", ".bin", "biome");

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

/**
 * `biome check` of generated SDKs under `folder` with the layout generated code keeps (what a user's Biome with
 * default rules says), the vendored runtime left out (tsc's output, checked in its own tests); throws with the
 * findings.
 */
export function biomeCheckSdks(folder: string): void {
  const configDir = mkdtempSync(join(tmpdir(), "pygen-biome-config-"));
  try {
    writeFileSync(
      join(configDir, "biome.json"),
      JSON.stringify({
        formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 120 },
        javascript: { formatter: { quoteStyle: "double", semicolons: "always", trailingCommas: "all" } },
        files: { includes: ["**/*.js", "**/*.d.ts", "!**/_runtime"] },
        vcs: { enabled: false },
      }),
    );
    const result = Bun.spawnSync([BIOME, "check", "--error-on-warnings", `--config-path=${configDir}`, "."], {
      cwd: folder,
      stdout: "pipe",
      stderr: "pipe",
    });
    if (result.exitCode !== 0) throw new Error(`biome check failed in ${folder}:\n${result.stdout.toString()}${result.stderr.toString()}`);
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}
