/**
 * Benchmark: two pygen binaries side by side on one model, runs interleaved so that a shared machine's load
 * hits both alike. Prints the median and best wall time of `generate --model-file M -o <fresh folder>` for each;
 * asserts nothing. For checking that a change does not slow generation down, e.g. main's binary against a branch's:
 *
 *   bun bench/compare-binaries.ts OLD_BINARY NEW_BINARY MODEL_FILE [RUNS=15]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [oldBinary, newBinary, model, runsText] = Bun.argv.slice(2);
if (!oldBinary || !newBinary || !model) throw new Error("usage: bun bench/compare-binaries.ts OLD_BINARY NEW_BINARY MODEL_FILE [RUNS]");
const RUNS = Number(runsText ?? 15);
const WARMUP = 2;

const binaries = { old: oldBinary, new: newBinary };
const samples: Record<keyof typeof binaries, number[]> = { old: [], new: [] };
for (let run = 0; run < WARMUP + RUNS; run++) {
  for (const [name, binary] of Object.entries(binaries) as [keyof typeof binaries, string][]) {
    const output = mkdtempSync(join(tmpdir(), "pygen-compare-"));
    const started = performance.now();
    const result = Bun.spawnSync([binary, "generate", "--quiet", "--overwrite", "--model-file", model, "-o", output], {
      stdout: "ignore",
      stderr: "pipe",
      env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" },
    });
    const elapsed = performance.now() - started;
    rmSync(output, { recursive: true, force: true });
    if (result.exitCode !== 0) throw new Error(`${binary} failed: ${result.stderr.toString()}`);
    if (run >= WARMUP) samples[name].push(elapsed);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
for (const [name, values] of Object.entries(samples)) {
  console.log(
    `${name}  median ${median(values).toFixed(1)} ms  best ${Math.min(...values).toFixed(1)} ms  (${binaries[name as keyof typeof binaries]})`,
  );
}
console.log(`${RUNS} interleaved runs after ${WARMUP} warm-ups each, on ${model}.`);
