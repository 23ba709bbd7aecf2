/** The runtime's end-to-end scenario from its TypeScript sources under Bun. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningEmulator } from "../../../src/emulator/server.ts";
import * as runtime from "../../../templates/typescript/runtime/index.ts";
import { startSeededEmulator } from "./model.ts";
import { runScenario } from "./scenario.ts";

let emulator: RunningEmulator;
let directory: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "pygen-ts-runtime-"));
  emulator = await startSeededEmulator(directory);
});

afterAll(async () => {
  await emulator.stop();
  rmSync(directory, { recursive: true, force: true });
});

test("the runtime against the emulator (Bun, TypeScript sources)", async () => {
  const connection = {
    url: emulator.url,
    project: emulator.project,
    tokenUrl: emulator.tokenUrl as string,
    clientId: "e2e-client",
    clientSecret: "e2e-secret",
  };
  await runScenario(runtime, connection, (actual, expected, what) => expect(actual, what).toEqual(expected));
}, 120_000);
