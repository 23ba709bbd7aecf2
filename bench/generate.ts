/**
 * Benchmark: in-process `generateSdk` (validate → IR → Python files, nothing written) for the bundled example,
 * every shared model and a synthetic 1000-view model, with the generated line counts beside pygen v1's; and the
 * compiled binary's whole `pygen generate` run (process start, load, generate, write into a fresh folder) per
 * model — the issue's target is Omni < 100 ms. Prints a table; asserts nothing.
 *
 *   bun bench/generate.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataModel } from "../src/client/models.ts";
import { generateSdk } from "../src/pipeline.ts";
import { loadExampleModel, loadModelFile } from "../src/sources.ts";
import { isolatedBinary } from "../test/support/binary.ts";
import { sharedModelNames, sharedModelPath } from "../test/support/shared-models.ts";
import { syntheticModel } from "./synthetic-model.ts";
import { printTable } from "./table.ts";

const RUNS = 9;
const WARMUP = 3;
/** Lines pygen v1 generates for the same models (cognite-pygen, measured upstream). */
const PYGEN_V1_LINES: Record<string, number> = { Omni: 26_700, WindTurbine: 24_000 };
/** The vendored runtime is the same in every SDK; counted apart so the per-model code stands out. */
const isRuntime = (path: string) => path.includes("/_runtime/");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const { binary, dir: binaryDir } = isolatedBinary();

/** Median wall time of `pygen generate` with the compiled binary, each run into a fresh output folder. */
function measureBinary(modelFile: string | undefined): number {
  const samples: number[] = [];
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const output = mkdtempSync(join(tmpdir(), "pygen-bench-out-"));
    const args = [binary, "generate", "--quiet", "--overwrite", "--output", output, ...(modelFile ? ["--model-file", modelFile] : [])];
    const started = performance.now();
    const result = Bun.spawnSync(args, {
      cwd: binaryDir,
      stdout: "ignore",
      stderr: "pipe",
      env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" },
    });
    const elapsed = performance.now() - started;
    rmSync(output, { recursive: true, force: true });
    if (result.exitCode !== 0) throw new Error(`pygen generate failed: ${result.stderr.toString()}`);
    if (run >= WARMUP) samples.push(elapsed);
  }
  return median(samples);
}

function measure(label: string, models: DataModel[], modelFile?: string) {
  // A fixed time keeps runs identical; the environment is not read in the loop.
  const options = { generatedAt: "2026-01-01T00:00:00+00:00" };
  for (let run = 0; run < WARMUP; run++) generateSdk({ models, origin: label }, options);
  const samples: number[] = [];
  let result = generateSdk({ models, origin: label }, options);
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = generateSdk({ models, origin: label }, options);
    samples.push(performance.now() - started);
  }
  const count = (keep: (path: string) => boolean) =>
    result.files.filter((file) => keep(file.path)).reduce((total, file) => total + file.content.split("\n").length - 1, 0);
  return {
    label,
    views: models.reduce((sum, model) => sum + model.views.length, 0),
    median: median(samples),
    best: Math.min(...samples),
    modelLines: count((path) => !isRuntime(path)),
    totalLines: result.lines,
    v1: PYGEN_V1_LINES[label],
    binary: label.startsWith("synthetic") ? undefined : measureBinary(modelFile),
  };
}

const cases: { label: string; models: DataModel[]; file?: string }[] = [{ label: "example", models: loadExampleModel().models }];
for (const name of sharedModelNames()) {
  cases.push({ label: name, models: (await loadModelFile(sharedModelPath(name))).models, file: sharedModelPath(name) });
}
cases.push({ label: "synthetic 1000 views", models: [syntheticModel(1000)] });

const rows = cases.map(({ label, models, file }) => measure(label, models, file));
rmSync(binaryDir, { recursive: true, force: true });
const header = ["model", "views", "median", "best", "binary generate", "lines (model code)", "lines (with runtime)", "pygen v1 lines"];
const table = [
  header,
  ...rows.map((row) => [
    row.label,
    String(row.views),
    `${row.median.toFixed(1)} ms`,
    `${row.best.toFixed(1)} ms`,
    row.binary === undefined ? "" : `${row.binary.toFixed(1)} ms`,
    row.modelLines.toLocaleString("en-US"),
    row.totalLines.toLocaleString("en-US"),
    row.v1 === undefined ? "" : row.v1.toLocaleString("en-US"),
  ]),
];
printTable(table);
console.log(`\n${RUNS} timed runs after ${WARMUP} warm-ups each. median/best: in process (validate + IR + generate, no writing).`);
console.log(
  "binary generate: median wall time of `dist/pygen generate --model-file M --output <fresh folder>`, process start and writing included.",
);
