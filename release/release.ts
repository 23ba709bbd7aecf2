/**
 * `build.ts --release`: one binary per target, each packed as `pygen-<version>-<target>.tar.gz` (`.zip` for
 * Windows) with README.md and LICENSE, then SHA256SUMS over the archives. The archives are reproducible: the
 * same commit gives the same bytes (entries are stamped with the commit's time, see archive.ts).
 *
 * Each binary also goes into a platform wheel (wheel.ts) and a platform npm package (npm.ts).
 *
 * Layout of the output folder (what the release workflow publishes):
 *   pygen-<version>-<target>.tar.gz|zip, SHA256SUMS      GitHub release assets (install.sh, Homebrew)
 *   pypi/*.whl                                           PyPI
 *   npm/*.tgz                                            npm: the platform packages first, then the main one
 *   bin/<target>/pygen[.exe]                             the plain binaries (smoke tests), not published
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type ArchiveEntry, tarGz, zip } from "./archive.ts";
import type { BuildInfo } from "./build-info.ts";
import { formatChecksums, sha256Hex } from "./checksums.ts";
import { compileBinary } from "./compile.ts";
import { buildMainPackage, buildPlatformPackage } from "./npm.ts";
import { binaryName, type ReleaseTarget } from "./targets.ts";
import { buildWheel } from "./wheel.ts";

export interface ReleaseOptions {
  repo: string;
  outDir: string;
  version: string;
  build: BuildInfo;
  targets: readonly ReleaseTarget[];
  log: (line: string) => void;
}

export interface BuiltTarget {
  target: ReleaseTarget;
  binary: string;
  archive: string;
}

export const archiveName = (version: string, target: ReleaseTarget): string =>
  `pygen-${version}-${target.name}${target.os === "windows" ? ".zip" : ".tar.gz"}`;

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The files that travel with the binary: the README and LICENSE in archives; packages get a short README. */
async function documents(repo: string) {
  return {
    readme: await Bun.file(join(repo, "README.md")).bytes(),
    packageReadme: await Bun.file(join(repo, "packaging", "PACKAGE-README.md")).text(),
    license: await Bun.file(join(repo, "LICENSE")).bytes(),
  };
}

export async function buildRelease(options: ReleaseOptions): Promise<BuiltTarget[]> {
  const { outDir, version, build, log } = options;
  rmSync(outDir, { recursive: true, force: true });
  for (const folder of ["pypi", "npm"]) mkdirSync(join(outDir, folder), { recursive: true });
  const { readme, packageReadme, license } = await documents(options.repo);
  const packageInput = { version, readme: packageReadme, license, epoch: build.epoch };
  const sums = new Map<string, string>();
  const built: BuiltTarget[] = [];

  for (const target of options.targets) {
    const started = performance.now();
    const binary = join(outDir, "bin", target.name, binaryName(target));
    const { resigned } = await compileBinary({
      outfile: binary,
      target: target.bun,
      build,
      cacheDir: join(options.repo, "dist", ".cache"),
    });
    const binaryBytes = await Bun.file(binary).bytes();

    const folder = `pygen-${version}-${target.name}/`;
    const entries: ArchiveEntry[] = [
      { path: folder },
      { path: `${folder}${binaryName(target)}`, data: binaryBytes, mode: 0o755 },
      { path: `${folder}README.md`, data: readme },
      { path: `${folder}LICENSE`, data: license },
    ];
    const archive = archiveName(version, target);
    const archiveBytes = target.os === "windows" ? zip(entries, build.epoch) : tarGz(entries, build.epoch);
    await Bun.write(join(outDir, archive), archiveBytes);
    sums.set(archive, sha256Hex(archiveBytes));
    const wheel = buildWheel({ ...packageInput, target, binary: binaryBytes });
    await Bun.write(join(outDir, "pypi", wheel.fileName), wheel.bytes);
    const npmPackage = buildPlatformPackage({ ...packageInput, target, binary: binaryBytes });
    await Bun.write(join(outDir, "npm", npmPackage.fileName), npmPackage.bytes);
    built.push({ target, binary, archive: join(outDir, archive) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const signature = resigned ? ", code signature redone ad hoc" : "";
    log(`${target.name}: binary ${megabytes(binaryBytes.length)}${signature}, ${archive} ${megabytes(archiveBytes.length)} (${seconds} s)`);
  }

  const main = await buildMainPackage(packageInput);
  await Bun.write(join(outDir, "npm", main.fileName), main.bytes);
  await Bun.write(join(outDir, "SHA256SUMS"), formatChecksums(sums));
  log(`SHA256SUMS: ${sums.size} archives`);
  return built;
}
