import { beforeAll, describe, expect, test } from "bun:test";
import { applyTestSchema, DATA, ids, PUMP_CONTAINER, PUMP_VIEW, prop, pump, SPACE, useEmulator } from "./harness.ts";

const setup = useEmulator();
const flow = prop(PUMP_VIEW, "flow");

/** Lists the externalIds of Pump nodes matching `filter`, sorted for stable comparison. */
async function matching(filter: unknown): Promise<string[]> {
  const body = await setup.api.ok("instances/list", { sources: [{ source: PUMP_VIEW }], filter });
  return ids(body.items).sort();
}

beforeAll(async () => {
  await applyTestSchema(setup.api);
  await setup.api.ok("instances", {
    items: [
      pump("p1", {
        flow: 10.5,
        serial: 9007199254740993n,
        status: "running",
        tags: ["a", "b"],
        installed: "2024-01-01T00:00:00Z",
        validFrom: 1,
        validTo: 5,
      }),
      pump("p2", {
        flow: 20,
        serial: 2,
        status: "stopped",
        tags: ["b", "c"],
        installed: "2024-06-01T12:00:00+02:00",
        validFrom: 4,
        validTo: 8,
      }),
      pump("p3", { flow: 30, status: "running", tags: ["c"], parent: { space: DATA, externalId: "p1" }, validFrom: 9 }),
      pump("p4", { tags: [], parent: { space: DATA, externalId: "p2" } }),
      pump("pipe", { flow: 5 }),
    ],
  });
});

describe("filters", () => {
  test("equals on a property, a base property, and an int64 beyond 2^53", async () => {
    expect(await matching({ equals: { property: prop(PUMP_VIEW, "status"), value: "running" } })).toEqual(["p1", "p3"]);
    expect(await matching({ equals: { property: ["node", "externalId"], value: "p2" } })).toEqual(["p2"]);
    expect(await matching({ equals: { property: prop(PUMP_VIEW, "serial"), value: 9007199254740993n } })).toEqual(["p1"]);
    expect(await matching({ equals: { property: prop(PUMP_VIEW, "serial"), value: 9007199254740992n } })).toEqual([]);
  });

  test("in on a scalar and on a list property", async () => {
    expect(await matching({ in: { property: flow, values: [20, 30, 99] } })).toEqual(["p2", "p3"]);
    expect(await matching({ in: { property: prop(PUMP_VIEW, "tags"), values: ["a"] } })).toEqual(["p1"]);
  });

  test("range with one or two bounds; missing values never match", async () => {
    expect(await matching({ range: { property: flow, gt: 10.5 } })).toEqual(["p2", "p3"]);
    expect(await matching({ range: { property: flow, gte: 10.5, lt: 30 } })).toEqual(["p1", "p2"]);
    expect(await matching({ range: { property: flow, lte: 5 } })).toEqual(["pipe"]);
  });

  test("range on timestamps compares instants whatever the time zone notation", async () => {
    const installed = prop(PUMP_VIEW, "installed");
    expect(await matching({ range: { property: installed, gt: "2024-06-01T09:59:59.999Z" } })).toEqual(["p2"]);
    expect(await matching({ range: { property: installed, gt: "2024-06-01T10:00:00+00:00" } })).toEqual([]);
  });

  test("prefix on text and on a list", async () => {
    expect(await matching({ prefix: { property: prop(PUMP_VIEW, "name"), value: "p" } })).toEqual(["p1", "p2", "p3", "p4", "pipe"]);
    expect(await matching({ prefix: { property: prop(PUMP_VIEW, "name"), value: "pi" } })).toEqual(["pipe"]);
    expect(await matching({ prefix: { property: prop(PUMP_VIEW, "tags"), value: ["b", "c"] } })).toEqual(["p2"]);
  });

  test("exists, and not exists as 'is null'", async () => {
    expect(await matching({ exists: { property: prop(PUMP_VIEW, "status") } })).toEqual(["p1", "p2", "p3"]);
    expect(await matching({ not: { exists: { property: flow } } })).toEqual(["p4"]);
  });

  test("containsAny and containsAll on list properties; rejected on scalars", async () => {
    const tags = prop(PUMP_VIEW, "tags");
    expect(await matching({ containsAny: { property: tags, values: ["a", "c"] } })).toEqual(["p1", "p2", "p3"]);
    expect(await matching({ containsAll: { property: tags, values: ["b", "c"] } })).toEqual(["p2"]);
    const scalar = await setup.api.post("instances/list", { filter: { containsAny: { property: flow, values: [1] } } });
    expect(scalar.status).toBe(400);
    const tooMany = await setup.api.post("instances/list", {
      filter: { in: { property: flow, values: Array.from({ length: 1001 }, (_, index) => index) } },
    });
    expect(tooMany.body.error.message).toContain("at most 1000 values");
  });

  test("matchAll, and, or, not", async () => {
    expect(await matching({ matchAll: {} })).toHaveLength(5);
    const running = { equals: { property: prop(PUMP_VIEW, "status"), value: "running" } };
    const big = { range: { property: flow, gte: 20 } };
    expect(await matching({ and: [running, big] })).toEqual(["p3"]);
    expect(await matching({ or: [running, big] })).toEqual(["p1", "p2", "p3"]);
    expect(await matching({ not: running })).toEqual(["p2", "p4", "pipe"]);
  });

  test("nested follows a direct relation to the node it points at", async () => {
    const filter = {
      nested: { scope: prop(PUMP_VIEW, "parent"), filter: { equals: { property: prop(PUMP_VIEW, "status"), value: "running" } } },
    };
    expect(await matching(filter)).toEqual(["p3"]);
  });

  test("overlaps treats [validFrom, validTo] as a range, open where a bound is missing", async () => {
    const overlaps = (bounds: Record<string, number>) =>
      matching({ overlaps: { startProperty: prop(PUMP_VIEW, "validFrom"), endProperty: prop(PUMP_VIEW, "validTo"), ...bounds } });
    expect(await overlaps({ gte: 5, lte: 6 })).toEqual(["p1", "p2"]);
    expect(await overlaps({ gt: 8 })).toEqual(["p3"]);
    expect(await overlaps({ lt: 2 })).toEqual(["p1"]);
  });

  test("hasData on views and containers", async () => {
    const all = await setup.api.ok("instances/list", { filter: { hasData: [PUMP_CONTAINER] } });
    // Direct-relation targets were already pumps; nothing else was auto-created.
    expect(ids(all.items).sort()).toEqual(["p1", "p2", "p3", "p4", "pipe"]);
    await setup.api.ok("instances", { items: [{ instanceType: "node", space: DATA, externalId: "bare" }] });
    const bare = await setup.api.ok("instances/list", { filter: { not: { hasData: [PUMP_VIEW] } } });
    expect(ids(bare.items)).toEqual(["bare"]);
  });

  test("instanceReferences matches the listed instances only", async () => {
    expect(
      await matching({
        instanceReferences: [
          { space: DATA, externalId: "p2" },
          { space: DATA, externalId: "nope" },
        ],
      }),
    ).toEqual(["p2"]);
  });

  test("property reference values compare two properties of the same instance", async () => {
    expect(await matching({ range: { property: prop(PUMP_VIEW, "validTo"), gt: { property: prop(PUMP_VIEW, "validFrom") } } })).toEqual([
      "p1",
      "p2",
    ]);
  });

  test("container property references work like view ones", async () => {
    expect(await matching({ equals: { property: [SPACE, "Pump", "status"], value: "stopped" } })).toEqual(["p2"]);
  });

  test("unknown properties, unknown views and malformed filters are 400s that say what is wrong", async () => {
    const unknownProperty = await setup.api.post("instances/list", { filter: { exists: { property: prop(PUMP_VIEW, "nope") } } });
    expect(unknownProperty.status).toBe(400);
    expect(unknownProperty.body.error.message).toContain("nope");
    const unknownView = await setup.api.post("instances/list", { filter: { exists: { property: [SPACE, "Ghost/v1", "x"] } } });
    expect(unknownView.body.error.message).toContain("One or more views do not exist");
    const twoKeys = await setup.api.post("instances/list", {
      filter: { equals: { property: flow, value: 1 }, exists: { property: flow } },
    });
    expect(twoKeys.status).toBe(400);
    expect(twoKeys.body.error.code).toBe(400);
  });
});
