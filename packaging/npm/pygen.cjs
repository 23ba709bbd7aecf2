#!/usr/bin/env node
// `pygen` on npm: runs the binary of this platform, which npm installed as one of this package's optional
// dependencies (one package per platform, each with its os/cpu/libc, so npm fetches only the matching one).
const { spawnSync } = require("node:child_process");
const { name } = require("../package.json");

/** Our target name for this machine: linux-x64, linux-arm64-musl, darwin-arm64, windows-x64, … */
function targetName() {
  const os = process.platform === "win32" ? "windows" : process.platform;
  // Node's report names the glibc it runs on; on musl (Alpine) there is none.
  const musl = os === "linux" && !process.report?.getReport().header.glibcVersionRuntime;
  return `${os}-${process.arch}${musl ? "-musl" : ""}`;
}

const target = targetName();
const platformPackage = `${name}-${target}`;
let binary;
try {
  binary = require.resolve(`${platformPackage}/${target.startsWith("windows") ? "pygen.exe" : "pygen"}`);
} catch {
  process.stderr.write(
    `pygen: the binary for ${target} is not installed (the optional dependency ${platformPackage} is missing).\n` +
      "Reinstall without --no-optional / --omit=optional, or see the releases page for other ways to get pygen.\n",
  );
  process.exit(1);
}

const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit", windowsHide: true });
if (result.error) {
  process.stderr.write(`pygen: cannot run ${binary}: ${result.error.message}\n`);
  process.exit(1);
}
// Ended by a signal: end the same way, so the caller sees what happened.
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);
