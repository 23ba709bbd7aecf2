/**
 * `pygen generate --check` on the compiled binary: the CI question "is the committed SDK what this model
 * generates?" — exit 0 when it is, exit 9 with the files that would change when not; never writes.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT_CODES } from "../../src/errors.ts";
import { MANIFEST_NAME } from "../../src/output/writer.ts";
import { folderWith, isolatedBinary, runBinary } from "../support/binary.ts";

let binary: string;
let dir: string;
beforeAll(() => {
  ({ binary, dir } = isolatedBinary());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let folders = 0;
const workspace = () => folderWith(join(dir, `check-${++folders}`));
const generate = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  runBinary(binary, ["generate", "-o", "sdk", ...args], cwd, env);

function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files.set(path.slice(root.length + 1), readFileSync(path, "utf8"));
  }
  return files;
}

describe("pygen generate --check", () => {
  test("an up-to-date output passes, although it was generated at another time", () => {
    const cwd = workspace();
    // Generated at a fixed time in the past; the check runs now, with no SOURCE_DATE_EPOCH.
    expect(generate(cwd, [], { SOURCE_DATE_EPOCH: "1700000000" }).exitCode).toBe(0);
    const before = snapshot(join(cwd, "sdk"));
    const manifest = JSON.parse(before.get(MANIFEST_NAME) ?? "{}");
    expect(manifest.generatedAt).toBe("2023-11-14T22:13:20+00:00");

    const result = generate(cwd, ["--check"]);
    expect(result.stderr).not.toContain("error:");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\.\/sdk is up to date \(\d+ files\)\n$/);
    expect(snapshot(join(cwd, "sdk"))).toEqual(before);
  });

  test("a stale output fails with exit 9 and lists what would be written and removed, writing nothing", () => {
    const cwd = workspace();
    expect(generate(cwd, []).exitCode).toBe(0);
    const client = join(cwd, "sdk", "hydro_plant_model", "_client.py");
    writeFileSync(client, `${readFileSync(client, "utf8")}# edited by hand\n`);
    const before = snapshot(join(cwd, "sdk"));
    const removedView = [...before.keys()].filter((path) => /generator/i.test(path));
    expect(removedView.length).toBeGreaterThan(0);

    const result = generate(cwd, ["--check", "--exclude-views", "Generator"]);
    expect(result.exitCode).toBe(EXIT_CODES.outOfDate);
    expect(result.stdout).toContain("write      hydro_plant_model/_client.py\n");
    for (const path of removedView) expect(result.stdout).toContain(`remove     ${path}`);
    expect(result.stdout).not.toContain("unchanged");
    expect(result.stderr).toMatch(/error: \.\/sdk is out of date: generating would write \d+ and remove \d+ files/);
    expect(snapshot(join(cwd, "sdk"))).toEqual(before);
  });

  test("a missing output folder is out of date and is not created", () => {
    const cwd = workspace();
    const result = generate(cwd, ["--check", "-q"]);
    expect(result.exitCode).toBe(EXIT_CODES.outOfDate);
    expect(result.stdout).toContain("write      hydro_plant_model/__init__.py\n");
    expect(existsSync(join(cwd, "sdk"))).toBe(false);
  });
});

/** Every file's and folder's modification time under `root`, by relative path. */
function modificationTimes(root: string): Map<string, number> {
  const times = new Map<string, number>([[".", statSync(root).mtimeMs]]);
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    times.set(path.slice(root.length + 1), statSync(path).mtimeMs);
  }
  return times;
}

describe("regenerating an unchanged model", () => {
  const layouts: [string, string[]][] = [
    ["python", []],
    ["python --flat-structure", ["--flat-structure"]],
    ["python --single-file", ["--single-file"]],
    ["typescript", ["--language", "typescript"]],
  ];
  test.each(layouts)("%s: writes 0 files, keeps every modification time and the recorded generation time", (_name, layout) => {
    const cwd = workspace();
    // The first run is at a fixed time in the past, the second now: only the generation time could differ.
    expect(generate(cwd, [...layout, "-q"], { SOURCE_DATE_EPOCH: "1700000000" }).exitCode).toBe(0);
    const root = join(cwd, "sdk");
    const files = snapshot(root);
    const times = modificationTimes(root);

    const again = generate(cwd, [...layout, "-q"]);
    expect(again.stderr).toBe("");
    expect(again.stdout).toEndWith(`: 0 files written, ${files.size - 1} unchanged, 0 removed\n`);
    expect(snapshot(root)).toEqual(files);
    expect(modificationTimes(root)).toEqual(times);
    expect(generate(cwd, [...layout, "--check", "-q"]).exitCode).toBe(0);
  });

  test("a real change writes the changed files with a new generation time, and --check agrees beforehand", () => {
    const cwd = workspace();
    expect(generate(cwd, ["-q"], { SOURCE_DATE_EPOCH: "1700000000" }).exitCode).toBe(0);
    expect(generate(cwd, ["--client-name", "RenamedClient", "--check", "-q"]).exitCode).toBe(EXIT_CODES.outOfDate);

    const changed = generate(cwd, ["--client-name", "RenamedClient", "-q"]);
    expect(changed.exitCode).toBe(0);
    expect(changed.stdout).not.toContain(": 0 files written");
    const manifest = JSON.parse(readFileSync(join(cwd, "sdk", MANIFEST_NAME), "utf8"));
    expect(manifest.generatedAt).not.toBe("2023-11-14T22:13:20+00:00");
    expect(generate(cwd, ["--client-name", "RenamedClient", "--check", "-q"]).exitCode).toBe(0);
  });
});
