/**
 * The compiled binary for end-to-end tests: built once per test run when missing or older than the sources,
 * then copied into an empty folder so nothing from node_modules or the repository can leak into it.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const REPO = join(import.meta.dir, "..", "..");
const BINARY = join(REPO, "dist", "pygen");

/** The newest modification time of anything that goes into a build (sources, templates, build scripts). */
export function newestSourceTime(): number {
  let newest = 0;
  for (const dir of ["src", "templates", "examples", "release", "packaging"]) {
    if (!existsSync(join(REPO, dir))) continue;
    for (const entry of readdirSync(join(REPO, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return Math.max(newest, statSync(join(REPO, "build.ts")).mtimeMs, statSync(join(REPO, "package.json")).mtimeMs);
}

/** Builds dist/pygen if needed and returns the path of a copy in a fresh empty folder. */
export function isolatedBinary(): { binary: string; dir: string } {
  if (!existsSync(BINARY) || statSync(BINARY).mtimeMs < newestSourceTime()) {
    const build = Bun.spawnSync([process.execPath, "run", "build.ts"], { cwd: REPO, stderr: "pipe", stdout: "pipe" });
    if (build.exitCode !== 0) throw new Error(`build failed:\n${build.stderr.toString()}${build.stdout.toString()}`);
  }
  const dir = mkdtempSync(join(tmpdir(), "pygen-e2e-"));
  const binary = join(dir, "pygen");
  copyFileSync(BINARY, binary);
  return { binary, dir };
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A clean environment (no inherited PYGEN_* or CDF_* settings) plus `env`. */
function cleanEnvironment(cwd: string, env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: cwd, NO_COLOR: "1", ...env };
}

/** Runs the binary with a clean environment, in `cwd`. */
export function runBinary(binary: string, args: string[], cwd: string, env: Record<string, string> = {}): RunResult {
  const result = Bun.spawnSync([binary, ...args], { cwd, env: cleanEnvironment(cwd, env), stdout: "pipe", stderr: "pipe" });
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
}

/** Like runBinary, without blocking this process: needed when the binary talks to a server running in the test. */
export async function runBinaryAsync(binary: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  const child = Bun.spawn([binary, ...args], { cwd, env: cleanEnvironment(cwd, env), stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  return { exitCode, stdout, stderr };
}

/** Creates the folder `path` holding `files` (name → text), e.g. a project with its config file; returns `path`. */
export function folderWith(path: string, files: Record<string, string> = {}): string {
  mkdirSync(path, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return path;
}
