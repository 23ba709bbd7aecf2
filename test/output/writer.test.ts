import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GenerationError } from "../../src/errors.ts";
import { checkRelativePath, MANIFEST_NAME, recoverInterruptedWrites, writeGeneratedFiles } from "../../src/output/writer.ts";
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

  test("nothing changed: the folder is left alone, its inode and every modification time kept", async () => {
    const sdk = files({ "pkg/a.py": "a\n", "keep.py": "k\n" });
    await writeGeneratedFiles(out, sdk, { generatedAt: "2026-01-01T00:00:00+00:00" });
    const stamp = (path: string) => statSync(join(out, path), { bigint: true });
    const before = [".", "pkg", "pkg/a.py", MANIFEST_NAME].map((path) => [stamp(path).ino, stamp(path).mtimeNs]);
    const report = await writeGeneratedFiles(out, sdk, { generatedAt: "2026-01-01T00:00:00+00:00" });
    expect(report).toMatchObject({ written: [], removed: [], unchanged: ["pkg/a.py", "keep.py"] });
    expect([".", "pkg", "pkg/a.py", MANIFEST_NAME].map((path) => [stamp(path).ino, stamp(path).mtimeNs])).toEqual(before);
    // Only the recorded time differs: the manifest is rewritten, the generated files stay as they are.
    await writeGeneratedFiles(out, sdk, { generatedAt: "2026-02-01T00:00:00+00:00" });
    expect(JSON.parse(read(MANIFEST_NAME)).generatedAt).toBe("2026-02-01T00:00:00+00:00");
    expect(stamp("pkg/a.py").mtimeNs).toBe(before[2]?.[1] as bigint);
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
    expect(error.message).toContain("the output folder was not touched");
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
    expect(error.message).toBe(`cannot write into ${join(out, "pkg")}: it is a symbolic link where the SDK needs a folder`);
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
    expect(error.message).toContain("the output folder was not touched");
    expect(readdirSync(base)).toEqual([]);
  });
});

describe("the swap", () => {
  test("what the new output keeps is linked, not rewritten: unchanged files keep their inode, user files and links stay", async () => {
    await writeGeneratedFiles(out, files({ "pkg/a.py": "a", "pkg/b.py": "b" }));
    mkdirSync(join(out, "mine", "empty"), { recursive: true });
    writeFileSync(join(out, "mine", "notes.txt"), "mine");
    symlinkSync("../pkg/a.py", join(out, "mine", "link"));
    const before = statSync(join(out, "pkg", "b.py")).ino;
    await writeGeneratedFiles(out, files({ "pkg/a.py": "a2", "pkg/b.py": "b" }));
    expect(statSync(join(out, "pkg", "b.py")).ino).toBe(before);
    expect(read("pkg/a.py")).toBe("a2");
    expect(read("mine/notes.txt")).toBe("mine");
    expect(readlinkSync(join(out, "mine", "link"))).toBe("../pkg/a.py");
    expect(readdirSync(join(out, "mine", "empty"))).toEqual([]);
    expect(readdirSync(base)).toEqual(["sdk"]);
  });

  test("the output folder keeps its permissions", async () => {
    mkdirSync(out, { mode: 0o750 });
    chmodSync(out, 0o750);
    await writeGeneratedFiles(out, files({ "a.py": "a" }));
    expect(statSync(out).mode & 0o777).toBe(0o750);
  });

  test("a checkpoint that throws stops the write before the swap: the output is untouched, no staging folder left", async () => {
    await writeGeneratedFiles(out, files({ "pkg/a.py": "a", "pkg/b.py": "b" }));
    let calls = 0;
    const checkpoint = async () => {
      calls++;
      if (calls === 2) throw new Error("stop");
    };
    await rejected(writeGeneratedFiles(out, files({ "pkg/a.py": "a2", "pkg/b.py": "b2" }), { checkpoint }), Error);
    expect([read("pkg/a.py"), read("pkg/b.py")]).toEqual(["a", "b"]);
    expect(readdirSync(base)).toEqual(["sdk"]);
  });

  test("folders left by killed runs are cleaned up by exact name; a running process's and anything else stay", async () => {
    await writeGeneratedFiles(out, files({ "a.py": "a" }));
    const dead = 2 ** 22 + 7; // above Linux's pid_max default range: no such process
    const leftovers = [`.sdk.pygen-staging-${dead}-1`, `.sdk.pygen-previous-${dead}-2`];
    const kept = [".sdk.pygen-staging-1-3", ".sdk.pygen-staging-x-1", ".sdk2.pygen-staging-9999999-1", "sdk.pygen-staging-9999999-1"];
    for (const name of [...leftovers, ...kept]) mkdirSync(join(base, name));
    await writeGeneratedFiles(out, files({ "a.py": "a2" }));
    expect(readdirSync(base).sort()).toEqual(["sdk", ...kept].sort());
  });

  test("an output folder missing after a run died between the fallback's two renames is put back from the previous one", () => {
    const previous = join(base, `.sdk.pygen-previous-${2 ** 22 + 7}-5`);
    mkdirSync(previous);
    writeFileSync(join(previous, "a.py"), "old");
    mkdirSync(join(base, `.sdk.pygen-staging-${2 ** 22 + 7}-5`));
    recoverInterruptedWrites(out);
    expect(read("a.py")).toBe("old");
    expect(readdirSync(base)).toEqual(["sdk"]);
  });
});
