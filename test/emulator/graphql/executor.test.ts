/** The GraphQL endpoint over HTTP, on the bundled example model with a few plants, generators and edges. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { parseJson, stringifyJson } from "../../../src/data-formats.ts";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/server.ts";
import { Api, type ApiResponse } from "../harness.ts";

const MODEL = "pygen_example";
const SPACE = "gql";
const view = (externalId: string) => ({ type: "view", space: MODEL, externalId, version: "1" });
const node = (externalId: string) => ({ space: SPACE, externalId });

let emulator: RunningEmulator;
let api: Api;

beforeAll(async () => {
  emulator = await startEmulator({ project: "gql", modelFiles: ["examples/hydro-plant.model.yaml"] });
  api = new Api(emulator, "gql");
  await api.ok("spaces", { items: [{ space: SPACE }] });
  const write = (externalId: string, source: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    instanceType: "node",
    space: SPACE,
    externalId,
    ...extra,
    sources: [{ source: view(source), properties }],
  });
  const generatorType = { type: { space: MODEL, externalId: "Generator" } };
  await api.ok("instances", {
    items: [
      write("lake", "Reservoir", { name: "Upper lake", volumeM3: 1.5e9 }),
      ...[1, 2, 3].map((index) =>
        write(`plant:${index}`, "HydroPlant", {
          name: `Plant ${index}`,
          capacityMw: 100 * index,
          reservoir: index === 1 ? node("lake") : null,
          neighbours: index === 1 ? [node("plant:2"), node("plant:3")] : [],
        }),
      ),
      write("gen:a", "Generator", { name: "Gen A", serialNumber: 1, plant: node("plant:1"), ratedPowerKw: 10 }, generatorType),
      write("gen:b", "Generator", { name: "Gen B", serialNumber: 2, plant: node("plant:1"), ratedPowerKw: 20 }, generatorType),
      write("gen:c", "Generator", { name: "Gen C", serialNumber: 3, plant: node("plant:2"), ratedPowerKw: 30 }, generatorType),
      ...["gen:a", "gen:c"].map((generator) => ({
        instanceType: "edge",
        space: SPACE,
        externalId: `plant:1->${generator}`,
        type: { space: MODEL, externalId: "HydroPlant.generators" },
        startNode: node("plant:1"),
        endNode: node(generator),
      })),
    ],
  });
});

afterAll(() => emulator.stop());

async function graphql(
  query: string,
  variables?: Record<string, unknown>,
  model = "HydroPlantModel",
): Promise<Pick<ApiResponse, "status" | "body">> {
  const url = `${emulator.url}/api/v1/projects/gql/userapis/spaces/${MODEL}/datamodels/${model}/versions/1/graphql`;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: stringifyJson({ query, variables }),
  });
  return { status: response.status, body: parseJson(await response.text(), url) };
}

async function data(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await graphql(query, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

async function errors(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await graphql(query, variables);
  expect(status).toBe(200);
  // A request that cannot run has no data key at all (cognite-sdk reads `data` as an object when present).
  expect(body).not.toHaveProperty("data");
  return body.errors.map((error: { message: string }) => error.message);
}

describe("GraphQL list, get by id and search", () => {
  test("list pages with first/after and answers items, edges and pageInfo as selected", async () => {
    const page = await data(
      "query($n: Int) { listHydroPlant(first: $n) { items { __typename externalId name } pageInfo { hasNextPage endCursor } } }",
      {
        n: 2,
      },
    );
    expect(page.listHydroPlant.items).toEqual([
      { __typename: "HydroPlant", externalId: "plant:1", name: "Plant 1" },
      { __typename: "HydroPlant", externalId: "plant:2", name: "Plant 2" },
    ]);
    expect(page.listHydroPlant.pageInfo.hasNextPage).toBe(true);
    const next = await data(`{ listHydroPlant(first: 2, after: "${page.listHydroPlant.pageInfo.endCursor}") {
      edges { node { externalId } } pageInfo { hasNextPage endCursor } } }`);
    expect(next.listHydroPlant).toEqual({
      edges: [{ node: { externalId: "plant:3" } }],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    // A default value stands in for a variable left out; an optional one left out leaves its argument out.
    const defaulted = await data(
      "query($n: Int = 1, $after: String) { listHydroPlant(first: $n, after: $after) { items { externalId } } }",
    );
    expect(defaulted.listHydroPlant.items).toEqual([{ externalId: "plant:1" }]);
  });

  test("filters (property operators, and/or/not, isNull, a direct relation's target) and sort", async () => {
    const names = async (filter: string, sort = "") =>
      (await data(`{ listHydroPlant(filter: ${filter}${sort}) { items { name } } }`)).listHydroPlant.items.map(
        (item: { name: string }) => item.name,
      );
    expect(await names("{capacityMw: {gte: 200}}", ", sort: {capacityMw: DESC}")).toEqual(["Plant 3", "Plant 2"]);
    expect(await names('{or: [{name: {eq: "Plant 1"}}, {externalId: {in: ["plant:3"]}}]}')).toEqual(["Plant 1", "Plant 3"]);
    expect(await names('{not: {name: {prefix: "Plant 1"}}}')).toEqual(["Plant 2", "Plant 3"]);
    expect(await names("{reservoir: {isNull: false}}")).toEqual(["Plant 1"]);
    expect(await names('{reservoir: {name: {eq: "Upper lake"}}}')).toEqual(["Plant 1"]);
    expect(await names(`{reservoir: {eq: {space: "${SPACE}", externalId: "lake"}}}`)).toEqual(["Plant 1"]);
    expect(await names("{and: [{capacityMw: {gt: 100}}, {capacityMw: {lt: 300}}]}")).toEqual(["Plant 2"]);
  });

  test("get by id answers the node in items, or no items when it is not of the type", async () => {
    const query = "query One($id: _HydroPlantId!) { getHydroPlantById(instance: $id) { items { externalId capacityMw createdTime } } }";
    const found = await data(query, { id: node("plant:2") });
    expect(found.getHydroPlantById.items).toHaveLength(1);
    expect(found.getHydroPlantById.items[0].capacityMw).toBe(200);
    expect(found.getHydroPlantById.items[0].createdTime).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect((await data(query, { id: node("gen:a") })).getHydroPlantById.items).toEqual([]);
  });

  test("search ranks by text and honours its filter", async () => {
    const found = await data('{ searchGenerator(query: "gen b", first: 2, filter: {ratedPowerKw: {gte: 20}}) { items { name } } }');
    expect(found.searchGenerator.items.map((item: { name: string }) => item.name)).toEqual(["Gen B", "Gen C"]);
  });
});

describe("GraphQL relations", () => {
  test("a direct relation reads the target through its view; a list of them is a list", async () => {
    const plant = await data(`{ getHydroPlantById(instance: {space: "${SPACE}", externalId: "plant:1"}) {
      items { reservoir { __typename name volumeM3 } neighbours { externalId } } } }`);
    expect(plant.getHydroPlantById.items[0]).toEqual({
      reservoir: { __typename: "Reservoir", name: "Upper lake", volumeM3: 1.5e9 },
      neighbours: [{ externalId: "plant:2" }, { externalId: "plant:3" }],
    });
  });

  test("edges and reverse direct relations are connections; single ones are objects", async () => {
    const plant = await data(`{ listHydroPlant(first: 1) { items {
      generators { items { externalId } }
      units(first: 1) { items { name } pageInfo { hasNextPage } }
      allUnits: units(filter: {ratedPowerKw: {gt: 10}}) { edges { node { name } } }
      operator { name }
    } } }`);
    expect(plant.listHydroPlant.items[0]).toEqual({
      generators: { items: [{ externalId: "gen:a" }, { externalId: "gen:c" }] },
      units: { items: [{ name: "Gen A" }], pageInfo: { hasNextPage: true } },
      allUnits: { edges: [{ node: { name: "Gen B" } }] },
      operator: null,
    });
    const lake = await data(`{ listReservoir { items { plant { externalId } } } }`);
    expect(lake.listReservoir.items).toEqual([{ plant: { externalId: "plant:1" } }]);
  });

  test("fragments: inline on the view or an interface it implements, and named", async () => {
    const found =
      await data(`{ listHydroPlant(first: 1) { items { ...Named ... on HydroPlant { capacityMw } ... on Reservoir { volumeM3 } } } }
      fragment Named on Asset { name }`);
    expect(found.listHydroPlant.items).toEqual([{ name: "Plant 1", capacityMw: 100 }]);
  });
});

describe("GraphQL errors", () => {
  test("unknown fields, arguments, types and variables are located errors without data", async () => {
    expect(await errors("{ listPump { items { name } } }")).toEqual(['Field "listPump" is not defined on type "Query".']);
    expect(await errors("{ listInspectionResult { items { score } } }")).toEqual([
      'Field "listInspectionResult" is not defined on type "Query".',
    ]);
    expect(await errors("{ listHydroPlant { items { colour } } }")).toEqual(['Field "colour" is not defined on type "HydroPlant".']);
    expect(await errors('{ searchHydroPlant(query: "x", sort: {name: ASC}) { items { name } } }')).toEqual([
      'Unknown argument "sort" on field "searchHydroPlant".',
    ]);
    expect(await errors("{ listHydroPlant(limit: 3) { items { name } } }")).toEqual([
      'Unknown argument "limit" on field "listHydroPlant".',
    ]);
    expect(await errors("{ listHydroPlant { items { ... on Pump { name } } } }")).toEqual(['Unknown type "Pump".']);
    expect(await errors("{ listHydroPlant { items { reservoir } } }")).toEqual(['Field "reservoir" must have a selection of subfields.']);
    expect(await errors("query($n: Int!) { listHydroPlant(first: $n) { items { name } } }")).toEqual([
      'Variable "$n" of required type "Int!" was not provided.',
    ]);
    expect(await errors('{ listHydroPlant(filter: {name: {like: "P%"}}) { items { name } } }')).toEqual([
      'Filter operator "like" on "name" is not supported by the emulator.',
    ]);
    expect(await errors("mutation { upsertHydroPlant { space } }")).toEqual(["mutation operations are not supported by the emulator."]);
    const { body } = await graphql("{ listHydroPlant { items { name }");
    expect(body.errors).toEqual([{ message: "Syntax Error: Expected Name, found <EOF>.", locations: [{ line: 1, column: 34 }] }]);
  });

  test("an unknown data model is a GraphQL error; a body without a query is a 400", async () => {
    const { body } = await graphql("{ listHydroPlant { items { name } } }", undefined, "Nope");
    expect(body.errors[0].message).toBe("Data model pygen_example:Nope/1 does not exist.");
    const response = await fetch(
      `${emulator.url}/api/v1/projects/gql/userapis/spaces/${MODEL}/datamodels/HydroPlantModel/versions/1/graphql`,
      {
        method: "POST",
        body: "{}",
      },
    );
    expect(response.status).toBe(400);
  });
});
