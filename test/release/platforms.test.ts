/**
 * The cross-compiled binaries on this machine: the linux-arm64 one runs under Debian's qemu-user-static
 * (`--version`, generating, validating and checking the bundled example), the musl one asks for musl's
 * loader, and both macOS binaries carry a code signature that matches their bytes (else Apple silicon, and
 * hardened-runtime signatures on Intel, refuse to start them). Running the musl binary needs an Alpine userland (musl builds of libstdc++), which Debian does not
 * package: that run happens in the release workflow's Alpine container instead.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBuildInfo } from "../../release/build-info.ts";
import { compileBinary } from "../../release/compile.ts";
import { signatureProblems } from "../../release/macho.ts";
import { runBinary } from "../support/binary.ts";
import { ELF_MACHINE, elfFacts } from "../support/elf.ts";
import { PROCESS_TIMEOUT, RELEASE_BUILD_TIMEOUT, RELEASE_VERSION, testRelease } from "../support/release.ts";

const REPO = join(import.meta.dir, "..", "..");
const QEMU = Bun.which("qemu-aarch64-static");
// Without the arm64 loader and C++ runtime (dpkg --add-architecture arm64; libc6:arm64 libstdc++6:arm64) qemu
// cannot start the dynamically linked binary.
const canEmulateArm64 = QEMU !== null && existsSync("/lib/ld-linux-aarch64.so.1");

describe("cross-compiled binaries", () => {
  let release: string;
  let work: string;
  beforeAll(() => {
    release = testRelease();
    work = mkdtempSync(join(tmpdir(), "pygen-platforms-"));
  }, RELEASE_BUILD_TIMEOUT);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("each Linux binary is built for its CPU and asks for glibc's loader", () => {
    expect(elfFacts(join(release, "bin", "linux-x64", "pygen"))).toEqual({
      machine: ELF_MACHINE.x64,
      interpreter: "/lib64/ld-linux-x86-64.so.2",
    });
    expect(elfFacts(join(release, "bin", "linux-arm64", "pygen"))).toEqual({
      machine: ELF_MACHINE.arm64,
      interpreter: "/lib/ld-linux-aarch64.so.1",
    });
  });

  test.skipIf(!canEmulateArm64)(
    "the arm64 binary runs under qemu: --version, then generate, validate and check the bundled example, and loads BullMQ",
    () => {
      const emulate = (...args: string[]) => runBinary(QEMU ?? "", [join(release, "bin", "linux-arm64", "pygen"), ...args], work);
      const version = emulate("--version");
      expect(version.stdout).toStartWith(`pygen ${RELEASE_VERSION} (commit `);
      expect(version.stdout).toContain("linux-arm64)");

      const generated = emulate("generate", "-o", "sdk", "-q");
      expect(generated.stderr).toBe("");
      // The same files as the native binary writes.
      const native = runBinary(join(release, "bin", "linux-x64", "pygen"), ["generate", "-o", "sdk-native", "-q"], work);
      expect(generated.stdout).toBe(native.stdout.replace("./sdk-native", "./sdk"));
      expect(generated.stdout).toMatch(/: \d+ files written, 0 unchanged, 0 removed/);
      expect(existsSync(join(work, "sdk", "hydro_plant_model", "_client.py"))).toBe(true);
      expect(emulate("validate", "-q").exitCode).toBe(0);
      expect(emulate("generate", "-o", "sdk", "--check", "-q").exitCode).toBe(0);
      // The compressed BullMQ bundle (release/compile.ts) loads on arm64 too: ioredis tries to connect.
      const queue = emulate("serve", "--port", "0", "--no-auth", "--queue", "redis://127.0.0.1:1");
      expect(queue.exitCode).toBe(2);
      expect(queue.stderr).toContain('"msg":"redis error","error":"connect ECONNREFUSED 127.0.0.1:1"');
    },
    PROCESS_TIMEOUT,
  );

  test(
    "the macOS binaries have valid ad-hoc signatures: arm64's from Bun, x64's redone (Bun leaves the runtime's broken)",
    async () => {
      const build = readBuildInfo(REPO);
      for (const [target, redone] of [
        ["bun-darwin-arm64", false],
        ["bun-darwin-x64", true],
      ] as const) {
        const outfile = join(work, target, "pygen");
        const { resigned } = await compileBinary({ outfile, target, build, cacheDir: join(REPO, "dist", ".cache") });
        expect({ target, resigned, problems: signatureProblems(readFileSync(outfile)) }).toEqual({
          target,
          resigned: redone,
          problems: [],
        });
        expect(statSync(outfile).mode & 0o111).toBe(0o111);
      }
      // The check itself notices one changed byte.
      const tampered = readFileSync(join(work, "bun-darwin-x64", "pygen"));
      tampered[5000] = (tampered[5000] ?? 0) ^ 1;
      expect(signatureProblems(tampered)).toEqual([expect.stringMatching(/^CodeDirectory 0: 1 of \d+ page hashes do not match$/)]);
    },
    PROCESS_TIMEOUT,
  );

  test(
    "the linux-x64-musl binary asks for musl's loader (as on Alpine)",
    async () => {
      const outfile = join(work, "musl", "pygen");
      await compileBinary({ outfile, target: "bun-linux-x64-musl", build: readBuildInfo(REPO), cacheDir: join(REPO, "dist", ".cache") });
      expect(elfFacts(outfile)).toEqual({ machine: ELF_MACHINE.x64, interpreter: "/lib/ld-musl-x86_64.so.1" });
    },
    PROCESS_TIMEOUT,
  );
});
