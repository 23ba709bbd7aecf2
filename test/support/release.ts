/**
 * One release build shared by the release tests (install.sh, wheels, npm packages, emulated arm64): linux-x64
 * and linux-arm64 only, built into dist/test-release when missing or older than the sources.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import packageJson from "../../package.json" with { type: "json" };
import { newestSourceTime } from "./binary.ts";

const REPO = join(import.meta.dir, "..", "..");
export const TEST_RELEASE_DIR = join(REPO, "dist", "test-release");
export const TEST_RELEASE_TARGETS = ["linux-x64", "linux-arm64"] as const;
export const RELEASE_VERSION = packageJson.version;
/** For the beforeAll that builds it: two cross-compiled targets with archives and packages take a minute or two. */
export const RELEASE_BUILD_TIMEOUT = 300_000;
/** For a test that runs installers (venv, pip, npm, install.sh) or an emulated binary on a shared 2-core machine. */
export const PROCESS_TIMEOUT = 120_000;

/** Builds the shared test release if needed; returns its folder. */
export function testRelease(): string {
  const sums = join(TEST_RELEASE_DIR, "SHA256SUMS");
  if (!existsSync(sums) || statSync(sums).mtimeMs < newestSourceTime()) {
    const build = Bun.spawnSync(
      [process.execPath, "run", "build.ts", "--release", "--targets", TEST_RELEASE_TARGETS.join(","), "--out", TEST_RELEASE_DIR],
      { cwd: REPO, stdout: "pipe", stderr: "pipe" },
    );
    if (build.exitCode !== 0) throw new Error(`release build failed:\n${build.stderr.toString()}${build.stdout.toString()}`);
  }
  return TEST_RELEASE_DIR;
}
