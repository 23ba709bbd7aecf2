// Runs example-e2e.ts's steps as tests: under `node --test` from tsc's output (out/), under `bun test` from the
// TypeScript source. PYGEN_E2E_CONNECTION says where the emulator is; PYGEN_E2E_TAG names the run.
import assert from "node:assert/strict";
import { test } from "node:test";

const { ExampleRun, STEPS } = await import(typeof Bun === "undefined" ? "./out/example-e2e.js" : "./example-e2e.ts");
const run = new ExampleRun(JSON.parse(process.env.PYGEN_E2E_CONNECTION ?? "{}"), process.env.PYGEN_E2E_TAG ?? "e2e");
for (const [name, step] of STEPS) {
  test(name, { timeout: 120_000 }, () => step(run, (actual, expected, what) => assert.deepStrictEqual(actual, expected, what)));
}
