/**
 * The client under faults: an emulator (its own process) answers 30 % of requests with 429 or 503, and 10 000
 * nodes are applied and read back through the client with its default retry policy. Every node must be there
 * afterwards with what was written, none listed twice, and no call may fail. The time it took is printed (a
 * figure, not an assertion beyond the test's timeout).
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { TokenAuth } from "../../src/client/auth.ts";
import { collect } from "../../src/client/paging.ts";
import { PygenClient } from "../../src/client/pygen-client.ts";
import { type EmulatorProcess, spawnEmulator } from "../support/emulator-process.ts";

const TOKEN = "fault-test-token";
const SPACE = "faulty";
const NODES = 10_000;
const BATCH = 100;
const GENERATOR = { type: "view", space: "pygen_example", externalId: "Generator", version: "1" } as const;

let emulator: EmulatorProcess;
beforeAll(async () => {
  emulator = await spawnEmulator([
    "--token",
    TOKEN,
    "--model",
    "examples/hydro-plant.model.yaml",
    "--project",
    "faults",
    "--fault-rate",
    "0.3",
    "--seed",
    "15",
  ]);
});
afterAll(() => emulator.stop());

test(
  `${NODES} nodes applied with 30 % of requests answered 429/503: all present, none twice`,
  async () => {
    const statuses = new Map<number, number>();
    const logger = {
      debug: (line: string) => {
        const status = Number(/^\S+ \S+ (\d{3}) /.exec(line)?.[1]);
        if (status) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      },
    };
    const client = new PygenClient({ baseUrl: emulator.url, project: "faults", credentials: new TokenAuth(TOKEN), logger });
    const started = performance.now();
    await client.spaces.apply([{ space: SPACE }]);
    // Many small upserts at once, so the faults fall on a hundred requests that share the client's pool.
    const batches = Array.from({ length: NODES / BATCH }, (_, batch) =>
      Array.from({ length: BATCH }, (_, offset) => {
        const index = batch * BATCH + offset;
        return {
          instanceType: "node" as const,
          space: SPACE,
          externalId: `node-${index}`,
          // The Generator view only lists nodes of its type.
          type: { space: GENERATOR.space, externalId: "Generator" },
          sources: [{ source: GENERATOR, properties: { name: `Node ${index}`, serialNumber: index, ratedPowerKw: index % 50 } }],
        };
      }),
    );
    const written = (await Promise.all(batches.map((batch) => client.instances.upsert(batch)))).flat();
    const applied = performance.now() - started;

    const listed = await collect(
      client.instances.list({ sources: [GENERATOR], filter: { equals: { property: ["node", "space"], value: SPACE } } }),
    );
    const total = performance.now() - started;

    expect(written).toHaveLength(NODES);
    const ids = listed.map((node) => node.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(NODES);
    for (const node of listed) {
      const index = Number(node.externalId.slice("node-".length));
      expect(node.properties?.pygen_example?.["Generator/1"]).toMatchObject({ name: `Node ${index}`, serialNumber: index });
    }
    const faults = (statuses.get(429) ?? 0) + (statuses.get(503) ?? 0);
    const responses = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    // Faults were really injected and retried (about 30 % of the responses).
    expect(faults / responses).toBeGreaterThan(0.15);
    console.log(
      `faults: ${NODES} nodes in ${BATCH}-node upserts + a paged listing: ${responses} responses, ${faults} of them 429/503 ` +
        `(${((faults / responses) * 100).toFixed(0)} %); applied in ${(applied / 1000).toFixed(1)} s, read back in ${((total - applied) / 1000).toFixed(1)} s`,
    );
  },
  { timeout: 120_000 },
);
