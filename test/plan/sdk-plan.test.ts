import { describe, expect, test } from "bun:test";
import { pythonNaming } from "../../src/generators/python/naming.ts";
import { buildIR } from "../../src/ir/index.ts";
import { planSdk, type ViewDecisions } from "../../src/plan/sdk-plan.ts";
import { direct, edge, model, primitive, text, view } from "../support/model-builder.ts";

const nodeType = (externalId: string) => ({ equals: { property: ["node", "type"], value: { space: "sp_test", externalId } } });

const plan = planSdk(
  buildIR(
    [
      model([
        view(
          "Pump",
          {
            name: text(),
            height: primitive("float64"),
            specs: primitive("json"),
            site: direct("Site"),
            pipes: edge("Pipe", { edgeSource: "Flow" }),
            mixed: edge("Pipe", { edgeSource: "Link" }),
            lost: edge("Pipe", { edgeSource: "Site" }),
          },
          { filter: { and: [nodeType("PumpType"), { hasData: [] }] } },
        ),
        view("Pipe", { length: primitive("float64") }, { filter: { in: { property: ["node", "type"], values: [] } }, writable: false }),
        view("Site", { name: text() }),
        view("Flow", { rate: primitive("float64") }, { usedFor: "edge" }),
        view("Link", { label: text() }, { usedFor: "all" }),
      ]),
    ],
    { naming: pythonNaming },
  ),
);
const decisions = (externalId: string) => plan.views.find((view) => view.irClass.view.externalId === externalId) as ViewDecisions;

describe("the SDK plan", () => {
  test("views used for edges become edge classes; views used for both get an edge class beside the node class", () => {
    const kinds = Object.fromEntries(plan.views.map((view) => [view.irClass.view.externalId, [view.kind, view.hasEdgeTwin]]));
    expect(kinds).toEqual({
      Pump: ["node", false],
      Pipe: ["node", false],
      Site: ["node", false],
      Flow: ["edge", false],
      Link: ["node", true],
    });
  });

  test("the node type comes from the view's filter, also inside `and`; an `in` with no single type selects none", () => {
    expect(decisions("Pump").nodeType).toEqual({ space: "sp_test", externalId: "PumpType" });
    expect(decisions("Pipe").nodeType).toBeUndefined();
  });

  test("connections lead to classes by id and name the class holding their edge properties", () => {
    const pump = decisions("Pump");
    expect(pump.connections.get("site")).toMatchObject({ many: false, target: "sp_test/Site/1" });
    expect(pump.connections.get("pipes")).toMatchObject({
      many: true,
      target: "sp_test/Pipe/1",
      edgeClass: { classId: "sp_test/Flow/1", kind: "edge" },
    });
    expect(pump.connections.get("mixed")?.edgeClass).toEqual({ classId: "sp_test/Link/1", kind: "twin" });
    expect(decisions("Flow").edgeEnds).toEqual(["sp_test/Pipe/1"]);
    expect(decisions("Link").edgeEnds).toEqual(["sp_test/Pipe/1"]);
  });

  test("edge properties held by a view used for nodes only are left out, with a warning", () => {
    expect(decisions("Pump").connections.get("lost")?.edgeClass).toBeUndefined();
    expect(decisions("Pump").warnings.map((warning) => `${warning.code} ${warning.location}`)).toEqual([
      "EDGE_PROPERTIES_SKIPPED sp_test/Pump/lost",
    ]);
  });

  test("sortable properties are the scalars DMS sorts by (not JSON); writability is the view's", () => {
    expect(decisions("Pump").sortable.map((property) => property.identifier)).toEqual(["name", "height", "site"]);
    expect(decisions("Pump").writable).toBe(true);
    expect(decisions("Pipe").writable).toBe(false);
  });
});
