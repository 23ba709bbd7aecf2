import { describe, expect, test } from "bun:test";
import { outlineModel } from "../../src/inspect/outline.ts";
import { parseModelDocument } from "../../src/sources.ts";

const text = (container: string, property: string) => ({
  container: { space: "sp", externalId: container },
  containerPropertyIdentifier: property,
  type: { type: "text" },
});

/** A implements B and B implements A (a cycle hand-written models can have); C overrides A's `name`. */
const [model] = parseModelDocument(
  JSON.stringify({
    space: "sp",
    externalId: "M",
    version: "1",
    views: [
      {
        space: "sp",
        externalId: "A",
        version: "1",
        implements: [{ space: "sp", externalId: "B", version: "1" }],
        properties: { name: text("A", "name") },
      },
      {
        space: "sp",
        externalId: "B",
        version: "1",
        implements: [{ space: "sp", externalId: "A", version: "1" }],
        properties: { name: text("A", "name") },
      },
      {
        space: "sp",
        externalId: "C",
        version: "1",
        implements: [{ space: "sp", externalId: "A", version: "1" }],
        properties: { name: text("C", "name"), code: text("C", "code") },
      },
    ],
  }),
  "model.json",
);

describe("the outline", () => {
  const outline = outlineModel(model as NonNullable<typeof model>);
  const inheritedFrom = (view: string, property: string) =>
    outline.views.find((candidate) => candidate.label === view)?.properties.find((candidate) => candidate.identifier === property)
      ?.inheritedFrom;

  test("an implements cycle ends instead of looping", () => {
    expect(inheritedFrom("A", "name")).toBe("sp:B(version=1)");
    expect(inheritedFrom("B", "name")).toBe("sp:A(version=1)");
  });

  test("a property the view redefines is its own, not inherited", () => {
    expect(inheritedFrom("C", "name")).toBeUndefined();
    expect(outline.counts.properties).toBe(2);
  });
});
