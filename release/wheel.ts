/**
 * A platform wheel that carries the pygen binary, so `pip install`, `pipx` and `uv tool install` put `pygen` on
 * PATH. Written from the binary distribution format spec (packaging.python.org, "Binary distribution format"):
 * a zip named `{name}-{version}-py3-none-{platforms}.whl` holding
 *   {name}-{version}.data/scripts/pygen[.exe]   installed into the environment's bin/Scripts folder
 *   {name}-{version}.dist-info/METADATA, WHEEL, LICENSE, RECORD
 * RECORD lists every file with its urlsafe-base64 sha256 (no padding) and size; its own line has neither.
 * There is no Python code: the wheel is pure payload, tagged for one platform.
 */
import { type ArchiveEntry, zip } from "./archive.ts";
import { HOMEPAGE, PYPI_NAME, SUMMARY } from "./project.ts";
import { binaryName, type ReleaseTarget } from "./targets.ts";
import { pep440Version } from "./versions.ts";

export interface WheelInput {
  version: string;
  target: ReleaseTarget;
  binary: Uint8Array<ArrayBuffer>;
  readme: string;
  license: Uint8Array<ArrayBuffer>;
  /** Seconds since 1970, for every entry's time. */
  epoch: number;
}

const encoder = new TextEncoder();

function recordHash(data: Uint8Array): string {
  return `sha256=${new Bun.CryptoHasher("sha256").update(data).digest("base64url")}`;
}

function metadata(version: string, readme: string): string {
  return [
    "Metadata-Version: 2.1",
    `Name: ${PYPI_NAME}`,
    `Version: ${version}`,
    `Summary: ${SUMMARY} (the standalone pygen binary)`,
    `Home-page: ${HOMEPAGE}`,
    "License: Apache-2.0",
    "Requires-Python: >=3.8",
    "Classifier: Environment :: Console",
    "Classifier: License :: OSI Approved :: Apache Software License",
    "Classifier: Topic :: Software Development :: Code Generators",
    "Description-Content-Type: text/markdown",
    "",
    readme,
  ].join("\n");
}

export function buildWheel(input: WheelInput): { fileName: string; bytes: Uint8Array<ArrayBuffer> } {
  const version = pep440Version(input.version);
  const distribution = PYPI_NAME.replaceAll("-", "_");
  const dataDir = `${distribution}-${version}.data`;
  const infoDir = `${distribution}-${version}.dist-info`;
  const tags = input.target.wheelPlatforms.map((platform) => `Tag: py3-none-${platform}`);
  const wheel = ["Wheel-Version: 1.0", "Generator: pygen release/wheel.ts", "Root-Is-Purelib: false", ...tags, ""].join("\n");

  const files: ArchiveEntry[] = [
    { path: `${dataDir}/scripts/${binaryName(input.target)}`, data: input.binary, mode: 0o755 },
    { path: `${infoDir}/METADATA`, data: encoder.encode(metadata(version, input.readme)) },
    { path: `${infoDir}/WHEEL`, data: encoder.encode(wheel) },
    { path: `${infoDir}/LICENSE`, data: input.license },
  ];
  const recordPath = `${infoDir}/RECORD`;
  const record = [
    ...files.map((file) => `${file.path},${recordHash(file.data ?? new Uint8Array())},${file.data?.length ?? 0}`),
    `${recordPath},,`,
    "",
  ].join("\n");
  files.push({ path: recordPath, data: encoder.encode(record) });

  const fileName = `${distribution}-${version}-py3-none-${input.target.wheelPlatforms.join(".")}.whl`;
  return { fileName, bytes: zip(files, input.epoch) };
}
