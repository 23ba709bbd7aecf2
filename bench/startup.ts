/**
 * Start-up and model-loading figures of the compiled binary (not a test: it prints a table).
 *
 *   bun run bench/startup.ts [--runs 20]
 *
 * Measures: binary size; `pygen --version` wall time (median, min, max of --runs runs, from a folder with no
 * node_modules); `pygen inspect --model-file` on every shared model; and, in-process, parsing plus schema
 * validation of each shared model (median of --runs, after one warm-up).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseModelDocument } from "../src/sources.ts";
import { isolatedBinary } from "../test/support/binary.ts";
import { SHARED_MODELS_DIR } from "../test/support/shared-models.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
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

const { binary, dir } = isolatedBinary();
console.log(`binary: ${(statSync(binary).size / 1e6).toFixed(1)} MB, ${runs} runs each`);
const rows = [row("pygen --version", timeCommand([binary, "--version"], dir))];

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
