/**
 * select.d.ts in shapes the example does not have (found by the TypeScript fuzzer): a model without node views, and
 * a hop whose one-line object type would pass the line width.
 */
import { describe, expect, test } from "bun:test";
import { generateSdk } from "../../../src/pipeline.ts";
import { edge, model, text, view } from "../../support/model-builder.ts";

const selectSchema = (views: Parameters<typeof model>[0]) =>
  generateSdk({ models: [model(views)], origin: "test" }, { language: "typescript", generatedAt: "2026-01-01T00:00:00+00:00" }).files.find(
    (file) => file.path === "select.d.ts",
  )?.content ?? "";

describe("select.d.ts", () => {
  test("a model of edge views only has the empty object type as its schema (Biome refuses an empty interface)", () => {
    expect(selectSchema([view("Marks", { note: text() }, { usedFor: "edge" })])).toContain(
      "export type SelectSchema = Record<never, never>;",
    );
  });

  test("a hop too long for one line has one member a line, as Biome lays it out", () => {
    const long = "InspectionResultOfAThoroughKind";
    const target = "PlantOfAVeryLongAndWindingName";
    const schema = selectSchema([
      view("Plant", { inspectionsOfEveryKindAndColour: edge(target, { edgeSource: long }) }),
      view(target, { note: text() }),
      view(long, { note: text() }, { usedFor: "edge" }),
    ]);
    expect(schema).toContain(
      [
        "      inspectionsOfEveryKindAndColour: {",
        `        to: "${target}";`,
        "        list: true;",
        `        edge: ${long};`,
        "      };",
      ].join("\n"),
    );
    for (const line of schema.split("\n")) expect(line.length).toBeLessThanOrEqual(120);
  });
});
