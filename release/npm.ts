/**
 * npm packages that carry the binary, the way Biome ships: one package per platform holding the binary (with
 * `os`, `cpu` and `libc`, so npm installs only the matching one), and the main package with a small Node
 * launcher (packaging/npm/pygen.cjs) that lists them all as optional dependencies. `npx @cognite/pygen` and
 * `npm i -D @cognite/pygen` then work with no install script. Each package is a tarball as `npm pack` makes
 * them (entries under `package/`), ready for `npm publish <tarball>`.
 */
import { join } from "node:path";
import { type ArchiveEntry, tarGz } from "./archive.ts";
import { HOMEPAGE, NPM_NAME, npmPlatformName, REPOSITORY, SUMMARY } from "./project.ts";
import { binaryName, RELEASE_TARGETS, type ReleaseTarget } from "./targets.ts";

export interface NpmPackage {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
}

interface CommonInput {
  version: string;
  readme: string;
  license: Uint8Array<ArrayBuffer>;
  epoch: number;
}

const encoder = new TextEncoder();
const NPM_OS = { linux: "linux", darwin: "darwin", windows: "win32" } as const;

/** `@cognite/pygen-linux-x64` → `cognite-pygen-linux-x64-0.1.0.tgz`, as npm pack names it. */
const tarballName = (packageName: string, version: string) => `${packageName.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;

function pack(packageName: string, input: CommonInput, manifest: object, extra: ArchiveEntry[]): NpmPackage {
  const packageJson = {
    name: packageName,
    version: input.version,
    description: SUMMARY,
    license: "Apache-2.0",
    homepage: HOMEPAGE,
    repository: { type: "git", url: `git+https://github.com/${REPOSITORY}.git` },
    ...manifest,
  };
  const entries: ArchiveEntry[] = [
    { path: "package/package.json", data: encoder.encode(`${JSON.stringify(packageJson, null, 2)}\n`) },
    { path: "package/README.md", data: encoder.encode(input.readme) },
    { path: "package/LICENSE", data: input.license },
    ...extra,
  ];
  return { fileName: tarballName(packageName, input.version), bytes: tarGz(entries, input.epoch) };
}

export function buildPlatformPackage(input: CommonInput & { target: ReleaseTarget; binary: Uint8Array<ArrayBuffer> }): NpmPackage {
  const { target } = input;
  const manifest = {
    os: [NPM_OS[target.os]],
    cpu: [target.arch],
    ...(target.libc ? { libc: [target.libc] } : {}),
    // Package managers that zip packages (Yarn PnP) must unpack this one: the binary is run from disk.
    preferUnplugged: true,
  };
  return pack(npmPlatformName(target.name), input, manifest, [{ path: `package/${binaryName(target)}`, data: input.binary, mode: 0o755 }]);
}

export async function buildMainPackage(input: CommonInput): Promise<NpmPackage> {
  const launcher = await Bun.file(join(import.meta.dir, "..", "packaging", "npm", "pygen.cjs")).bytes();
  const manifest = {
    bin: { pygen: "bin/pygen.cjs" },
    engines: { node: ">=18" },
    // Every platform, always at the same version as this package.
    optionalDependencies: Object.fromEntries(RELEASE_TARGETS.map((target) => [npmPlatformName(target.name), input.version])),
  };
  return pack(NPM_NAME, input, manifest, [{ path: "package/bin/pygen.cjs", data: launcher, mode: 0o755 }]);
}
