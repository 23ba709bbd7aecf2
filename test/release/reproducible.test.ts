/**
 * Reproducible releases: the same input gives the same bytes. The archive writers are checked against the
 * system's tar, unzip and Python's zipfile; the compiler by building the same target twice.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ArchiveEntry, tarGz, zip } from "../../release/archive.ts";
import { readBuildInfo } from "../../release/build-info.ts";
import { compileBinary } from "../../release/compile.ts";
import { runBinary } from "../support/binary.ts";
import { PROCESS_TIMEOUT } from "../support/release.ts";

const REPO = join(import.meta.dir, "..", "..");
const work = mkdtempSync(join(tmpdir(), "pygen-reproducible-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const text = (value: string) => new TextEncoder().encode(value);
const ENTRIES: ArchiveEntry[] = [
  { path: "pygen-1.0.0-x/" },
  { path: "pygen-1.0.0-x/pygen", data: text("#!/bin/sh\necho pygen\n".repeat(50)), mode: 0o755 },
  { path: "pygen-1.0.0-x/README.md", data: text("# pygen ü\n") },
  { path: `pygen-1.0.0-x/${"long-folder-name/".repeat(7)}file.txt`, data: text("deep") },
  { path: "pygen-1.0.0-x/empty", data: new Uint8Array(0) },
];
const EPOCH = 1_764_000_000; // 2025-11-24 16:00:00 UTC

const run = ([command, ...args]: string[]) => runBinary(command ?? "", args, work);

describe("archives", () => {
  test("the same entries and time give the same bytes; another time gives other bytes", () => {
    expect(tarGz(ENTRIES, EPOCH)).toEqual(tarGz(ENTRIES, EPOCH));
    expect(zip(ENTRIES, EPOCH)).toEqual(zip(ENTRIES, EPOCH));
    expect(tarGz(ENTRIES, EPOCH)).not.toEqual(tarGz(ENTRIES, EPOCH + 60));
  });

  test("tar reads the tar.gz: modes, owner, time, long names, contents", () => {
    writeFileSync(join(work, "a.tar.gz"), tarGz(ENTRIES, EPOCH));
    const listing = run(["tar", "--utc", "-tvzf", "a.tar.gz"]);
    expect(listing.exitCode).toBe(0);
    const lines = listing.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^drwxr-xr-x root\/root +0 2025-11-24 16:00 pygen-1\.0\.0-x\/$/);
    expect(lines[1]).toMatch(/^-rwxr-xr-x root\/root +1050 2025-11-24 16:00 pygen-1\.0\.0-x\/pygen$/);
    expect(lines[3]).toEndWith(`${"long-folder-name/".repeat(7)}file.txt`);
    expect(run(["tar", "-xzf", "a.tar.gz"]).exitCode).toBe(0);
    expect(readFileSync(join(work, "pygen-1.0.0-x", "README.md"), "utf8")).toBe("# pygen ü\n");
  });

  test("Python's zipfile reads the zip, with CRCs, Unix modes and the time", () => {
    writeFileSync(join(work, "a.zip"), zip(ENTRIES, EPOCH));
    const check = run([
      "python3",
      "-c",
      "import sys, zipfile; z = zipfile.ZipFile('a.zip'); assert z.testzip() is None; " +
        "[print(i.filename, oct(i.external_attr >> 16), i.date_time, len(z.read(i))) for i in z.infolist()]",
    ]);
    expect(check.stderr).toBe("");
    expect(check.stdout.split("\n")[1]).toBe("pygen-1.0.0-x/pygen 0o100755 (2025, 11, 24, 16, 0, 0) 1050");
    expect(check.stdout.split("\n")[2]).toBe("pygen-1.0.0-x/README.md 0o100644 (2025, 11, 24, 16, 0, 0) 11");
  });
});

test(
  "compiling the same commit twice gives the same binary",
  async () => {
    const build = readBuildInfo(REPO);
    // The same file name: Bun records the binary's name inside it.
    const compile = (folder: string) =>
      compileBinary({ outfile: join(work, folder, "pygen"), target: "bun-linux-x64", build, cacheDir: join(REPO, "dist", ".cache") });
    await compile("first");
    await compile("second");
    const [first, second] = [readFileSync(join(work, "first", "pygen")), readFileSync(join(work, "second", "pygen"))];
    expect(first.length).toBeGreaterThan(50_000_000);
    expect(first.equals(second)).toBe(true);
  },
  PROCESS_TIMEOUT,
);
