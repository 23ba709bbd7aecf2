// A TypeScript user of the SDK pygen generates for the bundled example (examples/hydro-plant.model.yaml): type-checked
// under tsc --strict (nodenext and bundler) and run by Bun against the emulator. It prints one JSON line of what it saw.
import {
  type GeneratorWrite,
  HYDRO_PLANT_META,
  type HydroPlant,
  HydroPlantModelClient,
  type HydroPlantWrite,
  type InspectorWrite,
  OAuthClientCredentials,
} from "hydro-plant-model";

declare const process: { env: Record<string, string | undefined>; argv: string[] };

const connection = JSON.parse(process.env.PYGEN_E2E_CONNECTION ?? "{}") as {
  url: string;
  project: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
};
const tag = process.argv[2] ?? "ts";
const credentials = new OAuthClientCredentials({
  tokenUrl: connection.tokenUrl,
  clientId: connection.clientId,
  clientSecret: connection.clientSecret,
  scopes: [`${connection.url}/.default`],
});
const client = new HydroPlantModelClient({ baseUrl: connection.url, project: connection.project, credentials });

const big = 2n ** 60n + 1n;
const inspector: InspectorWrite = { externalId: `inspector-${tag}`, name: "Ida", certifiedUntil: "2027-01-31" };
const first: GeneratorWrite = {
  externalId: `generator-${tag}-1`,
  name: "G1",
  serialNumber: big,
  alarms: [new Date(1700000000123)],
  plant: `plant-${tag}`,
  inspections: [{ endNode: inspector, score: 0.5, passed: true }],
};
const second: GeneratorWrite = { externalId: `generator-${tag}-2`, name: "G2", serialNumber: 2n };
const plant: HydroPlantWrite = {
  externalId: `plant-${tag}`,
  name: "Plant",
  status: "operating",
  capacityMw: 120.5,
  lastInspectedOn: new Date(Date.UTC(2024, 0, 31)),
  settings: { mode: "auto", levels: [1, 2] },
  reservoir: { externalId: `reservoir-${tag}`, name: "Lake", volumeM3: 1e6 },
  generators: [first, second],
  operator: inspector,
};
const written = await client.hydroPlant.upsert(plant);

const read: HydroPlant | undefined = await client.hydroPlant.retrieve(`plant-${tag}`);
const generator = await client.generator.retrieve(`generator-${tag}-1`);
const missing = await client.generator.retrieve([`generator-${tag}-1`, "no-such-generator"]);
const bigOnes = await client.generator.list({ filters: { minSerialNumber: 3n, namePrefix: "G" }, sort: { field: "name" } });
const operating = await client.hydroPlant.list({ filters: { status: "operating", externalIdPrefix: `plant-${tag}` } });
let pages = 0;
let iterated = 0;
for await (const page of client.generator.iterate({ chunkSize: 1, filters: { externalIdPrefix: `generator-${tag}` } })) {
  pages++;
  iterated += page.items.length;
}
// select(): two hops (plant → generators → their inspectors), the last step's nodes, and reverse relations.
const mine = { externalIdPrefix: `plant-${tag}` };
const twoHops = await client.hydroPlant
  .select()
  .where(mine)
  .through("generators")
  .where({ namePrefix: "G" })
  .through("inspections")
  .listRoot();
const inspectorsReached = await client.hydroPlant.select().where(mine).through("generators").through("inspections").list();
const operators = await client.hydroPlant.select().where(mine).through("operator").listRoot();
const units = await client.hydroPlant.select().where(mine).through("units").listRoot();
const reservoirs = await client.reservoir
  .select()
  .where({ externalIdPrefix: `reservoir-${tag}` })
  .through("plant")
  .listRoot();
const deleted = await client.delete(plant, { recursive: true, meta: HYDRO_PLANT_META });
const after = await client.hydroPlant.retrieve(`plant-${tag}`);

// Never called: each line must fail to type-check, which proves the SDK's types are real, not `any`.
export function typeErrors(): void {
  // @ts-expect-error int64 filters take bigint.
  void client.generator.list({ filters: { minSerialNumber: 3 } });
  // @ts-expect-error lists cannot be sorted by.
  void client.hydroPlant.list({ sort: { field: "tags" } });
  // @ts-expect-error name is required on write.
  const incomplete: GeneratorWrite = { externalId: "x", serialNumber: 1n };
  void incomplete;
  // @ts-expect-error select()'s first step takes the view's typed filters: colour is none of them.
  void client.generator.select().where({ colour: "red" });
  // @ts-expect-error Generator has no filter named status: a step takes its own view's filters.
  void client.hydroPlant.select().through("generators").where({ status: "operating" });
  // @ts-expect-error HydroPlant has no connection named pumps.
  void client.hydroPlant.select().through("pumps");
  // @ts-expect-error name is a value, not a connection select() follows.
  void client.generator.select().through("name");
  // @ts-expect-error the reached generators are Generator objects, not NodeIds, and an inspection's name is a string.
  const inspectorName: number | undefined = twoHops[0]?.generators[0]?.inspections[0]?.name;
  void inspectorName;
  // @ts-expect-error a followed single connection is the object or null, not a list.
  void reservoirs[0]?.plant?.length;
  // @ts-expect-error int32 values are numbers.
  const count: string = read?.unitCount ?? "";
  void count;
}

const reservoir = read?.reservoir;
console.log(
  JSON.stringify({
    written: written.length,
    name: read?.name,
    status: read?.status,
    lastInspectedOn: read?.lastInspectedOn,
    settings: read?.settings,
    reservoir: reservoir && "externalId" in reservoir ? reservoir.externalId : null,
    serial: String(generator?.serialNumber),
    alarm: generator?.alarms?.[0]?.toISOString(),
    plantOfGenerator: generator?.plant && "externalId" in generator.plant ? generator.plant.externalId : null,
    retrievedOfTwo: missing.length,
    bigOnes: bigOnes.map((item) => item.externalId),
    operating: operating.map((item) => item.externalId),
    pages,
    iterated,
    twoHops: twoHops.map((one) => [
      one.externalId,
      one.generators
        .map((generator) => [generator.externalId, generator.inspections.map((inspector) => inspector.name)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ]),
    inspectorsReached: inspectorsReached.map((one) => one.externalId),
    operator: operators.map((one) => [one.externalId, one.operator?.name ?? null]),
    units: units.map((one) => [one.externalId, one.units.map((unit) => unit.externalId)]),
    reservoirPlant: reservoirs.map((one) => [one.externalId, one.plant?.name ?? null]),
    deletedEdges: deleted.filter((item) => item.instanceType === "edge").length,
    deletedNodes: deleted.filter((item) => item.instanceType === "node").length,
    gone: after === undefined,
  }),
);
