/**
 * The model fuzzer through the TypeScript checks (test/fuzz/typescript-checks.ts) in CI: 20 seeds and the shrunk
 * fixtures of test/fixtures/fuzz, in one batch (one biome, one tsc per module resolution, one import per runtime),
 * each SDK passing biome check, tsc --strict with nodenext and bundler, and an import from Node and Bun (Deno when
 * PYGEN_DENO names it, as .ci/run does); and how the checks attribute a tool's output to the SDK it names. More
 * seeds: `bun bench/fuzz-models.ts --language typescript --seeds 200`.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { FIXTURES, runCampaign } from "./campaign.ts";
import { attribute, importFailures } from "./typescript-checks.ts";

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

describe("the TypeScript checks' reports", () => {
  const sdks = ["fuzz_1", "fuzz_10", "fuzz_2"].map((name) => ({
    packageName: name,
    clientName: "FuzzClient",
    folder: `/tmp/sdks/${name}`,
  }));

  test("tsc and Biome lines go to the SDK they name, a diagnostic's indented lines with it; fuzz_1 is not fuzz_10", () => {
    const text = [
      "../sdks/fuzz_10/pump.d.ts(4,15): error TS2305: Module '\"./v1.js\"' has no exported member 'V1Write'.",
      "use-fuzz_2.ts(1,1): error TS2307: Cannot find module 'fuzz_2'.",
      "fuzz_1/index.d.ts:3:1 assist/source/organizeImports  FIXABLE  ━━━━",
      "",
      "  × Sort these exports.",
      "Checked 30 files in 20ms. No fixes applied.",
    ].join("\n");
    const failures = attribute("tsc nodenext", { code: 2, text }, sdks);
    expect(failures.map((failure) => [failure.name, failure.message])).toEqual([
      ["fuzz_10", "../sdks/fuzz_10/pump.d.ts(4,15): error TS2305: Module '\"./v1.js\"' has no exported member 'V1Write'."],
      ["fuzz_2", "use-fuzz_2.ts(1,1): error TS2307: Cannot find module 'fuzz_2'."],
      ["fuzz_1", "fuzz_1/index.d.ts:3:1 assist/source/organizeImports  FIXABLE  ━━━━"],
    ]);
    expect(failures[2]?.details).toContain("  × Sort these exports.");
    expect(attribute("biome", { code: 0, text }, sdks)).toEqual([]);
  });

  test("a tool that fails without naming an SDK fails them all; an import that never reported fails", () => {
    expect(attribute("biome", { code: 1, text: "crashed\n" }, sdks).map((failure) => failure.name)).toEqual([
      "fuzz_1",
      "fuzz_10",
      "fuzz_2",
    ]);
    const imports = importFailures("import node", { code: 1, text: "fuzz_1 ok\nfuzz_10 FAIL SyntaxError: bad\n" }, sdks);
    expect(imports.map((failure) => [failure.name, failure.message])).toEqual([
      ["fuzz_10", "SyntaxError: bad"],
      ["fuzz_2", "fuzz_10 FAIL SyntaxError: bad"],
    ]);
  });
});
