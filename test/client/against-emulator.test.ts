/**
 * The CDF client end to end against the emulator, on the bundled example model: every resource method, paging,
 * instance operations, the query builder, and reliability — injected 429/503 faults, expiring tokens, refused
 * tokens — with all debug logging captured and checked for secrets.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { ClientCredentials, TokenAuth } from "../../src/client/auth.ts";
import { collect } from "../../src/client/paging.ts";
import { PygenClient } from "../../src/client/pygen-client.ts";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.ts";
import { AuthenticationError, ResourceNotFoundError } from "../../src/errors.ts";
import { rejected } from "../support/failures.ts";

const EXAMPLE_MODEL = join(import.meta.dir, "..", "..", "examples", "hydro-plant.model.yaml");
const SPACE = "pygen_example";
const INSTANCES = "client_test";
const GENERATOR = { type: "view", space: SPACE, externalId: "Generator", version: "1" } as const;
const fastRetry = { maxRetries: 12, initialDelayMs: 1, maxDelayMs: 20 };
const TOKEN = "emulator-token-value";

const generator = (index: number) => ({
  instanceType: "node" as const,
  space: INSTANCES,
  externalId: `gen-${index}`,
  type: { space: SPACE, externalId: "Generator" },
  sources: [
    {
      source: GENERATOR,
      properties: {
        name: `Generator ${index}`,
        serialNumber: 9_007_199_254_740_993n + BigInt(index),
        ratedPowerKw: index % 50,
        inService: [index % 2 === 0],
      },
    },
  ],
});

describe("resources and instances", () => {
  let emulator: RunningEmulator;
  let client: PygenClient;

  beforeAll(async () => {
    emulator = await startEmulator({ project: "demo", modelFiles: [EXAMPLE_MODEL], token: TOKEN });
    client = new PygenClient({ baseUrl: emulator.url, project: "demo", credentials: new TokenAuth(TOKEN), retry: fastRetry });
    await client.spaces.apply([{ space: INSTANCES }]);
  });
  afterAll(async () => {
    await client[Symbol.asyncDispose]();
    await emulator.stop();
  });

  test("spaces: apply, list across pages, retrieve one and many, delete", async () => {
    await client.spaces.apply(Array.from({ length: 5 }, (_, index) => ({ space: `extra_${index}`, name: `Extra ${index}` })));
    const listed = await collect(client.spaces.list({ pageSize: 2 }));
    expect(listed.map((space) => space.space)).toEqual(expect.arrayContaining([SPACE, INSTANCES, "extra_0", "extra_4"]));
    expect(await collect(client.spaces.list({ limit: 3, pageSize: 2 }))).toHaveLength(3);
    expect((await client.spaces.retrieve({ space: "extra_1" })).name).toBe("Extra 1");
    expect((await client.spaces.retrieve([{ space: "extra_2" }, { space: "missing" }])).map((space) => space.space)).toEqual(["extra_2"]);
    const missing = await rejected(client.spaces.retrieve({ space: "missing" }), ResourceNotFoundError);
    expect(missing.message).toBe("space missing does not exist");
    expect(await client.spaces.delete(Array.from({ length: 5 }, (_, index) => ({ space: `extra_${index}` })))).toHaveLength(5);
  });

  test("containers, views and data models of the seeded example", async () => {
    const containers = await collect(client.containers.list({ space: SPACE }));
    expect(containers.map((container) => container.externalId).sort()).toEqual([
      "Asset",
      "Generator",
      "HydroPlant",
      "InspectionResult",
      "Inspector",
      "Reservoir",
    ]);
    const views = await client.views.retrieve([{ space: SPACE, externalId: "Generator", version: "1" }]);
    expect(Object.keys(views[0]?.properties ?? {})).toContain("serialNumber");
    const model = await client.dataModels.retrieve({ space: SPACE, externalId: "HydroPlantModel", version: "1" });
    expect(model.views.map((view) => view.externalId)).toContain("Reservoir");
    expect(await collect(client.dataModels.list({ space: SPACE }))).toHaveLength(1);
    await rejected(client.views.retrieve({ space: SPACE, externalId: "Nope", version: "1" }), ResourceNotFoundError);
  });

  test("a container and view can be created and deleted", async () => {
    const [container] = await client.containers.apply([
      { space: INSTANCES, externalId: "Tag", properties: { label: { type: { type: "text" }, nullable: false } } },
    ]);
    expect(container?.properties.label?.nullable).toBe(false);
    await client.views.apply([
      {
        space: INSTANCES,
        externalId: "Tag",
        version: "1",
        properties: {
          label: { container: { type: "container", space: INSTANCES, externalId: "Tag" }, containerPropertyIdentifier: "label" },
        },
      },
    ]);
    expect(await client.views.delete([{ space: INSTANCES, externalId: "Tag", version: "1" }])).toEqual([
      { space: INSTANCES, externalId: "Tag", version: "1" },
    ]);
    expect(await client.containers.delete([{ space: INSTANCES, externalId: "Tag" }])).toEqual([{ space: INSTANCES, externalId: "Tag" }]);
  });

  test("instances: upsert in chunks, list across pages, retrieve, search, aggregate, delete", async () => {
    const written = await client.instances.upsert(Array.from({ length: 2500 }, (_, index) => generator(index)));
    expect(written).toHaveLength(2500);
    expect(written[2499]?.externalId).toBe("gen-2499");

    const listed = await collect(
      client.instances.list({ sources: [GENERATOR], pageSize: 400, filter: { equals: { property: ["node", "space"], value: INSTANCES } } }),
    );
    expect(new Set(listed.map((node) => node.externalId)).size).toBe(2500);

    const one = await client.instances.retrieve({ instanceType: "node", space: INSTANCES, externalId: "gen-7" }, [GENERATOR]);
    expect(one.properties?.[SPACE]?.["Generator/1"]?.serialNumber).toBe(9_007_199_254_741_000n);
    expect(
      await client.instances.retrieve([
        { instanceType: "node", space: INSTANCES, externalId: "gen-1" },
        { instanceType: "node", space: INSTANCES, externalId: "nope" },
      ]),
    ).toHaveLength(1);
    await rejected(client.instances.retrieve({ instanceType: "node", space: INSTANCES, externalId: "nope" }), ResourceNotFoundError);

    const found = await client.instances.search({ view: GENERATOR, query: "Generator 1234", operator: "AND", limit: 5 });
    expect(found.map((node) => node.externalId)).toContain("gen-1234");

    const aggregate = await client.instances.aggregate({
      view: GENERATOR,
      aggregates: [{ count: {} }, { max: { property: "ratedPowerKw" } }],
    });
    expect(aggregate.items[0]?.aggregates.map((value) => value.value)).toEqual([2500, 49]);

    const deleted = await client.instances.delete(
      Array.from({ length: 1200 }, (_, index) => ({ instanceType: "node" as const, space: INSTANCES, externalId: `gen-${index}` })),
    );
    expect(deleted).toHaveLength(1200);
  });

  test("query and sync pages", async () => {
    const request = {
      with: { gens: { nodes: { filter: { hasData: [GENERATOR] } }, limit: 500 } },
      select: { gens: { sources: [{ source: GENERATOR, properties: ["name"] }] } },
    };
    const page = await client.instances.query(request);
    expect(page.items.gens).toHaveLength(500);
    expect(page.nextCursor?.gens).toBeString();
    const sync = await client.instances.sync({ ...request, with: { gens: { nodes: { filter: { hasData: [GENERATOR] } }, limit: 100 } } });
    expect(sync.items.gens?.length).toBeGreaterThan(0);
  });

  test("the query builder pages lazily and counts", async () => {
    const query = client
      .queryBuilder(SPACE, "Generator/1")
      .where("ratedPowerKw", { gte: 40 })
      .select("name", "ratedPowerKw")
      .sort("-ratedPowerKw", "name");
    const expected = await query.count();
    expect(expected).toBe(1300 / 5);
    const items = await collect(query.execute(37));
    expect(items).toHaveLength(expected);
    const powers = items.map((node) => Number(node.properties?.[SPACE]?.["Generator/1"]?.ratedPowerKw));
    expect(powers).toEqual([...powers].sort((a, b) => b - a));
    expect(Object.keys(items[0]?.properties?.[SPACE]?.["Generator/1"] ?? {}).sort()).toEqual(["name", "ratedPowerKw"]);
    expect(await collect(client.queryBuilder(SPACE, "Generator/1").limit(10).execute(3))).toHaveLength(10);
  });

  test("a refused token is an AuthenticationError", async () => {
    const wrong = new PygenClient({ baseUrl: emulator.url, project: "demo", credentials: new TokenAuth("not-the-token") });
    const error = await rejected(collect(wrong.spaces.list()), AuthenticationError);
    expect(error.message).not.toContain("not-the-token");
  });
});

describe("reliability", () => {
  const CLIENT_SECRET = "emulator-client-secret";
  let emulator: RunningEmulator;
  const logs: string[] = [];
  const logger = { debug: (line: string) => logs.push(line) };

  beforeAll(async () => {
    emulator = await startEmulator({
      project: "demo",
      modelFiles: [EXAMPLE_MODEL],
      clientId: "pygen-ci",
      clientSecret: CLIENT_SECRET,
      tokenTtlSeconds: 1,
      faults: { rate: 0.3, statuses: [429, 503], seed: 7 },
    });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  const connect = () =>
    new PygenClient({
      baseUrl: emulator.url,
      project: "demo",
      credentials: new ClientCredentials({
        tokenUrl: emulator.tokenUrl as string,
        clientId: "pygen-ci",
        clientSecret: CLIENT_SECRET,
        scopes: ["demo"],
        leewaySeconds: 0,
        retry: fastRetry,
        logger,
      }),
      retry: fastRetry,
      logger,
    });

  test("a 5000-node upsert through 30 % injected 429/503 ends with exactly 5000 nodes", async () => {
    const client = connect();
    await client.spaces.apply([{ space: INSTANCES }]);
    const written = await client.instances.upsert(Array.from({ length: 5000 }, (_, index) => generator(index)));
    expect(written).toHaveLength(5000);
    const counted = await client.queryBuilder(SPACE, "Generator/1").count();
    expect(counted).toBe(5000);
    expect(logs.some((line) => / (429|503) .*retries=\d+$/.test(line))).toBe(true);
  });

  test("tokens that expire mid-run are refreshed transparently", async () => {
    const client = connect();
    const started = Date.now();
    let reads = 0;
    while (Date.now() - started < 2500) {
      await collect(client.spaces.list());
      reads += 1;
      await Bun.sleep(100);
    }
    expect(reads).toBeGreaterThan(10);
    expect(logs.filter((line) => line.includes("/oauth2/token 200")).length).toBeGreaterThanOrEqual(3);
  });

  test("no debug line and no error message holds a secret or a token", async () => {
    const client = connect();
    await rejected(client.spaces.retrieve({ space: "does_not_exist" }));
    const tokens = [CLIENT_SECRET, "Bearer ", "access_token"];
    expect(logs.length).toBeGreaterThan(20);
    for (const secret of tokens) expect(logs.join("\n")).not.toContain(secret);
  });
});
