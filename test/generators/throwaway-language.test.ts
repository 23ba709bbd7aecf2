/**
 * A language written in this file alone, to prove the registry's promise (docs/adding-a-language.md): a
 * description with its naming, defaults, option checks and a generator plugs into the real pipeline (validation
 * with its own reserved words, the IR, the SDK plan) without a change to the pipeline, the validator or the CLI.
 * Its "SDK" is one text file per view listing the names it chose.
 */
import { describe, expect, test } from "bun:test";
import { GenerationError } from "../../src/errors.ts";
import type { GeneratorConfig, LanguageGenerator } from "../../src/generators/generator.ts";
import type { LanguageDescription } from "../../src/generators/language.ts";
import { applyRule, type LanguageNaming } from "../../src/ir/naming.ts";
import { generateSdk } from "../../src/pipeline.ts";
import { loadExampleModel } from "../../src/sources.ts";
import { languageContract } from "../support/language-contract.ts";
import { edge, model, text, view } from "../support/model-builder.ts";

const RESERVED = new Set(["record", "Record", "index"]);

const listingNaming: LanguageNaming = {
  language: "listing",
  displayName: "Listing",
  classNames: {
    className: { case: "pascal", namespace: "type" },
    writeClassName: { case: "pascal", prefix: "New", namespace: "type" },
    listClassName: { case: "pascal", suffix: "s", namespace: "type" },
    writeListClassName: { case: "pascal", prefix: "New", suffix: "s", namespace: "type" },
    apiClassName: { case: "pascal", suffix: "Service", namespace: "type" },
    fileName: { case: "snake", namespace: "module" },
    clientAttribute: { case: "camel", namespace: "client" },
  },
  moduleNames: {
    moduleClassName: { case: "pascal", suffix: "Group", namespace: "type" },
    moduleAttribute: { case: "camel", namespace: "client" },
  },
  field: { case: "camel" },
  enumMember: { case: "pascal" },
  filterParameters: {
    equals: { case: "camel" },
    prefix: { case: "camel", suffix: "StartsWith" },
    min: { case: "camel", suffix: "AtLeast" },
    max: { case: "camel", suffix: "AtMost" },
  },
  reservation: (name) => (RESERVED.has(name) ? "keyword" : undefined),
  escapeReserved: (name) => `${name}Item`,
  maxFileNameLength: 100,
  maxNameLength: 80,
};

const listingGenerator = (config: GeneratorConfig): LanguageGenerator => ({
  generate(plan) {
    const files = plan.views.map((decisions) => {
      const { names, properties } = decisions.irClass;
      const connections = [...decisions.connections].map(([identifier, connection]) => `${identifier} → ${connection.target ?? "?"}`);
      const lines = [
        `${config.clientName}.${names.clientAttribute}: ${names.className} (${decisions.kind})`,
        `fields: ${properties.map((property) => property.name).join(", ")}`,
        `connections: ${connections.join(", ")}`,
      ];
      return { path: `${config.topLevelPackage}/${names.fileName}.txt`, content: `${lines.join("\n")}\n` };
    });
    return { files, warnings: plan.views.flatMap((decisions) => decisions.warnings), classes: files.length };
  },
});

const listing: LanguageDescription = {
  key: "listing",
  displayName: "Listing",
  naming: listingNaming,
  namingFor: () => listingNaming,
  defaults: (words) => ({
    topLevelPackage: applyRule(words, { case: "snake" }),
    clientName: applyRule(words, { case: "pascal", suffix: "Listing" }),
    naming: { className: "pascal", field: "camel" },
    lineLength: 100,
    indent: 2,
  }),
  packageNameProblem: (name) =>
    /^[a-z_]+$/.test(name) ? undefined : `a listing's folder is lower-case letters and underscores, not "${name}"`,
  checkConfig: (config) => {
    if (config.singleFile) throw new GenerationError("single_file means nothing to a listing: it is one file per view");
  },
  createGenerator: listingGenerator,
  outputChecks: ["one text file per view"],
};

languageContract(listing);

describe("a language written outside the registry's folder", () => {
  test("generates through the pipeline with its own names and defaults", () => {
    const result = generateSdk(
      { models: [model([view("Pump", { flowRate: text(), record: text(), feeds: edge("Tank") }), view("Tank")])], origin: "test" },
      { language: listing },
    );
    expect(result.config.clientName).toBe("TestModelListing");
    expect(result.files).toEqual([
      {
        path: "test_model/pump.txt",
        content: "TestModelListing.pump: Pump (node)\nfields: flowRate, recordItem, feeds\nconnections: feeds → sp_test/Tank/1\n",
      },
      { path: "test_model/tank.txt", content: "TestModelListing.tank: Tank (node)\nfields: \nconnections: \n" },
    ]);
  });

  test("the validator checks its reserved words, not Python's", () => {
    const result = generateSdk(
      { models: [model([view("Record", { class: text(), index: text() })])], origin: "test" },
      { language: listing },
    );
    const reported = result.warnings.map((warning) => `${warning.code} ${warning.location}`);
    // `Record` (the class) and `record` (the file) are its keywords; `class` is Python's, not its own.
    expect(reported).toEqual(["RESERVED_WORD sp_test/Record", "RESERVED_WORD sp_test/Record", "RESERVED_WORD sp_test/Record/index"]);
    expect(result.files.map((file) => file.path)).toEqual(["test_model/recordItem.txt"]);
  });

  test("its own option checks run", () => {
    expect(() => generateSdk(loadExampleModel(), { language: listing, singleFile: true })).toThrow(
      "single_file means nothing to a listing",
    );
  });
});
