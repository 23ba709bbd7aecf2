/**
 * Benchmark: how long a generated Python SDK takes to import and to type-check, on big models (not a test: it
 * prints a table and asserts nothing).
 *
 *   bun bench/sdk-import.ts [--views 300,1000] [--no-mypy]
 *
 * Generates the SDK of the largest shared model (../shared/models, by view count; skipped when absent) and of
 * synthetic models of the given sizes (bench/synthetic-model.ts: the views form one ring of connections, the
 * deepest shape for the data classes to resolve), each into a fresh folder. Per SDK, with .venv/bin/python (made
 * by scripts/python-checks.sh):
 * - import, cold: the wall time of `python -c "import <package>"` with no bytecode cache (every module compiled);
 * - import, warm: the same again, the bytecode cache written by the cold run;
 * - mypy --strict: the wall time of a run with a fresh cache.
 * An import that fails shows the error's last line instead of a time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { DataModel } from "../src/client/models.ts";
import { writeGeneratedFiles } from "../src/output/writer.ts";
import { generateSdk } from "../src/pipeline.ts";
import { loadModelFile } from "../src/sources.ts";
import { sharedModelNames, sharedModelPath } from "../test/support/shared-models.ts";
import { syntheticModel } from "./synthetic-model.ts";

const { values } = parseArgs({
  options: { views: { type: "string", default: "300,1000" }, "no-mypy": { type: "boolean", default: false } },
});
const SIZES = values.views.split(",").map(Number);
if (SIZES.some((size) => !Number.isInteger(size) || size < 1))
  throw new Error(`--views: a comma-separated list of view counts, got ${values.views}`);
const VENV = join(import.meta.dir, "..", ".venv", "bin");
if (!(await Bun.file(join(VENV, "python")).exists())) throw new Error("no .venv: run scripts/python-checks.sh once");

interface Timed {
  seconds: number;
  error?: string;
}

/** Wall time of one command in `cwd`; the last line of its error output when it fails. */
function timed(command: string[], cwd: string): Timed {
  const started = performance.now();
  const result = Bun.spawnSync(command, { cwd, stdout: "pipe", stderr: "pipe", env: { ...process.env, PYTHONPATH: cwd } });
  const seconds = (performance.now() - started) / 1000;
  if (result.exitCode === 0) return { seconds };
  const output = `${result.stderr.toString()}${result.stdout.toString()}`.trim().split("\n");
  return { seconds, error: output.at(-1) ?? `exit code ${result.exitCode}` };
}

const show = (time: Timed | undefined) =>
  time === undefined ? "-" : time.error ? `fails after ${time.seconds.toFixed(1)} s: ${time.error}` : `${time.seconds.toFixed(2)} s`;

async function measure(label: string, models: DataModel[]) {
  const root = mkdtempSync(join(tmpdir(), "pygen-bench-import-"));
  try {
    const result = generateSdk({ models, origin: label }, { topLevelPackage: "sdk_import_bench" });
    await writeGeneratedFiles(root, result.files, { overwrite: true });
    const importing = [join(VENV, "python"), "-c", "import sdk_import_bench"];
    const cold = timed(importing, root);
    const warm = cold.error ? undefined : timed(importing, root);
    const mypy = values["no-mypy"]
      ? undefined
      : timed([join(VENV, "mypy"), "--strict", "--cache-dir", join(root, ".mypy_cache"), "--no-error-summary", "sdk_import_bench"], root);
    const views = models.reduce((sum, model) => sum + model.views.length, 0);
    console.log(
      `${label.padEnd(24)} ${String(views).padStart(5)} views  import cold ${show(cold)}  warm ${show(warm)}  mypy --strict ${show(mypy)}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const shared = await Promise.all(
  sharedModelNames().map(async (name) => ({ name, models: (await loadModelFile(sharedModelPath(name))).models })),
);
const largest = shared.sort(
  (a, b) => b.models.reduce((sum, model) => sum + model.views.length, 0) - a.models.reduce((sum, model) => sum + model.views.length, 0),
)[0];
if (largest) await measure(`shared ${largest.name}`, largest.models);
else console.log("shared models: ../shared/models absent, skipped");
for (const size of SIZES) await measure(`synthetic ring ${size}`, [syntheticModel(size)]);
