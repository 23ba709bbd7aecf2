/**
 * The TypeScript SDKs `pygen generate --language typescript` emits, checked as users get them: the bundled example,
 * the core-shaped fixture and every shared model (when ../shared is present) are generated through the pipeline,
 * `biome check` passes on the emitted modules, `npm install <folder>` installs them into a fresh project, a user file
 * per SDK type-checks under `tsc --strict` with nodenext and with bundler resolution, Node and Bun import them, and
 * the example's SDK runs a connected-graph scenario against the emulator (use-example.ts: retrieveConnections,
 * edges with properties, asChildClass too) under Bun and, compiled by tsc, under Node, and so does the SDK of the
 * shared OmniMulti models generated together (use-multi.ts).
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataModel } from "../../../src/client/models.ts";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/server.ts";
import { writeGeneratedFiles } from "../../../src/output/writer.ts";
import { generateSdk } from "../../../src/pipeline.ts";
import { loadExampleModel, loadModelFile } from "../../../src/sources.ts";
import { hostileGroupModel, hostileModel, longIdModel } from "../../support/hostile-model.ts";
import { hasSharedModels, sharedModelNames, sharedModelPath } from "../../support/shared-models.ts";
import { biomeCheckSdks, REPO, tsc } from "../compile.ts";
import { CLIENT_ID, CLIENT_SECRET, e2eConnection } from "../e2e/model.ts";

const BUN = join(REPO, "node_modules", ".bin", "bun");
const EXAMPLE_FILE = join(REPO, "examples", "hydro-plant.model.yaml");
/** Shared models generated into one SDK (views of A, B and C on one client; GraphQL on A). */
const MULTI_MODELS = ["OmniMultiA", "OmniMultiB", "OmniMultiC"];

interface Sdk {
  label: string;
  packageName: string;
  clientName: string;
  folder: string;
}

let directory: string;
let consumer: string;
const sdks: Sdk[] = [];

async function run(command: string[], cwd: string, env: Record<string, string | undefined> = process.env): Promise<string> {
  const child = Bun.spawn(command, { cwd, env, stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  if (code !== 0) throw new Error(`${command.join(" ")} failed (${code}):\n${stdout}${stderr}`);
  return stdout;
}

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
  sdks.push({ label, packageName: result.config.topLevelPackage, clientName: result.config.clientName, folder });
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
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), '{ "name": "consumer", "private": true, "type": "module" }\n');
  const env = { ...process.env, npm_config_cache: join(directory, "npm-cache") };
  await run(["npm", "install", "--offline", "--no-audit", "--no-fund", ...sdks.map((sdk) => sdk.folder)], consumer, env);

  // One user file per SDK: its client constructed, and its index's names imported.
  const users = ["use-example.ts", ...(hasSharedModels ? ["use-multi.ts"] : [])];
  for (const user of [...users, "e2e-env.ts"]) copyFileSync(join(import.meta.dir, user), join(consumer, user));
  for (const [index, sdk] of sdks.entries()) {
    if (index === 0) continue;
    const file = `use-${index}.ts`;
    writeFileSync(
      join(consumer, file),
      [
        `import * as sdk from "${sdk.packageName}";`,
        `const client = new sdk.${sdk.clientName}({ baseUrl: "http://127.0.0.1:9", project: "p", credentials: new sdk.Token("t") });`,
        "export const apis: unknown[] = Object.values(client);",
        "",
      ].join("\n"),
    );
    users.push(file);
  }
  // The example README's usage, as one file: what users copy must type-check too.
  const readme = readFileSync(join(sdks[0]?.folder ?? "", "README.md"), "utf8");
  const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
  expect(snippets.length).toBeGreaterThan(1);
  writeFileSync(join(consumer, "readme-example.ts"), `${snippets.join("\n")}export {};\n`);
  users.push("readme-example.ts");
  const options = { strict: true, target: "es2022", lib: ["es2022", "dom"], types: [], noEmit: true, skipLibCheck: false };
  const config = (module: string, moduleResolution: string, more: Record<string, unknown> = {}) =>
    `${JSON.stringify({ compilerOptions: { ...options, module, moduleResolution, ...more }, files: users }, null, 2)}\n`;
  // nodenext also emits the users, so Node runs the example's scenario from tsc's output.
  writeFileSync(join(consumer, "tsconfig.nodenext.json"), config("nodenext", "nodenext", { noEmit: false, outDir: "out" }));
  writeFileSync(join(consumer, "tsconfig.bundler.json"), config("preserve", "bundler"));
  writeFileSync(
    join(consumer, "import-all.mjs"),
    `${sdks.map((sdk, index) => `import { ${sdk.clientName} as Client${index} } from "${sdk.packageName}";`).join("\n")}\nconsole.log([${sdks.map((_, index) => `typeof Client${index}.fromEnv`).join(", ")}].join(","));\n`,
  );
}, 180_000);

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

test("biome check passes on every emitted module (the vendored runtime is tsc's output, checked in its own tests)", () => {
  biomeCheckSdks(join(directory, "sdks"));
}, 60_000);

test("each SDK type-checks under tsc --strict with nodenext and with bundler resolution", () => {
  tsc(["-p", join(consumer, "tsconfig.nodenext.json")], consumer);
  tsc(["-p", join(consumer, "tsconfig.bundler.json")], consumer);
}, 120_000);

test("Node and Bun import every SDK installed with npm install <folder>", async () => {
  const expected = sdks.map(() => "function").join(",");
  expect((await run(["node", "import-all.mjs"], consumer)).trim()).toBe(expected);
  expect((await run([BUN, "import-all.mjs"], consumer)).trim()).toBe(expected);
}, 60_000);

let emulator: RunningEmulator | undefined;
afterAll(async () => {
  await emulator?.stop();
});

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
  emulator = await startEmulator({ modelFiles: [EXAMPLE_FILE], clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  const env = { ...process.env, PYGEN_E2E_CONNECTION: e2eConnection(emulator) };
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
