/**
 * The generated SDK's Python runtime (not a test: it prints tables).
 *
 *   bun run bench/sdk-runtime.ts [--nodes 100000]
 *
 * Generates the bundled example's SDK into a temporary directory, starts the emulator in its own process, seeds
 * --nodes Generator nodes (12 properties each) in 1000-item applies, then runs bench/sdk_runtime_probe.py with
 * .venv/bin/python (made by scripts/python-checks.sh). It measures:
 * 1. parse throughput (objects/s) of 1000-item pages in memory, and of `list(limit=…)` / `iterate(chunk_size=1000)`
 *    over HTTP (which includes the emulator's own time). Target ≥ 100k objects/s in memory.
 * 2. peak memory while iterating 10k, 50k and 100k nodes, each in a fresh process: the growth of its maximum RSS
 *    and tracemalloc's peak. Target: flat in the number of nodes (a chunk at a time).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { TokenAuth } from "../src/client/auth.ts";
import { PygenClient } from "../src/client/pygen-client.ts";
import { writeGeneratedFiles } from "../src/output/writer.ts";
import { generateSdk } from "../src/pipeline.ts";
import { loadExampleModel } from "../src/sources.ts";
import { spawnEmulator } from "../test/support/emulator-process.ts";

const { values } = parseArgs({ options: { nodes: { type: "string", default: "100000" } } });
const NODES = Number(values.nodes);
const TOKEN = "bench-token";
const PROJECT = "bench";
const SPACE = "example_instances";
const REPO = join(import.meta.dir, "..");
const PYTHON = join(REPO, ".venv", "bin", "python");
const VIEW = { type: "view", space: "pygen_example", externalId: "Generator", version: "1" } as const;

if (!(await Bun.file(PYTHON).exists())) throw new Error("no .venv: run scripts/python-checks.sh once");

const sdkDir = await mkdtemp(join(tmpdir(), "pygen-sdk-runtime-"));
const generated = generateSdk(loadExampleModel(), { topLevelPackage: "sdk_bench", defaultSpace: SPACE });
await writeGeneratedFiles(sdkDir, generated.files, { overwrite: true });

/** The 12 properties the probe's in-memory pages carry too, as the apply request spells them. */
function generator(index: number) {
  const plant = { space: SPACE, externalId: "plant-0" };
  return {
    instanceType: "node" as const,
    space: SPACE,
    externalId: `generator-${index}`,
    // The Generator view's filter: nodes of this type.
    type: { space: VIEW.space, externalId: "Generator" },
    sources: [
      {
        source: VIEW,
        properties: {
          name: `Generator ${index}`,
          serialNumber: index,
          description: "A generator of the bench",
          tags: ["bench", "generator"],
          parent: plant,
          ratedPowerKw: 1250.5,
          plant,
          bearingTemperatures: [61.5, 62.25],
          runHours: [1200, 1300],
          inService: [true, false],
          serviceDates: ["2024-01-15", "2025-02-01"],
          alarms: ["2025-03-04T05:06:07.890+00:00"],
        },
      },
    ],
  };
}

/** Runs bench/sdk_runtime_probe.py on the generated SDK and returns what it reports. */
async function probe<Report>(...args: string[]): Promise<Report> {
  const command = [PYTHON, join(REPO, "bench", "sdk_runtime_probe.py"), "--sdk", sdkDir, "--package", generated.config.topLevelPackage];
  const child = Bun.spawn([...command, "--client", generated.config.clientName, ...args], {
    stdout: "pipe",
    stderr: "inherit",
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
  });
  const output = await new Response(child.stdout).text();
  if ((await child.exited) !== 0) throw new Error("sdk_runtime_probe.py failed");
  return JSON.parse(output) as Report;
}

// In memory first, before the emulator runs, so the figures are the parser's alone.
const inMemory = await probe<Record<string, number>>("--measure", "parse");
const emulator = await spawnEmulator(["--token", TOKEN, "--model", "examples/hydro-plant.model.yaml", "--project", PROJECT]);

try {
  const baseUrl = emulator.url;

  const setup = new PygenClient({ baseUrl, project: PROJECT, credentials: new TokenAuth(TOKEN) });
  await setup.spaces.apply([{ space: SPACE }]);
  const seeding = performance.now();
  // One batch of requests at a time, so the whole 100k never sits in memory as JSON at once.
  for (let start = 0; start < NODES; start += 10_000) {
    const count = Math.min(10_000, NODES - start);
    await setup.instances.upsert(Array.from({ length: count }, (_, offset) => generator(start + offset)));
  }
  console.log(`seeded ${NODES} Generator nodes in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

  const server = ["--base-url", baseUrl, "--project", PROJECT, "--token", TOKEN];
  const http = await probe<HttpReport>("--measure", "http", ...server, "--nodes", String(NODES));
  // One process per count: a process's maximum RSS never falls, so only a fresh one shows what a run needs.
  const memory: MemoryReport[] = [];
  for (const count of [10_000, 50_000, 100_000].filter((count) => count <= NODES)) {
    memory.push(await probe<MemoryReport>("--measure", "memory", ...server, "--nodes", String(count)));
  }
  const perSecond = (rate: number) => `${Math.round(rate).toLocaleString("en-US")} objects/s`;
  console.log("parse throughput (Generator view, 1000-item pages)");
  console.table([
    ...Object.entries(inMemory).map(([label, rate]) => ({ path: `in memory, ${label}`, nodes: "", rate: perSecond(rate) })),
    { path: "HTTP (emulator included): list(limit=all)", nodes: http.list.nodes, rate: perSecond(http.list.rate) },
    { path: "HTTP (emulator included): iterate(chunk_size=1000)", nodes: http.iterate.nodes, rate: perSecond(http.iterate.rate) },
  ]);
  console.log("memory while iterating (chunk_size=1000; each chunk dropped before the next)");
  console.table(
    memory.map((row) => ({
      nodes: row.nodes,
      "tracemalloc peak MiB": row.tracemalloc_peak_mib.toFixed(1),
      "max RSS growth MiB": row.rss_growth_mib.toFixed(1),
    })),
  );
} finally {
  await emulator.stop();
  await rm(sdkDir, { recursive: true, force: true });
}

interface HttpReport {
  list: { nodes: number; rate: number };
  iterate: { nodes: number; rate: number };
}

interface MemoryReport {
  nodes: number;
  tracemalloc_peak_mib: number;
  rss_growth_mib: number;
}
