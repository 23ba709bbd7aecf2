/**
 * The runtime's end-to-end scenario from the compiled JavaScript under Node's own test runner (`node --test`):
 * what a generated SDK ships, run where most of its users run it. The emulator runs here, in Bun.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningEmulator } from "../../../src/emulator/server.ts";
import { compileFiles } from "../compile.ts";
import { startSeededEmulator } from "./model.ts";

const RUNNER = `import assert from "node:assert/strict";
import { test } from "node:test";
import * as runtime from "./templates/typescript/runtime/index.js";
import { runScenario } from "./test/typescript/e2e/scenario.js";

test("the runtime against the emulator (Node, compiled JavaScript)", { timeout: 120000 }, async () => {
  await runScenario(runtime, JSON.parse(process.env.PYGEN_E2E_CONNECTION), (actual, expected, what) => assert.deepStrictEqual(actual, expected, what));
});
`;

let emulator: RunningEmulator;
let directory: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "pygen-ts-node-"));
  emulator = await startSeededEmulator(directory);
});

afterAll(async () => {
  await emulator.stop();
  rmSync(directory, { recursive: true, force: true });
});

test("the compiled runtime passes the scenario under node --test", async () => {
  const out = join(directory, "js");
  compileFiles(out, ["templates/typescript/runtime/index.ts", "test/typescript/e2e/scenario.ts"]);
  writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(out, "runner.test.mjs"), RUNNER);
  const connection = {
    url: emulator.url,
    project: emulator.project,
    tokenUrl: emulator.tokenUrl,
    clientId: "e2e-client",
    clientSecret: "e2e-secret",
  };
  const child = Bun.spawn(["node", "--test", "runner.test.mjs"], {
    cwd: out,
    env: { ...process.env, PYGEN_E2E_CONNECTION: JSON.stringify(connection) },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  expect(`${stdout}${stderr}`).toContain("# pass 1");
  expect(code).toBe(0);
}, 180_000);
