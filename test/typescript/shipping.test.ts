/**
 * How a generated TypeScript SDK ships, proven: the sample package (test/typescript/sample, the shape the
 * generator will emit: .js + .d.ts pairs with the runtime compiled into _runtime/) is packed with `npm pack`,
 * installed into a fresh project with `npm install`, and used against the emulator from plain Node JavaScript,
 * from TypeScript under tsc --strict (nodenext, then run with Node; bundler) and from Bun — with no build step
 * on the user's side.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningEmulator } from "../../src/emulator/server.ts";
import { compileRuntime, REPO, tsc } from "./compile.ts";
import { e2eConnection, startSeededEmulator } from "./e2e/model.ts";

const BUN = join(REPO, "node_modules", ".bin", "bun");
let emulator: RunningEmulator;
let directory: string;
let consumer: string;
let env: Record<string, string | undefined>;

/** Runs a command without blocking: the emulator answering it lives in this process. */
async function run(command: string[], cwd: string): Promise<string> {
  const child = Bun.spawn(command, { cwd, env, stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  if (code !== 0) throw new Error(`${command.join(" ")} failed (${code}):\n${stdout}${stderr}`);
  return stdout;
}

function expectRoundTrip(stdout: string, tag: string): void {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  expect(JSON.parse(last)).toMatchObject({
    name: `from ${tag}`,
    serial: String(2n ** 62n + 7n),
    installed: "2023-11-14T22:13:20.123Z",
    station: "s",
  });
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "pygen-ts-ship-"));
  emulator = await startSeededEmulator(directory);
  env = { ...process.env, PYGEN_E2E_CONNECTION: e2eConnection(emulator), npm_config_cache: join(directory, "npm-cache") };

  // The generated package: the sample's files plus the runtime compiled to _runtime/.
  const sdk = join(directory, "plant-sdk");
  cpSync(join(import.meta.dir, "sample"), sdk, { recursive: true });
  compileRuntime(join(sdk, "_runtime"));
  await run(["npm", "pack", "--silent", "--pack-destination", directory], sdk);
  const tarball = readdirSync(directory).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack wrote no tarball");

  consumer = join(directory, "consumer");
  mkdirSync(consumer);
  cpSync(join(import.meta.dir, "sample-consumer"), consumer, { recursive: true });
  writeFileSync(join(consumer, "package.json"), '{ "name": "consumer", "private": true, "type": "module" }\n');
  await run(["npm", "install", "--offline", "--no-audit", "--no-fund", join(directory, tarball)], consumer);
}, 120_000);

afterAll(async () => {
  await emulator.stop();
  rmSync(directory, { recursive: true, force: true });
});

test("plain JavaScript under Node 20, no build step", async () => {
  expectRoundTrip(await run(["node", "use.mjs", "node-js"], consumer), "node-js");
}, 60_000);

test("TypeScript under tsc --strict with nodenext, then run with Node", async () => {
  tsc(["-p", join(consumer, "tsconfig.nodenext.json")], consumer);
  expectRoundTrip(await run(["node", join("out", "use.js"), "node-ts"], consumer), "node-ts");
}, 60_000);

test("TypeScript under tsc --strict with bundler resolution", () => {
  tsc(["-p", join(consumer, "tsconfig.bundler.json")], consumer);
});

test("Bun runs both the JavaScript and the TypeScript user", async () => {
  expectRoundTrip(await run([BUN, "use.mjs", "bun-js"], consumer), "bun-js");
  expectRoundTrip(await run([BUN, "use.ts", "bun-ts"], consumer), "bun-ts");
}, 60_000);

// Deno from the npm package `deno` (92 MB of binary): used when PYGEN_DENO names it or `deno` is on PATH.
const DENO = process.env.PYGEN_DENO || Bun.which("deno");

test.skipIf(!DENO)(
  "Deno runs the JavaScript and the TypeScript user from node_modules",
  async () => {
    const permissions = ["--allow-env", "--allow-net=127.0.0.1", "--allow-read"];
    expectRoundTrip(await run([DENO as string, "run", ...permissions, "use.mjs", "deno-js"], consumer), "deno-js");
    expectRoundTrip(await run([DENO as string, "run", "--check", ...permissions, "use.ts", "deno-ts"], consumer), "deno-ts");
  },
  60_000,
);

test("the package holds only the SDK and its compiled runtime", () => {
  const installed = join(consumer, "node_modules", "plant-sdk");
  expect(readdirSync(installed).sort()).toEqual(["_runtime", "index.d.ts", "index.js", "package.json", "views.d.ts", "views.js"]);
  expect(readdirSync(join(installed, "_runtime")).some((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))).toBe(false);
  expect(readdirSync(join(installed, "_runtime"))).toContain("index.d.ts");
});
