/**
 * The CDF client's own cost and the figures of seed §10.1, against emulators in their own processes (not a
 * test: it prints tables).
 *
 *   bun run bench/client.ts [--pairs 15] [--latency-ms 1,20] [--rate 50]
 *
 * 1. Overhead: the same POST /models/instances/list (limit 100, one view's properties) sent with raw fetch
 *    (+ JSON encode/decode) and through HttpClient (ky, hooks, pool, retry bookkeeping, lossless JSON, response
 *    checks), sequentially and 8 at a time, in --pairs alternating batches of both paths. Given as microseconds
 *    per request over raw fetch (wall time, and this process's CPU time, which a busy machine disturbs less),
 *    on loopback and with --latency-ms of emulated server latency (the emulator's own option), and as a share
 *    of a raw request's time. Target: < 2 % at 20 ms.
 * 2. Seed §10.1, at each latency: requests/s of single-node retrievals fired at once through the pool (target
 *    > 100/s), the most requests in flight at once (counted around fetch; target 10+), p50/p95 latency of
 *    single-node retrievals one at a time; and the memory of a fresh client process doing that work (target
 *    < 50 MB).
 * 3. Rate-limit accuracy: requests fired all at once through a client limited to --rate requests/s; the rate
 *    measured between the first and last send. Target within 5 % of the limit.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { TokenAuth } from "../src/client/auth.ts";
import { HttpClient } from "../src/client/http.ts";
import { collect } from "../src/client/paging.ts";
import { PygenClient } from "../src/client/pygen-client.ts";
import { type EmulatorProcess, spawnEmulator } from "../test/support/emulator-process.ts";

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: "15" },
    "latency-ms": { type: "string", default: "1,20" },
    rate: { type: "string", default: "50" },
    // Internal: the memory figure runs in a fresh process of its own.
    "probe-memory": { type: "string" },
  },
});
const PAIRS = Number(values.pairs);
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

/** `count` calls of `run`, `concurrency` at a time: wall and CPU time of this process, in ms. */
async function timed(run: () => Promise<unknown>, count: number, concurrency: number): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
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
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
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
  const rows = [];
  for (const concurrency of [1, 8]) {
    // A batch takes ~200 ms with latency (less on loopback); batches of the two paths alternate, so drift on a
    // shared machine hits both alike, and the median batch pair counts.
    const count = concurrency * (latencyMs > 0 ? Math.max(5, Math.round(200 / latencyMs)) : 50);
    await timed(rawRequest, count, concurrency); // warm-up of both paths
    await timed(clientRequest, count, concurrency);
    const raw: { wall: number; cpu: number }[] = [];
    const client: { wall: number; cpu: number }[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      raw.push(await timed(rawRequest, count, concurrency));
      client.push(await timed(clientRequest, count, concurrency));
    }
    const perRequest = (samples: number[]) => (median(samples) / count) * 1000;
    const rawWall = perRequest(raw.map((sample) => sample.wall));
    const extraWall = perRequest(client.map((sample, index) => sample.wall - (raw[index]?.wall ?? 0)));
    const extraCpu = perRequest(client.map((sample, index) => sample.cpu - (raw[index]?.cpu ?? 0)));
    rows.push({
      latency: latencyMs > 0 ? `${latencyMs} ms` : "loopback",
      mode: concurrency === 1 ? "sequential" : `${concurrency} concurrent`,
      requests: `${PAIRS}×${count}`,
      "raw µs/req": rawWall.toFixed(0),
      "overhead µs/req": extraWall.toFixed(0),
      "overhead CPU µs/req": extraCpu.toFixed(0),
      overhead: `${((extraWall / rawWall) * 100).toFixed(1)} %`,
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

  const burst = 1000;
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

/**
 * In a fresh process: the peak RSS after loading the client, then after 1000 single-node retrievals fired at
 * once (pool 16) and a listing of all 1000 nodes with their properties.
 */
async function probeMemory(baseUrl: string): Promise<void> {
  // VmHWM is this process's own peak; getrusage's maxRSS would carry the parent's peak across exec.
  const peakMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]) / 1024;
  const loaded = peakMb();
  const client = new PygenClient({ baseUrl, project: PROJECT, credentials: new TokenAuth(TOKEN), poolSize: POOL_SIZE });
  const ids = Array.from({ length: 1000 }, (_, index) => ({ instanceType: "node" as const, space: PROJECT, externalId: `g${index}` }));
  await Promise.all(ids.map((id) => client.instances.retrieve(id, [VIEW])));
  const listed = await collect(client.instances.list({ sources: [VIEW] }));
  if (listed.length !== ids.length) throw new Error(`listed ${listed.length} nodes, expected ${ids.length}`);
  console.log(JSON.stringify({ loaded, peak: peakMb(), heapUsed: process.memoryUsage().heapUsed / 1e6 }));
}

function memoryFigures(baseUrl: string) {
  const probe = Bun.spawnSync([process.execPath, "run", import.meta.path, "--probe-memory", baseUrl], { stderr: "inherit" });
  const { loaded, peak, heapUsed } = JSON.parse(probe.stdout.toString()) as { loaded: number; peak: number; heapUsed: number };
  return {
    "peak RSS MB": peak.toFixed(1),
    "of which Bun + modules loaded MB": loaded.toFixed(1),
    "added by the work MB": (peak - loaded).toFixed(1),
    "JS heap used MB": heapUsed.toFixed(1),
  };
}

if (values["probe-memory"]) {
  await probeMemory(values["probe-memory"]);
  process.exit(0);
}

const overheadRows = [];
let memory: ReturnType<typeof memoryFigures> | undefined;
const seedRows = [];
for (const latencyMs of LATENCIES) {
  const emulator = await startSeeded(latencyMs);
  try {
    overheadRows.push(...(await overhead(emulator.url, latencyMs)));
    seedRows.push(await seedFigures(emulator.url, latencyMs));
    if (latencyMs === 0) memory = memoryFigures(emulator.url);
  } finally {
    await emulator.stop();
  }
}
console.log(
  `overhead: median of ${PAIRS} alternating batch pairs, POST /models/instances/list (100 nodes per page), raw fetch vs HttpClient; % of a raw request`,
);
console.table(overheadRows);
console.log("seed §10.1: single-node retrievals (instances.retrieve with the view's properties)");
console.table(seedRows);
console.log("client memory: a fresh `bun run` process (TypeScript transpiled at load) doing the above once, on loopback");
console.table([memory]);

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
