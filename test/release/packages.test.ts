/**
 * The packages that carry the binary, installed the way users install them: the linux-x64 wheel into a fresh
 * venv with pip, and the npm packages from their tarballs (offline: the other platforms' optional packages
 * are not published, and npm skips them).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT_CODES } from "../../src/errors.ts";
import { PROCESS_TIMEOUT, RELEASE_BUILD_TIMEOUT, RELEASE_VERSION, testRelease } from "../support/release.ts";

const onLinuxX64 = process.platform === "linux" && process.arch === "x64";
const hasPython = Bun.which("python3") !== null;
const hasNpm = Bun.which("npm") !== null;

/** pip and npm need the real environment (their caches and configuration under HOME), unlike runBinary. */
function run(command: string[], cwd: string) {
  const result = Bun.spawnSync(command, { cwd, stdout: "pipe", stderr: "pipe", env: { ...process.env, NO_COLOR: "1" } });
  return { exitCode: result.exitCode, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
}

/** Python's zipfile reads the wheel and checks every RECORD line against the file's sha256 and size. */
const VERIFY_RECORD = `
import base64, hashlib, sys, zipfile
wheel = zipfile.ZipFile(sys.argv[1])
record = next(name for name in wheel.namelist() if name.endswith(".dist-info/RECORD"))
listed = set()
for line in wheel.read(record).decode().splitlines():
    path, digest, size = line.rsplit(",", 2)
    listed.add(path)
    if path == record:
        assert digest == "" and size == "", line
        continue
    data = wheel.read(path)
    expected = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    assert digest == expected and int(size) == len(data), path
assert listed == set(wheel.namelist()), listed ^ set(wheel.namelist())
print("RECORD ok:", len(listed), "files")
`;

describe("release packages", () => {
  let release: string;
  let work: string;
  beforeAll(() => {
    release = testRelease();
    work = mkdtempSync(join(tmpdir(), "pygen-packages-"));
  }, RELEASE_BUILD_TIMEOUT);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const wheel = (platform: string) => {
    const name = readdirSync(join(release, "pypi")).find((file) => file.includes(`-py3-none-${platform}`));
    if (!name) throw new Error(`no ${platform} wheel in ${release}/pypi`);
    return join(release, "pypi", name);
  };

  test("wheel names carry the PEP 440 version and the platform tags", () => {
    expect(readdirSync(join(release, "pypi")).sort()).toEqual([
      `cognite_pygen_cli-${RELEASE_VERSION}-py3-none-manylinux_2_17_aarch64.manylinux2014_aarch64.whl`,
      `cognite_pygen_cli-${RELEASE_VERSION}-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl`,
    ]);
  });

  test.skipIf(!hasPython)(
    "every wheel's RECORD matches its files",
    () => {
      for (const platform of ["manylinux_2_17_x86_64", "manylinux_2_17_aarch64"]) {
        const result = run(["python3", "-c", VERIFY_RECORD, wheel(platform)], work);
        expect(result.stderr).toBe("");
        expect(result.stdout).toBe("RECORD ok: 5 files\n");
      }
    },
    PROCESS_TIMEOUT,
  );

  test.skipIf(!hasPython || !onLinuxX64)(
    "the linux-x64 wheel installs into a fresh venv and puts a working pygen on its PATH; pip refuses the arm64 one",
    () => {
      const venv = join(work, "venv");
      expect(run(["python3", "-m", "venv", venv], work).exitCode).toBe(0);
      const pip = join(venv, "bin", "pip");
      const installed = run([pip, "install", "--no-index", "--disable-pip-version-check", "-q", wheel("manylinux_2_17_x86_64")], work);
      expect(installed.stderr).toBe("");
      expect(installed.exitCode).toBe(0);
      const version = run([join(venv, "bin", "pygen"), "--version"], work);
      expect(version.stdout).toStartWith(`pygen ${RELEASE_VERSION} (commit `);

      const wrong = run([pip, "install", "--no-index", "--disable-pip-version-check", wheel("manylinux_2_17_aarch64")], work);
      expect(wrong.exitCode).not.toBe(0);
      expect(wrong.stderr).toContain("is not a supported wheel on this platform");
    },
    PROCESS_TIMEOUT,
  );

  test.skipIf(!hasNpm || !onLinuxX64)(
    "the npm packages install from their tarballs; npx pygen runs the platform's binary and passes its exit code through",
    () => {
      const project = join(work, "npm-project");
      mkdirSync(project);
      writeFileSync(join(project, "package.json"), '{ "name": "user-project", "version": "1.0.0", "private": true }\n');
      const tarballs = [`cognite-pygen-linux-x64-${RELEASE_VERSION}.tgz`, `cognite-pygen-${RELEASE_VERSION}.tgz`];
      const install = run(
        ["npm", "install", "--offline", "--no-audit", "--no-fund", ...tarballs.map((file) => join(release, "npm", file))],
        project,
      );
      expect(install.exitCode).toBe(0);
      // Only this platform's package was installed; the others are optional and skipped.
      expect(readdirSync(join(project, "node_modules", "@cognite")).sort()).toEqual(["pygen", "pygen-linux-x64"]);

      const version = run(["npx", "--offline", "pygen", "--version"], project);
      expect(version.stdout).toStartWith(`pygen ${RELEASE_VERSION} (commit `);
      expect(version.stdout).toContain("linux-x64");
      const check = run(["npx", "--offline", "pygen", "generate", "-o", "sdk", "--check", "-q"], project);
      expect(check.exitCode).toBe(EXIT_CODES.outOfDate);
    },
    PROCESS_TIMEOUT,
  );

  test.skipIf(!hasNpm || !onLinuxX64)("without its platform package, the npm launcher says what is missing (exit 1)", () => {
    const project = join(work, "launcher-alone");
    mkdirSync(join(project, "bin"), { recursive: true });
    writeFileSync(join(project, "package.json"), '{ "name": "@cognite/pygen", "version": "1.0.0" }\n');
    writeFileSync(join(project, "bin", "pygen.cjs"), readFileSync(join(import.meta.dir, "..", "..", "packaging", "npm", "pygen.cjs")));
    const result = run(["node", join(project, "bin", "pygen.cjs"), "--version"], project);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toStartWith(
      "pygen: the binary for linux-x64 is not installed (the optional dependency @cognite/pygen-linux-x64 is missing).\n",
    );
  });

  test("the platform npm packages declare os, cpu and libc; the main one lists them all as optional", async () => {
    const manifest = async (file: string) => {
      const files = await new Bun.Archive(await Bun.file(join(release, "npm", file)).bytes()).files("package/package.json");
      return JSON.parse((await files.get("package/package.json")?.text()) ?? "{}");
    };
    const arm = await manifest(`cognite-pygen-linux-arm64-${RELEASE_VERSION}.tgz`);
    expect(arm).toMatchObject({ name: "@cognite/pygen-linux-arm64", os: ["linux"], cpu: ["arm64"], libc: ["glibc"] });
    const main = await manifest(`cognite-pygen-${RELEASE_VERSION}.tgz`);
    expect(main.bin).toEqual({ pygen: "bin/pygen.cjs" });
    expect(Object.keys(main.optionalDependencies)).toContain("@cognite/pygen-windows-x64");
    expect(new Set(Object.values(main.optionalDependencies))).toEqual(new Set([RELEASE_VERSION]));
  });
});
