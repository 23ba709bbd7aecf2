/**
 * The model fuzzer's own parts, without Python: random models are deterministic per seed, valid (the validator
 * finds no error, the emulator takes them, the generator generates them), and as varied as the fuzzer promises;
 * shrinking keeps a failure while dropping everything else, and keeps the model valid on the way.
 */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DataModel, PROPERTY_TYPE_NAMES } from "../../src/client/models.ts";
import { seedModels } from "../../src/emulator/seed.ts";
import { EmulatorStore } from "../../src/emulator/store.ts";
import { generateSdk } from "../../src/pipeline.ts";
import { failureClass } from "./checks.ts";
import { randomModel } from "./random-model.ts";
import { modelSize, shrink } from "./shrink.ts";

const SEEDS = Array.from({ length: 60 }, (_, index) => index + 1);
const models = SEEDS.map((seed) => randomModel(seed));
const properties = (model: DataModel) => model.views.flatMap((view) => Object.entries(view.properties));

describe("random models", () => {
  test("are the same for the same seed and differ between seeds", () => {
    expect(JSON.stringify(randomModel(7))).toBe(JSON.stringify(randomModel(7)));
    expect(new Set(models.map((model) => JSON.stringify(model))).size).toBe(models.length);
  });

  test("are valid: no validation error, and the emulator seeds them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pygen-fuzz-test-"));
    for (const model of models) {
      const result = generateSdk({ models: [model], origin: model.space }, { topLevelPackage: "fuzz", generatedAt: "fixed" });
      expect(result.warnings.filter((warning) => warning.severity === "error")).toEqual([]);
      const file = join(dir, `${model.space}.json`);
      await Bun.write(file, JSON.stringify(model));
      await seedModels(new EmulatorStore(), "fuzz", file);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test("hold every property type, lists, edges both ways, reverse relations, diamonds, shared containers and long names", () => {
    const all = models.flatMap(properties);
    const types = new Set<string>(all.flatMap(([, property]) => (property.kind === "mapped" ? [property.type.type] : [property.kind])));
    expect([...types].sort()).toEqual([...PROPERTY_TYPE_NAMES, "edge", "reverse"].sort());
    const edges = all.flatMap(([, property]) => (property.kind === "edge" ? [property] : []));
    expect(new Set(edges.map((edge) => `${edge.direction} ${edge.connectionType} ${edge.edgeSource !== undefined}`)).size).toBe(8);
    expect(all.some(([, property]) => property.kind === "mapped" && "list" in property.type && property.type.list)).toBe(true);
    expect(models.some((model) => model.views.some((view) => view.implements.length > 1))).toBe(true);
    expect(models.some((model) => new Set(model.views.map((view) => view.space)).size > 1)).toBe(true);
    expect(all.some(([identifier]) => identifier.length === 255)).toBe(true);
    expect(all.some(([identifier]) => identifier === "class" || identifier === "model_config" || identifier === "where")).toBe(true);
    const containerUses = all.flatMap(([, property]) =>
      property.kind === "mapped" ? [`${property.container.externalId}.${property.containerPropertyIdentifier}`] : [],
    );
    expect(new Set(containerUses).size).toBeLessThan(containerUses.length);
  });
});

describe("shrinking", () => {
  // A stand-in failure: a view holding an enum property.
  const hasEnum = (model: DataModel) =>
    properties(model).some(([, property]) => property.kind === "mapped" && property.type.type === "enum");
  const start = models.find((model) => hasEnum(model) && modelSize(model) > 15) as DataModel;

  test("drops everything the failure does not need", async () => {
    const shrunk = await shrink(start, async (candidates) => candidates.map(hasEnum));
    expect(shrunk).toBeDefined();
    expect(shrunk?.model.views.length).toBe(1);
    expect(Object.keys(shrunk?.model.views[0]?.properties ?? {}).length).toBe(1);
    expect(hasEnum(shrunk?.model as DataModel)).toBe(true);
  });

  test("keeps every step a valid model", async () => {
    await shrink(start, async (candidates) => {
      for (const candidate of candidates) {
        const result = generateSdk({ models: [candidate], origin: "shrink" }, { topLevelPackage: "fuzz", generatedAt: "fixed" });
        expect(result.warnings.filter((warning) => warning.severity === "error")).toEqual([]);
      }
      return candidates.map(hasEnum);
    });
  });

  test("gives up on a failure that does not come back", async () => {
    expect(await shrink(start, async (candidates) => candidates.map(() => false))).toBeUndefined();
  });
});

describe("failure classes", () => {
  test("blur the names, numbers and paths of one model", () => {
    const one = failureClass({ check: "mypy", message: 'fuzz_12/fuzz_12/_api/a.py:3: error: Name "PumpFilters" already defined' });
    const two = failureClass({ check: "mypy", message: 'fuzz_9/fuzz_9/_api/b.py:41: error: Name "NodeFilters" already defined' });
    expect(one).toBe(two);
    expect(one).toBe('mypy: error: Name "…" already defined');
  });
});
