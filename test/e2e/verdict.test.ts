/**
 * One verdict, on the compiled binary: `validate` and `generate` report the same findings with the same severities;
 * an error leaves its part out and the rest is generated; a model file with a few bad parts is not refused whole;
 * `validate --json` prints JSON on stdout whatever happens.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT_CODES } from "../../src/errors.ts";
import { folderWith, isolatedBinary, type RunResult, runBinary } from "../support/binary.ts";

const FIXTURES = join(import.meta.dir, "fixtures");

let binary: string;
let dir: string;
beforeAll(() => {
  ({ binary, dir } = isolatedBinary());
  copyFileSync(join(FIXTURES, "bad-parts.model.yaml"), join(dir, "bad-parts.model.yaml"));
  writeFileSync(join(dir, "cycle.model.yaml"), cycleModel);
  writeFileSync(
    join(dir, "all-bad.model.yaml"),
    "space: sp\nexternalId: AllBad\nversion: '1'\nviews:\n  - { space: sp, externalId: '1st', version: '1', properties: {} }\n",
  );
  writeFileSync(join(dir, "reserved.model.yaml"), reservedModel);
  writeFileSync(join(dir, "not-a-model.yaml"), "- 1\n- 2\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}): RunResult =>
  runBinary(binary, args, dir, { SOURCE_DATE_EPOCH: "1700000000", ...env });

const textProperty = (container: string, identifier: string) =>
  `      ${identifier}:\n        container: { space: sp, externalId: ${container} }\n        containerPropertyIdentifier: ${identifier}\n        type: { type: text }\n`;
const cycleModel = `space: sp
externalId: Cycle
version: "1"
views:
  - space: sp
    externalId: Asset
    version: "1"
    implements: [{ space: sp, externalId: Equipment, version: "1" }]
    properties:
${textProperty("Asset", "name")}  - space: sp
    externalId: Equipment
    version: "1"
    implements: [{ space: sp, externalId: Asset, version: "1" }]
    properties:
${textProperty("Equipment", "serial")}`;
const reservedModel = `space: sp
externalId: Reserved
version: "1"
views:
  - space: sp
    externalId: Pump
    version: "1"
    properties:
${textProperty("Pump", "space")}`;

interface JsonIssue {
  severity: string;
  code: string;
  location: string;
}
const issuesOf = (stdout: string): string[] =>
  (JSON.parse(stdout).issues as JsonIssue[]).map((issue) => `${issue.severity} ${issue.code} ${issue.location}`);
/** generate --json lists every finding as `warnings` (each with its severity). */
const findingsOf = (stdout: string): string[] =>
  (JSON.parse(stdout).warnings as JsonIssue[]).map((issue) => `${issue.severity} ${issue.code} ${issue.location}`);

describe("a model file with a few bad parts", () => {
  test("validate reports each as an error where it is, instead of refusing the file", () => {
    const result = run(["validate", "--model-file", "bad-parts.model.yaml", "--json"]);
    expect(result.exitCode).toBe(EXIT_CODES.validation);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ verdict: "invalid", isValid: false, exitCode: EXIT_CODES.validation });
    expect(issuesOf(result.stdout).filter((issue) => issue.startsWith("error"))).toEqual([
      "error INVALID_IDENTIFIER shop/..%2F..%2Fetc%2Fpasswd",
      "error UNKNOWN_PROPERTY_TYPE shop/Tank/shape",
      "error INVALID_ENUM_VALUE shop/Tank/state",
    ]);
    for (const issue of report.issues) expect(issue.suggestion.length).toBeGreaterThan(0);
  });

  test("generate leaves those parts out, says so, and generates the rest", () => {
    const output = join(dir, "bad-parts-sdk");
    const result = run(["generate", "--model-file", "bad-parts.model.yaml", "-o", output]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain("error: INVALID_IDENTIFIER shop/..%2F..%2Fetc%2Fpasswd (bad-parts.model.yaml:20):");
    expect(result.stderr).toContain("error: INVALID_ENUM_VALUE shop/Tank/state (bad-parts.model.yaml:36):");
    expect(result.stderr).toContain("3 errors: their parts are left out of the SDK; the rest is generated");
    const readme = readFileSync(join(output, "README.md"), "utf8");
    expect(readme).toContain("## Not generated yet");
    expect(readme).toContain('- `shop/Tank/state`: enum state has the value "1st", which CDF does not accept as an enum key');
    const modules = readdirSync(join(output, "bad_parts", "data_classes")).sort();
    expect(modules).toEqual(["__init__.py", "_pump.py", "_tank.py"]);
    expect(existsSync(join(dir, "etc"))).toBe(false);
  });

  test("inspect shows the rest and says what it cannot show", () => {
    const result = run(["inspect", "--model-file", "bad-parts.model.yaml", "--format", "table"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain("warning: views[2] (Tank).properties.shape is left out: it cannot be read");
    expect(result.stdout).toContain("Pump");
  });

  test("a file that is not a data model at all is still refused at load", () => {
    const result = run(["generate", "--model-file", "not-a-model.yaml", "--dry-run"]);
    expect(result.exitCode).toBe(EXIT_CODES.parse);
  });

  test("when every view has errors, nothing is generated", () => {
    const result = run(["generate", "--model-file", "all-bad.model.yaml", "-o", join(dir, "all-bad-sdk")]);
    expect(result.exitCode).toBe(EXIT_CODES.validation);
    expect(result.stderr).toContain("nothing is left to generate");
    expect(existsSync(join(dir, "all-bad-sdk"))).toBe(false);
  });
});

describe("validate and generate agree", () => {
  test("an implements cycle: the same findings and severities from both; validate exits 4, generate generates the rest", () => {
    const validated = run(["validate", "--model-file", "cycle.model.yaml", "--json"]);
    const generated = run(["generate", "--model-file", "cycle.model.yaml", "--dry-run", "--json", "-o", join(dir, "cycle-sdk")]);
    expect(validated.exitCode).toBe(EXIT_CODES.validation);
    expect(generated.exitCode).toBe(0);
    const severe = (issues: string[]) => issues.filter((issue) => !issue.startsWith("info"));
    expect(severe(issuesOf(validated.stdout))).toEqual(findingsOf(generated.stdout));
    // Equipment is its own plural, but no SDK names anything by plural forms: no collision to report.
    expect(findingsOf(generated.stdout)).toEqual(["error CIRCULAR_IMPLEMENTS sp/Equipment"]);
    expect(JSON.parse(generated.stdout).findings).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(generated.stderr).toContain("error: CIRCULAR_IMPLEMENTS sp/Equipment");
  });

  test("the views the config file selects for generation are the views validate checks", () => {
    const project = folderWith(join(dir, "selecting"), { "pygen.yaml": "generation:\n  excludeViews: [Tank]\n" });
    const model = join(dir, "bad-parts.model.yaml");
    const validated = runBinary(binary, ["validate", "--model-file", model, "--json"], project);
    expect(validated.stderr).toContain("Checking the views that generation.includeViews / excludeViews");
    expect(issuesOf(validated.stdout).filter((issue) => issue.startsWith("error"))).toEqual([
      "error INVALID_IDENTIFIER shop/..%2F..%2Fetc%2Fpasswd",
    ]);
    const generated = runBinary(binary, ["generate", "--model-file", model, "--dry-run", "--json", "-o", "sdk"], project);
    expect(findingsOf(generated.stdout).filter((issue) => issue.startsWith("error"))).toEqual([
      "error INVALID_IDENTIFIER shop/..%2F..%2Fetc%2Fpasswd",
    ]);
  });

  test("--strict: both refuse with the validation exit code", () => {
    expect(run(["validate", "--model-file", "reserved.model.yaml", "--strict"]).exitCode).toBe(EXIT_CODES.validation);
    const generated = run(["generate", "--model-file", "reserved.model.yaml", "--strict", "-o", join(dir, "strict-sdk")]);
    expect(generated.exitCode).toBe(EXIT_CODES.validation);
    expect(generated.stderr).toContain("RESERVED_IDENTIFIER sp/Pump/space");
  });

  test("an identifier CDF refuses is never called valid: a warning, with exit 0, not 'The model is valid'", () => {
    const result = run(["validate", "--model-file", "reserved.model.yaml"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('RESERVED_IDENTIFIER space (reserved.model.yaml:9): property identifier "space" is reserved by CDF');
    expect(result.stdout).not.toContain("The model is valid");
    expect(result.stdout).toContain("The model has no errors, but warnings");
    const report = JSON.parse(run(["validate", "--model-file", "reserved.model.yaml", "--json"]).stdout);
    expect(report).toMatchObject({ verdict: "warnings", isValid: true, exitCode: 0 });
    expect(report.issues.find((issue: { code: string }) => issue.code === "RESERVED_IDENTIFIER").canAutoFix).toBe(false);
  });
});

describe("validate --json always prints JSON", () => {
  const failure = (args: string[], env: Record<string, string> = {}) => {
    const result = run(["validate", ...args, "--json"], env);
    return { result, report: JSON.parse(result.stdout) };
  };

  test("a file that cannot be read: the parse failure, exit 3", () => {
    const { result, report } = failure(["--model-file", "missing.yaml"]);
    expect(result.exitCode).toBe(EXIT_CODES.parse);
    expect(report).toMatchObject({ verdict: "failed", isValid: false, exitCode: EXIT_CODES.parse, issues: [] });
    expect(report.failure).toEqual({ kind: "parse", message: "missing.yaml: model file not found", details: [] });
    expect(result.stderr).toBe("error: missing.yaml: model file not found\n");
  });

  test("a file that is not a data model: exit 3, with where it is wrong", () => {
    const { result, report } = failure(["--model-file", "not-a-model.yaml"]);
    expect(result.exitCode).toBe(EXIT_CODES.parse);
    expect(report.failure.kind).toBe("parse");
  });

  test("a wrong flag: the usage failure, exit 2", () => {
    const { result, report } = failure(["--modle-file", "x.yaml"]);
    expect(result.exitCode).toBe(EXIT_CODES.usage);
    expect(report.failure.kind).toBe("usage");
    expect(report.failure.message).toContain("Unknown option");
    expect(report.failure.message).toContain("did you mean --model-file?");
  });

  test("a flag without its value and contradicting flags: exit 2", () => {
    expect(failure(["--model-file", "a.yaml", "--model-file"]).report.exitCode).toBe(EXIT_CODES.usage);
    expect(failure(["--quiet", "--verbose"]).report.failure.kind).toBe("usage");
  });

  test("CDF unreachable: the client failure, exit 7", () => {
    const project = folderWith(join(dir, "unreachable"), { "pygen.yaml": "client:\n  maxRetries: 0\n  timeoutMs: 2000\n" });
    const result = runBinary(
      binary,
      ["validate", "--model", "sp:M/1", "--cdf-url", "http://127.0.0.1:9", "--project", "p", "--json"],
      project,
      { CDF_TOKEN: "t0ken" },
    );
    expect(result.exitCode).toBe(EXIT_CODES.client);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ verdict: "failed", exitCode: EXIT_CODES.client, failure: { kind: "client" } });
    expect(result.stdout).not.toContain("t0ken");
  });

  test("a valid model: the report once, exit 0", () => {
    const result = run(["validate", "--json"]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ verdict: "valid", isValid: true, exitCode: 0 });
  });
});
