import { describe, expect, test } from "bun:test";
import { chosenLanguage } from "../../src/cli/generation-settings.ts";
import { runDoctor } from "../../src/doctor.ts";
import { GenerationError, UsageError } from "../../src/errors.ts";
import { DEFAULT_LANGUAGE, LANGUAGES, languageKeys, languageNamed } from "../../src/generators/registry.ts";
import { generateSdk } from "../../src/pipeline.ts";
import { loadExampleModel } from "../../src/sources.ts";
import { languageContract } from "../support/language-contract.ts";

for (const language of LANGUAGES) languageContract(language);

describe("the language registry", () => {
  test("keys are unique, and the default is one of them", () => {
    expect(new Set(languageKeys()).size).toBe(LANGUAGES.length);
    expect(LANGUAGES).toContain(DEFAULT_LANGUAGE);
  });

  test("an unknown key is an error that lists the available languages, in the pipeline and on the command line", () => {
    expect(() => languageNamed("cobol")).toThrow(new GenerationError(`cannot generate cobol; available: ${languageKeys().join(", ")}`));
    expect(() => generateSdk(loadExampleModel(), { language: "cobol" })).toThrow(GenerationError);
    expect(() => chosenLanguage("cobol", {})).toThrow(UsageError);
  });

  test("the command line takes the flag over the config file, the config file over the default", () => {
    const [first] = LANGUAGES;
    if (first === undefined) throw new Error("no language registered");
    expect(chosenLanguage(undefined, {})).toBe(DEFAULT_LANGUAGE);
    expect(chosenLanguage(undefined, { generation: { language: first.key } })).toBe(first);
    expect(() => chosenLanguage(undefined, { generation: { language: "cobol" } })).toThrow(UsageError);
    expect(chosenLanguage(first.key, { generation: { language: "cobol" } })).toBe(first);
  });

  test("doctor generates the example in every language", async () => {
    const report = await runDoctor();
    expect(report.failed).toEqual([]);
    for (const key of languageKeys())
      expect(report.lines.join("\n")).toMatch(new RegExp(`language ${key}: ok, the example generates [1-9]\\d* files`));
  });
});
