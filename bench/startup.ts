/**
 * Start-up and model-loading figures of the compiled binary (not a test: it prints a table).
 *
 *   bun run bench/startup.ts [--runs 20] [--compare path/to/another/pygen]
 *
 * Measures: binary size and what it is made of (Bun's runtime, each part embedded compressed, pygen itself);
 * `pygen --version` wall time and `pygen serve` until it listens, with its SQLite queue and (where Redis is at
 * hand, see test/support/redis.ts) with a Redis one, which loads BullMQ; each also of --compare's binary (e.g. an
 * older release), runs taken in turn (median, min, max of --runs runs, from a folder with no node_modules);
 * `pygen inspect --model-file` on every shared model; and, in-process, parsing plus schema validation of each
 * shared model (median of --runs, after one warm-up).
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compressedParts } from "../release/compile.ts";
import { parseModelDocument } from "../src/sources.ts";
import { isolatedBinary } from "../test/support/binary.ts";
import { HAVE_REDIS, startRedis } from "../test/support/redis.ts";
import { SHARED_MODELS_DIR } from "../test/support/shared-models.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" }, compare: { type: "string" } } });
const runs = Number(values.runs);

function stats(samples: number[]): { median: number; min: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

/** Wall time of one run of `command` in `cwd`, which must succeed. */
function timeOnce(command: string[], cwd: string): number {
  const started = performance.now();
  const result = Bun.spawnSync(command, { cwd, stdout: "ignore", stderr: "ignore" });
  if (result.exitCode !== 0) throw new Error(`${command.join(" ")} exited with ${result.exitCode}`);
  return performance.now() - started;
}

function timeCommand(command: string[], cwd: string): number[] {
  return Array.from({ length: runs }, () => timeOnce(command, cwd));
}

const row = (label: string, samples: number[]) => {
  const { median, min, max } = stats(samples);
  return { measure: label, "median ms": median.toFixed(1), "min ms": min.toFixed(1), "max ms": max.toFixed(1) };
};

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** How the breakdown names each compressed part a build embeds (release/compile.ts), by its cached file's stem. */
const PART_NAMES: Record<string, string> = {
  biome_wasm_bg: "Biome wasm",
  "redis-libraries": "BullMQ + ioredis, for serve --queue",
};

/**
 * What the binary is made of: the runtime it was compiled onto (this very Bun), each part embedded compressed
 * (as the last build left them in dist/.cache), the rest.
 */
function sizeBreakdown(binary: string): Record<string, string>[] {
  const total = statSync(binary).size;
  const runtime = statSync(process.execPath).size;
  const compressed = compressedParts(join(import.meta.dir, "..", "dist", ".cache")).map((part) => {
    const size = statSync(part.path).size;
    const original = Bun.zstdDecompressSync(readFileSync(part.path)).length;
    const name = PART_NAMES[part.stem] ?? part.stem;
    return { part: `${name} (${megabytes(original)}, embedded zstd-compressed)`, size, sizeText: megabytes(size) };
  });
  const embedded = compressed.reduce((sum, part) => sum + part.size, 0);
  return [
    { part: "Bun runtime", size: megabytes(runtime) },
    ...compressed.map(({ part, sizeText }) => ({ part, size: sizeText })),
    { part: "pygen: code as bytecode, templates, example model", size: megabytes(total - runtime - embedded) },
    { part: "total", size: megabytes(total) },
  ];
}

const { binary, dir } = isolatedBinary();
console.log(`binary: ${megabytes(statSync(binary).size)}, ${runs} runs each`);
console.table(sizeBreakdown(binary));
/** The binaries the start-up rows cover: this build's, and --compare's (its rows say so). */
const binaries = [{ path: binary, label: "" }];
if (values.compare) {
  const other = join(dir, "pygen-compare");
  copyFileSync(values.compare, other);
  binaries.push({ path: other, label: ` of ${values.compare} (${megabytes(statSync(other).size)})` });
}

/**
 * `--runs` samples of `measure` per binary, taken in turn (this build, --compare's, this build, …), so that a
 * machine busy with other work slows both alike.
 */
async function inTurn(measure: (pygen: string) => number | Promise<number>): Promise<number[][]> {
  const samples = binaries.map((): number[] => []);
  for (let run = 0; run < runs; run++) {
    for (const [index, { path }] of binaries.entries()) samples[index]?.push(await measure(path));
  }
  return samples;
}

const rows: ReturnType<typeof row>[] = [];
async function addRows(measureName: string, measure: (pygen: string) => number | Promise<number>): Promise<void> {
  const samples = await inTurn(measure);
  for (const [index, { label }] of binaries.entries()) rows.push(row(`${measureName}${label}`, samples[index] ?? []));
}

/** Wall time from starting `pygen serve` to its "listening" line (then stopped with SIGTERM). */
async function serveStartOnce(pygen: string, args: string[]): Promise<number> {
  const started = performance.now();
  const child = Bun.spawn([pygen, "serve", "--port", "0", "--no-auth", "--data", join(dir, "data"), ...args], {
    cwd: dir,
    stdout: "ignore",
    stderr: "pipe",
  });
  let log = "";
  let listening: number | undefined;
  const decoder = new TextDecoder();
  // Read to the end: a closed pipe would fail the log lines of its shutdown.
  for await (const chunk of child.stderr) {
    log += decoder.decode(chunk);
    if (listening === undefined && log.includes('"msg":"listening"')) {
      listening = performance.now() - started;
      child.kill("SIGTERM");
    }
  }
  // The exit code is not checked: a SIGTERM this early may land before serve installs its handler.
  await child.exited;
  if (listening === undefined) throw new Error(`pygen serve ${args.join(" ")} did not start:\n${log}`);
  return listening;
}

await addRows("pygen --version", (pygen) => timeOnce([pygen, "--version"], dir));
await addRows("pygen serve, until listening (SQLite queue)", (pygen) => serveStartOnce(pygen, []));
if (HAVE_REDIS) {
  const redis = await startRedis();
  try {
    await addRows("pygen serve --queue redis://… (loads BullMQ)", (pygen) => serveStartOnce(pygen, ["--queue", redis.url]));
  } finally {
    await redis.stop();
  }
} else {
  console.log("no Redis (PYGEN_TEST_REDIS_URL or redis-server): the serve --queue rows are skipped");
}

const models = existsSync(SHARED_MODELS_DIR)
  ? readdirSync(SHARED_MODELS_DIR)
      .sort()
      .filter((name) => existsSync(join(SHARED_MODELS_DIR, name, "model.yaml")))
  : [];
if (models.length === 0) console.log("../shared/models not found: model rows skipped");
for (const name of models) {
  const path = join(SHARED_MODELS_DIR, name, "model.yaml");
  const kb = (statSync(path).size / 1024).toFixed(0);
  rows.push(row(`pygen inspect ${name} (${kb} KB)`, timeCommand([binary, "inspect", "--model-file", path], dir)));
  const text = await Bun.file(path).text();
  parseModelDocument(text, path);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    parseModelDocument(text, path);
    samples.push(performance.now() - started);
  }
  rows.push(row(`  in-process parse + schema check ${name}`, samples));
}
console.table(rows);
