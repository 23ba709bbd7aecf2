/**
 * The TypeScript SDK runtime (templates/typescript/runtime) — not a test: it prints figures.
 *
 *   bun run bench/typescript-runtime.ts [--nodes 100000]
 *
 * Starts the emulator in its own process with the e2e model (test/typescript/e2e/model.ts), writes --nodes Pump
 * nodes through the runtime's upsert (chunks of 1000, 4 in flight), then measures:
 * 1. parse throughput (objects/s) of a 1000-item /instances/list page in memory: lossless JSON parse plus the
 *    view's typed read (timestamps to Date, int64 to bigint). Once with int64 values beyond 2^53 (the parser's
 *    exact path) and once without (the JSON.parse fast path). Target ≥ 200k objects/s.
 * 2. iterating every node over HTTP page by page (which includes the emulator's own time), with the heap after
 *    a full GC at 10%, 50% and 100% of the way. Target: flat (one page at a time).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CDFClient, parseJson, readProperties, Token, ViewAPI } from "../templates/typescript/runtime/index.ts";
import { spawnEmulator } from "../test/support/emulator-process.ts";
import { MODEL } from "../test/typescript/e2e/model.ts";
import { viewMetas } from "../test/typescript/e2e/scenario.ts";

const { values } = parseArgs({ options: { nodes: { type: "string", default: "100000" } } });
const NODES = Number(values.nodes);
const TOKEN = "bench-token";
const PROJECT = "bench";
const SPACE = "sp_test";

const folder = await mkdtemp(join(tmpdir(), "pygen-ts-runtime-bench-"));
const modelFile = join(folder, "model.json");
await writeFile(modelFile, JSON.stringify(MODEL));
const emulator = await spawnEmulator(["--token", TOKEN, "--model", modelFile, "--project", PROJECT]);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

try {
  const client = new CDFClient({ baseUrl: emulator.url, project: PROJECT, credentials: new Token(TOKEN) }, { space: SPACE });
  const metas = viewMetas();
  const pumps = new ViewAPI<{ externalId: string }>(client.instances, metas.pump, SPACE);

  const writeStart = performance.now();
  const batch = 10_000;
  for (let start = 0; start < NODES; start += batch) {
    const items = Array.from({ length: Math.min(batch, NODES - start) }, (_, offset) => {
      const index = start + offset;
      return {
        externalId: `pump-${String(index).padStart(7, "0")}`,
        name: `Pump ${index}`,
        flowRate: index / 7,
        // Every other node holds an int64 beyond 2^53, so pages exercise the exact path.
        serial: index % 2 === 0 ? 2n ** 60n + BigInt(index) : BigInt(index),
        installed: new Date(1_700_000_000_000 + index),
        serviced: "2024-02-29",
        station: "station-0",
      };
    });
    await client.upsert(items, metas.pump);
  }
  const writeSeconds = (performance.now() - writeStart) / 1000;
  console.log(`upsert ${NODES} nodes: ${writeSeconds.toFixed(1)} s, ${Math.round(NODES / writeSeconds)} nodes/s (HTTP, emulator included)`);

  // 1. In-memory parse of one 1000-item page, as the emulator sends it.
  const listBody = (extra: object) =>
    JSON.stringify({ sources: [{ source: { type: "view", ...metas.pump.view } }], limit: 1000, instanceType: "node", ...extra });
  const fetchPage = async (extra: object) => {
    const response = await fetch(`${emulator.url}/api/v1/projects/${PROJECT}/models/instances/list`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: listBody(extra),
    });
    return response.text();
  };
  const withBig = await fetchPage({});
  const withoutBig = withBig.replace(/"serial":\d{16,}/g, '"serial":42');
  for (const [label, text] of [
    ["with int64 beyond 2^53", withBig],
    ["without (JSON.parse fast path)", withoutBig],
  ] as const) {
    const rounds = 200;
    let objects = 0;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (let round = 0; round < rounds; round++) {
      const page = parseJson(text) as { items: Record<string, unknown>[] };
      for (const item of page.items) readProperties(metas.pump, item);
      objects += page.items.length;
    }
    const seconds = (performance.now() - started) / 1000;
    // CPU time too: on a shared machine the wall clock counts other processes' turns.
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const rate = (time: number) => Math.round(objects / time).toLocaleString("en");
    console.log(`parse + typed read of 1000-item pages ${label}: ${rate(seconds)} objects/s (${rate(cpuSeconds)} per CPU second)`);
  }

  // 2. Iterate everything over HTTP; the heap after a full GC along the way.
  Bun.gc(true);
  const baseline = process.memoryUsage();
  const marks = new Set([Math.round(NODES * 0.1), Math.round(NODES * 0.5), NODES]);
  let seen = 0;
  const started = performance.now();
  for await (const page of pumps.iterate({ chunkSize: 1000 })) {
    seen += page.items.length;
    for (const mark of marks) {
      if (seen >= mark) {
        marks.delete(mark);
        Bun.gc(true);
        const now = process.memoryUsage();
        console.log(`  after ${seen} nodes: heap ${mib(now.heapUsed)} (baseline ${mib(baseline.heapUsed)}), rss ${mib(now.rss)}`);
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `iterate ${seen} nodes over HTTP: ${seconds.toFixed(1)} s, ${Math.round(seen / seconds).toLocaleString("en")} objects/s (emulator included)`,
  );
} finally {
  await emulator.stop();
  await rm(folder, { recursive: true, force: true });
}
