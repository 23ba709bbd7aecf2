// The SDK pygen generates for the bundled example (examples/hydro-plant.model.yaml) end to end against the emulator,
// as its users write it: type-checked under tsc --strict (nodenext and bundler), then run step by step by
// example-e2e.test.mjs under Node's test runner (tsc's output) and under `bun test` (this source). It uses no test
// framework: each step gets a `check` to report with. Every id carries the run's tag, so runs share one emulator.
import {
  type Generator,
  type GeneratorWrite,
  HYDRO_PLANT_META,
  type HydroPlant,
  HydroPlantModelClient,
  type HydroPlantWrite,
  type InspectorWrite,
  OAuthClientCredentials,
  type ReservoirWrite,
} from "hydro-plant-model";

export type Check = (actual: unknown, expected: unknown, what: string) => void;

export interface Connection {
  url: string;
  project: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

const BIG = 2n ** 60n; // beyond 2^53: BIG and BIG + 1n are one and the same double
const COMMISSIONED = new Date(Date.UTC(2019, 5, 1, 8, 30, 15, 123));
const ALARM = new Date(1700000000123);
const BULK = 10_000;

/** What the steps share: the client, the run's tag and the graph written first. */
export class ExampleRun {
  readonly client: HydroPlantModelClient;
  readonly plantA: HydroPlantWrite;
  readonly plantB: HydroPlantWrite;
  readonly spare: GeneratorWrite;

  constructor(
    connection: Connection,
    readonly tag: string,
  ) {
    const credentials = new OAuthClientCredentials({
      tokenUrl: connection.tokenUrl,
      clientId: connection.clientId,
      clientSecret: connection.clientSecret,
      scopes: [`${connection.url}/.default`],
    });
    this.client = new HydroPlantModelClient({ baseUrl: connection.url, project: connection.project, credentials });
    const inspector: InspectorWrite = { externalId: this.id("inspector"), name: "Ida", certifiedUntil: "2027-01-31" };
    const g1: GeneratorWrite = {
      externalId: this.id("generator-1"),
      name: "G1",
      serialNumber: BIG + 1n,
      ratedPowerKw: 50,
      alarms: [ALARM],
      counters: [BIG + 3n, -5n],
      plant: this.id("plant-a"),
      inspections: [{ endNode: inspector, score: 0.5, passed: true }],
    };
    const g2: GeneratorWrite = { externalId: this.id("generator-2"), name: "G2", serialNumber: 2n, ratedPowerKw: 20 };
    // Its serial differs from G1's by one: only exact int64 handling tells them apart.
    this.spare = { externalId: this.id("generator-3"), name: "G3 spare", serialNumber: BIG };
    this.plantA = {
      externalId: this.id("plant-a"),
      name: "Plant A",
      status: "operating",
      capacityMw: 120.5,
      unitCount: 3,
      commissionedAt: COMMISSIONED,
      lastInspectedOn: "2024-01-31",
      isOperational: true,
      settings: { mode: "auto", levels: [1, 2], nested: { on: true } },
      reservoir: { externalId: this.id("reservoir"), name: "Lake Mjøsa", volumeM3: 1e6 },
      generators: [g1, g2],
      operator: inspector,
    };
    // Nulls and defaults: no capacity, no description, unitCount and isOperational left to the container.
    this.plantB = {
      externalId: this.id("plant-b"),
      name: "Plant B",
      status: "maintenance",
      capacityMw: null,
      commissionedAt: new Date(COMMISSIONED.getTime() + 1),
      lastInspectedOn: new Date(Date.UTC(2023, 5, 30)),
      reservoir: null,
    };
  }

  id(name: string): string {
    return `${this.tag}-${name}`;
  }

  ids(items: readonly { externalId: string }[]): string[] {
    return items.map((item) => item.externalId).sort();
  }
}

type Step = (run: ExampleRun, check: Check) => Promise<void>;

/** The steps, in order; each leaves what the next ones read. */
export const STEPS: [string, Step][] = [
  [
    "upsert writes a connected graph once: nodes, edges, edges with properties, direct relations",
    async (run, check) => {
      const written = await run.client.hydroPlant.upsert([run.plantA, run.plantB]);
      // Nodes: two plants, reservoir, inspector, two generators; edges: two generators, operator, inspection.
      check(written.filter((item) => item.instanceType === "node").length, 6, "nodes written");
      check(written.filter((item) => item.instanceType === "edge").length, 4, "edges written");
      check((await run.client.generator.upsert(run.spare)).length, 1, "a single object upserts too");
    },
  ],
  [
    "retrieve one, many and missing, every property kind read back exactly",
    async (run, check) => {
      const a = (await run.client.hydroPlant.retrieve(run.id("plant-a"))) as HydroPlant;
      check(
        {
          name: a.name,
          status: a.status,
          capacityMw: a.capacityMw,
          unitCount: a.unitCount,
          commissionedAt: a.commissionedAt?.toISOString(),
          lastInspectedOn: a.lastInspectedOn,
          isOperational: a.isOperational,
          settings: a.settings,
          reservoir: a.reservoir,
          description: a.description,
        },
        {
          name: "Plant A",
          status: "operating",
          capacityMw: 120.5,
          unitCount: 3,
          commissionedAt: "2019-06-01T08:30:15.123Z",
          lastInspectedOn: "2024-01-31",
          isOperational: true,
          settings: { mode: "auto", levels: [1, 2], nested: { on: true } },
          reservoir: { space: "pygen_example", externalId: run.id("reservoir") },
          description: null,
        },
        "plant A as written",
      );
      const b = (await run.client.hydroPlant.retrieve({ space: "pygen_example", externalId: run.id("plant-b") })) as HydroPlant;
      check(
        [b.capacityMw, b.reservoir, b.unitCount, b.isOperational, b.lastInspectedOn],
        [null, null, 1, true, "2023-06-30"],
        "plant B: nulls, container defaults, a Date written as its UTC day",
      );
      const g1 = (await run.client.generator.retrieve(run.id("generator-1"))) as Generator;
      check(g1.serialNumber, BIG + 1n, "int64 beyond 2^53 round-trips exactly");
      check(g1.counters, [BIG + 3n, -5n], "int64 lists round-trip exactly");
      check(g1.alarms?.[0]?.getTime(), ALARM.getTime(), "timestamps round-trip to the millisecond");
      check(g1.plant, { space: "pygen_example", externalId: run.id("plant-a") }, "a direct relation reads as a NodeId");
      const many = await run.client.generator.retrieve([run.id("generator-2"), "no-such-generator", run.id("generator-1")]);
      check(run.ids(many), [run.id("generator-1"), run.id("generator-2")], "retrieving many leaves the missing one out");
      check(await run.client.generator.retrieve("no-such-generator"), undefined, "retrieving one missing id gives undefined");
    },
  ],
  [
    "list with every filter kind: prefix, equality, in, ranges on int32, float, int64, timestamp and date, enum, boolean, direct relation",
    async (run, check) => {
      const plants = async (filters: Parameters<typeof run.client.hydroPlant.list>[0]) =>
        run.ids(await run.client.hydroPlant.list({ ...filters, filters: { externalIdPrefix: run.tag, ...filters?.filters } }));
      const [a, b] = [run.id("plant-a"), run.id("plant-b")];
      check(await plants({ filters: { namePrefix: "Plant A" } }), [a], "prefix");
      check(await plants({ filters: { name: "Plant B" } }), [b], "equality");
      check(await plants({ filters: { name: ["Plant A", "Plant B", "Plant C"] } }), [a, b], "in");
      check(await plants({ filters: { externalId: [a, "nothing"] } }), [a], "externalId in");
      check(await plants({ filters: { minUnitCount: 2, maxUnitCount: 3 } }), [a], "int32 range");
      // B has no capacity: a range leaves nulls out.
      check(await plants({ filters: { minCapacityMw: 0 } }), [a], "float range leaves nulls out");
      check(await plants({ filters: { maxCapacityMw: 120.4 } }), [], "float range, upper bound");
      check(
        await plants({ filters: { minCommissionedAt: COMMISSIONED, maxCommissionedAt: COMMISSIONED } }),
        [a],
        "timestamp range, to the millisecond",
      );
      check(
        await plants({ filters: { minCommissionedAt: new Date(COMMISSIONED.getTime() + 1) } }),
        [b],
        "timestamp range, one millisecond later",
      );
      check(await plants({ filters: { maxLastInspectedOn: "2023-12-31" } }), [b], "date range as YYYY-MM-DD");
      check(await plants({ filters: { minLastInspectedOn: new Date(Date.UTC(2024, 0, 1)) } }), [a], "date range as a Date");
      check(await plants({ filters: { status: "maintenance" } }), [b], "enum");
      check(await plants({ filters: { status: ["operating", "decommissioned"] } }), [a], "enum in");
      check(await plants({ filters: { isOperational: true } }), [a, b], "boolean (B took the default)");
      check(await plants({ filters: { isOperational: false } }), [], "boolean, none");
      check(await plants({ filters: { reservoir: run.id("reservoir") } }), [a], "direct relation by external id");
      check(
        await plants({ filters: { reservoir: [{ space: "pygen_example", externalId: run.id("reservoir") }] } }),
        [a],
        "direct relation in, by NodeId",
      );
      const generators = async (filters: Parameters<typeof run.client.generator.list>[0]) =>
        run.ids(await run.client.generator.list({ ...filters, filters: { externalIdPrefix: run.tag, ...filters?.filters } }));
      check(
        await generators({ filters: { minSerialNumber: BIG + 1n, maxSerialNumber: BIG + 1n } }),
        [run.id("generator-1")],
        "int64 range, exact beyond 2^53",
      );
      check(await generators({ filters: { maxSerialNumber: BIG } }), [run.id("generator-2"), run.id("generator-3")], "int64 upper bound");
      check(await generators({ filters: { plant: run.id("plant-a") } }), [run.id("generator-1")], "direct relation to a typed view");
      const sorted = await run.client.hydroPlant.list({
        filters: { externalIdPrefix: run.tag },
        sort: { field: "capacityMw", direction: "descending", nullsFirst: true },
      });
      check(
        sorted.map((plant) => plant.externalId),
        [b, a],
        "sorted descending with nulls first",
      );
      check((await run.client.hydroPlant.list({ filters: { externalIdPrefix: run.tag }, limit: 1 })).length, 1, "limit");
    },
  ],
  [
    "search, aggregate and histogram",
    async (run, check) => {
      const found = await run.client.reservoir.search("Mjøsa", { filters: { externalIdPrefix: run.tag } });
      check(run.ids(found), [run.id("reservoir")], "search finds by text");
      const filters = { externalIdPrefix: run.tag };
      check((await run.client.generator.aggregate("count", undefined, { filters }))[0]?.value, 3, "count");
      check((await run.client.generator.aggregate("sum", "ratedPowerKw", { filters }))[0]?.value, 70, "sum");
      check((await run.client.hydroPlant.aggregate("max", "unitCount", { filters }))[0]?.value, 3, "max");
      const byStatus = await run.client.hydroPlant.aggregate("count", undefined, { filters, groupBy: ["status"] });
      check(
        byStatus.map((group) => [group.group.status, group.value]).sort(),
        [
          ["maintenance", 1],
          ["operating", 1],
        ],
        "count grouped by an enum",
      );
      check(
        await run.client.generator.histogram("ratedPowerKw", 25, { filters }),
        [
          { start: 0, count: 1 },
          { start: 50, count: 1 },
        ],
        "histogram buckets (G3 has no rating)",
      );
    },
  ],
  [
    "select() across two hops: edges then edges with properties, and two direct relations",
    async (run, check) => {
      // select() is typed by the path taken: listRoot() gives the plants with what was followed filled in; an edge
      // with properties (inspections) holds the inspector as its endNode.
      const plants = await run.client.hydroPlant
        .select()
        .where({ name: "Plant A" })
        .through("generators")
        .through("inspections")
        .listRoot();
      check(
        plants.map((plant) => [
          plant.externalId,
          plant.generators.map((generator) => [generator.name, generator.inspections.map((inspection) => inspection.endNode.name)]).sort(),
        ]),
        [
          [
            run.id("plant-a"),
            [
              ["G1", ["Ida"]],
              ["G2", []],
            ],
          ],
        ],
        "plant → generators → inspectors",
      );
      const generators = await run.client.generator.select().where({ name: "G1" }).through("plant").through("reservoir").listRoot();
      const plant = generators[0]?.plant;
      check([generators.length, plant?.name, plant?.reservoir?.name], [1, "Plant A", "Lake Mjøsa"], "generator → plant → reservoir");
    },
  ],
  [
    "iterate 10k nodes page by page, stop, and resume from the cursor",
    async (run, check) => {
      const bulk: ReservoirWrite[] = Array.from({ length: BULK }, (_, index) => ({
        externalId: run.id(`bulk-${String(index).padStart(5, "0")}`),
        name: `bulk ${index}`,
        volumeM3: index,
      }));
      check((await run.client.reservoir.upsert(bulk)).length, BULK, "10k nodes written in chunks");
      const filters = { externalIdPrefix: run.id("bulk-") };
      const seen = new Set<string>();
      let cursor: string | undefined;
      let pages = 0;
      for await (const page of run.client.reservoir.iterate({ filters, chunkSize: 1000 })) {
        for (const item of page.items) seen.add(item.externalId);
        cursor = page.cursor;
        if (++pages === 3) break;
      }
      check([seen.size, typeof cursor], [3000, "string"], "three pages, then a cursor");
      for await (const page of run.client.reservoir.iterate({ filters, chunkSize: 1000, ...(cursor ? { cursor } : {}) })) {
        for (const item of page.items) seen.add(item.externalId);
        pages++;
      }
      check([seen.size, pages], [BULK, 10], "resuming reads the rest, none twice or lost");
      check((await run.client.delete(bulk.map((item) => item.externalId))).length, BULK, "10k nodes deleted in chunks");
    },
  ],
  [
    "delete: the graph recursively, the rest by reference; nothing left",
    async (run, check) => {
      const deleted = await run.client.delete(run.plantA, { recursive: true, meta: HYDRO_PLANT_META });
      check(
        [deleted.filter((item) => item.instanceType === "node").length, deleted.filter((item) => item.instanceType === "edge").length],
        [5, 4],
        "plant A with its reservoir, inspector, generators and their edges",
      );
      check((await run.client.delete([run.plantB.externalId, run.spare.externalId])).length, 2, "by external id");
      check(await run.client.hydroPlant.retrieve(run.id("plant-a")), undefined, "plant A is gone");
      const left = [
        ...(await run.client.asset.list({ filters: { externalIdPrefix: run.tag }, limit: -1 })),
        ...(await run.client.inspector.list({ filters: { externalIdPrefix: run.tag }, limit: -1 })),
      ];
      check(left, [], "nothing of the run is left");
    },
  ],
];
