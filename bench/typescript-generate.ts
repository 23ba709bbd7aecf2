/**
 * Benchmark: the TypeScript generator in process (`generateSdk` with language typescript: validate → IR → plan →
 * .js + .d.ts files, nothing written) for the bundled example and every shared model in ../shared/models (left out
 * when absent), with the lines it generates beside the Python SDK's for the same model. Prints a table; asserts
 * nothing.
 *
 *   bun bench/typescript-generate.ts
 */
import type { DataModel } from "../src/client/models.ts";
import { generateSdk } from "../src/pipeline.ts";
import { loadExampleModel, loadModelFile } from "../src/sources.ts";
import { hasSharedModels, sharedModelNames, sharedModelPath } from "../test/support/shared-models.ts";
import { printTable } from "./table.ts";

const RUNS = 9;
const WARMUP = 3;
/** The vendored runtime is the same in every SDK of a language: counted apart so the per-model code stands out. */
const isRuntime = (path: string) => path.includes("_runtime/");

interface Row {
  label: string;
  views: number;
  median: number;
  best: number;
  typescript: number;
  typescriptWithRuntime: number;
  python: number;
  pythonWithRuntime: number;
}

function lines(models: DataModel[], label: string, language: "typescript" | "python"): { model: number; total: number } {
  const result = generateSdk({ models, origin: label }, { language, generatedAt: "2026-01-01T00:00:00+00:00" });
  const count = (keep: (path: string) => boolean) =>
    result.files.filter((file) => keep(file.path)).reduce((total, file) => total + file.content.split("\n").length - 1, 0);
  return { model: count((path) => !isRuntime(path)), total: count(() => true) };
}

function measure(label: string, models: DataModel[]): Row {
  const options = { language: "typescript", generatedAt: "2026-01-01T00:00:00+00:00" };
  for (let run = 0; run < WARMUP; run++) generateSdk({ models, origin: label }, options);
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    generateSdk({ models, origin: label }, options);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const [typescript, python] = [lines(models, label, "typescript"), lines(models, label, "python")];
  return {
    label,
    views: models.reduce((sum, model) => sum + model.views.length, 0),
    median: samples[Math.floor(samples.length / 2)] ?? Number.NaN,
    best: samples[0] ?? Number.NaN,
    typescript: typescript.model,
    typescriptWithRuntime: typescript.total,
    python: python.model,
    pythonWithRuntime: python.total,
  };
}

const cases: { label: string; models: DataModel[] }[] = [{ label: "example", models: loadExampleModel().models }];
for (const name of sharedModelNames()) cases.push({ label: name, models: (await loadModelFile(sharedModelPath(name))).models });

const rows = cases.map(({ label, models }) => measure(label, models));
const number = (value: number) => value.toLocaleString("en-US");
const header = [
  "model",
  "views",
  "TS median",
  "TS best",
  "TS lines",
  "Python lines",
  "TS/Python",
  "TS with runtime",
  "Python with runtime",
];
const table = [
  header,
  ...rows.map((row) => [
    row.label,
    String(row.views),
    `${row.median.toFixed(1)} ms`,
    `${row.best.toFixed(1)} ms`,
    number(row.typescript),
    number(row.python),
    (row.typescript / row.python).toFixed(2),
    number(row.typescriptWithRuntime),
    number(row.pythonWithRuntime),
  ]),
];
printTable(table);
console.log(`\n${RUNS} timed runs after ${WARMUP} warm-ups each: validate + IR + plan + TypeScript files, in process, nothing written.`);
console.log("lines: the model's code without the vendored runtime (_runtime/), then with it.");
if (!hasSharedModels) console.log("../shared/models is absent: the bundled example only.");
