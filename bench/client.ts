/**
 * The CDF client's own cost and the figures of seed §10.1, against emulators in their own processes (not a
 * test: it prints tables).
 *
 *   bun run bench/client.ts [--requests 300] [--latency-ms 1,20] [--rate 50]
 *
 * 1. Overhead: the same POST /models/instances/list (limit 100, one view's properties) sent with raw fetch
 *    (+ JSON encode/decode) and through HttpClient (ky, hooks, pool, retry bookkeeping, lossless JSON, response
 *    checks), sequentially and 8 at a time; the paths alternate over rounds and the median round counts. Given
 *    as microseconds per request over raw fetch on loopback, and as a share of the request's time with
 *    --latency-ms of emulated server latency (the emulator's own option). Target: < 2 % at 20 ms.
 * 2. Seed §10.1, at each latency: requests/s of single-node retrievals fired at once through the pool (target
 *    > 100/s), the most requests in flight at once (counted around fetch; target 10+), p50/p95 latency of
 *    single-node retrievals one at a time, and the client process's memory (target < 50 MB).
 * 3. Rate-limit accuracy: requests fired all at once through a client limited to --rate requests/s; the rate
 *    measured between the first and last send. Target within 5 % of the limit.
 */
import { parseArgs } from "node:util";
import { TokenAuth } from "../src/client/auth.ts";
import { HttpClient } from "../src/client/http.ts";
import { PygenClient } from "../src/client/pygen-client.ts";
import { type EmulatorProcess, spawnEmulator } from "../test/support/emulator-process.ts";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "300" },
    "latency-ms": { type: "string", default: "1,20" },
    rate: { type: "string", default: "50" },
  },
});
const REQUESTS = Number(values.requests);
const LATENCIES = [0, ...values["latency-ms"].split(",").map(Number)];
const RATE = Number(values.rate);
const TOKEN = "bench-token";
const PROJECT = "bench";
const VIEW = { type: "view", space: "pygen_example", externalId: "Generator", version: "1" } as const;
const POOL_SIZE = 16;

// Counts requests in flight, and notes when they leave, where they leave the process: every path below ends in
// the global fetch.
let inFlight = 0;
let maxInFlight = 0;
let sendTimes: number[] | undefined;
const nativeFetch = globalThis.fetch;
globalThis.fetch = Object.assign(async (...args: Parameters<typeof fetch>) => {
  sendTimes?.push(performance.now());
  inFlight += 1;
  maxInFlight = Math.max(maxInFlight, inFlight);
  try {
    return await nativeFetch(...args);
  } finally {
    inFlight -= 1;
  }
}, nativeFetch);

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
const percentile = (samples: number[], share: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * share))] ?? Number.NaN;

async function startSeeded(latencyMs: number): Promise<EmulatorProcess> {
  const latency = latencyMs > 0 ? ["--latency-ms", String(latencyMs)] : [];
  const emulator = await spawnEmulator(["--token", TOKEN, "--model", "examples/hydro-plant.model.yaml", "--project", PROJECT, ...latency]);
  const setup = new PygenClient({ baseUrl: emulator.url, project: PROJECT, credentials: new TokenAuth(TOKEN) });
  await setup.spaces.apply([{ space: PROJECT }]);
  await setup.instances.upsert(
    Array.from({ length: 1000 }, (_, index) => ({
      instanceType: "node" as const,
      space: PROJECT,
      externalId: `g${index}`,
      type: { space: VIEW.space, externalId: "Generator" },
      sources: [{ source: VIEW, properties: { name: `Generator ${index}`, serialNumber: index, ratedPowerKw: index / 3 } }],
    })),
  );
  return emulator;
}

/** `count` calls of `run`, `concurrency` at a time; the wall time in ms. */
async function timed(run: () => Promise<unknown>, count: number, concurrency: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await run();
      }
    }),
  );
  return performance.now() - started;
}

async function overhead(baseUrl: string, latencyMs: number) {
  const body = { instanceType: "node", sources: [{ source: VIEW }], limit: 100 };
  const url = `${baseUrl}/api/v1/projects/${PROJECT}/models/instances/list`;
  const rawRequest = async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`raw fetch: ${response.status}`);
    return response.json();
  };
  const http = new HttpClient({ baseUrl, project: PROJECT, credentials: new TokenAuth(TOKEN) });
  const clientRequest = () => http.post("/models/instances/list", body);
  // With latency a request takes at least that long: fewer requests, more rounds, so noise averages out.
  const count = latencyMs > 0 ? Math.max(50, Math.min(REQUESTS, Math.round(2000 / latencyMs))) : REQUESTS;
  const rounds = latencyMs > 0 ? 5 : 3;
  const rows = [];
  for (const concurrency of [1, 8]) {
    await timed(rawRequest, count, concurrency); // warm-up of both paths
    await timed(clientRequest, count, concurrency);
    const raw: number[] = [];
    const client: number[] = [];
    // Alternate the two paths so drift on a shared machine hits both alike.
    for (let round = 0; round < rounds; round++) {
      raw.push(await timed(rawRequest, count, concurrency));
      client.push(await timed(clientRequest, count, concurrency));
    }
    const rawPerRequest = (median(raw) / count) * 1000;
    const clientPerRequest = (median(client) / count) * 1000;
    rows.push({
      latency: latencyMs > 0 ? `${latencyMs} ms` : "loopback",
      mode: concurrency === 1 ? "sequential" : `${concurrency} concurrent`,
      requests: `${rounds}×${count}`,
      "raw µs/req": rawPerRequest.toFixed(0),
      "client µs/req": clientPerRequest.toFixed(0),
      "overhead µs/req": (clientPerRequest - rawPerRequest).toFixed(0),
      overhead: `${(((clientPerRequest - rawPerRequest) / rawPerRequest) * 100).toFixed(1)} %`,
    });
  }
  return rows;
}

async function seedFigures(baseUrl: string, latencyMs: number) {
  const client = new PygenClient({ baseUrl, project: PROJECT, credentials: new TokenAuth(TOKEN), poolSize: POOL_SIZE });
  const node = (index: number) => ({ instanceType: "node" as const, space: PROJECT, externalId: `g${index % 1000}` });
  const retrieve = (index: number) => client.instances.retrieve(node(index), [VIEW]);
  for (let index = 0; index < 20; index++) await retrieve(index); // warm-up

  const sequential = Math.max(50, Math.min(300, Math.round(3000 / Math.max(1, latencyMs))));
  const latencies: number[] = [];
  for (let index = 0; index < sequential; index++) {
    const started = performance.now();
    await retrieve(index);
    latencies.push(performance.now() - started);
  }

  const burst = latencyMs > 0 ? 1000 : 3000;
  maxInFlight = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: burst }, (_, index) => retrieve(index)));
  const perSecond = burst / ((performance.now() - started) / 1000);
  return {
    latency: latencyMs > 0 ? `${latencyMs} ms` : "loopback",
    "pooled req/s (pool 16)": `${perSecond.toFixed(0)} (${burst} at once)`,
    "max in flight": maxInFlight,
    "p50 ms": percentile(latencies, 0.5).toFixed(2),
    "p95 ms": percentile(latencies, 0.95).toFixed(2),
    "sequential n": sequential,
  };
}

const overheadRows = [];
const seedRows = [];
for (const latencyMs of LATENCIES) {
  const emulator = await startSeeded(latencyMs);
  try {
    overheadRows.push(...(await overhead(emulator.url, latencyMs)));
    seedRows.push(await seedFigures(emulator.url, latencyMs));
  } finally {
    await emulator.stop();
  }
}
console.log("overhead: median round, POST /models/instances/list (100 nodes per page); raw fetch vs HttpClient");
console.table(overheadRows);
console.log("seed §10.1: single-node retrievals (instances.retrieve with the view's properties)");
console.table(seedRows);
Bun.gc(true);
const memory = process.memoryUsage();
console.log(
  `client process memory after all of the above: rss ${(memory.rss / 1e6).toFixed(1)} MB, heap used ${(memory.heapUsed / 1e6).toFixed(1)} MB, ` +
    `peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB (the emulators ran in their own processes)`,
);

const emulator = await startSeeded(0);
try {
  const limited = new HttpClient({ baseUrl: emulator.url, project: PROJECT, credentials: new TokenAuth(TOKEN), requestsPerSecond: RATE });
  const count = RATE * 3;
  const sends: number[] = [];
  sendTimes = sends;
  await Promise.all(Array.from({ length: count }, () => limited.get("/models/spaces")));
  const measured = (sends.length - 1) / (((sends.at(-1) ?? 0) - (sends[0] ?? 0)) / 1000);
  console.log(`rate limit: ${count} requests fired at once through a ${RATE}/s limit`);
  console.table([
    { "limit /s": RATE, "measured /s": measured.toFixed(2), deviation: `${(((measured - RATE) / RATE) * 100).toFixed(2)} %` },
  ]);
} finally {
  await emulator.stop();
}
