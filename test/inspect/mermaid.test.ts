import { describe, expect, test } from "bun:test";
import { renderMermaid } from "../../src/inspect/mermaid.ts";
import { outlineModel } from "../../src/inspect/outline.ts";
import { parseModelDocument } from "../../src/sources.ts";

const pump = (space: string, properties: Record<string, unknown>) => ({ space, externalId: "Pump", version: "1", properties });
const text = (space: string, property: string) => ({
  container: { space, externalId: "Pump" },
  containerPropertyIdentifier: property,
  type: { type: "text" },
});
const models = parseModelDocument(
  JSON.stringify([
    { space: "a", externalId: "First", version: "1", views: [pump("a", { name: text("a", "name") })] },
    {
      space: "b",
      externalId: "Second",
      version: "1",
      views: [pump("a", { name: text("a", "name") }), pump("b", { code: text("b", "code") })],
    },
  ]),
  "models.json",
);

describe("one Mermaid diagram for several models", () => {
  const diagram = renderMermaid(models.map(outlineModel));

  test("a view in two models is drawn once; views sharing an externalId get their full ids as labels", () => {
    expect(diagram).toBe(
      [
        "classDiagram",
        "  %% a:First(version=1)",
        "  %% b:Second(version=1)",
        '  class a_Pump_version_1["a:Pump(version=1)"]',
        "  a_Pump_version_1 : +text name",
        '  class b_Pump_version_1["b:Pump(version=1)"]',
        "  b_Pump_version_1 : +text code",
      ].join("\n"),
    );
  });
});
