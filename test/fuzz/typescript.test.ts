/**
 * The model fuzzer through the TypeScript checks (test/fuzz/typescript-checks.ts) in CI: 20 seeds and the shrunk
 * fixtures of test/fixtures/fuzz, in one batch (one biome, one tsc per module resolution, one import per runtime),
 * each SDK passing biome check, tsc --strict with nodenext and bundler, and an import from Node and Bun (Deno when
 * PYGEN_DENO names it, as .ci/run does). More seeds: `bun bench/fuzz-models.ts --language typescript --seeds 200`.
 */
import { expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { FIXTURES, runCampaign } from "./campaign.ts";

const TYPESCRIPT_FUZZ_SEEDS = 20;

test(`${TYPESCRIPT_FUZZ_SEEDS} fuzzed models and the fixtures give TypeScript SDKs that pass biome, tsc --strict and imports`, async () => {
  const log: string[] = [];
  const failures = await runCampaign({
    language: "typescript",
    seeds: TYPESCRIPT_FUZZ_SEEDS,
    start: 1,
    batch: TYPESCRIPT_FUZZ_SEEDS,
    fixtures: true,
    shrink: false,
    log: (line) => log.push(line),
  });
  // The campaign's own report (each failure with its replay command) when anything failed.
  expect(failures.length === 0 ? "" : log.join("\n")).toBe("");
  const fixtures = readdirSync(FIXTURES).filter((file) => file.endsWith(".model.yaml")).length;
  expect(log.at(-1)).toBe(`${TYPESCRIPT_FUZZ_SEEDS + fixtures} passed, 0 failed`);
}, 300_000);
