/**
 * The commands as a user meets them, on the compiled binary: validate's exit codes, inspect's formats, the config
 * file, and usage mistakes. No network here; fetching from CDF is in cdf.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT_CODES } from "../../src/errors.ts";
import { folderWith, isolatedBinary, type RunResult, runBinary } from "../support/binary.ts";

const FIXTURES = join(import.meta.dir, "fixtures");
const STACK_LINE = /^\s+at /m;

let binary: string;
let dir: string;
beforeAll(() => {
  ({ binary, dir } = isolatedBinary());
  for (const name of ["broken.model.yaml", "warning-only.model.yaml"]) copyFileSync(join(FIXTURES, name), join(dir, name));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}, cwd = dir): RunResult => runBinary(binary, args, cwd, env);

const folder = (name: string, files: Record<string, string>): string => folderWith(join(dir, name), files);

describe("pygen validate", () => {
  test("a valid model exits 0 with a summary on stdout", () => {
    const result = run(["validate"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("The model is valid: errors 0");
    expect(result.stderr).toContain("using the bundled example");
  });

  test("a model with errors exits with the validation code, the issues on stdout, one error line on stderr", () => {
    const result = run(["validate", "--model-file", "broken.model.yaml"]);
    expect(result.exitCode).toBe(EXIT_CODES.validation);
    // Each finding says where it is in the file.
    expect(result.stdout).toContain("MISSING_REVERSE_RELATION plants (broken.model.yaml:15): reverse relation plants");
    expect(result.stdout).toContain("The model is not valid: the parts with errors are left out of the SDK: errors 1, warnings 1");
    expect(result.stderr).toBe("error: broken.model.yaml has 1 error\n");
  });

  test("no colour when stdout is not a terminal, even without NO_COLOR", () => {
    const result = run(["validate", "--model-file", "broken.model.yaml"], { NO_COLOR: "" });
    expect(result.stdout + result.stderr).not.toContain("\u001b[");
  });

  test("--json is a machine report, with the same exit code", () => {
    const result = run(["validate", "--model-file", "broken.model.yaml", "--json"]);
    expect(result.exitCode).toBe(EXIT_CODES.validation);
    const report = JSON.parse(result.stdout);
    expect(report.isValid).toBe(false);
    expect(report.counts).toEqual({ errors: 1, warnings: 1, infos: 0 });
    expect(report.issues.map((issue: { code: string }) => issue.code)).toEqual(["MISSING_REVERSE_RELATION", "RESERVED_WORD"]);
    expect(report.issues.map((issue: { fileLine: string }) => issue.fileLine)).toEqual(["broken.model.yaml:15", "broken.model.yaml:11"]);
  });

  test("--strict turns a warning into a failure; so does generation.strict in the config", () => {
    expect(run(["validate", "--model-file", "warning-only.model.yaml"]).exitCode).toBe(0);
    const strict = run(["validate", "--model-file", "warning-only.model.yaml", "--strict"]);
    expect(strict.exitCode).toBe(EXIT_CODES.validation);
    expect(strict.stderr).toContain("has 1 error (--strict)");
    const configured = folder("strict-config", { "pygen.yaml": "generation:\n  strict: true\n" });
    expect(run(["validate", "--model-file", join(dir, "warning-only.model.yaml")], {}, configured).exitCode).toBe(EXIT_CODES.validation);
  });

  test("a file that is not a model is a parse error, not a validation error", () => {
    writeFileSync(join(dir, "list.yaml"), "- 1\n- 2\n");
    const result = run(["validate", "--model-file", "list.yaml"]);
    expect(result.exitCode).toBe(EXIT_CODES.parse);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

describe("pygen inspect", () => {
  test("tree (the default): views with the properties they declare, types, relations and what they inherit", () => {
    const result = run(["inspect", "--quiet"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toStartWith("Hydro plant — pygen_example:HydroPlantModel(version=1)\n6 views, ");
    expect(result.stdout).toContain("├─ Generator  (implements Asset)");
    expect(result.stdout).toContain("│  ├─ plant: direct? → HydroPlant (one)");
    expect(result.stdout).toContain("│  └─ inherited from Asset: name, description, tags, parent");
    expect(result.stdout).toContain("units: reverse ← Generator (many, through Generator.plant)");
    expect(result.stdout).toContain("generators: edge → Generator (many, type pygen_example:HydroPlant.generators)");
  });

  test("table: one aligned row per property, inherited ones too", () => {
    const lines = run(["inspect", "--format", "table"]).stdout.split("\n");
    const header = lines.find((line) => line.startsWith("VIEW")) as string;
    expect(header).toMatch(/^VIEW +PROPERTY +TYPE +RELATION +INHERITED FROM$/);
    const row = lines.find((line) => /^Generator +serialNumber /.test(line)) as string;
    expect(row.indexOf("int64")).toBe(header.indexOf("TYPE"));
    const inherited = lines.find((line) => /^Generator +name /.test(line)) as string;
    expect(inherited).toEndWith(" Asset");
  });

  test("json (also --json): views, properties and relations for machines", () => {
    const result = run(["inspect", "--format", "json"]);
    expect(run(["inspect", "--json"]).stdout).toBe(result.stdout);
    const [model] = JSON.parse(result.stdout);
    const generator = model.views.find((view: { label: string }) => view.label === "Generator");
    expect(generator.id).toBe("pygen_example:Generator(version=1)");
    expect(generator.properties.find((property: { identifier: string }) => property.identifier === "plant")).toEqual({
      identifier: "plant",
      type: "direct",
      list: false,
      nullable: true,
      relation: { kind: "direct", cardinality: "one", target: "pygen_example:HydroPlant(version=1)" },
    });
    const name = generator.properties.find((property: { identifier: string }) => property.identifier === "name");
    expect(name.inheritedFrom).toBe("pygen_example:Asset(version=1)");
  });

  test("mermaid: a classDiagram with inheritance, direct relations, edges and reverse relations", () => {
    const result = run(["inspect", "--format", "mermaid"]);
    expect(result.exitCode).toBe(0);
    const diagram = result.stdout;
    expect(diagram).toStartWith("classDiagram\n");
    expect(diagram).toContain("  class Generator {\n    +int64 serialNumber\n");
    expect(diagram).not.toMatch(/class Generator \{[^}]*\+text name/);
    expect(diagram).toContain("  Asset <|-- Generator");
    expect(diagram).toContain('  Generator --> "1" HydroPlant : plant');
    expect(diagram).toContain('  HydroPlant ..> "*" Generator : generators (edge)');
    expect(diagram).toContain('  HydroPlant ..> "*" Generator : units (reverse)');
  });

  test("an unknown format is a usage error that lists the formats", () => {
    const result = run(["inspect", "--format", "svg"]);
    expect(result.exitCode).toBe(EXIT_CODES.usage);
    expect(result.stderr).toBe('error: --format must be one of tree, table, json, mermaid, not "svg"\n');
  });
});

describe("configuration", () => {
  test("pygen.yaml in the current folder names the model file (relative to the config)", () => {
    const project = folder("yaml-model", { "pygen.yaml": "model:\n  file: ../broken.model.yaml\n" });
    const result = run(["validate"], {}, project);
    expect(result.exitCode).toBe(EXIT_CODES.validation);
    expect(result.stderr).not.toContain("bundled example");
  });

  test("a flag beats the config file: --model-file over model.file", () => {
    const project = folder("flag-over-file", { "pygen.yaml": "model:\n  file: ../broken.model.yaml\n" });
    expect(run(["validate", "--model-file", "../warning-only.model.yaml"], {}, project).exitCode).toBe(0);
  });

  test("--config names a file elsewhere; a missing one is a parse error", () => {
    folder("elsewhere", { "settings.yaml": "model:\n  file: ../warning-only.model.yaml\n" });
    expect(run(["validate", "--config", "elsewhere/settings.yaml"]).exitCode).toBe(0);
    const missing = run(["validate", "--config", "nope.yaml"]);
    expect(missing.exitCode).toBe(EXIT_CODES.parse);
    expect(missing.stderr).toBe("error: nope.yaml: config file not found\n");
  });

  test("${ENV} reads the environment; an unset variable is named", () => {
    const project = folder("interpolated", { "pygen.yaml": "model:\n  file: ${MODEL_FILE}\n" });
    expect(run(["validate"], { MODEL_FILE: join(dir, "warning-only.model.yaml") }, project).exitCode).toBe(0);
    const unset = run(["validate"], {}, project);
    expect(unset.exitCode).toBe(EXIT_CODES.parse);
    expect(unset.stderr).toContain("model.file needs the environment variable MODEL_FILE, which is not set");
  });

  test("a literal secret in pygen.yaml is a warning that says how to move it, never showing it", () => {
    const project = folder("literal-secret", {
      "pygen.yaml": "client:\n  clientSecret: hunter2-literal\nmodel:\n  file: ../warning-only.model.yaml\n",
    });
    const result = run(["inspect", "--quiet"], {}, project);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain("warning: ");
    expect(result.stderr).toContain("set CDF_CLIENT_SECRET in the environment and write clientSecret: ${CDF_CLIENT_SECRET}");
    expect(result.stderr + result.stdout).not.toContain("hunter2-literal");
  });

  test("pygen v1: a literal client_secret in [tool.pygen] is a warning too", () => {
    const project = folder("v1-literal", { "pyproject.toml": '[tool.pygen]\nclient_secret = "v1-literal-secret"\n' });
    const result = run(["validate", "--model-file", "../warning-only.model.yaml"], {}, project);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain("client_secret is written into [tool.pygen]; move it to .secret.toml or set CDF_CLIENT_SECRET");
    expect(result.stderr).not.toContain("v1-literal-secret");
  });

  test("with CDF configured but no model named, pygen asks for one instead of using the example", () => {
    const result = run(["inspect"], { CDF_PROJECT: "my-project" });
    expect(result.exitCode).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain("CDF is configured but no data model is named: pass --model space:externalId/version");
  });
});

describe("usage mistakes get a helpful message and exit code 2", () => {
  const cases: [string[], string][] = [
    [["inspect", "--modle", "x"], 'error: Unknown option `--modle` (did you mean --model?); run "pygen inspect --help" for the options'],
    [["validate", "--model-file"], 'error: option `--model-file <file>` value is missing; run "pygen validate --help" for the options'],
    [["validate", "--model-file", "a.yaml", "--model-file"], "error: option `--model-file <file>` value is missing"],
    [
      ["validate", "--version", "3"],
      "error: --version is pygen's own version and takes no value; a data model's version is --model-version",
    ],
    [
      ["inspect", "--model", "Plant"],
      'error: --model "Plant" needs a space (space:… or --space) and a version (…/version or --model-version)',
    ],
    [["inspect", "--model-version", "2"], "error: --model-version applies to --model, which is missing"],
    [["inspect", "--model", "sp:A/1", "--model-file", "a.yaml"], "error: give either --model-file or --model, not both"],
    [["inspect", "--quiet", "--verbose"], "error: --quiet and --verbose contradict each other"],
    [["inspct"], 'error: unknown command "inspct" (did you mean inspect?)'],
  ];
  for (const [args, message] of cases) {
    test(args.join(" "), () => {
      const result = run(args);
      expect(result.exitCode).toBe(EXIT_CODES.usage);
      expect(result.stderr).toStartWith(message);
      expect(result.stderr).not.toMatch(STACK_LINE);
    });
  }
});
