import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT_CODES } from "../../src/errors.ts";
import { PYGEN_VERSION } from "../../src/version.ts";
import { isolatedBinary, type RunResult, runBinary } from "../support/binary.ts";

const STACK_LINE = /^\s+at /m;

describe("the compiled binary, alone in an empty folder", () => {
  let binary: string;
  let dir: string;
  const run = (...args: string[]): RunResult => runBinary(binary, args, dir);

  beforeAll(() => {
    ({ binary, dir } = isolatedBinary());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("--version and -v", () => {
    for (const flag of ["--version", "-v"]) {
      const result = run(flag);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(
        new RegExp(`^pygen ${PYGEN_VERSION.replaceAll(".", "\\.")} \\(commit [0-9a-f]{12}(-dirty)?, built \\d{4}-\\d\\d-\\d\\d; bun `),
      );
    }
  });

  test("--help lists the commands", () => {
    const result = run("--help");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("inspect");
    expect(result.stdout).toContain("doctor");
  });

  test("inspect with no model summarises the bundled example and says so", () => {
    const result = run("inspect");
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain("using the bundled example");
    expect(result.stdout).toContain("pygen_example:HydroPlantModel(version=1)");
    expect(result.stdout).toContain("6 views");
  });

  test("inspect --json is machine-readable", () => {
    const result = run("inspect", "--json");
    const [summary] = JSON.parse(result.stdout);
    expect(summary.views.map((view: { id: string }) => view.id)).toContain("pygen_example:Generator(version=1)");
  });

  test("doctor finds templates, the example and a working formatter (Biome's wasm is embedded)", () => {
    const result = run("doctor");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/templates: [1-9]\d* embedded/);
    expect(result.stdout).toContain("example model: examples/hydro-plant.model.yaml, 6 views");
    expect(result.stdout).toContain("formatter: ok");
    expect(result.stdout).toMatch(/language python: ok, the example generates [1-9]\d* files/);
  });

  test("a broken model file: clear error, exit code 3, no stack trace", () => {
    writeFileSync(join(dir, "broken.yaml"), "space: sp\nexternalId: M\n  version: 1\n");
    const result = run("inspect", "--model-file", "broken.yaml");
    expect(result.exitCode).toBe(EXIT_CODES.parse);
    expect(result.stderr).toStartWith("error: broken.yaml:3:10: invalid YAML");
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe("");
  });

  test("usage mistakes exit with 2", () => {
    expect(run("inspect", "--nope").exitCode).toBe(EXIT_CODES.usage);
    expect(run("nope").exitCode).toBe(EXIT_CODES.usage);
  });

  test("the caller's .env and bunfig.toml are not loaded", () => {
    writeFileSync(join(dir, ".env"), "PYGEN_DEBUG=1\n");
    writeFileSync(join(dir, "bunfig.toml"), 'preload = ["./preload.ts"]\n');
    writeFileSync(join(dir, "preload.ts"), 'console.log("PRELOADED");\n');
    const result = run("inspect", "--model-file", "missing.yaml");
    expect(result.exitCode).toBe(EXIT_CODES.parse);
    expect(result.stdout).not.toContain("PRELOADED");
    // PYGEN_DEBUG from .env would have added a stack trace.
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
