/**
 * select()'s queries as the server sees them: a reverse relation through a single direct relation is one query
 * (the relation followed inwards), one through a list of them (which CDF cannot follow inwards) is a second query
 * per 100 nodes reached, seeded with their ids, and list() stops asking once its last step is full. An edge with
 * properties is selected through its edge view and comes back as an edge object around the node reached.
 */
import { describe, expect, test } from "bun:test";
import {
  clientConfig,
  HttpClient,
  InstancesClient,
  NodeQuery,
  type RawInstance,
  Token,
  type ViewMeta,
} from "../../../templates/typescript/runtime/index.ts";
import { type Call, fakeFetch, fakeTiming, json } from "./fake-fetch.ts";

const STATION = { space: "sp", externalId: "Station", version: "1" };
const PUMP = { space: "sp", externalId: "Pump", version: "1" };

function metas(throughList: boolean): ViewMeta {
  const pump: ViewMeta = {
    view: PUMP,
    properties: { station: { identifier: "station", type: "direct", list: throughList, target: () => station } },
    edges: {},
  };
  const station: ViewMeta = {
    view: STATION,
    properties: {},
    edges: {},
    reverse: {
      pumps: { identifier: "pumps", through: { source: PUMP, identifier: "station", list: throughList }, target: () => pump, list: true },
    },
  };
  return station;
}

const raw = (view: typeof PUMP, externalId: string, properties: Record<string, unknown> = {}): RawInstance => ({
  instanceType: "node",
  space: "sp",
  externalId,
  version: 1,
  createdTime: 0,
  lastUpdatedTime: 0,
  properties: { sp: { [`${view.externalId}/1`]: properties } },
});

/** A query client whose fake server answers each query body with `answer`. */
function query(answer: (body: { with: Record<string, Record<string, unknown>> }) => Partial<Record<string, RawInstance[]>>) {
  const reply = (call: Call) => json({ items: answer(JSON.parse(call.body ?? "{}")), nextCursor: {} });
  const fake = fakeFetch(Array.from({ length: 20 }, () => reply));
  const config = clientConfig({ baseUrl: "http://h", project: "p", credentials: new Token("t"), retry: { maxRetries: 0 } });
  const client = new InstancesClient(new HttpClient(config, { fetch: fake.fetch, timing: fakeTiming() }));
  return { client, bodies: () => fake.calls.map((call) => JSON.parse(call.body ?? "{}")) };
}

describe("select() and reverse relations", () => {
  test("through a single direct relation: one query following it inwards", async () => {
    const { client, bodies } = query(() => ({
      root: [raw(STATION, "st1")],
      s1: [raw(PUMP, "p1", { station: { space: "sp", externalId: "st1" } })],
    }));
    const [station] = await new NodeQuery(client, metas(false), "sp").through("pumps").listRoot();
    expect(((station?.pumps ?? []) as { externalId: string }[]).map((pump) => pump.externalId)).toEqual(["p1"]);
    expect(bodies()).toHaveLength(1);
    expect(bodies()[0]?.with.s1?.nodes).toMatchObject({
      from: "root",
      through: { source: { type: "view", ...PUMP }, identifier: "station" },
      direction: "inwards",
    });
  });

  test("through a list of direct relations: seeded queries of 100 ids each, attached by the list's values", async () => {
    const stations = Array.from({ length: 250 }, (_, index) => raw(STATION, `st${index}`));
    const { client, bodies } = query((body) => {
      if (body.with.root) return { root: stations };
      const seeded = JSON.stringify(body.with.s1);
      // One pump per chunk, pointing at the first station of that chunk and at st0 (the first chunk's twice).
      const first = /"values":\[\{"space":"sp","externalId":"(st\d+)"/.exec(seeded)?.[1] ?? "";
      const refs = [first, "st0"].map((externalId) => ({ space: "sp", externalId }));
      return { s1: [raw(PUMP, `pump-of-${first}`, { station: refs })] };
    });
    const found = await new NodeQuery(client, metas(true), "sp").through("pumps").listRoot({ limit: -1 });
    type Seeded = { filter: { and: { containsAny?: { values: unknown[] } }[] } } | undefined;
    const seeds = bodies()
      .slice(1)
      .map((body) => (body.with.s1?.nodes as Seeded)?.filter.and[1]?.containsAny?.values.length);
    expect(seeds).toEqual([100, 100, 50]);
    const pumpsOf = (externalId: string) =>
      ((found.find((station) => station.externalId === externalId)?.pumps as { externalId: string }[]) ?? []).map(
        (pump) => pump.externalId,
      );
    expect(pumpsOf("st0")).toEqual(["pump-of-st0", "pump-of-st100", "pump-of-st200"]);
    expect(pumpsOf("st100")).toEqual(["pump-of-st100"]);
    expect(pumpsOf("st1")).toEqual([]);
  });

  test("list() stops seeding once the last step holds its limit", async () => {
    const stations = Array.from({ length: 250 }, (_, index) => raw(STATION, `st${index}`));
    let pumps = 0;
    const { client, bodies } = query((body) =>
      body.with.root ? { root: stations } : { s1: [raw(PUMP, `p${pumps++}`, { station: [{ space: "sp", externalId: "st0" }] })] },
    );
    const found = await new NodeQuery(client, metas(true), "sp").through("pumps").list({ limit: 1 });
    expect(found.map((pump) => pump.externalId)).toEqual(["p0"]);
    expect(bodies()).toHaveLength(2);
  });
});

describe("select() and edges with properties", () => {
  const INSPECTION = { space: "sp", externalId: "Inspection", version: "1" };
  const inspection: ViewMeta = { view: INSPECTION, properties: { score: { identifier: "score", type: "float64" } }, edges: {} };
  const pump: ViewMeta = { view: PUMP, properties: { name: { identifier: "name", type: "text" } }, edges: {} };
  const station: ViewMeta = {
    view: STATION,
    properties: {},
    edges: {
      pumps: {
        identifier: "pumps",
        edgeType: { space: "sp", externalId: "inspected" },
        direction: "outwards",
        target: () => pump,
        edgeView: () => inspection,
        list: true,
      },
    },
  };
  const edge: RawInstance = {
    instanceType: "edge",
    space: "sp",
    externalId: "e1",
    version: 1,
    createdTime: 0,
    lastUpdatedTime: 0,
    startNode: { space: "sp", externalId: "st1" },
    endNode: { space: "sp", externalId: "p1" },
    properties: { sp: { "Inspection/1": { score: 0.5 } } },
  };

  test("the edge set selects the edge view's properties; listRoot holds edge objects ending in the nodes reached", async () => {
    const { client, bodies } = query(() => ({
      root: [raw(STATION, "st1")],
      s1_edges: [edge],
      s1: [raw(PUMP, "p1", { name: "P1" })],
    }));
    const [found] = await new NodeQuery(client, station, "sp").through("pumps").listRoot();
    expect(bodies()[0]?.select).toMatchObject({ s1_edges: { sources: [{ source: { type: "view", ...INSPECTION }, properties: ["*"] }] } });
    expect(found?.pumps).toMatchObject([{ externalId: "e1", score: 0.5, endNode: { externalId: "p1", name: "P1" } }]);
    // list() gives the nodes of the last step, not their edges.
    const [reached] = await new NodeQuery(client, station, "sp").through("pumps").list();
    expect(reached).toMatchObject({ externalId: "p1", name: "P1" });
  });
});
