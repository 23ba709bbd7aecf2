import { describe, expect, test } from "bun:test";
import {
  clientConfig,
  HttpClient,
  InstancesClient,
  type RawInstance,
  Token,
  ViewAPI,
  type ViewMeta,
} from "../../../templates/typescript/runtime/index.ts";
import { type Call, fakeFetch, fakeTiming, json, type Reply } from "./fake-fetch.ts";

const view = (externalId: string) => ({ space: "sp", externalId, version: "1" });
const FLOW: ViewMeta = { view: view("Flow"), properties: { rate: { identifier: "rate", type: "float64" } }, edges: {} };
const VALVE: ViewMeta = { view: view("Valve"), properties: { name: { identifier: "name", type: "text" } }, edges: {} };
const PERSON: ViewMeta = { view: view("Person"), properties: { name: { identifier: "name", type: "text" } }, edges: {} };
const PUMP: ViewMeta = {
  view: view("Pump"),
  properties: { name: { identifier: "name", type: "text" }, valve: { identifier: "valve", type: "direct", target: () => VALVE } },
  edges: {
    feeds: {
      identifier: "feeds",
      edgeType: { space: "sp", externalId: "feeds" },
      direction: "outwards",
      target: () => VALVE,
      edgeView: () => FLOW,
      list: true,
    },
    owner: { identifier: "owner", edgeType: { space: "sp", externalId: "owns" }, direction: "inwards", target: () => PERSON },
  },
};
const ASSET: ViewMeta = {
  view: view("Asset"),
  properties: { name: { identifier: "name", type: "text" } },
  edges: {},
  children: () => [PUMP],
};

const times = { version: 1, createdTime: 0, lastUpdatedTime: 0 };
const node = (externalId: string, source: string, properties: Record<string, unknown>): RawInstance => ({
  instanceType: "node",
  space: "sp",
  externalId,
  ...times,
  properties: { sp: { [`${source}/1`]: properties } },
});
const edge = (externalId: string, start: string, end: string, properties?: Record<string, unknown>): RawInstance => ({
  instanceType: "edge",
  space: "sp",
  externalId,
  ...times,
  startNode: { space: "sp", externalId: start },
  endNode: { space: "sp", externalId: end },
  ...(properties ? { properties: { sp: { "Flow/1": properties } } } : {}),
});

function api(meta: ViewMeta, replies: Reply[]) {
  const fake = fakeFetch(replies);
  const config = clientConfig({ baseUrl: "http://h", project: "p", credentials: new Token("t"), retry: { maxRetries: 0 } });
  const instances = new InstancesClient(new HttpClient(config, { fetch: fake.fetch, timing: fakeTiming() }));
  return { api: new ViewAPI<Record<string, unknown>>(instances, meta, "sp"), calls: fake.calls };
}

const body = (call: Call | undefined) => JSON.parse(call?.body ?? "{}");
const pump = node("p1", "Pump", { name: "P1", valve: { space: "sp", externalId: "v2" } });
/** The query's answer: p1 feeds v1 (rate 2.5) and is owned by ann; set names as connections.ts makes them. */
const answer = (full: boolean) =>
  json({
    items: {
      root: [pump],
      e0: [edge("f1", "p1", "v1", { rate: 2.5 })],
      e1: [edge("o1", "ann", "p1")],
      ...(full ? { n0: [node("v1", "Valve", { name: "V1" })], n1: [node("ann", "Person", { name: "Ann" })] } : {}),
    },
    nextCursor: {},
  });

describe("retrieveConnections", () => {
  test('"identifier": edge fields hold the ids at their other end, edges with properties as edge objects; one query', async () => {
    const { api: pumps, calls } = api(PUMP, [json({ items: [pump] }), answer(false)]);
    const found = await pumps.retrieve("p1", { retrieveConnections: "identifier" });
    expect(calls.map((call) => call.url.split("/").slice(-2).join("/"))).toEqual(["instances/byids", "instances/query"]);
    const query = body(calls[1]);
    expect(query.with.root.nodes.filter).toEqual({ instanceReferences: [{ space: "sp", externalId: "p1" }] });
    expect(query.with.e0.edges).toMatchObject({
      from: "root",
      direction: "outwards",
      filter: { equals: { property: ["edge", "type"], value: { space: "sp", externalId: "feeds" } } },
    });
    expect(query.with.e1.edges.direction).toBe("inwards");
    expect(query.select.e0).toEqual({ sources: [{ source: { type: "view", ...FLOW.view }, properties: ["*"] }] });
    expect(query.with.n0).toBeUndefined();
    expect(found?.feeds).toMatchObject([{ externalId: "f1", rate: 2.5, endNode: { space: "sp", externalId: "v1" } }]);
    // A single edge field holds one value, reached inwards.
    expect(found?.owner).toEqual({ space: "sp", externalId: "ann" });
    expect(found?.valve).toEqual({ space: "sp", externalId: "v2" });
  });

  test('"full": the nodes themselves, direct relations too (missing ones null), edge objects ending in nodes', async () => {
    const { api: pumps, calls } = api(PUMP, [json({ items: [pump] }), answer(true), json({ items: [] })]);
    const [found] = await pumps.retrieve(["p1"], { retrieveConnections: "full" });
    expect(body(calls[1]).with.n0.nodes).toEqual({ from: "e0" });
    expect(body(calls[2]).items).toEqual([{ instanceType: "node", space: "sp", externalId: "v2" }]);
    expect(found?.feeds).toMatchObject([{ rate: 2.5, endNode: { externalId: "v1", name: "V1" } }]);
    expect(found?.owner).toMatchObject({ externalId: "ann", name: "Ann" });
    expect(found?.valve).toBeNull();
  });

  test('"skip" (the default) sends nothing more and leaves edge fields out', async () => {
    const { api: pumps, calls } = api(PUMP, [json({ items: [pump] })]);
    const found = await pumps.retrieve("p1");
    expect(calls).toHaveLength(1);
    expect(found && "feeds" in found).toBe(false);
  });
});

describe("retrieveConnections on reverse relations", () => {
  const PUMP_VIEW = view("Pump");
  const STATION: ViewMeta = {
    view: view("Station"),
    properties: { name: { identifier: "name", type: "text" } },
    edges: {},
    reverse: {
      pumps: { identifier: "pumps", through: { source: PUMP_VIEW, identifier: "station" }, target: () => PUMP, list: true },
      backups: {
        identifier: "backups",
        through: { source: PUMP_VIEW, identifier: "backupFor", list: true },
        target: () => PUMP,
        list: true,
      },
      main: { identifier: "main", through: { source: PUMP_VIEW, identifier: "mainOf" }, target: () => PUMP },
    },
  };
  const ref = (externalId: string) => ({ space: "sp", externalId });
  const stations = [node("s1", "Station", { name: "S1" }), node("s2", "Station", { name: "S2" })];
  // p1 and p2 sit at s1 and p1 is its main pump; p3 backs up s1 (named twice) and s2.
  const p1 = node("p1", "Pump", { name: "P1", station: ref("s1"), mainOf: ref("s1") });
  const p2 = node("p2", "Pump", { name: "P2", station: ref("s1") });
  const p3 = node("p3", "Pump", { name: "P3", backupFor: [ref("s1"), ref("s2"), ref("s1")] });
  const replies = () => [
    json({ items: stations }),
    json({ items: { root: stations, reverse: [p1, p2] }, nextCursor: {} }),
    json({ items: { reverse: [p3] }, nextCursor: {} }),
    json({ items: { root: stations, reverse: [p1] }, nextCursor: {} }),
  ];

  test('"full": a single relation is followed inwards, a list is filtered with containsAny; the nodes read', async () => {
    const { api: reads, calls } = api(STATION, replies());
    const [s1, s2] = await reads.retrieve(["s1", "s2"], { retrieveConnections: "full" });
    expect(calls.map((call) => call.url.split("/").at(-1))).toEqual(["byids", "query", "query", "query"]);
    const inwards = body(calls[1]);
    expect(inwards.with.root.nodes.filter).toEqual({ instanceReferences: [ref("s1"), ref("s2")] });
    expect(inwards.with.reverse.nodes).toMatchObject({
      from: "root",
      direction: "inwards",
      through: { source: { type: "view", ...PUMP_VIEW }, identifier: "station" },
    });
    expect(inwards.select.reverse).toEqual({ sources: [{ source: { type: "view", ...PUMP_VIEW }, properties: ["*"] }] });
    const seeded = body(calls[2]);
    expect(Object.keys(seeded.with)).toEqual(["reverse"]);
    expect(seeded.with.reverse.nodes.filter.and).toContainEqual({
      containsAny: { property: ["sp", "Pump/1", "backupFor"], values: [ref("s1"), ref("s2")] },
    });
    expect(s1?.pumps).toMatchObject([
      { externalId: "p1", name: "P1" },
      { externalId: "p2", name: "P2" },
    ]);
    expect(s2?.pumps).toEqual([]);
    // Named twice by p3's list, s1 still has it once.
    expect(s1?.backups).toMatchObject([{ externalId: "p3", name: "P3" }]);
    expect(s2?.backups).toMatchObject([{ externalId: "p3" }]);
    expect(s1?.main).toMatchObject({ externalId: "p1", name: "P1" });
    expect(s2?.main).toBeNull();
  });

  test('"identifier": the NodeIds of the nodes whose relation points here', async () => {
    const { api: reads } = api(STATION, replies());
    const [s1] = await reads.retrieve(["s1", "s2"], { retrieveConnections: "identifier" });
    expect(s1?.pumps).toEqual([ref("p1"), ref("p2")]);
    expect(s1?.backups).toEqual([ref("p3")]);
    expect(s1?.main).toEqual(ref("p1"));
  });
});

describe("asChildClass", () => {
  test("each node is read again through the most specific view it has data in; is() tells them apart", async () => {
    const assets = [node("p1", "Asset", { name: "P1" }), node("a1", "Asset", { name: "A1" })];
    const { api: assetApi, calls } = api(ASSET, [json({ items: assets }), json({ items: [pump] })]);
    const items = await assetApi.list({ asChildClass: true });
    expect(body(calls[1])).toMatchObject({ items: [{ externalId: "p1" }, { externalId: "a1" }], sources: [{ source: PUMP.view }] });
    expect(items.map((item) => [item.externalId, item.valve])).toEqual([
      ["p1", { space: "sp", externalId: "v2" }],
      ["a1", undefined],
    ]);
    const pumps = api(PUMP, []).api;
    expect(items.map((item) => [pumps.is(item), assetApi.is(item)])).toEqual([
      [true, true],
      [false, true],
    ]);
    expect(calls).toHaveLength(2); // Pump has no views below it to ask
  });
});
