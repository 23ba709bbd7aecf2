/**
 * install.sh end to end against a local HTTP server laid out like GitHub's release downloads
 * (`/download/v<version>/<file>` and `/latest/download/<file>`), serving the test release.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Server } from "bun";
import { ELF_MACHINE, elfFacts } from "../support/elf.ts";
import { PROCESS_TIMEOUT, RELEASE_BUILD_TIMEOUT, RELEASE_VERSION, testRelease } from "../support/release.ts";

const INSTALL_SH = join(import.meta.dir, "..", "..", "install.sh");

describe("install.sh", () => {
  let server: Server<undefined>;
  let work: string;
  /** Release folders by version; "latest" is served from RELEASE_VERSION's. */
  const releases = new Map<string, string>();

  beforeAll(() => {
    releases.set(RELEASE_VERSION, testRelease());
    work = mkdtempSync(join(tmpdir(), "pygen-install-"));
    server = Bun.serve({
      hostname: "127.0.0.1",
      port: 0,
      fetch(request) {
        const path = new URL(request.url).pathname;
        const match = /^\/(?:download\/v([^/]+)|latest\/download)\/([^/]+)$/.exec(path);
        const folder = match && releases.get(match[1] ?? RELEASE_VERSION);
        const file = folder && match[2] ? join(folder, match[2]) : undefined;
        return file && existsSync(file) ? new Response(Bun.file(file)) : new Response("Not Found", { status: 404 });
      },
    });
  }, RELEASE_BUILD_TIMEOUT);
  afterAll(() => {
    server.stop(true);
    rmSync(work, { recursive: true, force: true });
  });

  /** Runs install.sh with a clean environment; `fakeUname` replaces `uname` to pose as another machine. */
  async function install(name: string, args: string[], fakeUname?: { system: string; machine: string }, env: Record<string, string> = {}) {
    const home = join(work, name);
    mkdirSync(home, { recursive: true });
    let path = "/usr/bin:/bin";
    if (fakeUname) {
      const bin = join(home, "fake-bin");
      mkdirSync(bin);
      writeFileSync(
        join(bin, "uname"),
        `#!/bin/sh\ncase "$1" in -s) echo ${fakeUname.system} ;; -m) echo ${fakeUname.machine} ;; *) exec /bin/uname "$@" ;; esac\n`,
      );
      chmodSync(join(bin, "uname"), 0o755);
      path = `${bin}:${path}`;
    }
    const child = Bun.spawn(["sh", INSTALL_SH, ...args], {
      env: { HOME: home, PATH: path, PYGEN_DOWNLOAD_URL: `http://127.0.0.1:${server.port}`, ...env },
      stdout: "pipe",
      stderr: "pipe",
    });
    const [stderr, exitCode] = await Promise.all([new Response(child.stderr).text(), child.exited]);
    return { exitCode, stderr, installDir: join(home, ".local", "bin") };
  }

  test.skipIf(Bun.which("shellcheck") === null)("is shellcheck-clean as POSIX sh", () => {
    const result = Bun.spawnSync(["shellcheck", "--shell=sh", INSTALL_SH], { stdout: "pipe", stderr: "pipe" });
    expect(result.stdout.toString()).toBe("");
    expect(result.exitCode).toBe(0);
  });

  test(
    "installs the latest release into ~/.local/bin, verified, runnable, and says how to add it to PATH",
    async () => {
      const result = await install("latest", []);
      expect(result.stderr).toContain(`installed pygen ${RELEASE_VERSION} (linux-x64) to ${result.installDir}/pygen`);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain(`export PATH="${result.installDir}:$PATH"`);
      const version = Bun.spawnSync([join(result.installDir, "pygen"), "--version"]);
      expect(version.stdout.toString()).toStartWith(`pygen ${RELEASE_VERSION} (commit `);
      expect(readdirSync(result.installDir)).toEqual(["pygen"]);
    },
    PROCESS_TIMEOUT,
  );

  test(
    "a given version (with or without the v) into PYGEN_INSTALL_DIR; arm64 chosen from uname",
    async () => {
      const dir = join(work, "arm", "tools");
      const result = await install(
        "arm",
        ["--version", `v${RELEASE_VERSION}`],
        { system: "Linux", machine: "aarch64" },
        { PYGEN_INSTALL_DIR: dir },
      );
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain(`installed pygen ${RELEASE_VERSION} (linux-arm64) to ${dir}/pygen`);
      expect(elfFacts(join(dir, "pygen")).machine).toBe(ELF_MACHINE.arm64);
    },
    PROCESS_TIMEOUT,
  );

  test(
    "a corrupted archive is refused and nothing is installed, not even a partial file",
    async () => {
      const good = releases.get(RELEASE_VERSION) ?? "";
      const corrupted = join(work, "corrupted-release");
      mkdirSync(corrupted);
      for (const file of readdirSync(good)) {
        if (file.endsWith(".tar.gz") || file === "SHA256SUMS") symlinkSync(join(good, file), join(corrupted, file));
      }
      const archive = `pygen-${RELEASE_VERSION}-linux-x64.tar.gz`;
      rmSync(join(corrupted, archive));
      const bytes = readFileSync(join(good, archive));
      const middle = bytes.length >> 1;
      bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
      writeFileSync(join(corrupted, archive), bytes);
      releases.set("9.9.9-corrupt", corrupted);

      const result = await install("corrupt", ["--version", "9.9.9-corrupt"]);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(`checksum mismatch for ${archive}`);
      expect(result.stderr).toContain("nothing was installed");
      expect(existsSync(result.installDir) ? readdirSync(result.installDir) : []).toEqual([]);
    },
    PROCESS_TIMEOUT,
  );

  test(
    "an unknown version says so",
    async () => {
      const result = await install("unknown", ["--version", "0.0.404"]);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain("pygen 0.0.404 was not found");
    },
    PROCESS_TIMEOUT,
  );

  test(
    "an unsupported operating system or CPU is refused before any download",
    async () => {
      const bsd = await install("bsd", [], { system: "FreeBSD", machine: "amd64" });
      expect(bsd.exitCode).toBe(1);
      expect(bsd.stderr).toContain("no pygen build for the operating system 'FreeBSD'");
      const riscv = await install("riscv", [], { system: "Linux", machine: "riscv64" });
      expect(riscv.exitCode).toBe(1);
      expect(riscv.stderr).toContain("no pygen build for the CPU 'riscv64' on linux");
      expect(bsd.stderr + riscv.stderr).not.toContain("downloading");
    },
    PROCESS_TIMEOUT,
  );

  test(
    "a release without this platform's build (macOS, Windows under Git Bash) says which target is missing",
    async () => {
      const result = await install("mac", [], { system: "Darwin", machine: "arm64" });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(`pygen latest has no build for darwin-arm64`);
      const windows = await install("windows", [], { system: "MINGW64_NT-10.0-19045", machine: "x86_64" });
      expect(windows.stderr).toContain(`pygen latest has no build for windows-x64`);
    },
    PROCESS_TIMEOUT,
  );
});
