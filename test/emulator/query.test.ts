import { beforeAll, describe, expect, test } from "bun:test";
import { encodeCursor } from "../../src/emulator/paging.ts";
import { applyTestSchema, DATA, FLOW_VIEW, flowEdge, ids, PUMP_VIEW, prop, pump, SPACE, useEmulator } from "./harness.ts";

const setup = useEmulator();
const edgeType = { equals: { property: ["edge", "type"], value: { space: SPACE, externalId: "feeds" } } };
const select = (properties = ["*"]) => ({ sources: [{ source: PUMP_VIEW, properties }] });

beforeAll(async () => {
  await applyTestSchema(setup.api);
  // a -> b -> c -> d (edges), and e, f point at a through the `parent` direct relation.
  await setup.api.ok("instances", {
    items: [
      pump("a", { flow: 1, status: "running" }),
      pump("b", { flow: 2, status: "stopped" }),
      pump("c", { flow: 3, status: "running" }),
      pump("d", { flow: 4, status: "running" }),
      pump("e", { parent: { space: DATA, externalId: "a" }, flow: 5 }),
      pump("f", { parent: { space: DATA, externalId: "a" }, flow: 6 }),
      flowEdge("a", "b", 10),
      flowEdge("b", "c", 20),
      flowEdge("c", "d", 30),
    ],
  });
});

describe("query", () => {
  test("nodes, then edges from them, then the nodes at the other end", async () => {
    const body = await setup.api.ok("instances/query", {
      with: {
        start: { nodes: { filter: { equals: { property: ["node", "externalId"], value: "a" } } }, limit: 10 },
        hops: { edges: { from: "start", direction: "outwards", filter: edgeType, maxDistance: 1 }, limit: 10 },
        next: { nodes: { from: "hops" }, limit: 10 },
      },
      select: { hops: { sources: [{ source: FLOW_VIEW, properties: ["rate"] }] }, next: select(["flow"]) },
    });
    expect(ids(body.items.hops)).toEqual(["a->b"]);
    expect(body.items.hops[0].properties[SPACE]["Flow/v1"]).toEqual({ rate: 10 });
    expect(ids(body.items.next)).toEqual(["b"]);
    expect(body.items.next[0].properties[SPACE]["Pump/v1"]).toEqual({ flow: 2 });
    expect(body.items.start).toBeUndefined();
    expect(body.nextCursor).toEqual({});
  });

  test("edge traversal: maxDistance, terminationFilter, inwards, chainTo source", async () => {
    const fromA = (edges: Record<string, unknown>) =>
      setup.api.ok("instances/query", {
        with: {
          start: { nodes: { filter: { equals: { property: ["node", "externalId"], value: "a" } } } },
          path: { edges: { from: "start", ...edges } },
        },
        select: { path: {} },
      });
    expect(ids((await fromA({ maxDistance: 2 })).items.path).sort()).toEqual(["a->b", "b->c"]);
    expect(ids((await fromA({})).items.path).sort()).toEqual(["a->b", "b->c", "c->d"]);
    const stopAtC = { equals: { property: ["node", "externalId"], value: "c" } };
    expect(ids((await fromA({ terminationFilter: stopAtC })).items.path).sort()).toEqual(["a->b", "b->c"]);
    expect(ids((await fromA({ nodeFilter: { not: stopAtC } })).items.path).sort()).toEqual(["a->b"]);
    const inwards = await setup.api.ok("instances/query", {
      with: {
        end: { nodes: { filter: { equals: { property: ["node", "externalId"], value: "d" } } } },
        back: { edges: { from: "end", direction: "inwards", maxDistance: 1 } },
        before: { nodes: { from: "back", chainTo: "destination" } },
      },
      select: { before: {} },
    });
    expect(ids(inwards.items.before)).toEqual(["c"]);
  });

  test("nodes through a direct relation, outwards and inwards", async () => {
    const body = await setup.api.ok("instances/query", {
      with: {
        kids: { nodes: { filter: { in: { property: ["node", "externalId"], values: ["e", "f"] } } } },
        parents: { nodes: { from: "kids", through: { source: PUMP_VIEW, identifier: "parent" }, direction: "outwards" } },
        children: { nodes: { from: "parents", through: { source: PUMP_VIEW, identifier: "parent" }, direction: "inwards" } },
      },
      select: { parents: {}, children: {} },
    });
    expect(ids(body.items.parents)).toEqual(["a"]);
    expect(ids(body.items.children).sort()).toEqual(["e", "f"]);
  });

  test("traversing a list of direct relations inwards is refused", async () => {
    await setup.api.ok("containers", {
      items: [{ space: SPACE, externalId: "Links", properties: { targets: { type: { type: "direct", list: true } } } }],
    });
    const response = await setup.api.post("instances/query", {
      with: {
        start: { nodes: {} },
        linked: {
          nodes: {
            from: "start",
            through: { source: { type: "container", space: SPACE, externalId: "Links" }, identifier: "targets" },
            direction: "inwards",
          },
        },
      },
      select: { linked: {} },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe("Cannot traverse lists of direct relations inwards.");
  });

  test("per-set sort, limit and cursors page without duplicates; parameters fill filters", async () => {
    const query = (cursors?: Record<string, string>) =>
      setup.api.ok("instances/query", {
        with: {
          pumps: {
            nodes: { filter: { range: { property: prop(PUMP_VIEW, "flow"), gte: { parameter: "minFlow" } } } },
            sort: [{ property: prop(PUMP_VIEW, "flow"), direction: "descending" }],
            limit: 4,
          },
        },
        select: { pumps: select(["flow"]) },
        parameters: { minFlow: 2 },
        cursors,
      });
    const first = await query();
    expect(ids(first.items.pumps)).toEqual(["f", "e", "d", "c"]);
    const second = await query({ pumps: first.nextCursor.pumps });
    expect(ids(second.items.pumps)).toEqual(["b"]);
    expect(second.nextCursor.pumps).toBeUndefined();
    const missing = await setup.api.post("instances/query", {
      with: { pumps: { nodes: { filter: { equals: { property: prop(PUMP_VIEW, "flow"), value: { parameter: "nope" } } } } } },
      select: { pumps: {} },
    });
    expect(missing.body.error.message).toContain("nope");
  });

  test("set operations: union, intersection, except", async () => {
    const running = { nodes: { filter: { equals: { property: prop(PUMP_VIEW, "status"), value: "running" } } } };
    const bigFlow = { nodes: { filter: { range: { property: prop(PUMP_VIEW, "flow"), gte: 3 } } } };
    const body = await setup.api.ok("instances/query", {
      with: {
        running,
        bigFlow,
        either: { union: ["running", "bigFlow"] },
        both: { intersection: ["running", "bigFlow"] },
        onlyRunning: { union: ["running"], except: ["bigFlow"] },
      },
      select: { either: {}, both: {}, onlyRunning: {} },
    });
    expect(ids(body.items.either).sort()).toEqual(["a", "c", "d", "e", "f"]);
    expect(ids(body.items.both).sort()).toEqual(["c", "d"]);
    expect(ids(body.items.onlyRunning)).toEqual(["a"]);
  });

  test("limit inside nodes and select properties left out are CDF's 400s", async () => {
    const limit = await setup.api.post("instances/query", { with: { n: { nodes: { limit: 3 } } }, select: { n: {} } });
    expect(limit.body.error.message).toContain("Unexpected field - with.n.nodes.limit");
    const properties = await setup.api.post("instances/query", {
      with: { n: { nodes: {} } },
      select: { n: { sources: [{ source: PUMP_VIEW }] } },
    });
    expect(properties.status).toBe(400);
  });
});

describe("sync", () => {
  test("returns everything first, then only changes and deletes, always with cursors", async () => {
    const sync = (cursor?: string) =>
      setup.api.ok("instances/sync", {
        with: { pumps: { nodes: { filter: { hasData: [PUMP_VIEW] } }, limit: 100 } },
        select: { pumps: select(["flow"]) },
        cursors: cursor ? { pumps: cursor } : undefined,
      });
    const first = await sync();
    expect(ids(first.items.pumps).sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
    const quiet = await sync(first.nextCursor.pumps);
    expect(quiet.items.pumps).toEqual([]);
    expect(typeof quiet.nextCursor.pumps).toBe("string");
    await setup.api.ok("instances", { items: [pump("b", { flow: 22, status: "stopped" })] });
    await setup.api.ok("instances/delete", { items: [{ instanceType: "node", space: DATA, externalId: "d" }] });
    const changes = await sync(quiet.nextCursor.pumps);
    expect(ids(changes.items.pumps)).toEqual(["b", "d"]);
    expect(changes.items.pumps[1].deletedTime).toBeGreaterThan(0);
    expect(changes.items.pumps[0].properties[SPACE]["Pump/v1"].flow).toBe(22);
  });

  test("cursors older than 3 days are refused unless missed deletes are accepted", async () => {
    const expired = encodeCursor({ after: 0, issued: Date.now() - 3 * 24 * 60 * 60 * 1000 - 1000 });
    const request = { with: { n: { nodes: {} } }, select: { n: {} }, cursors: { n: expired } };
    const refused = await setup.api.post("instances/sync", request);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("expired");
    const accepted = await setup.api.post("instances/sync", { ...request, allowExpiredCursorsAndAcceptMissedDeletes: true });
    expect(accepted.status).toBe(200);
  });

  test("noBackfill starts from now; backfillSort needs twoPhase", async () => {
    const start = await setup.api.ok("instances/sync", { with: { n: { nodes: {}, mode: "noBackfill" } }, select: { n: {} } });
    expect(start.items.n).toEqual([]);
    await setup.api.ok("instances", { items: [pump("late")] });
    const next = await setup.api.ok("instances/sync", {
      with: { n: { nodes: {}, mode: "noBackfill" } },
      select: { n: {} },
      cursors: start.nextCursor,
    });
    expect(ids(next.items.n)).toEqual(["late"]);
    const sorted = await setup.api.post("instances/sync", {
      with: { n: { nodes: {}, backfillSort: [{ property: ["node", "externalId"] }] } },
      select: { n: {} },
    });
    expect(sorted.body.error.message).toBe("Backfill sort can only be used with two-phase sync.");
  });
});

describe("search and aggregate", () => {
  beforeAll(async () => {
    await setup.api.ok("instances", {
      items: [
        {
          ...pump("s1", { flow: 10, status: "running", level: 1 }),
          sources: [{ source: PUMP_VIEW, properties: { name: "Main water pump", flow: 10, status: "running", level: 1 } }],
        },
        {
          ...pump("s2"),
          sources: [{ source: PUMP_VIEW, properties: { name: "Backup water pump", flow: 30, status: "running", level: 2 } }],
        },
        { ...pump("s3"), sources: [{ source: PUMP_VIEW, properties: { name: "Oil pump", flow: 50, status: "stopped", level: 2 } }] },
      ],
    });
  });

  test("search matches word prefixes over text properties with OR by default and AND on request", async () => {
    const search = (query: string, extra: Record<string, unknown> = {}) =>
      setup.api.ok("instances/search", { view: PUMP_VIEW, query, ...extra });
    expect(ids((await search("water")).items).sort()).toEqual(["s1", "s2"]);
    expect(ids((await search("backup oil")).items).sort()).toEqual(["s2", "s3"]);
    expect(ids((await search("backup wat", { operator: "AND" })).items)).toEqual(["s2"]);
    const filtered = await search("pump", {
      filter: { equals: { property: prop(PUMP_VIEW, "status"), value: "stopped" } },
      properties: ["name"],
    });
    expect(ids(filtered.items)).toEqual(["s3"]);
    const unknown = await setup.api.post("instances/search", { view: PUMP_VIEW, query: "x", properties: ["nope"] });
    expect(unknown.body.error.message).toContain("Unknown property");
  });

  test("aggregates over a filtered view: count, avg, min, max, sum, histogram", async () => {
    const body = await setup.api.ok("instances/aggregate", {
      view: PUMP_VIEW,
      filter: { prefix: { property: ["node", "externalId"], value: "s" } },
      aggregates: [
        { count: {} },
        { avg: { property: "flow" } },
        { min: { property: "flow" } },
        { max: { property: "flow" } },
        { sum: { property: "flow" } },
      ],
    });
    expect(body.items[0].aggregates).toEqual([
      { aggregate: "count", value: 3 },
      { aggregate: "avg", property: "flow", value: 30 },
      { aggregate: "min", property: "flow", value: 10 },
      { aggregate: "max", property: "flow", value: 50 },
      { aggregate: "sum", property: "flow", value: 90 },
    ]);
    const histogram = await setup.api.ok("instances/aggregate", {
      view: PUMP_VIEW,
      query: "pump",
      aggregates: [{ histogram: { property: "flow", interval: 25 } }],
    });
    expect(histogram.items[0].aggregates[0]).toEqual({
      aggregate: "histogram",
      property: "flow",
      interval: 25,
      buckets: [
        { start: 0, count: 1 },
        { start: 25, count: 1 },
        { start: 50, count: 1 },
      ],
    });
  });

  test("groupBy returns one item per group", async () => {
    const body = await setup.api.ok("instances/aggregate", {
      view: PUMP_VIEW,
      filter: { prefix: { property: ["node", "externalId"], value: "s" } },
      groupBy: ["status", "level"],
      aggregates: [{ count: {} }],
    });
    const groups = body.items.map((item: { group: Record<string, unknown>; aggregates: { value: number }[] }) => [
      item.group,
      item.aggregates[0]?.value,
    ]);
    expect(groups).toContainEqual([{ status: "running", level: 1 }, 1]);
    expect(groups).toContainEqual([{ status: "running", level: 2 }, 1]);
    expect(groups).toContainEqual([{ status: "stopped", level: 2 }, 1]);
    const text = await setup.api.post("instances/aggregate", { view: PUMP_VIEW, aggregates: [{ avg: { property: "name" } }] });
    expect(text.status).toBe(400);
  });
});
