/**
 * pygen's own CDF client against the emulator, end to end: client-credentials tokens from the emulator's token
 * endpoint, gzip bodies, retries through injected 429/503 faults, and int64 values surviving the round trip.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { ClientCredentials } from "../../src/client/auth.ts";
import { PygenClient } from "../../src/client/pygen-client.ts";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.ts";
import { describeShared, sharedModelPath } from "../support/shared-models.ts";

const fastRetry = { maxRetries: 8, initialDelayMs: 1, maxDelayMs: 5 };

describeShared("the CDF client against the emulator", () => {
  let emulator: RunningEmulator;
  let client: PygenClient;

  beforeAll(async () => {
    emulator = await startEmulator({
      project: "omni",
      modelFiles: [sharedModelPath("Omni")],
      clientId: "ci",
      clientSecret: "ci-secret",
      faults: { rate: 0.2, statuses: [429, 503], seed: 42 },
    });
    const credentials = new ClientCredentials({
      tokenUrl: emulator.tokenUrl as string,
      clientId: "ci",
      clientSecret: "ci-secret",
      scopes: [`${emulator.url}/.default`],
      retry: fastRetry,
    });
    client = new PygenClient({ baseUrl: emulator.url, project: "omni", credentials, retry: fastRetry, gzipMinBytes: 1 });
  });

  afterAll(async () => {
    client.close();
    await emulator.stop();
  });

  test("reads the seeded Omni model, writes and reads back instances through faults", async () => {
    const model = await client.dataModels.retrieve({ space: "sp_pygen_models", externalId: "Omni", version: "1" });
    expect(model.views.length).toBeGreaterThan(10);
    await client.spaces.apply([{ space: "sp_client" }]);
    const view = { type: "view", space: "sp_pygen_models", externalId: "PrimitiveNullable", version: "1" } as const;
    const written = await client.instances.upsert(
      Array.from({ length: 30 }, (_, index) => ({
        instanceType: "node" as const,
        space: "sp_client",
        externalId: `node-${index}`,
        sources: [{ source: view, properties: { text: `node ${index}`, int64: 9_007_199_254_740_993n + BigInt(index) } }],
      })),
    );
    expect(written).toHaveLength(30);
    const listed = [];
    for await (const node of client.instances.list({
      sources: [view],
      pageSize: 7,
      filter: { equals: { property: ["node", "space"], value: "sp_client" } },
    })) {
      listed.push(node);
    }
    expect(listed).toHaveLength(30);
    const first = await client.instances.retrieve({ instanceType: "node", space: "sp_client", externalId: "node-0" }, [view]);
    expect(first.properties?.sp_pygen_models?.["PrimitiveNullable/1"]?.int64).toBe(9_007_199_254_740_993n);
  });
});
