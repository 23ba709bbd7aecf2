/**
 * `pygen generate` on the compiled binary: the example with no flags, dry runs, options from flags and the
 * config file, safe writing (foreign folders, failures and signals leave the previous output as it was), and a
 * model fetched from an emulator.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.ts";
import { EXIT_CODES } from "../../src/errors.ts";
import { MANIFEST_NAME } from "../../src/output/writer.ts";
import { EXAMPLE_MODEL_NAME } from "../../src/sources.ts";
import { folderWith, isolatedBinary, type RunResult, runBinary, runBinaryAsync } from "../support/binary.ts";

/** Fixed generation time, so two runs with the same options give the same bytes. */
const REPRODUCIBLE = { SOURCE_DATE_EPOCH: "1700000000" };
const EXAMPLE_PATH = join(import.meta.dir, "..", "..", EXAMPLE_MODEL_NAME);

let binary: string;
let dir: string;
beforeAll(() => {
  ({ binary, dir } = isolatedBinary());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let folders = 0;
/** A fresh working folder per test, with optional files in it. */
function workspace(files: Record<string, string> = {}): string {
  return folderWith(join(dir, `work-${++folders}`), files);
}

const run = (cwd: string, args: string[], env: Record<string, string> = {}): RunResult =>
  runBinary(binary, ["generate", ...args], cwd, { ...REPRODUCIBLE, ...env });

/** Every file under `root` (relative path → content). */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.set(join(entry.parentPath, entry.name).slice(root.length + 1), readFileSync(join(entry.parentPath, entry.name), "utf8"));
  }
  return files;
}

describe("pygen generate", () => {
  test("with no flags: the bundled example becomes a Python package in ./hydro_plant_model, step by step", () => {
    const cwd = workspace();
    const result = run(cwd, []);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      "HydroPlantModelClient (package hydro_plant_model) in ./hydro_plant_model: 42 files written, 0 unchanged, 0 removed\n",
    );
    expect(result.stderr).toContain("No model given: using the bundled example");
    expect(result.stderr).toMatch(/^load the bundled example … \d+ ms$/m);
    expect(result.stderr).toMatch(/^generated 42 files, [\d,]+ lines, 12 classes … \d+ ms$/m);
    expect(result.stderr).toMatch(/^write \.\/hydro_plant_model … \d+ ms$/m);
    expect(result.stderr).not.toContain("warning:");
    const output = join(cwd, "hydro_plant_model");
    for (const file of ["pyproject.toml", "README.md", "hydro_plant_model/__init__.py", "hydro_plant_model/_client.py", MANIFEST_NAME]) {
      expect(existsSync(join(output, file))).toBe(true);
    }
    expect(readFileSync(join(output, "hydro_plant_model/_client.py"), "utf8")).toContain("class HydroPlantModelClient");
  });

  test("--dry-run lists what would be written and writes nothing; after a run it tells changed from unchanged", () => {
    const cwd = workspace();
    const fresh = run(cwd, ["--dry-run", "-q"]);
    expect(fresh.exitCode).toBe(0);
    const lines = fresh.stdout.trim().split("\n");
    expect(lines).toHaveLength(42);
    expect(lines).toContain("write      hydro_plant_model/_client.py");
    expect(existsSync(join(cwd, "hydro_plant_model"))).toBe(false);

    expect(run(cwd, []).exitCode).toBe(0);
    const again = run(cwd, ["--dry-run", "--client-name", "PlantClient"]);
    expect(again.stdout).toContain("write      hydro_plant_model/_client.py");
    expect(again.stdout).toContain("unchanged  hydro_plant_model/_api/generator.py");
    expect(again.stderr).toContain("Dry run: nothing was written to ./hydro_plant_model.");
  });

  test("--json reports the run for machines", () => {
    const cwd = workspace();
    const result = run(cwd, ["--json", "--output", "sdk"]);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ outputDir: join(cwd, "sdk"), dryRun: false, package: "hydro_plant_model", classes: 12 });
    expect(report.written).toContain("pyproject.toml");
    expect(report.warnings).toEqual([]);
  });

  test("flags beat the config file, which beats the defaults", () => {
    const cwd = workspace({
      "pygen.yaml": "generation:\n  output: ./from-config\n  topLevelPackage: plant_sdk\n  clientName: ConfigClient\n",
    });
    expect(run(cwd, ["-q"]).stdout).toBe("ConfigClient (package plant_sdk) in ./from-config: 42 files written, 0 unchanged, 0 removed\n");
    const flagged = run(cwd, ["-q", "--client-name", "FlagClient", "--output", "from-flag"]);
    expect(flagged.stdout).toBe("FlagClient (package plant_sdk) in ./from-flag: 42 files written, 0 unchanged, 0 removed\n");
  });

  test("pygen v1's [tool.pygen] names the package, client and output folder", () => {
    const cwd = workspace({
      "pyproject.toml": '[tool.pygen]\ntop_level_package = "v1_plant"\nclient_name = "V1Client"\noutput_dir = "v1-out"\n',
    });
    const result = run(cwd, ["-q", "--model-file", EXAMPLE_PATH]);
    expect(result.stdout).toBe("V1Client (package v1_plant) in ./v1-out: 42 files written, 0 unchanged, 0 removed\n");
    expect(existsSync(join(cwd, "v1-out/v1_plant/_client.py"))).toBe(true);
  });

  test("a v1 project's overwrite = true replaces v1's output; format_code is ignored with a warning that says why", () => {
    const cwd = workspace({
      "pyproject.toml": '[tool.pygen]\ntop_level_package = "v1_plant"\noutput_dir = "v1-out"\noverwrite = true\nformat_code = true\n',
    });
    mkdirSync(join(cwd, "v1-out/v1_plant"), { recursive: true });
    writeFileSync(join(cwd, "v1-out/v1_plant/__init__.py"), "# written by pygen v1\n");
    const result = run(cwd, ["-q", "--model-file", EXAMPLE_PATH]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(
      `warning: ${join(cwd, "pyproject.toml")}: [tool.pygen] format_code is ignored: pygen always formats the SDK it generates (ruff-format clean, with the formatter inside the binary)\n`,
    );
    expect(result.stdout).toContain("in ./v1-out: 42 files written, 0 unchanged, 0 removed");
    expect(readFileSync(join(cwd, "v1-out/v1_plant/__init__.py"), "utf8")).not.toContain("written by pygen v1");
  });

  test("generation.flatStructure or --flat-structure lays the package out flat; --single-file puts the code in _sdk.py", () => {
    const cwd = workspace({ "pygen.yaml": "generation:\n  output: ./flat\n  flatStructure: true\n" });
    expect(run(cwd, ["-q"]).exitCode).toBe(0);
    expect(existsSync(join(cwd, "flat/hydro_plant_model/_hydro_plant_api.py"))).toBe(true);
    expect(existsSync(join(cwd, "flat/hydro_plant_model/data_classes"))).toBe(false);
    expect(run(workspace(), ["--dry-run", "--flat-structure"]).stdout).toContain("hydro_plant_model/_hydro_plant.py");
    expect(run(cwd, ["-q", "--single-file", "--output", "single"]).exitCode).toBe(0);
    expect(readdirSync(join(cwd, "single/hydro_plant_model")).sort()).toEqual(["__init__.py", "_runtime", "_sdk.py", "py.typed"]);
  });

  test("--include-views / --exclude-views select views by glob; a pattern matching nothing is a warning", () => {
    const cwd = workspace();
    const result = run(cwd, ["--dry-run", "--include-views", "Hydro*,Asset", "--exclude-views", "Pump*"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("hydro_plant_model/data_classes/_hydro_plant.py");
    expect(result.stdout).not.toContain("_generator.py");
    expect(result.stderr).toContain('warning: the view pattern "Pump*" matches no view');
    expect(run(cwd, ["--include-views", "Nothing*"]).exitCode).toBe(EXIT_CODES.usage);
  });

  test("--strict generates the example, which has nothing to skip; --language names only what exists", () => {
    const cwd = workspace();
    const strict = run(cwd, ["--strict", "-q"]);
    expect(strict.exitCode).toBe(0);
    expect(existsSync(join(cwd, "hydro_plant_model"))).toBe(true);
    const typescript = run(cwd, ["--language", "typescript", "-q"]);
    expect(typescript.exitCode).toBe(0);
    expect(existsSync(join(cwd, "hydro-plant-model", "_runtime", "index.js"))).toBe(true);
    const cobol = run(cwd, ["--language", "cobol"]);
    expect(cobol.exitCode).toBe(EXIT_CODES.usage);
    expect(cobol.stderr).toMatch(/^error: .*cobol.*python, typescript, pyspark/);
  });
});

describe("safe writing", () => {
  test("a non-empty folder pygen did not create is refused; --overwrite writes beside the user's files", () => {
    const cwd = workspace();
    mkdirSync(join(cwd, "mine"));
    writeFileSync(join(cwd, "mine/notes.txt"), "keep me");
    const refused = run(cwd, ["-o", "mine"]);
    expect(refused.exitCode).toBe(EXIT_CODES.generation);
    expect(refused.stderr).toContain("is not empty and was not created by pygen; use --overwrite");
    expect(run(cwd, ["-o", "mine", "--overwrite"]).exitCode).toBe(0);
    expect(readFileSync(join(cwd, "mine/notes.txt"), "utf8")).toBe("keep me");
  });

  test("a failing template (--templates) leaves the previous output byte for byte", () => {
    const cwd = workspace();
    expect(run(cwd, ["-o", "sdk"]).exitCode).toBe(0);
    const before = snapshot(join(cwd, "sdk"));
    mkdirSync(join(cwd, "broken/python"), { recursive: true });
    writeFileSync(join(cwd, "broken/python/README.md.eta"), "# <%= it.nothing.here %>\n");
    const result = run(cwd, ["-o", "sdk", "--client-name", "OtherClient", "--templates", "broken"]);
    expect(result.exitCode).toBe(EXIT_CODES.template);
    expect(result.stderr).toContain("error: template python/README.md.eta");
    expect(snapshot(join(cwd, "sdk"))).toEqual(before);
  });

  test("SIGTERM at any moment leaves either the previous output or the new one, complete, and no staging folder", async () => {
    const cwd = workspace();
    const output = join(cwd, "sdk");
    const generateWith = (clientName: string) =>
      runBinaryAsync(binary, ["generate", "-o", "sdk", "--client-name", clientName], cwd, REPRODUCIBLE);
    expect((await generateWith("NewClient")).exitCode).toBe(0);
    const newer = snapshot(output);
    expect((await generateWith("OldClient")).exitCode).toBe(0);
    const older = snapshot(output);
    for (const delayMs of [5, 30, 60, 90, 120]) {
      const child = Bun.spawn([binary, "generate", "-o", "sdk", "--client-name", "NewClient"], {
        cwd,
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...REPRODUCIBLE },
        stdout: "ignore",
        stderr: "ignore",
      });
      await Bun.sleep(delayMs);
      child.kill("SIGTERM");
      await child.exited;
      const after = snapshot(output);
      expect([older, newer].some((expected) => Bun.deepEquals(after, expected))).toBe(true);
      expect(readdirSync(cwd).filter((name) => name.includes("pygen-staging"))).toEqual([]);
      // Back to the old output for the next round.
      expect((await generateWith("OldClient")).exitCode).toBe(0);
    }
  });
});

describe("a model from CDF", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    // Slow responses leave time to interrupt the fetch.
    emulator = await startEmulator({ modelFiles: [EXAMPLE_PATH], clientId: "ci", clientSecret: "generate-secret", latencyMs: 300 });
  });
  afterAll(() => emulator.stop());
  const environment = () => ({
    ...REPRODUCIBLE,
    CDF_URL: emulator.url,
    CDF_PROJECT: emulator.project,
    CDF_CLIENT_ID: "ci",
    CDF_CLIENT_SECRET: "generate-secret",
    CDF_TOKEN_URL: emulator.tokenUrl as string,
  });

  test("client credentials from the environment, the model from --model", async () => {
    const cwd = workspace();
    const result = await runBinaryAsync(binary, ["generate", "--model", "pygen_example:HydroPlantModel/1"], cwd, environment());
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^fetch pygen_example:HydroPlantModel\/1 from CDF … \d+ ms$/m);
    expect(result.stdout).toContain("in ./hydro_plant_model: 42 files written");
    expect(result.stderr).not.toContain("generate-secret");
  });

  test("Ctrl-C during the fetch stops at once: exit 130, the previous output untouched", async () => {
    const cwd = workspace();
    expect(run(cwd, ["-o", "sdk"]).exitCode).toBe(0);
    const before = snapshot(join(cwd, "sdk"));
    const child = Bun.spawn([binary, "generate", "-o", "sdk", "--client-name", "Other", "--model", "pygen_example:HydroPlantModel/1"], {
      cwd,
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...environment() },
      stdout: "pipe",
      stderr: "pipe",
    });
    await Bun.sleep(200);
    const interrupted = performance.now();
    child.kill("SIGINT");
    expect(await child.exited).toBe(EXIT_CODES.interrupted);
    // At once, not after the slow fetch.
    expect(performance.now() - interrupted).toBeLessThan(250);
    expect(await new Response(child.stderr).text()).toBe("error: stopped by SIGINT; the output was not touched\n");
    expect(snapshot(join(cwd, "sdk"))).toEqual(before);
  });
});
