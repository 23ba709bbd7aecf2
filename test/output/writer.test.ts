import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GenerationError } from "../../src/errors.ts";
import { checkRelativePath, MANIFEST_NAME, writeGeneratedFiles } from "../../src/output/writer.ts";
import { rejected, thrown } from "../support/failures.ts";

let base: string;
let out: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), "pygen-writer-"));
  out = join(base, "sdk");
});
afterEach(() => {
  chmodSync(base, 0o755);
  rmSync(base, { recursive: true, force: true });
});

const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, content]) => ({ path, content }));
const read = (path: string) => readFileSync(join(out, path), "utf8");

describe("writing", () => {
  test("a fresh folder gets the files and a manifest", async () => {
    const report = await writeGeneratedFiles(out, files({ "pkg/__init__.py": "x = 1\n", "README.md": "# sdk\n" }));
    expect(report.written.sort()).toEqual(["README.md", "pkg/__init__.py"]);
    expect(read("pkg/__init__.py")).toBe("x = 1\n");
    expect(JSON.parse(read(MANIFEST_NAME)).files).toEqual(["README.md", "pkg/__init__.py"]);
  });

  test("regenerating: changed files rewritten, identical ones reported unchanged, dropped ones removed, user files kept", async () => {
    await writeGeneratedFiles(out, files({ "pkg/a.py": "a\n", "pkg/old/b.py": "b\n", "keep.py": "k\n" }));
    writeFileSync(join(out, "notes.txt"), "mine");
    const report = await writeGeneratedFiles(out, files({ "pkg/a.py": "a2\n", "keep.py": "k\n" }));
    expect(report).toMatchObject({ written: ["pkg/a.py"], unchanged: ["keep.py"], removed: ["pkg/old/b.py"] });
    expect(read("pkg/a.py")).toBe("a2\n");
    expect(existsSync(join(out, "pkg/old"))).toBe(false);
    expect(read("notes.txt")).toBe("mine");
  });

  test("a non-empty folder pygen did not create is refused without overwrite, and untouched", async () => {
    mkdirSync(out);
    writeFileSync(join(out, "main.py"), "print('mine')");
    const error = await rejected(writeGeneratedFiles(out, files({ "main.py": "generated" })), GenerationError);
    expect(error.message).toContain("is not empty and was not created by pygen; use --overwrite");
    expect(read("main.py")).toBe("print('mine')");
    await writeGeneratedFiles(out, files({ "main.py": "generated", "other.py": "o" }), { overwrite: true });
    expect(read("main.py")).toBe("generated");
  });

  test("a dry run reports and writes nothing", async () => {
    const report = await writeGeneratedFiles(out, files({ "a.py": "a" }), { dryRun: true });
    expect(report).toMatchObject({ written: ["a.py"], dryRun: true });
    expect(existsSync(out)).toBe(false);
  });

  test("a failure half-way leaves the previous output and no staging folder", async () => {
    await writeGeneratedFiles(out, files({ "pkg/a.py": "old a", "pkg/b.py": "old b" }));
    const tooLong = `pkg/${"x".repeat(300)}.py`;
    const error = await rejected(writeGeneratedFiles(out, files({ "pkg/a.py": "new a", [tooLong]: "x" })), GenerationError);
    expect(error.message).toContain("the previous output was restored");
    expect(read("pkg/a.py")).toBe("old a");
    expect(read("pkg/b.py")).toBe("old b");
    expect(readdirSync(base)).toEqual(["sdk"]);
  });

  test("a folder where a generated file should go is never replaced", async () => {
    await writeGeneratedFiles(out, files({ "pkg/a.py": "a" }));
    mkdirSync(join(out, "pkg", "c.py"));
    writeFileSync(join(out, "pkg", "c.py", "work.txt"), "mine");
    const error = await rejected(writeGeneratedFiles(out, files({ "pkg/a.py": "a2", "pkg/c.py": "c" })), GenerationError);
    expect(error.message).toContain("a folder of that name is in the way");
    expect(read("pkg/c.py/work.txt")).toBe("mine");
    expect(read("pkg/a.py")).toBe("a");
  });
});

describe("staying inside the output folder", () => {
  test("hostile paths are refused before anything is written", async () => {
    for (const path of ["../escape.py", "/etc/passwd", "a/../../b", "a//b", "C:/x", "a\\b", "", "./a", MANIFEST_NAME, "a\0b"]) {
      expect(thrown(() => checkRelativePath(path), GenerationError).message).toStartWith(`refusing to write "${path}"`);
    }
    await rejected(writeGeneratedFiles(out, files({ "ok.py": "x", "../evil.py": "x" })), GenerationError);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(base, "evil.py"))).toBe(false);
  });

  test("a symlinked folder leading outside is refused", async () => {
    const outside = join(base, "outside");
    mkdirSync(outside);
    mkdirSync(out);
    writeFileSync(join(out, MANIFEST_NAME), JSON.stringify({ generator: "pygen", files: [] }));
    symlinkSync(outside, join(out, "pkg"));
    const error = await rejected(writeGeneratedFiles(out, files({ "pkg/x.py": "x" })), GenerationError);
    expect(error.message).toContain("a symbolic link leads it outside");
    expect(readdirSync(outside)).toEqual([]);
  });

  test("a tampered manifest cannot make pygen delete files outside", async () => {
    mkdirSync(out);
    writeFileSync(join(base, "precious.txt"), "keep");
    writeFileSync(join(out, MANIFEST_NAME), JSON.stringify({ generator: "pygen", files: ["../precious.txt"] }));
    await rejected(writeGeneratedFiles(out, files({ "a.py": "a" })), GenerationError);
    expect(readFileSync(join(base, "precious.txt"), "utf8")).toBe("keep");
  });

  test("the generator producing the same path twice is a bug reported as such", async () => {
    const error = await rejected(writeGeneratedFiles(out, [...files({ "a.py": "1" }), ...files({ "a.py": "2" })]), GenerationError);
    expect(error.message).toBe("the generator produced a.py twice");
  });
});

describe("fresh folders", () => {
  test("an existing empty folder is filled in one move, staging left behind nowhere", async () => {
    mkdirSync(out);
    await writeGeneratedFiles(out, files({ "pkg/a.py": "a", "b.py": "b" }));
    expect(read("pkg/a.py")).toBe("a");
    expect(JSON.parse(read(MANIFEST_NAME)).files).toEqual(["b.py", "pkg/a.py"]);
    expect(readdirSync(base)).toEqual(["sdk"]);
  });

  test("a failure while writing a fresh folder leaves no output and no staging folder", async () => {
    const error = await rejected(writeGeneratedFiles(out, files({ "a.py": "a", [`${"x".repeat(300)}.py`]: "x" })), GenerationError);
    expect(error.message).toContain("nothing was written");
    expect(readdirSync(base)).toEqual([]);
  });
});
