import { beforeAll, describe, expect, test } from "bun:test";
import { stringifyJson } from "../../src/data-formats.ts";
import { applyTestSchema, DATA, flowEdge, ids, PUMP_CONTAINER, PUMP_VIEW, prop, pump, SPACE, useEmulator } from "./harness.ts";

const setup = useEmulator();
beforeAll(() => applyTestSchema(setup.api));

const read = async (externalId: string) =>
  (await setup.api.ok("instances/byids", { items: [{ instanceType: "node", space: DATA, externalId }], sources: [{ source: PUMP_VIEW }] }))
    .items[0];
const values = (node: { properties: Record<string, Record<string, Record<string, unknown>>> }) => node.properties[SPACE]?.["Pump/v1"] ?? {};

describe("apply", () => {
  test("creates with version 1, keeps int64 exact, normalises timestamps, fills defaults", async () => {
    const body = await setup.api.ok("instances", {
      items: [pump("a1", { serial: 1323009607114000794n, installed: "2024-08-18T10:22:27", spec: { depth: 3 }, readings: [1, 2.5] })],
    });
    expect(body.items[0]).toMatchObject({ instanceType: "node", space: DATA, externalId: "a1", version: 1, wasModified: true });
    expect(body.deleted).toEqual([]);
    const node = await read("a1");
    expect(values(node)).toEqual({
      name: "a1",
      serial: 1323009607114000794n,
      installed: "2024-08-18T10:22:27.000+00:00",
      spec: { depth: 3 },
      readings: [1, 2.5],
      active: true,
    });
  });

  test("re-applying the same values is a no-op; a change bumps the version", async () => {
    const first = (await setup.api.ok("instances", { items: [pump("a2", { flow: 1 })] })).items[0];
    const again = (await setup.api.ok("instances", { items: [pump("a2", { flow: 1 })] })).items[0];
    expect(again).toMatchObject({ version: 1, wasModified: false, lastUpdatedTime: first.lastUpdatedTime });
    const changed = (await setup.api.ok("instances", { items: [pump("a2", { flow: 2 })] })).items[0];
    expect(changed).toMatchObject({ version: 2, wasModified: true });
  });

  test("patch keeps unmentioned properties; replace resets them; null clears", async () => {
    await setup.api.ok("instances", { items: [pump("a3", { flow: 1, level: 7 })] });
    await setup.api.ok("instances", { items: [pump("a3", { flow: 2 })] });
    expect(values(await read("a3"))).toMatchObject({ flow: 2, level: 7 });
    await setup.api.ok("instances", { items: [pump("a3", { level: null })] });
    expect(values(await read("a3")).level).toBeUndefined();
    await setup.api.ok("instances", { items: [pump("a3", { flow: 3 })], replace: true });
    expect(values(await read("a3"))).toEqual({ name: "a3", flow: 3, active: true });
  });

  test("existingVersion: older version conflicts (409), 0 means insert-only, skipOnVersionConflict skips", async () => {
    await setup.api.ok("instances", { items: [pump("a4")] });
    await setup.api.ok("instances", { items: [pump("a4", { flow: 1 })] });
    const stale = await setup.api.post("instances", { items: [{ ...pump("a4", { flow: 5 }), existingVersion: 1 }] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe(409);
    const insertOnly = await setup.api.post("instances", { items: [{ ...pump("a4"), existingVersion: 0 }] });
    expect(insertOnly.status).toBe(409);
    const current = await setup.api.ok("instances", { items: [{ ...pump("a4", { flow: 6 }), existingVersion: 2 }] });
    expect(current.items[0].version).toBe(3);
    const skipped = await setup.api.ok("instances", {
      items: [{ ...pump("a4", { flow: 7 }), existingVersion: 1 }, pump("a5")],
      skipOnVersionConflict: true,
    });
    expect(ids(skipped.items)).toEqual(["a5"]);
    expect(values(await read("a4")).flow).toBe(6);
  });

  test("type errors are 400s naming the property, and nothing of the request is written", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ level: 2 ** 31 }, "level"],
      [{ level: 1.5 }, "level"],
      [{ serial: 2n ** 63n }, "serial"],
      [{ flow: "fast" }, "flow"],
      [{ installed: "yesterday" }, "installed"],
      [{ commissioned: "2024-02-30" }, "commissioned"],
      [{ spec: [1, 2] }, "spec"],
      [{ status: "exploded" }, "status"],
      [{ status: "unknown" }, "status"],
      [{ tags: ["1", "2", "3", "4", "5", "6"] }, "tags"],
      [{ parent: "p1" }, "parent"],
      [{ name: null }, "name"],
      [{ nope: 1 }, "nope"],
    ];
    for (const [properties, name] of cases) {
      const response = await setup.api.post("instances", { items: [pump("ok-before"), pump("bad", properties)] });
      expect(response.status, stringifyJson(properties)).toBe(400);
      expect(response.body.error.message).toContain(name);
    }
    const none = await setup.api.ok("instances/byids", { items: [{ instanceType: "node", space: DATA, externalId: "ok-before" }] });
    expect(none.items).toEqual([]);
  });

  test("non-nullable properties must be given when an instance gets data in their container", async () => {
    const response = await setup.api.post("instances", {
      items: [{ instanceType: "node", space: DATA, externalId: "noname", sources: [{ source: PUMP_VIEW, properties: { flow: 1 } }] }],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("name");
  });

  test("autoIncrement properties count up from the largest stored value when not given", async () => {
    const counter = { type: "container", space: SPACE, externalId: "Counter" } as const;
    await setup.api.ok("containers", {
      items: [
        { space: SPACE, externalId: "Counter", properties: { number: { type: { type: "int64" }, nullable: false, autoIncrement: true } } },
      ],
    });
    const write = (externalId: string, properties: Record<string, unknown> = {}) => ({
      instanceType: "node",
      space: DATA,
      externalId,
      sources: [{ source: counter, properties }],
    });
    await setup.api.ok("instances", { items: [write("c1"), write("c2", { number: 10 }), write("c3")] });
    const listed = await setup.api.ok("instances/list", {
      filter: { hasData: [counter] },
      sort: [{ property: [SPACE, "Counter", "number"] }],
    });
    expect(ids(listed.items)).toEqual(["c1", "c2", "c3"]);
    const third = await setup.api.ok("instances/list", { filter: { equals: { property: [SPACE, "Counter", "number"], value: 11 } } });
    expect(ids(third.items)).toEqual(["c3"]);
  });

  test("immutable properties cannot change once set", async () => {
    await setup.api.ok("instances", { items: [pump("imm", { code: "X1" })] });
    const response = await setup.api.post("instances", { items: [pump("imm", { code: "X2" })] });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("immutable");
  });

  test("direct-relation targets are auto-created unless autoCreateDirectRelations is false", async () => {
    const refused = await setup.api.post("instances", {
      items: [pump("child", { parent: { space: DATA, externalId: "ghost" } })],
      autoCreateDirectRelations: false,
    });
    expect(refused.status).toBe(400);
    await setup.api.ok("instances", { items: [pump("child", { parent: { space: DATA, externalId: "ghost" } })] });
    const ghost = await setup.api.ok("instances/byids", { items: [{ instanceType: "node", space: DATA, externalId: "ghost" }] });
    expect(ghost.items[0]).toMatchObject({ externalId: "ghost", version: 1, properties: {} });
  });

  test("edges need their end nodes unless autoCreateStartNodes/EndNodes", async () => {
    await setup.api.ok("instances", { items: [pump("e1")] });
    const missing = await setup.api.post("instances", { items: [flowEdge("e1", "e2", 3)] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain("e2");
    const created = await setup.api.ok("instances", { items: [flowEdge("e1", "e2", 3)], autoCreateEndNodes: true });
    expect(created.items[0]).toMatchObject({ instanceType: "edge", externalId: "e1->e2" });
    const edges = await setup.api.ok("instances/list", {
      instanceType: "edge",
      sources: [{ source: { type: "view", space: SPACE, externalId: "Flow", version: "v1" } }],
    });
    expect(edges.items[0]).toMatchObject({ startNode: { space: DATA, externalId: "e1" }, endNode: { space: DATA, externalId: "e2" } });
    expect(edges.items[0].properties[SPACE]["Flow/v1"]).toEqual({ rate: 3 });
  });

  test("a node cannot be written through an edge container", async () => {
    const response = await setup.api.post("instances", {
      items: [
        {
          instanceType: "node",
          space: DATA,
          externalId: "wrong",
          sources: [{ source: { type: "container", space: SPACE, externalId: "Flow" }, properties: { rate: 1 } }],
        },
      ],
    });
    expect(response.status).toBe(400);
  });

  test("writing straight into a container works with container property ids", async () => {
    await setup.api.ok("instances", {
      items: [{ instanceType: "node", space: DATA, externalId: "direct", sources: [{ source: PUMP_CONTAINER, properties: { flow: 9 } }] }],
    });
    const listed = await setup.api.ok("instances/list", { filter: { equals: { property: [SPACE, "Pump", "flow"], value: 9 } } });
    expect(ids(listed.items)).toEqual(["direct"]);
  });

  test("missing spaces, duplicates and unknown fields are rejected", async () => {
    const space = await setup.api.post("instances", { items: [{ ...pump("x"), space: "sp_missing" }] });
    expect(space.body.error.message).toContain("One or more spaces do not exist");
    const duplicate = await setup.api.post("instances", { items: [pump("d"), pump("d")] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.duplicated).toHaveLength(1);
    const unknown = await setup.api.post("instances", { items: [pump("u")], bogus: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("Unexpected field - bogus");
    const tooMany = await setup.api.post("instances", { items: Array.from({ length: 1001 }, (_, index) => pump(`m${index}`)) });
    expect(tooMany.status).toBe(400);
  });
});

describe("delete", () => {
  test("soft-deletes, cascades from nodes to their edges, and skips missing ids", async () => {
    await setup.api.ok("instances", { items: [pump("n1"), pump("n2"), flowEdge("n1", "n2")] });
    const deleted = await setup.api.ok("instances/delete", {
      items: [
        { instanceType: "node", space: DATA, externalId: "n1" },
        { instanceType: "node", space: DATA, externalId: "never" },
      ],
    });
    expect(deleted.items).toEqual([{ instanceType: "node", space: DATA, externalId: "n1" }]);
    const edge = await setup.api.ok("instances/byids", { items: [{ instanceType: "edge", space: DATA, externalId: "n1->n2" }] });
    expect(edge.items).toEqual([]);
    const space = await setup.api.post("instances/delete", { items: [{ instanceType: "node", space: "sp_missing", externalId: "x" }] });
    expect(space.status).toBe(400);
  });

  test("apply can delete in the same transaction", async () => {
    await setup.api.ok("instances", { items: [pump("old")] });
    const body = await setup.api.ok("instances", {
      items: [pump("new")],
      delete: [{ instanceType: "node", space: DATA, externalId: "old" }],
    });
    expect(body.deleted).toEqual([{ instanceType: "node", space: DATA, externalId: "old" }]);
  });
});

describe("list and byids", () => {
  test("byids returns existing ids only, in request order, nodes and edges mixed", async () => {
    await setup.api.ok("instances", { items: [pump("b1"), pump("b2"), flowEdge("b1", "b2")] });
    const body = await setup.api.ok("instances/byids", {
      items: [
        { instanceType: "edge", space: DATA, externalId: "b1->b2" },
        { instanceType: "node", space: DATA, externalId: "b2" },
        { instanceType: "node", space: DATA, externalId: "zzz" },
      ],
    });
    expect(body.items.map((item: { instanceType: string; externalId: string }) => `${item.instanceType}:${item.externalId}`)).toEqual([
      "edge:b1->b2",
      "node:b2",
    ]);
  });

  test("includeTyping describes the selected properties", async () => {
    const body = await setup.api.ok("instances/list", { sources: [{ source: PUMP_VIEW }], limit: 1, includeTyping: true });
    expect(body.typing[SPACE]["Pump/v1"].serial).toMatchObject({ type: { type: "int64", list: false }, nullable: true });
  });
});

describe("sort and cursor paging", () => {
  test("pages through a sorted list with no duplicates or gaps, then omits nextCursor", async () => {
    const space = "sp_paging";
    await setup.api.ok("spaces", { items: [{ space }] });
    const items = Array.from({ length: 95 }, (_, index) => ({
      ...pump(`s${index}`, { level: index % 7, flow: index % 3 === 0 ? undefined : index }),
      space,
    }));
    await setup.api.ok("instances", { items });
    const expected = items
      .map((_, index) => ({ id: `s${index}`, level: index % 7, index }))
      .sort((a, b) => b.level - a.level || a.index - b.index)
      .map((item) => item.id);
    for (const limit of [1, 10, 33]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const body = await setup.api.ok("instances/list", {
          filter: { equals: { property: ["node", "space"], value: space } },
          sort: [{ property: prop(PUMP_VIEW, "level"), direction: "descending" }],
          limit,
          cursor,
        });
        seen.push(...ids(body.items));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(seen).toEqual(expected);
      expect(pages).toBe(Math.ceil(95 / limit));
    }
  });

  test("random values with ties page exactly like a full sort", async () => {
    const space = "sp_random";
    await setup.api.ok("spaces", { items: [{ space }] });
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const levels = Array.from({ length: 300 }, () => Math.floor(random() * 20));
    await setup.api.ok("instances", { items: levels.map((level, index) => ({ ...pump(`r${index}`, { level }), space })) });
    const expected = levels
      .map((level, index) => ({ id: `r${index}`, level, index }))
      .sort((a, b) => b.level - a.level || a.index - b.index)
      .map((item) => item.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const body = await setup.api.ok("instances/list", {
        filter: { equals: { property: ["node", "space"], value: space } },
        sort: [{ property: prop(PUMP_VIEW, "level"), direction: "descending" }],
        limit: 17,
        cursor,
      });
      seen.push(...ids(body.items));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  test("nulls sort last by default and first with nullsFirst", async () => {
    const filter = { equals: { property: ["node", "space"], value: "sp_paging" } };
    const sort = (nullsFirst: boolean) => [{ property: prop(PUMP_VIEW, "flow"), nullsFirst }];
    const sources = [{ source: PUMP_VIEW }];
    const last = await setup.api.ok("instances/list", { sources, filter, sort: sort(false), limit: 1000 });
    const first = await setup.api.ok("instances/list", { sources, filter, sort: sort(true), limit: 1000 });
    const flowOf = (item: { properties: Record<string, Record<string, { flow?: number }>> }) => item.properties[SPACE]?.["Pump/v1"]?.flow;
    expect(last.items).toHaveLength(95);
    expect(flowOf(last.items[0])).toBe(1);
    expect(flowOf(last.items.at(-1))).toBeUndefined();
    expect(flowOf(first.items[0])).toBeUndefined();
  });

  test("writes between pages neither repeat nor skip the items already ahead of the cursor", async () => {
    const space = "sp_moving";
    await setup.api.ok("spaces", { items: [{ space }] });
    await setup.api.ok("instances", {
      items: Array.from({ length: 20 }, (_, index) => ({ ...pump(`m${String(index).padStart(2, "0")}`), space })),
    });
    const request = {
      filter: { equals: { property: ["node", "space"], value: space } },
      sort: [{ property: ["node", "externalId"] }],
      limit: 10,
    };
    const first = await setup.api.ok("instances/list", request);
    // One item sorts before the cursor, one after it; only the later one can appear on the next page.
    await setup.api.ok("instances", {
      items: [
        { ...pump("m00a"), space },
        { ...pump("m15a"), space },
      ],
    });
    const second = await setup.api.ok("instances/list", { ...request, cursor: first.nextCursor });
    expect(ids(first.items)).toEqual(Array.from({ length: 10 }, (_, index) => `m0${index}`));
    expect(ids(second.items)).toEqual(["m10", "m11", "m12", "m13", "m14", "m15", "m15a", "m16", "m17", "m18"]);
  });

  test("unsorted lists page in creation order with stable cursors", async () => {
    const filter = { equals: { property: ["node", "space"], value: "sp_paging" } };
    const page1 = await setup.api.ok("instances/list", { filter, limit: 40 });
    const again = await setup.api.ok("instances/list", { filter, limit: 40 });
    expect(again.nextCursor).toBe(page1.nextCursor);
    const page2 = await setup.api.ok("instances/list", { filter, limit: 40, cursor: page1.nextCursor });
    const page3 = await setup.api.ok("instances/list", { filter, limit: 40, cursor: page2.nextCursor });
    expect([...ids(page1.items), ...ids(page2.items), ...ids(page3.items)]).toEqual(Array.from({ length: 95 }, (_, index) => `s${index}`));
    expect(page3.nextCursor).toBeUndefined();
  });
});
