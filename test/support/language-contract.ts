/**
 * The tests every language of the registry gets for free (docs/adding-a-language.md): its description is
 * complete, it generates the bundled example, the hostile models and every shared model through the real pipeline
 * without crashing, writing only relative, unique, normalised paths; every name its naming gives is unique in its
 * namespace and none is reserved; an option it cannot honour is refused with a message, never ignored.
 * test/generators/registry.test.ts runs it for each registered language.
 */
import { describe, expect, test } from "bun:test";
import type { DataModel } from "../../src/client/models.ts";
import { GenerationError } from "../../src/errors.ts";
import type { LanguageDescription } from "../../src/generators/language.ts";
import { buildIR } from "../../src/ir/index.ts";
import { CLASS_NAME_SLOTS } from "../../src/ir/naming.ts";
import { generateSdk } from "../../src/pipeline.ts";
import { loadExampleModel, loadModelFile } from "../../src/sources.ts";
import { DataModelValidator } from "../../src/validate/index.ts";
import { hostileGroupModel, hostileModel, longIdModel } from "./hostile-model.ts";
import { sharedModelNames, sharedModelPath } from "./shared-models.ts";

const FIXED = { generatedAt: "2026-01-01T00:00:00+00:00", pygenVersion: "9.9.9" };

async function inputs(): Promise<[string, DataModel[]][]> {
  const shared = await Promise.all(
    sharedModelNames().map(async (name): Promise<[string, DataModel[]]> => [name, (await loadModelFile(sharedModelPath(name))).models]),
  );
  return [
    ["the bundled example", loadExampleModel().models],
    ["the hostile models", [hostileModel, hostileGroupModel]],
    ["a model with a very long externalId", [longIdModel]],
    ...shared,
  ];
}

export function languageContract(language: LanguageDescription): void {
  describe(`language ${language.key}: the registry's contract`, () => {
    test("its description names it and lists the checks its output passes", () => {
      expect(language.key).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(language.displayName.length).toBeGreaterThan(0);
      expect(language.naming.language).toBe(language.key);
      expect(language.outputChecks.length).toBeGreaterThan(0);
    });

    test("generates every model through the pipeline: relative, unique paths, text ending in a newline", async () => {
      for (const [name, models] of await inputs()) {
        const result = generateSdk({ models, origin: name }, { language, ...FIXED });
        expect(result.language).toBe(language);
        expect(result.files.length).toBeGreaterThan(0);
        const paths = result.files.map((file) => file.path);
        expect(new Set(paths).size).toBe(paths.length);
        for (const file of result.files) {
          expect(file.path).not.toMatch(/^\/|\\|(^|\/)\.\.?(\/|$)/);
          if (file.content !== "") expect(file.content.endsWith("\n")).toBe(true);
        }
      }
    });

    test("its names are unique in their namespaces and never reserved", async () => {
      const { naming } = language;
      for (const [, models] of await inputs()) {
        const validation = DataModelValidator.validate(models, { language: naming });
        const ir = buildIR(validation.filteredModel, { naming });
        const taken = new Map<string, string>();
        for (const irClass of ir.classes) {
          for (const slot of CLASS_NAME_SLOTS) {
            const name = irClass.names[slot];
            const key = `${naming.classNames[slot].namespace}:${name}`;
            expect(taken.get(key), `${irClass.id} ${slot} "${name}"`).toBeUndefined();
            taken.set(key, irClass.id);
            const reservation = naming.reservation(name, naming.classNames[slot].namespace);
            expect(reservation, `${irClass.id} ${slot} "${name}"`).toBeUndefined();
          }
          const fields = irClass.properties.map((property) => property.name);
          expect(new Set(fields).size).toBe(fields.length);
          for (const field of fields) expect(naming.reservation(field, "field"), `${irClass.id}.${field}`).toBeUndefined();
        }
      }
    });

    test("options it cannot honour are refused with a GenerationError, before anything is generated", () => {
      const example = loadExampleModel();
      expect(() => generateSdk(example, { language, lineLength: 10 })).toThrow(GenerationError);
      expect(() => generateSdk(example, { language, clientName: "not a name" })).toThrow(GenerationError);
    });
  });
}
