import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import {
  DataModelSchema,
  EdgeWriteSchema,
  ErrorBodySchema,
  FilterSchema,
  InstanceSchema,
  InstanceWriteSchema,
  PropertyTypeSchema,
  ViewSchema,
} from "../../src/client/models.ts";
import { parseYaml } from "../../src/data-formats.ts";
import { describeShared, sharedModelNames, sharedModelPath } from "../support/shared-models.ts";

function issuesOf(schema: v.GenericSchema, input: unknown): { path: string; message: string }[] {
  const result = v.safeParse(schema, input);
  if (result.success) return [];
  return result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? "", message: issue.message }));
}

const view = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  space: "sp",
  externalId: "Pump",
  version: "1",
  properties,
  ...extra,
});
const mapped = (type: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  container: { space: "sp", externalId: "Pump" },
  containerPropertyIdentifier: "p",
  type,
  ...extra,
});

describeShared("shared models", () => {
  for (const name of sharedModelNames()) {
    test(`${name} parses as a data model with inline views`, async () => {
      const document = parseYaml(await Bun.file(sharedModelPath(name)).text(), name);
      const model = v.parse(DataModelSchema, document);
      const raw = document as { views: { properties: Record<string, unknown> }[] };
      expect(model.views.length).toBe(raw.views.length);
      // Nothing is dropped: every property of every view survives parsing.
      model.views.forEach((parsed, index) => {
        expect(Object.keys(parsed.properties)).toEqual(Object.keys(raw.views[index]?.properties ?? {}));
      });
    });
  }

  test("Omni nodes parse as instances, int64 values stay exact", async () => {
    const nodes = parseYaml(await Bun.file(sharedModelPath("Omni", "nodes.yaml")).text(), "nodes.yaml") as unknown[];
    const parsed = v.parse(v.array(InstanceSchema), nodes);
    expect(parsed.length).toBe(nodes.length);
    const heather = parsed.find((node) => node.externalId === "PrimitiveNullable:Heather");
    expect(heather?.properties?.sp_pygen_models?.["PrimitiveNullable/1"]?.int64).toBe(1323009607114000794n);
  });

  test("Omni write payloads parse as node and edge writes", async () => {
    for (const file of ["PrimitiveRequired.node.yaml", "ConnectionItemA.edge.yaml", "ConnectionItemE.node.yaml"]) {
      const items = parseYaml(await Bun.file(sharedModelPath("Omni", `write/${file}`)).text(), file) as unknown[];
      expect(v.parse(v.array(InstanceWriteSchema), items).length).toBe(items.length);
    }
  });

  test("the direct-relation view hint is normalised into type.source", async () => {
    const document = parseYaml(await Bun.file(sharedModelPath("Omni")).text(), "Omni");
    const model = v.parse(DataModelSchema, document);
    const connectionA = model.views.find((item) => item.externalId === "ConnectionItemA");
    const otherDirect = connectionA?.properties.otherDirect;
    expect(otherDirect?.kind).toBe("mapped");
    if (otherDirect?.kind === "mapped" && otherDirect.type.type === "direct") {
      expect(otherDirect.type.source).toEqual({ type: "view", space: "sp_pygen_models", externalId: "ConnectionItemC", version: "1" });
    } else {
      throw new Error("otherDirect should be a direct relation");
    }
  });
});

describe("property types", () => {
  test("every type is accepted, with list and defaults", () => {
    for (const type of [
      "text",
      "boolean",
      "int32",
      "int64",
      "float32",
      "float64",
      "timestamp",
      "date",
      "json",
      "timeseries",
      "file",
      "sequence",
    ]) {
      expect(v.parse(PropertyTypeSchema, { type, list: true })).toMatchObject({ type, list: true });
      expect(v.parse(PropertyTypeSchema, { type })).toMatchObject({ type, list: false });
    }
    expect(v.parse(PropertyTypeSchema, { type: "direct", container: { space: "sp", externalId: "C" } })).toMatchObject({
      container: { type: "container", space: "sp", externalId: "C" },
    });
    expect(v.parse(PropertyTypeSchema, { type: "enum", values: { on: {}, off: { name: "Off" } } })).toMatchObject({ type: "enum" });
  });

  test("an unknown type names itself and the allowed ones", () => {
    expect(issuesOf(PropertyTypeSchema, { type: "txt" })).toEqual([
      { path: "type", message: expect.stringContaining('unknown property type "txt"; expected one of text, boolean') },
    ]);
  });

  test("an enum without values is rejected", () => {
    expect(issuesOf(PropertyTypeSchema, { type: "enum", values: {} })).toEqual([
      { path: "values", message: "an enum needs at least one value" },
    ]);
  });
});

describe("views", () => {
  test("mapped, edge and reverse properties are told apart", () => {
    const parsed = v.parse(
      ViewSchema,
      view({
        name: mapped({ type: "text" }),
        parts: { type: { space: "sp", externalId: "Pump.parts" }, source: { space: "sp", externalId: "Part", version: "1" } },
        owner: {
          connectionType: "single_reverse_direct_relation",
          source: { space: "sp", externalId: "Owner", version: "1" },
          through: { source: { type: "view", space: "sp", externalId: "Owner", version: "1" }, identifier: "pump" },
        },
      }),
    );
    expect(parsed.properties.name?.kind).toBe("mapped");
    expect(parsed.properties.parts).toMatchObject({ kind: "edge", connectionType: "multi_edge_connection", direction: "outwards" });
    expect(parsed.properties.owner?.kind).toBe("reverse");
  });

  test("a malformed property reports the path down to the field", () => {
    expect(issuesOf(ViewSchema, view({ flow: mapped({ type: "float64", list: "yes" }) }))).toEqual([
      { path: "properties.flow.type.list", message: expect.stringContaining("Invalid type") },
    ]);
    expect(issuesOf(ViewSchema, view({ flow: { containerPropertyIdentifier: "x", type: { type: "text" } } }))).toEqual([
      { path: "properties.flow.container", message: expect.stringContaining("Invalid key") },
    ]);
  });

  test("identifiers follow the API's patterns", () => {
    expect(issuesOf(ViewSchema, { ...view({}), externalId: "1Pump" })[0]?.path).toBe("externalId");
    expect(issuesOf(ViewSchema, { ...view({}), space: "sp ace" })[0]?.path).toBe("space");
    expect(issuesOf(ViewSchema, { ...view({}), version: "" })[0]?.path).toBe("version");
    // YAML dumps often hold numeric versions; they read as text.
    expect(v.parse(ViewSchema, { ...view({}), version: 2 }).version).toBe("2");
  });

  test("a view filter is checked", () => {
    const filter = { equals: { property: ["node", "type"], value: { space: "sp", externalId: "Pump" } } };
    expect(v.parse(ViewSchema, view({}, { filter })).filter).toEqual(filter);
    expect(issuesOf(ViewSchema, view({}, { filter: { equals: { property: ["node"] } } }))[0]?.path).toBe("filter.equals.property");
  });
});

describe("filters", () => {
  const property = ["sp", "Pump/1", "flow"];
  test("every filter kind is accepted", () => {
    const filters = [
      { and: [{ matchAll: {} }] },
      { or: [{ exists: { property } }] },
      { not: { equals: { property, value: 1 } } },
      { in: { property, values: [1, 2] } },
      { range: { property, gte: 1, lt: { parameter: "max" } } },
      { prefix: { property, value: "ab" } },
      { containsAny: { property, values: ["a"] } },
      { containsAll: { property, values: ["a"] } },
      { nested: { scope: ["sp", "Pump/1", "owner"], filter: { matchAll: {} } } },
      { overlaps: { startProperty: property, endProperty: property, gt: 0 } },
      {
        hasData: [
          { type: "view", space: "sp", externalId: "Pump", version: "1" },
          { type: "container", space: "sp", externalId: "C" },
        ],
      },
      { instanceReferences: [{ space: "sp", externalId: "p1" }] },
      { invalid: { previouslyReferencedProperties: [["sp", "x", "p"]], filterType: "overlaps" } },
    ];
    for (const filter of filters) expect(v.parse(FilterSchema, filter)).toEqual(filter as never);
  });

  test("malformed filters say where and why", () => {
    expect(issuesOf(FilterSchema, { equals: {}, in: {} })[0]?.message).toContain("exactly one filter key");
    expect(issuesOf(FilterSchema, { like: {} })[0]?.message).toContain('not "like"');
    expect(issuesOf(FilterSchema, { and: [] })).toEqual([{ path: "and", message: "must hold at least one filter" }]);
    expect(issuesOf(FilterSchema, { and: [{ not: { range: { property, gt: 1, gte: 2 } } }] })).toEqual([
      { path: "and.0.not.range", message: "gt and gte (or lt and lte) must not be used together" },
    ]);
    expect(issuesOf(FilterSchema, { matchAll: { x: 1 } })[0]?.path).toBe("matchAll.x");
  });
});

describe("instances and errors", () => {
  test("an edge write needs its start and end nodes", () => {
    const edge = {
      instanceType: "edge",
      space: "sp",
      externalId: "e1",
      type: { space: "sp", externalId: "t" },
      startNode: { space: "sp", externalId: "a" },
    };
    expect(issuesOf(EdgeWriteSchema, edge)).toEqual([{ path: "endNode", message: expect.stringContaining("Invalid key") }]);
  });

  test("CDF error bodies parse and keep extra keys", () => {
    const body = { error: { code: 400, message: "One or more spaces do not exist", missing: [{ space: "x" }], extra: 1 } };
    expect(v.parse(ErrorBodySchema, body).error).toMatchObject({ code: 400, missing: [{ space: "x" }], extra: 1 });
  });
});
