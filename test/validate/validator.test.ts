import { afterEach, describe, expect, spyOn, test } from "bun:test";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { pythonNaming } from "../../src/generators/python/naming.ts";
import { languageNamed } from "../../src/generators/registry.ts";
import { buildIR, transformModel } from "../../src/ir/index.ts";
import { generateSdk } from "../../src/pipeline.ts";
import { parseModelDocument } from "../../src/sources.ts";
import { colorAllowed, formatSummary, ISSUE_CODES, isTerminal, printSummary, toJsonReport, verdictLine } from "../../src/validate/index.ts";
import { direct, model, text, view } from "../support/model-builder.ts";
import { DataModelValidator } from "../support/python-validator.ts";

const YAML_MODEL = `
space: sp_yaml
externalId: Plant
version: "1"
views:
  - space: sp_yaml
    externalId: Pump
    version: "1"
    properties:
      class:
        container: {space: sp_yaml, externalId: Pump}
        containerPropertyIdentifier: class
        type: {type: text}
      station:
        container: {space: sp_yaml, externalId: Pump}
        containerPropertyIdentifier: station
        type: {type: direct, source: {space: sp_yaml, externalId: Station, version: "1"}}
`;

describe("DataModelValidator.validate", () => {
  test("reads a model from YAML text and reports by severity", () => {
    const result = DataModelValidator.validate(parseModelDocument(YAML_MODEL, "plant.yaml"));
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((issue) => `${issue.code} ${issue.location}`)).toEqual([
      "RESERVED_WORD sp_yaml/Pump/class",
      "UNKNOWN_SOURCE_VIEW sp_yaml/Pump/station",
    ]);
    expect(result.isValid).toBe(true);
    for (const issue of result.warnings) {
      expect(ISSUE_CODES).toContain(issue.code);
      expect(issue.suggestion.length).toBeGreaterThan(0);
    }
  });

  test("strict turns warnings into errors", () => {
    const result = DataModelValidator.validate(model([view("Pump", { class: text() })]), { strict: true });
    expect(result.warnings).toEqual([]);
    expect(result.errors.map((issue) => `${issue.severity} ${issue.code}`)).toEqual(["error RESERVED_WORD"]);
    expect(result.isValid).toBe(false);
  });

  test("several models: a view in two of them is checked once, each model keeps its own filtered copy", () => {
    const shared = view("Station", { name: text() });
    const first = model([shared, view("Pump", { station: direct("Station") })], { externalId: "Pumps" });
    const second = model([shared, view("Tank", { station: direct("Station") })], { externalId: "Tanks" });
    const result = DataModelValidator.validate([first, second]);
    expect([...result.errors, ...result.warnings, ...result.infos]).toEqual([]);
    expect(result.filteredModel.map((filtered) => filtered.views.map((kept) => kept.externalId))).toEqual([
      ["Station", "Pump"],
      ["Station", "Tank"],
    ]);
  });

  test("the pipeline checks names with the registry's language: the validator knows none itself", () => {
    const pump = model([view("Pump", { class: text() })]);
    const { validation } = generateSdk({ models: [pump], origin: "test" }, { language: "python" });
    expect(validation).toEqual(DataModelValidator.validate(pump, { language: languageNamed("python").naming }));
    expect(validation.warnings.map((issue) => issue.code)).toEqual(["RESERVED_WORD"]);
  });

  test("the parsed model and name plan it returns are the IR's own: transforming them equals building the IR anew", () => {
    const result = DataModelValidator.validate(model([view("Pump", { class: text(), station: direct("Station") }), view("Station")]));
    const reused = transformModel(result.ir, { naming: pythonNaming, namePlan: result.namePlan });
    expect(reused).toEqual(buildIR(result.filteredModel, { naming: pythonNaming }));
    expect(reused.classes.map((irClass) => irClass.properties.map((property) => property.name))).toEqual([["class_", "station"], []]);
  });

  test("an empty list of models is valid and empty", () => {
    const { ir, namePlan, ...result } = DataModelValidator.validate([]);
    expect(result).toEqual({ errors: [], warnings: [], infos: [], filteredModel: [], isValid: true });
    expect([ir.classes, ir.modules, namePlan.issues]).toEqual([[], [], []]);
  });
});

describe("reports", () => {
  const result = DataModelValidator.validate(model([view("Pump", { class: text(), station: direct("Station") }), view("Marker")]));
  const originalNoColor = process.env.NO_COLOR;
  afterEach(() => {
    if (originalNoColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = originalNoColor;
  });

  test("the summary groups issues by severity, then by view", () => {
    expect(formatSummary(result, { color: false }).split("\n")).toEqual([
      "Warnings (2)",
      "  sp_test/Pump",
      '    RESERVED_WORD class: field "class" of Pump would be a Python keyword; it is "class_" (the CDF name stays class)',
      "      → Nothing to do: the field is renamed and keeps its CDF identifier as alias",
      "    UNKNOWN_SOURCE_VIEW station: station points at sp_test/Station/1, which is not in the data model: it is generated as untyped node references",
      "      → Add Station (version 1) to the data model to get typed objects",
      "",
      "Notes (1)",
      "  sp_test/Marker",
      "    EMPTY_VIEW: Marker has no properties: its class only carries the instance identity",
      "      → Nothing to do if the view is a marker type",
      "",
      "The model has no errors, but warnings: every part is generated, some changed or degraded: errors 0, warnings 2, notes 1",
    ]);
  });

  test("colour only when asked or on a terminal without NO_COLOR", () => {
    expect(formatSummary(result, { color: true })).toContain("\u001b[33mWarnings (2)\u001b[0m");
    expect(formatSummary(result, { color: false })).not.toContain("\u001b[");
    delete process.env.NO_COLOR;
    expect(colorAllowed({ isTTY: true })).toBe(true);
    expect(colorAllowed({ isTTY: false })).toBe(false);
    process.env.NO_COLOR = "1";
    expect(colorAllowed({ isTTY: true })).toBe(false);
  });

  test("printSummary writes the summary to stdout", () => {
    const log = spyOn(console, "log").mockImplementation(() => {});
    try {
      printSummary(result, { color: false });
      expect(log.mock.calls).toEqual([[formatSummary(result, { color: false })]]);
    } finally {
      log.mockRestore();
    }
  });

  test("a file and /dev/null are no terminal", () => {
    for (const path of ["/dev/null", join(import.meta.dir, "validator.test.ts")]) {
      const fd = openSync(path, "r");
      try {
        expect([path, isTerminal(fd)]).toEqual([path, false]);
      } finally {
        closeSync(fd);
      }
    }
    expect(isTerminal(-1)).toBe(false);
  });

  test("the JSON report has the verdict, the exit code, counts and every issue", () => {
    const report = toJsonReport(result, 0);
    expect(report.counts).toEqual({ errors: 0, warnings: 2, infos: 1 });
    expect(report.isValid).toBe(true);
    expect(report.verdict).toBe("warnings");
    expect(report.exitCode).toBe(0);
    expect(report.issues.map((issue) => issue.code)).toEqual(["RESERVED_WORD", "UNKNOWN_SOURCE_VIEW", "EMPTY_VIEW"]);
    expect(Object.keys(report.issues[0] ?? {}).sort()).toEqual(["canAutoFix", "code", "location", "message", "severity", "suggestion"]);
  });
});

describe("the verdict", () => {
  const issue = (severity: "error" | "warning") => ({
    severity,
    code: "X",
    location: "sp/V",
    message: "m",
    suggestion: "s",
    canAutoFix: false,
  });
  const verdict = (errors: number, warnings: number) => ({
    errors: Array.from({ length: errors }, () => issue("error")),
    warnings: Array.from({ length: warnings }, () => issue("warning")),
    infos: [],
    isValid: errors === 0,
  });

  test("'valid' only without errors and warnings; warnings are not called valid; errors mean parts left out", () => {
    expect(verdictLine(verdict(0, 0))).toBe("The model is valid: errors 0, warnings 0, notes 0");
    expect(verdictLine(verdict(0, 1))).toStartWith("The model has no errors, but warnings: every part is generated");
    expect(verdictLine(verdict(2, 1))).toBe(
      "The model is not valid: the parts with errors are left out of the SDK: errors 2, warnings 1, notes 0",
    );
    expect([0, 1].map((warnings) => toJsonReport(verdict(0, warnings), 0).verdict)).toEqual(["valid", "warnings"]);
    expect(toJsonReport(verdict(1, 0), 4)).toMatchObject({ verdict: "invalid", isValid: false, exitCode: 4 });
  });
});
