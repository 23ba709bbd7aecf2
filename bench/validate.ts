/**
 * Benchmark: validate + parse + transform (Python names) for the largest shared model and a synthetic 1000-view
 * model. Prints a table of medians; it is not a test and asserts nothing. Run: bun bench/validate.ts
 */
import { statSync } from "node:fs";
import type { DataModel } from "../src/client/models.ts";
import { pythonNaming } from "../src/generators/python/naming.ts";
import { parseModels, transformModel } from "../src/ir/index.ts";
import { loadModelFile } from "../src/sources.ts";
import { DataModelValidator } from "../src/validate/index.ts";
import { hasSharedModels, sharedModelNames, sharedModelPath } from "../test/support/shared-models.ts";
import { syntheticModel } from "./synthetic-model.ts";

const RUNS = 30;
const WARMUP = 5;

interface Timings {
  validate: number;
  parse: number;
  transform: number;
  total: number;
}

/** Medians per step, and the fastest total: on a shared machine the best run shows the cost without the noise. */
interface Summary extends Timings {
  best: number;
}

function timeOnce(models: DataModel[]): Timings {
  const start = performance.now();
  const result = DataModelValidator.validate(models, { language: pythonNaming });
  const validated = performance.now();
  const parsed = parseModels(result.filteredModel);
  const parsedAt = performance.now();
  transformModel(parsed, { naming: pythonNaming });
  const end = performance.now();
  return { validate: validated - start, parse: parsedAt - validated, transform: end - parsedAt, total: end - start };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function measure(models: DataModel[], runs: number): Summary {
  for (let run = 0; run < WARMUP; run++) timeOnce(models);
  const samples = Array.from({ length: runs }, () => timeOnce(models));
  const medianOf = (step: keyof Timings) => median(samples.map((sample) => sample[step]));
  return {
    validate: medianOf("validate"),
    parse: medianOf("parse"),
    transform: medianOf("transform"),
    total: medianOf("total"),
    best: Math.min(...samples.map((sample) => sample.total)),
  };
}

async function largestSharedModel(): Promise<{ label: string; models: DataModel[] } | undefined> {
  if (!hasSharedModels) return undefined;
  const [largest] = sharedModelNames().sort((a, b) => statSync(sharedModelPath(b)).size - statSync(sharedModelPath(a)).size);
  if (largest === undefined) return undefined;
  return { label: `${largest} (largest shared)`, models: (await loadModelFile(sharedModelPath(largest))).models };
}

const cases: { label: string; models: DataModel[]; runs: number }[] = [];
const shared = await largestSharedModel();
if (shared) cases.push({ ...shared, runs: RUNS });
cases.push({ label: "synthetic, 1000 views", models: [syntheticModel(1000)], runs: 10 });

const rows = cases.map(({ label, models, runs }) => {
  const views = models.reduce((sum, model) => sum + model.views.length, 0);
  const properties = models.reduce(
    (sum, model) => sum + model.views.reduce((count, view) => count + Object.keys(view.properties).length, 0),
    0,
  );
  return { label, views, properties, runs, ...measure(models, runs) };
});

const ms = (value: number) => `${value.toFixed(2)} ms`;
const table = [
  ["model", "views", "properties", "runs", "validate", "parse", "transform", "total", "best total"],
  ...rows.map((row) => [
    row.label,
    String(row.views),
    String(row.properties),
    String(row.runs),
    ms(row.validate),
    ms(row.parse),
    ms(row.transform),
    ms(row.total),
    ms(row.best),
  ]),
];
const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
for (const [index, row] of table.entries()) {
  console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  "));
  if (index === 0) console.log(widths.map((width) => "-".repeat(width)).join("  "));
}
console.log(
  `\nBun ${Bun.version}, ${process.platform}/${process.arch}; medians of the runs after ${WARMUP} warm-up runs, and the fastest total.`,
);
