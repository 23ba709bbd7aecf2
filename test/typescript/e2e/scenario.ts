/**
 * The runtime end to end against an emulator seeded with ./model.ts. It runs twice: from the TypeScript sources
 * under Bun (runtime-emulator.test.ts) and from the compiled JavaScript under `node --test`
 * (runtime-node.test.ts), so it uses only the runtime and the `check` function it is given, no test framework.
 */
import type * as Runtime from "../../../templates/typescript/runtime/index.ts";

export type Check = (actual: unknown, expected: unknown, what: string) => void;

export interface Connection {
  url: string;
  project: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

const SPACE = "sp_test";
const STATION_VIEW = { space: SPACE, externalId: "Station", version: "1" };
const PUMP_VIEW = { space: SPACE, externalId: "Pump", version: "1" };
const BIG_SERIAL = 2n ** 60n + 1n;
const BULK = 10_000;

/** What a generator would emit for the model's two views. */
export function viewMetas(): { station: Runtime.ViewMeta; pump: Runtime.ViewMeta } {
  const station: Runtime.ViewMeta = {
    view: STATION_VIEW,
    properties: { name: { identifier: "name", type: "text" } },
    edges: {
      pumps: {
        identifier: "pumps",
        edgeType: { space: SPACE, externalId: "type_Pump" },
        direction: "outwards",
        target: () => pump,
        list: true,
      },
    },
    reverse: {
      pumpsOnSite: { identifier: "pumpsOnSite", through: { source: PUMP_VIEW, identifier: "station" }, target: () => pump, list: true },
      backups: {
        identifier: "backups",
        through: { source: PUMP_VIEW, identifier: "backupFor", list: true },
        target: () => pump,
        list: true,
      },
    },
  };
  const pump: Runtime.ViewMeta = {
    view: PUMP_VIEW,
    properties: {
      name: { identifier: "name", type: "text" },
      flowRate: { identifier: "flowRate", type: "float64" },
      serial: { identifier: "serial", type: "int64" },
      installed: { identifier: "installed", type: "timestamp" },
      serviced: { identifier: "serviced", type: "date" },
      station: { identifier: "station", type: "direct", target: () => station },
      backupFor: { identifier: "backupFor", type: "direct", list: true, target: () => station },
    },
    edges: {},
  };
  return { station, pump };
}

interface Pump {
  externalId: string;
  name: string;
  flowRate: number | null;
  serial: bigint | null;
  installed: Date | null;
  serviced: string | null;
  station: { space: string; externalId: string } | null;
}

interface Station {
  externalId: string;
  name: string;
  pumps?: Pump[];
  pumpsOnSite?: Pump[];
  backups?: Pump[];
}

/** What a generator would declare for select(): each view's read type, filters and the connections it follows. */
interface Schema {
  Station: {
    read: Station;
    filters: { namePrefix?: string };
    hops: { pumps: { to: "Pump"; list: true }; pumpsOnSite: { to: "Pump"; list: true }; backups: { to: "Pump"; list: true } };
  };
  Pump: { read: Pump; filters: { namePrefix?: string; minFlowRate?: number }; hops: { station: { to: "Station"; list: false } } };
}

export async function runScenario(rt: typeof Runtime, connection: Connection, check: Check): Promise<void> {
  const credentials = new rt.OAuthClientCredentials({
    tokenUrl: connection.tokenUrl,
    clientId: connection.clientId,
    clientSecret: connection.clientSecret,
    scopes: [`${connection.url}/.default`],
  });
  const client = new rt.CDFClient(
    { baseUrl: connection.url, project: connection.project, credentials, retry: { initialWaitMs: 5, maxWaitMs: 50 } },
    {
      space: SPACE,
      model: { space: SPACE, externalId: "TestModel", version: "1" },
    },
  );
  const metas = viewMetas();
  const pumps = new rt.ViewAPI<Pump, Record<string, unknown>, string, Runtime.Select<Schema, "Pump">>(client.instances, metas.pump, SPACE);
  const stations = new rt.ViewAPI<Station, Record<string, unknown>, string, Runtime.Select<Schema, "Station">>(
    client.instances,
    metas.station,
    SPACE,
  );
  const installed = new Date(Date.UTC(2024, 4, 1, 12, 30, 0, 123));

  // Upsert a connected graph: a station holding two pumps (edges), one pump pointing back (direct relation) at the
  // same station object, and the same pump object listed twice: every instance is written once.
  const station: Record<string, unknown> & { externalId: string } = { externalId: "st1", name: "Station one" };
  const p1 = { externalId: "p1", name: "Pump one", flowRate: 1.5, serial: BIG_SERIAL, installed, serviced: "2024-02-29", station };
  const p2 = { externalId: "p2", name: "Pump two", flowRate: 7.25, serial: 5n, station: "st1", backupFor: ["st1"] };
  station.pumps = [p1, p2, p1];
  const written = await client.upsert(station, metas.station);
  check(
    written.map((item) => `${item.instanceType}:${item.externalId}`).sort(),
    ["edge:st1:p1", "edge:st1:p2", "node:p1", "node:p2", "node:st1"],
    "the graph's nodes and edges, each once, with {start}:{end} edge ids",
  );

  // Retrieve, with a missing id left out; int64 beyond 2^53 and the timestamp come back exact.
  const found = await pumps.retrieve(["p1", "missing", { space: SPACE, externalId: "p2" }]);
  check(
    found.map((pump) => pump.externalId),
    ["p1", "p2"],
    "retrieve leaves missing ids out",
  );
  check(await pumps.retrieve("missing"), undefined, "retrieving one missing id gives undefined");
  const one = (await pumps.retrieve("p1")) as Pump;
  check(one.serial, BIG_SERIAL, "int64 beyond 2^53 round-trips exactly");
  check(one.installed?.getTime(), installed.getTime(), "timestamps round-trip to the millisecond");
  check(one.serviced, "2024-02-29", "dates round-trip as YYYY-MM-DD");
  check(one.station, { space: SPACE, externalId: "st1" }, "the direct relation points at the station");

  // List with typed filters, a raw filter and sorting.
  const fast = await pumps.list({ filters: { minFlowRate: 2 } });
  check(
    fast.map((pump) => pump.externalId),
    ["p2"],
    "minFlowRate filters by range",
  );
  const byName = await pumps.list({ filters: { namePrefix: "Pump" }, sort: { field: "flowRate", direction: "descending" } });
  check(
    byName.map((pump) => pump.externalId),
    ["p2", "p1"],
    "prefix filter and descending sort",
  );
  const bySerial = await pumps.list({ filter: rt.equals(rt.viewPropertyRef(PUMP_VIEW, "serial"), BIG_SERIAL) });
  check(
    bySerial.map((pump) => pump.externalId),
    ["p1"],
    "a bigint filter value is sent exactly",
  );

  // Traversal: stations with their pumps.
  const withPumps = await stations.select().through("pumps").listRoot();
  check(
    withPumps.map((item) => [item.externalId, item.pumps.map((pump) => pump.externalId).sort()]),
    [["st1", ["p1", "p2"]]],
    "select().through follows the edges",
  );

  const pumpWithStation = await pumps
    .select()
    .filter(rt.equals(rt.viewPropertyRef(PUMP_VIEW, "name"), "Pump one"))
    .through("station")
    .listRoot();
  check(
    pumpWithStation.map((item) => [item.externalId, item.station?.name]),
    [["p1", "Station one"]],
    "select().filter().through follows a direct relation",
  );
  const stationsOfPumps = await pumps.select().where({ namePrefix: "Pump" }).through("station").list();
  check(
    stationsOfPumps.map((item) => item.externalId),
    ["st1"],
    "list() returns the last step's nodes, each once",
  );

  // Reverse relations: through a single direct relation in one query; through a list of them (which CDF cannot
  // follow inwards) seeded from the stations found; and on to a third step from there.
  const onSite = await stations.select().through("pumpsOnSite").where({ minFlowRate: 2 }).listRoot();
  check(
    onSite.map((item) => [item.externalId, item.pumpsOnSite.map((pump) => pump.externalId)]),
    [["st1", ["p2"]]],
    "select() follows a reverse relation through a direct relation, with the step's filter",
  );
  const backups = await stations.select().through("backups").through("station").listRoot();
  check(
    backups.map((item) => [item.externalId, item.backups.map((pump) => [pump.externalId, pump.station?.name])]),
    [["st1", [["p2", "Station one"]]]],
    "select() follows a reverse relation through a list of direct relations, and a hop beyond it",
  );
  check(
    (await stations.select().through("backups").list()).map((item) => item.externalId),
    ["p2"],
    "list() after a reverse relation through a list",
  );
  let refused = "";
  try {
    // @ts-expect-error name is not a connection: the typed step refuses it, and so does the runtime.
    stations.select().through("name");
  } catch (error) {
    refused = (error as Error).message;
  }
  check(
    refused,
    "Station.name is not a connection select() can follow; it follows backups, pumps, pumpsOnSite",
    "an unknown hop is refused",
  );

  // Search, aggregate, histogram.
  const searched = await pumps.search("two");
  check(
    searched.map((pump) => pump.externalId),
    ["p2"],
    "search finds by text",
  );
  check((await pumps.aggregate("count"))[0]?.value, 2, "count");
  check((await pumps.aggregate("max", "flowRate"))[0]?.value, 7.25, "max of a field");
  check(
    await pumps.histogram("flowRate", 5),
    [
      { start: 0, count: 1 },
      { start: 5, count: 1 },
    ],
    "histogram buckets",
  );

  // GraphQL over the same model.
  const data = await client.graphql<{ listPump: { items: { externalId: string }[] } }>(
    'query { listPump(filter: {name: {eq: "Pump two"}}) { items { externalId } } }',
  );
  check(data.listPump.items, [{ externalId: "p2" }], "graphql runs against the data model");

  // 10k nodes in chunks of 1000, then iterated page by page and resumed from a cursor.
  const bulk = Array.from({ length: BULK }, (_, index) => ({
    externalId: `bulk-${String(index).padStart(5, "0")}`,
    name: `bulk ${index}`,
    flowRate: index,
  }));
  const bulkWritten = await client.upsert(bulk, metas.pump);
  check(bulkWritten.length, BULK, "a 10k upsert writes every node");
  const seen = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  for await (const page of pumps.iterate({ filters: { externalIdPrefix: "bulk-" }, chunkSize: 1000 })) {
    for (const pump of page.items) seen.add(pump.externalId);
    cursor = page.cursor;
    if (++pages === 3) break;
  }
  check(seen.size, 3000, "three pages before stopping");
  for await (const page of pumps.iterate({ filters: { externalIdPrefix: "bulk-" }, chunkSize: 1000, ...(cursor ? { cursor } : {}) })) {
    for (const pump of page.items) seen.add(pump.externalId);
  }
  check(seen.size, BULK, "resuming from the cursor reads the rest, none twice or lost");
  check((await pumps.list({ limit: -1, filters: { externalIdPrefix: "bulk-" } })).length, BULK, "limit -1 lists them all");

  // Sync sees what is there.
  const batches = client.instances.sync({
    with: { pumps: { nodes: { filter: rt.hasData([PUMP_VIEW]) }, limit: 1000 } },
    select: { pumps: {} },
  });
  let synced = 0;
  for await (const batch of batches) synced += batch.items.pumps?.length ?? 0;
  check(synced, BULK + 2, "sync reads every pump");

  // Delete: the bulk by reference, the graph recursively (its edges too).
  const deletedBulk = await client.delete(bulk.map((item) => item.externalId));
  check(deletedBulk.length, BULK, "a 10k delete in chunks");
  const deleted = await client.delete(station, { recursive: true, meta: metas.station });
  check(
    deleted.map((item) => `${item.instanceType}:${item.externalId}`).sort(),
    ["edge:st1:p1", "edge:st1:p2", "node:p1", "node:p2", "node:st1"],
    "recursive delete",
  );
  check(await pumps.list({ limit: -1 }), [], "nothing left");
}
