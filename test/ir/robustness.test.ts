/**
 * Generation must never crash on an incomplete model. Seeded random models — dangling references, cycles, clashing
 * and unprintable names, unknown types — go through validation and IR building in both inheritance modes; nothing
 * may throw, and the IR's names must stay unique where they have to be.
 */
import { expect, test } from "bun:test";
import type { PropertyType, View, ViewProperty } from "../../src/client/models.ts";
import { pythonNaming } from "../../src/generators/python/naming.ts";
import { buildIR } from "../../src/ir/index.ts";
import { direct, edge, enumOf, mapped, model, primitive, ref, reverse, text, view } from "../support/model-builder.ts";
import { DataModelValidator } from "../support/python-validator.ts";

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function randomSource(seed: number): { pick: <T>(items: readonly T[]) => T; below: (limit: number) => number } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (limit: number) => Math.floor(next() * limit);
  return { below, pick: (items) => items[below(items.length)] as (typeof items)[number] };
}

const NAMES = [
  "Pump",
  "Pumps",
  "pump",
  "class",
  "Series",
  "MyView",
  "my_view",
  "Température",
  "日本",
  "a/b",
  "it's",
  "List",
  "PumpList",
  "3d",
  "x",
];

function randomModel(seed: number) {
  const random = randomSource(seed);
  const viewNames = Array.from({ length: 2 + random.below(8) }, () => random.pick(NAMES));
  const target = () => (random.below(4) === 0 ? "Missing" : random.pick(viewNames));
  const property = (): ViewProperty =>
    random.pick<() => ViewProperty>([
      () => text(),
      () =>
        primitive(
          random.pick(["int32", "int64", "float32", "float64", "boolean", "timestamp", "date", "json"] as const),
          random.below(2) === 0,
        ),
      () => enumOf(random.pick([[], ["a", "b"], ["Open", "open", "class"]])),
      () => direct(random.below(3) === 0 ? undefined : target(), { list: random.below(2) === 0 }),
      () => edge(target(), { single: random.below(2) === 0, edgeSource: random.below(2) === 0 ? target() : undefined }),
      () => reverse(target(), random.pick(["p0", "p1", "missing", "name"]), { single: random.below(2) === 0 }),
      () => mapped({ type: "mystery" } as unknown as PropertyType),
    ])();
  const views: View[] = viewNames.map((name) =>
    view(
      name,
      Object.fromEntries(
        Array.from({ length: random.below(6) }, (_, index) => [
          random.pick([`p${index}`, "name", "myProp", "my_prop", "space", "type"]),
          property(),
        ]),
      ),
      {
        space: random.pick(["sp_a", "sp_b"]),
        version: random.pick(["1", "2"]),
        implements: random.below(2) === 0 ? [ref(random.pick(viewNames), { space: random.pick(["sp_a", "sp_b"]) })] : [],
        usedFor: random.pick(["node", "node", "edge", "all", "record"] as const),
        writable: random.below(4) !== 0,
      },
    ),
  );
  return model(views, { space: "sp_a" });
}

test("100 random models: validation and IR building never throw, and IR names stay unique", () => {
  for (let seed = 1; seed <= 100; seed++) {
    const input = randomModel(seed);
    const result = DataModelValidator.validate([input, randomModel(seed + 1000)]);
    for (const models of [result.filteredModel, [input]]) {
      for (const inheritance of ["flatten", "keep"] as const) {
        const ir = buildIR(models, { naming: pythonNaming, inheritance });
        const classNames = ir.classes.map((irClass) => irClass.names.className);
        expect({ seed, unique: new Set(classNames).size }).toEqual({ seed, unique: classNames.length });
        for (const irClass of ir.classes) {
          const fields = irClass.properties.map((property) => property.name);
          expect({ seed, unique: new Set(fields).size }).toEqual({ seed, unique: fields.length });
        }
      }
    }
  }
});
