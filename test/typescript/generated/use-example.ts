// A TypeScript user of the SDK pygen generates for the bundled example (examples/hydro-plant.model.yaml): type-checked
// under tsc --strict (nodenext and bundler) and run by Bun against the emulator. It prints one JSON line of what it saw.
import {
  type Asset,
  equals,
  type GeneratorWrite,
  HYDRO_PLANT_META,
  type HydroPlant,
  HydroPlantModelClient,
  type HydroPlantWrite,
  type InspectorWrite,
  OAuthClientCredentials,
} from "hydro-plant-model";
import { emulatorOptions, tag } from "./e2e-env.js";

const client = new HydroPlantModelClient(emulatorOptions((options) => new OAuthClientCredentials(options)));

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
// select(): two hops (plant → generators → their inspections, edges with properties), the last step's nodes, and
// reverse relations.
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
// Connections followed one level: ids, then the nodes; edges with properties as edge objects.
const withIds = await client.hydroPlant.retrieve(`plant-${tag}`, { retrieveConnections: "identifier" });
const withNodes = await client.hydroPlant.retrieve(`plant-${tag}`, { retrieveConnections: "full" });
const inspectedIds = await client.generator.retrieve([`generator-${tag}-1`], { retrieveConnections: "identifier" });
const inspected = await client.generator.list({
  filters: { externalIdPrefix: `generator-${tag}` },
  sort: { field: "name" },
  retrieveConnections: "full",
});
const selected = await client.generator
  .select()
  .filter(equals(["node", "externalId"], `generator-${tag}-1`))
  .through("inspections")
  .listRoot();
// Read through Asset, each node as its most specific view.
const assets = await client.asset.list({
  filters: { externalId: [`plant-${tag}`, `generator-${tag}-2`, `reservoir-${tag}`] },
  asChildClass: true,
  limit: -1,
});
const kindOf = (asset: Asset) =>
  client.generator.is(asset)
    ? `generator:${asset.serialNumber}`
    : client.hydroPlant.is(asset)
      ? `plant:${asset.status}`
      : client.reservoir.is(asset)
        ? "reservoir"
        : "asset";
const firstEdge = inspected[0]?.inspections?.[0];
const idEdge = inspectedIds[0]?.inspections?.[0];
const selectedEdge = selected[0]?.inspections?.[0];

const deleted = await client.delete(plant, { recursive: true, meta: HYDRO_PLANT_META });
const after = await client.hydroPlant.retrieve(`plant-${tag}`);

// Never called: each line must fail to type-check, which proves the SDK's types are real, not `any`.
export function typeErrors(plain: HydroPlant<"skip">): void {
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
  // @ts-expect-error the reached generators are Generator objects, not NodeIds, and an inspector's name is a string.
  const inspectorName: number | undefined = twoHops[0]?.generators[0]?.inspections[0]?.endNode.name;
  void inspectorName;
  // @ts-expect-error a followed single connection is the object or null, not a list.
  void reservoirs[0]?.plant?.length;
  // @ts-expect-error int32 values are numbers.
  const count: string = read?.unitCount ?? "";
  void count;
  // @ts-expect-error with "identifier", edge fields hold ids, which have no name.
  void withIds?.generators[0]?.name;
  // @ts-expect-error read without retrieveConnections, edge fields are left out.
  void plain.generators.length;
  // @ts-expect-error read without retrieveConnections, reverse relations are left out too.
  void plain.units.length;
  // @ts-expect-error with "identifier", direct relations are ids.
  void withIds?.reservoir?.name;
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
        .map((generator) => [generator.externalId, generator.inspections.map((inspection) => inspection.endNode.name)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ]),
    inspectorsReached: inspectorsReached.map((one) => one.externalId),
    operator: operators.map((one) => [one.externalId, one.operator?.name ?? null]),
    units: units.map((one) => [one.externalId, one.units.map((unit) => unit.externalId)]),
    reservoirPlant: reservoirs.map((one) => [one.externalId, one.plant?.name ?? null]),
    deletedEdges: deleted.filter((item) => item.instanceType === "edge").length,
    deletedNodes: deleted.filter((item) => item.instanceType === "node").length,
    gone: after === undefined,
    idGenerators: withIds?.generators.map((one) => one.externalId).sort(),
    idOperator: withIds?.operator?.externalId,
    idReservoir: withIds?.reservoir?.externalId,
    fullGenerators: withNodes?.generators.map((one) => one.name).sort(),
    fullOperator: withNodes?.operator?.name,
    fullReservoir: withNodes?.reservoir?.name,
    idUnits: withIds?.units.map((one) => one.externalId),
    fullUnits: withNodes?.units.map((one) => one.name),
    edgeScore: firstEdge?.score,
    edgePassed: firstEdge?.passed,
    edgeEnd: firstEdge?.endNode.name,
    idEdgeEnd: idEdge?.endNode.externalId,
    idEdgeScore: idEdge?.score,
    noInspections: inspected[1]?.inspections,
    selectedEdge: selectedEdge ? [selectedEdge.score, selectedEdge.externalId, selectedEdge.endNode.name] : null,
    assets: assets.map(kindOf).sort(),
  }),
);
