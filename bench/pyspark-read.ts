/**
 * The PySpark runtime's reads (not a test: it prints a table).
 *
 *   bun run bench/pyspark-read.ts [--nodes 100000]
 *
 * Starts the emulator with the bundled example model and runs bench/pyspark_read_probe.py with .venv/bin/python
 * (made by scripts/python-checks.sh, which installs pyspark; Spark needs Java 17). The probe seeds --nodes Generator
 * nodes and measures rows/s of the Python runtime's plain iteration beside a read into a Spark DataFrame (local[2],
 * every column converted), the time a pushed-down selective filter saves over the same filter left to Spark, and
 * the Python worker's conversion of the pages alone: Arrow batches beside tuples through Spark's own conversion.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { spawnEmulator } from "../test/support/emulator-process.ts";

const { values } = parseArgs({ options: { nodes: { type: "string", default: "100000" } } });
const TOKEN = "bench-token";
const PROJECT = "bench";
const REPO = join(import.meta.dir, "..");
const PYTHON = join(REPO, ".venv", "bin", "python");

if (!(await Bun.file(PYTHON).exists())) throw new Error("no .venv: run scripts/python-checks.sh once");

interface Report {
  nodes: number;
  seeding_s: number;
  plain_iterate_s: number;
  spark_full_s: number;
  spark_two_partitions_s: number;
  selective_rows: number;
  selective_pushed_s: number;
  selective_not_pushed_s: number;
  convert_arrow_s: number;
  convert_tuples_s: number;
}

const emulator = await spawnEmulator(["--token", TOKEN, "--model", "examples/hydro-plant.model.yaml", "--project", PROJECT]);
try {
  const args = ["--base-url", emulator.url, "--project", PROJECT, "--token", TOKEN, "--nodes", String(values.nodes)];
  const child = Bun.spawn([PYTHON, join(REPO, "bench", "pyspark_read_probe.py"), ...args], {
    stdout: "pipe",
    stderr: "pipe",
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
  });
  const [output, errors] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text()]);
  // Spark logs to stderr freely; on failure its last lines say why.
  if ((await child.exited) !== 0) throw new Error(`pyspark_read_probe.py failed:\n${errors.split("\n").slice(-15).join("\n")}`);
  const report = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as Report;
  const rate = (seconds: number, rows = report.nodes) => `${Math.round(rows / seconds).toLocaleString("en-US")} rows/s`;
  const row = (path: string, seconds: number, rows = report.nodes) => ({
    path,
    rows,
    seconds: seconds.toFixed(2),
    rate: rate(seconds, rows),
  });
  console.log(`seeded ${report.nodes} Generator nodes in ${report.seeding_s.toFixed(1)} s (emulator included in every figure)`);
  console.table([
    row("Python runtime: iterate raw pages", report.plain_iterate_s),
    row("Spark DataFrame, 1 partition (noop sink)", report.spark_full_s),
    row("Spark DataFrame, 2 range partitions", report.spark_two_partitions_s),
    row("selective filter, pushed down", report.selective_pushed_s, report.selective_rows),
    row("selective filter, left to Spark", report.selective_not_pushed_s, report.selective_rows),
    row("worker conversion: pages → Arrow batches (reads now)", report.convert_arrow_s),
    row("worker conversion: pages → tuples → Spark's Arrow (before)", report.convert_tuples_s),
  ]);
  const saved = report.selective_not_pushed_s - report.selective_pushed_s;
  console.log(
    `pushdown saved ${saved.toFixed(2)} s (${(report.selective_not_pushed_s / report.selective_pushed_s).toFixed(1)}x) on ${report.selective_rows} of ${report.nodes} rows`,
  );
} finally {
  await emulator.stop();
}
