/**
 * The TypeScript SDKs `pygen generate --language typescript` emits, checked as users get them: the bundled example,
 * the core-shaped fixture, the hostile models, every shared model and the OmniMulti trio as one SDK (when ../shared
 * is present) are generated through the pipeline, `biome check` passes on the emitted modules, `npm install
 * <folder>` installs them into a fresh project (test/typescript/consumer.ts), a user file per SDK type-checks under
 * `tsc --strict` with nodenext and with bundler resolution, Node, Bun and Deno import them, and the example's SDK
 * runs end to end against the emulator: use-example.ts (retrieveConnections, edges with properties, asChildClass
 * too) under Bun and Node, and consumer/example-e2e.ts's steps under `node --test`, `bun test` and Deno; so does the
 * SDK of the shared OmniMulti models (use-multi.ts) under Bun and Node.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataModel } from "../../../src/client/models.ts";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/server.ts";
import { writeGeneratedFiles } from "../../../src/output/writer.ts";
import { generateSdk } from "../../../src/pipeline.ts";
import { loadExampleModel, loadModelFile } from "../../../src/sources.ts";
import { hostileGroupModel, hostileModel, longIdModel } from "../../support/hostile-model.ts";
import { hasSharedModels, sharedModelNames, sharedModelPath } from "../../support/shared-models.ts";
import { REPO } from "../compile.ts";
import {
  BUN,
  biomeCheck,
  DENO,
  DENO_PERMISSIONS,
  type GeneratedSdk,
  installSdks,
  RESOLUTIONS,
  run,
  runtimeCommands,
  spawn,
  typeCheck,
  writeImportScript,
  writeTsconfigs,
  writeUserFile,
} from "../consumer.ts";
import { CLIENT_ID, CLIENT_SECRET, e2eConnection } from "../e2e/model.ts";

const EXAMPLE_FILE = join(REPO, "examples", "hydro-plant.model.yaml");
/** Shared models generated into one SDK (views of A, B and C on one client; GraphQL on A). */
const MULTI_MODELS = ["OmniMultiA", "OmniMultiB", "OmniMultiC"];
/** The files of the example's user project, copied beside the installed SDKs. */
const EXAMPLE_USER_FILES = ["example-e2e.ts", "example-e2e-runner.mjs", "example-deno.ts"];

let directory: string;
let consumer: string;
const sdks: GeneratedSdk[] = [];

async function generate(label: string, models: DataModel[], packageName?: string): Promise<void> {
  const result = generateSdk(
    { models, origin: label },
    {
      language: "typescript",
      generatedAt: "2026-01-01T00:00:00+00:00",
      pygenVersion: "9.9.9",
      ...(packageName ? { topLevelPackage: packageName } : {}),
    },
  );
  const folder = join(directory, "sdks", result.config.topLevelPackage);
  await writeGeneratedFiles(folder, result.files);
  sdks.push({ packageName: result.config.topLevelPackage, clientName: result.config.clientName, folder });
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "pygen-ts-gen-"));
  await generate("the bundled example", loadExampleModel().models);
  await generate(
    "core-shaped",
    (await loadModelFile(join(REPO, "test", "fixtures", "models", "core-shaped.model.yaml"))).models,
    "core-shaped-sdk",
  );
  await generate("the hostile models", [hostileModel, hostileGroupModel], "hostile-sdk");
  await generate("a very long externalId", [longIdModel], "long-id-sdk");
  for (const [index, name] of sharedModelNames().entries()) {
    await generate(name, (await loadModelFile(sharedModelPath(name))).models, `shared-sdk-${index}`);
  }
  if (hasSharedModels) {
    const models = await Promise.all(MULTI_MODELS.map(async (name) => (await loadModelFile(sharedModelPath(name))).models));
    await generate("several data models", models.flat());
  }

  consumer = join(directory, "consumer");
  await installSdks(consumer, sdks, join(directory, "npm-cache"));

  // One user file per SDK; the example's and the OmniMulti SDK's are written by hand (they share e2e-env.ts).
  const handWritten = ["use-example.ts", ...(hasSharedModels ? ["use-multi.ts"] : [])];
  for (const file of [...handWritten, "e2e-env.ts"]) copyFileSync(join(import.meta.dir, file), join(consumer, file));
  for (const file of EXAMPLE_USER_FILES) copyFileSync(join(import.meta.dir, "consumer", file), join(consumer, file));
  const users = [...handWritten, "example-e2e.ts"];
  for (const sdk of sdks.slice(1)) users.push(writeUserFile(consumer, sdk));
  // The example README's usage, as one file: what users copy must type-check too.
  const readme = readFileSync(join(sdks[0]?.folder ?? "", "README.md"), "utf8");
  const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
  expect(snippets.length).toBeGreaterThan(1);
  writeFileSync(join(consumer, "readme-example.ts"), `${snippets.join("\n")}export {};\n`);
  users.push("readme-example.ts");
  // nodenext also emits the users, so Node runs the example's scenarios from tsc's output.
  writeTsconfigs(consumer, users, true);
  writeImportScript(consumer, sdks);
}, 180_000);

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

test("biome check passes on every emitted module (the vendored runtime is tsc's output, checked in its own tests)", async () => {
  const output = await biomeCheck(join(directory, "sdks"), join(directory, "biome-config"));
  expect(output.code, output.text).toBe(0);
}, 60_000);

test("each SDK type-checks under tsc --strict with nodenext and with bundler resolution", async () => {
  for (const resolution of RESOLUTIONS) {
    const output = await typeCheck(consumer, resolution);
    expect(output.code, `${resolution}:\n${output.text}`).toBe(0);
  }
}, 120_000);

test(`${Object.keys(runtimeCommands()).join(", ")} import every SDK installed with npm install <folder>`, async () => {
  const expected = sdks.map((sdk) => `${sdk.packageName} ok`);
  for (const command of Object.values(runtimeCommands())) {
    expect((await run([...command, "import-all.mjs"], consumer)).trim().split("\n")).toEqual(expected);
  }
}, 60_000);

let emulator: RunningEmulator | undefined;
afterAll(async () => {
  await emulator?.stop();
});

/** The environment of the example's users: the connection to an emulator seeded with the example model. */
async function exampleEnv(tag: string): Promise<Record<string, string | undefined>> {
  emulator ??= await startEmulator({ modelFiles: [EXAMPLE_FILE], clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  return { ...process.env, PYGEN_E2E_CONNECTION: e2eConnection(emulator), PYGEN_E2E_TAG: tag };
}

/** What use-example.ts prints for its run tagged `tag`. */
function expectedScenario(tag: string): Record<string, unknown> {
  return {
    // 5 nodes (plant, reservoir, inspector, two generators) and 4 edges (two generators, operator, inspection).
    written: 9,
    name: "Plant",
    status: "operating",
    lastInspectedOn: "2024-01-31",
    settings: { mode: "auto", levels: [1, 2] },
    reservoir: `reservoir-${tag}`,
    serial: String(2n ** 60n + 1n),
    alarm: "2023-11-14T22:13:20.123Z",
    plantOfGenerator: `plant-${tag}`,
    retrievedOfTwo: 1,
    bigOnes: [`generator-${tag}-1`],
    operating: [`plant-${tag}`],
    pages: 2,
    iterated: 2,
    twoHops: [
      [
        `plant-${tag}`,
        [
          [`generator-${tag}-1`, ["Ida"]],
          [`generator-${tag}-2`, []],
        ],
      ],
    ],
    inspectorsReached: [`inspector-${tag}`],
    operator: [[`plant-${tag}`, "Ida"]],
    units: [[`plant-${tag}`, [`generator-${tag}-1`]]],
    reservoirPlant: [[`reservoir-${tag}`, "Plant"]],
    deletedEdges: 4,
    deletedNodes: 5,
    gone: true,
    idGenerators: [`generator-${tag}-1`, `generator-${tag}-2`],
    idOperator: `inspector-${tag}`,
    idReservoir: `reservoir-${tag}`,
    fullGenerators: ["G1", "G2"],
    fullOperator: "Ida",
    fullReservoir: "Lake",
    // The reverse relation units: the generators whose plant is this one.
    idUnits: [`generator-${tag}-1`],
    fullUnits: ["G1"],
    edgeScore: 0.5,
    edgePassed: true,
    edgeEnd: "Ida",
    idEdgeEnd: `inspector-${tag}`,
    idEdgeScore: 0.5,
    noInspections: [],
    selectedEdge: [0.5, `generator-${tag}-1:inspector-${tag}`, "Ida"],
    assets: ["generator:2", "plant:operating", "reservoir"],
  };
}

test("the example's SDK writes a connected graph, lists with filters, retrieves, iterates, selects across two hops and reverse relations, and deletes against the emulator, from Bun and Node", async () => {
  const env = await exampleEnv("");
  const lastLine = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "");
  expect(lastLine(await run([BUN, "use-example.ts", "bun"], consumer, env))).toEqual(expectedScenario("bun"));
  // tsc's output of the same file (the type-check test compiled it), run by Node.
  expect(lastLine(await run(["node", join("out", "use-example.js"), "node"], consumer, env))).toEqual(expectedScenario("node"));
}, 120_000);

test.skipIf(!hasSharedModels)(
  "the SDK of several data models writes and reads views of each, reads through an interface as child views, and runs GraphQL on the first model or another, from Bun and Node",
  async () => {
    const modelFiles = MULTI_MODELS.map((name) => sharedModelPath(name));
    const multi = await startEmulator({ modelFiles, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    try {
      const env = { ...process.env, PYGEN_E2E_CONNECTION: e2eConnection(multi) };
      for (const [runner, file] of [
        [BUN, "use-multi.ts"],
        ["node", join("out", "use-multi.js")],
      ] as const) {
        const tag = runner === BUN ? "bun" : "node";
        const printed = JSON.parse((await run([runner, file, tag], consumer, env)).trim().split("\n").at(-1) ?? "");
        expect(printed).toEqual({
          written: 2,
          mains: [[`b-${tag}`, "two"]],
          v2: "sub",
          v1: "one",
          graphqlA: true,
          graphqlC: true,
        });
      }
    } finally {
      await multi.stop();
    }
  },
  120_000,
);

// consumer/example-e2e.ts's steps: upsert of a connected graph, retrieve, every filter kind, search, aggregate,
// histogram, select() over two hops, 10k nodes iterated and resumed, delete.
const STEPS = 7;

test("the example's SDK end to end, step by step, under node --test (tsc's output) and bun test (the TypeScript source)", async () => {
  const node = await spawn(["node", "--test", "example-e2e-runner.mjs"], consumer, await exampleEnv("e2e-node"));
  expect(node.text).toContain(`# pass ${STEPS}\n`);
  expect(node.code, node.text).toBe(0);
  const bun = await spawn([BUN, "test", "--timeout", "120000", "./example-e2e-runner.mjs"], consumer, await exampleEnv("e2e-bun"));
  expect(bun.text).toMatch(new RegExp(`\\b${STEPS} pass\\b`));
  expect(bun.code, bun.text).toBe(0);
}, 240_000);

test.skipIf(DENO === undefined)(
  "the example's SDK end to end under Deno: example-e2e.ts type-checked by Deno and run against the emulator",
  async () => {
    const command = [DENO as string, "run", "--check", ...DENO_PERMISSIONS, "example-deno.ts"];
    const deno = await spawn(command, consumer, await exampleEnv("e2e-deno"));
    expect(deno.code, deno.text).toBe(0);
    expect(deno.text.split("\n").filter((line) => line.startsWith("ok ")).length).toBe(STEPS);
  },
  240_000,
);
