/**
 * Start-up and model-loading figures of the compiled binary (not a test: it prints a table).
 *
 *   bun run bench/startup.ts [--runs 20] [--compare path/to/another/pygen]
 *
 * Measures: binary size and what it is made of (Bun's runtime, each part embedded compressed, pygen itself);
 * `pygen --version` wall time (also of --compare's binary, e.g. an older release, side by side) (median, min, max of --runs runs, from a folder with no
 * node_modules); `pygen inspect --model-file` on every shared model; and, in-process, parsing plus schema
 * validation of each shared model (median of --runs, after one warm-up).
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compressedParts } from "../release/compile.ts";
import { parseModelDocument } from "../src/sources.ts";
import { isolatedBinary } from "../test/support/binary.ts";
import { SHARED_MODELS_DIR } from "../test/support/shared-models.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" }, compare: { type: "string" } } });
const runs = Number(values.runs);

function stats(samples: number[]): { median: number; min: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

function timeCommand(command: string[], cwd: string): number[] {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = Bun.spawnSync(command, { cwd, stdout: "ignore", stderr: "ignore" });
    samples.push(performance.now() - started);
    if (result.exitCode !== 0) throw new Error(`${command.join(" ")} exited with ${result.exitCode}`);
  }
  return samples;
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
const rows = [row("pygen --version", timeCommand([binary, "--version"], dir))];
if (values.compare) {
  const other = join(dir, "pygen-compare");
  copyFileSync(values.compare, other);
  rows.push(row(`pygen --version of ${values.compare} (${megabytes(statSync(other).size)})`, timeCommand([other, "--version"], dir)));
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
