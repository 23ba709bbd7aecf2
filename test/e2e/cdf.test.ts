/**
 * The compiled binary fetching its model from CDF — an emulator started here, serving the example model behind
 * client-credentials auth — with settings from the environment, flags, a credentials file, pygen.yaml and a
 * pygen v1 pyproject.toml, and the precedence between them.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { chmodSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.ts";
import { EXIT_CODES } from "../../src/errors.ts";
import { EXAMPLE_MODEL_NAME } from "../../src/sources.ts";
import { folderWith, isolatedBinary, type RunResult, runBinaryAsync } from "../support/binary.ts";
import { spawnEmulator } from "../support/emulator-process.ts";

const CLIENT_ID = "pygen-ci";
const CLIENT_SECRET = "e2e-client-secret-value";
const MODEL = "pygen_example:HydroPlantModel/1";

let binary: string;
let dir: string;
let emulator: RunningEmulator;
/** Client credentials for the emulator, as CDF_* variables; `project` and the address vary per test. */
let credentials: Record<string, string>;

beforeAll(async () => {
  ({ binary, dir } = isolatedBinary());
  emulator = await startEmulator({
    modelFiles: [join(import.meta.dir, "..", "..", EXAMPLE_MODEL_NAME)],
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
  });
  credentials = { CDF_CLIENT_ID: CLIENT_ID, CDF_CLIENT_SECRET: CLIENT_SECRET, CDF_TOKEN_URL: emulator.tokenUrl as string };
});
afterAll(async () => {
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[], env: Record<string, string>, cwd = dir): Promise<RunResult> => runBinaryAsync(binary, args, cwd, env);
const fromEnvironment = () => ({ ...credentials, CDF_URL: emulator.url, CDF_PROJECT: emulator.project });

const folder = (name: string, files: Record<string, string>): string => folderWith(join(dir, name), files);

describe("a model from CDF, client credentials from CDF_* variables", () => {
  test("inspect fetches it, with a timed progress line on stderr", async () => {
    const result = await run(["inspect", "--model", MODEL], fromEnvironment());
    expect(result.stderr).toMatch(/^fetch pygen_example:HydroPlantModel\/1 from CDF … \d+ ms\n$/);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toStartWith("Hydro plant — pygen_example:HydroPlantModel(version=1)\n6 views");
  });

  test("validate fetches it too; the triple form --space/--model/--model-version works", async () => {
    const args = ["validate", "--space", "pygen_example", "--model", "HydroPlantModel", "--model-version", "1", "--json"];
    const result = await run(args, fromEnvironment());
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).isValid).toBe(true);
  });

  test("--verbose shows the settings' sources and the HTTP requests, never the secret", async () => {
    const result = await run(["inspect", "--model", MODEL, "--verbose"], fromEnvironment());
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain("debug: connection: baseUrl from environment, project from environment, clientId from environment");
    expect(result.stderr).toMatch(/debug: POST http:\/\/127\.0\.0\.1:\d+\/oauth2\/token 200/);
    expect(result.stderr).toMatch(/debug: POST \/models\/datamodels\/byids .*200/);
    expect(result.stderr).not.toContain(CLIENT_SECRET);
  });

  test("a model that does not exist is a client error naming it", async () => {
    const result = await run(["inspect", "--model", "pygen_example:Nope/1"], fromEnvironment());
    expect(result.exitCode).toBe(EXIT_CODES.client);
    expect(result.stderr).toContain(`error: data model pygen_example:Nope/1 not found in CDF project ${emulator.project}`);
  });

  test("a refused secret is an authentication error that does not show the secret", async () => {
    const result = await run(["inspect", "--model", MODEL], { ...fromEnvironment(), CDF_CLIENT_SECRET: "wrong-secret-value" });
    expect(result.exitCode).toBe(EXIT_CODES.authentication);
    expect(result.stderr).toContain(`refused client ${CLIENT_ID}`);
    expect(result.stderr).not.toContain("wrong-secret-value");
  });

  test("an unreachable address is a client error at once (client.maxRetries: 0 in the config)", async () => {
    const cwd = folder("unreachable", { "pygen.yaml": "client:\n  maxRetries: 0\n" });
    const result = await run(["inspect", "--model", MODEL], { ...fromEnvironment(), CDF_URL: "http://127.0.0.1:1" }, cwd);
    expect(result.exitCode).toBe(EXIT_CODES.client);
    expect(result.stderr).toContain("error: POST /models/datamodels/byids: cannot reach CDF at 127.0.0.1:1");
  });

  test("missing credentials name every way to set them", async () => {
    const result = await run(["inspect", "--model", MODEL], { CDF_URL: emulator.url, CDF_PROJECT: emulator.project });
    expect(result.exitCode).toBe(EXIT_CODES.authentication);
    expect(result.stderr).toContain("error: no credentials in the environment: set CDF_TOKEN, or CDF_CLIENT_ID and CDF_CLIENT_SECRET");
    expect(result.stderr).toContain("--credentials file, or client: in pygen.yaml");
  });
});

test("binary to binary: pygen emulate --model-file serves what pygen validate fetches", async () => {
  const server = await spawnEmulator(["--model-file", join(import.meta.dir, "..", "..", EXAMPLE_MODEL_NAME), "--token", "t0ken"], {
    command: [binary],
    cwd: dir,
  });
  try {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const result = await run(["validate", "--model", MODEL, "--cdf-url", server.url, "--project", "emulator"], { CDF_TOKEN: "t0ken" });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("The model is valid");
  } finally {
    await server.stop();
  }
});

describe("precedence: flags > credentials file > environment > config file", () => {
  // Only the emulator's default project holds the model, so the project that wins decides the outcome.
  const configFolder = () => folder("precedence", { "pygen.yaml": `client:\n  baseUrl: ${emulator.url}\n  project: from-config-file\n` });

  test("the config file alone", async () => {
    const cwd = folder("config-only", { "pygen.yaml": `client:\n  baseUrl: ${emulator.url}\n  project: ${emulator.project}\n` });
    expect((await run(["inspect", "--model", MODEL], credentials, cwd)).exitCode).toBe(0);
  });

  test("the environment beats the config file", async () => {
    const cwd = configFolder();
    expect((await run(["inspect", "--model", MODEL], credentials, cwd)).stderr).toContain("not found in CDF project from-config-file");
    expect((await run(["inspect", "--model", MODEL], { ...credentials, CDF_PROJECT: emulator.project }, cwd)).exitCode).toBe(0);
  });

  test("a flag beats the environment", async () => {
    const env = { ...credentials, CDF_PROJECT: "from-environment" };
    const cwd = configFolder();
    expect((await run(["inspect", "--model", MODEL], env, cwd)).stderr).toContain("not found in CDF project from-environment");
    expect((await run(["inspect", "--model", MODEL, "--project", emulator.project], env, cwd)).exitCode).toBe(0);
  });

  test("a --credentials file beats the environment and must be private", async () => {
    const cwd = folder("credentials-file", {
      "cdf.yaml": `baseUrl: ${emulator.url}\nproject: ${emulator.project}\nclientId: ${CLIENT_ID}\nclientSecret: ${CLIENT_SECRET}\ntokenUrl: ${emulator.tokenUrl}\n`,
    });
    const env = { CDF_PROJECT: "from-environment", CDF_CLIENT_SECRET: "wrong-secret-value" };
    chmodSync(join(cwd, "cdf.yaml"), 0o644);
    const open = await run(["inspect", "--model", MODEL, "--credentials", "cdf.yaml"], env, cwd);
    expect(open.exitCode).toBe(EXIT_CODES.authentication);
    expect(open.stderr).toContain("run: chmod 600 cdf.yaml");
    chmodSync(join(cwd, "cdf.yaml"), 0o600);
    expect((await run(["inspect", "--model", MODEL, "--credentials", "cdf.yaml"], env, cwd)).exitCode).toBe(0);
  });

  test("a higher layer's token URL replaces a lower layer's tenant, not just adds to it", async () => {
    const cwd = folder("alternatives", {
      "pygen.yaml": `client:\n  cluster: westeurope-1\n  tenantId: some-tenant\n  project: ${emulator.project}\n`,
    });
    const result = await run(["inspect", "--model", MODEL, "--cdf-url", emulator.url], credentials, cwd);
    expect(result.exitCode).toBe(0);
  });
});

describe("pygen v1's pyproject.toml", () => {
  test("[tool.pygen] names the model and client, .secret.toml holds the secret; the environment points at the emulator", async () => {
    const cwd = folder("v1", {
      "pyproject.toml": [
        "[project]",
        'name = "plant-sdk"',
        "",
        "[tool.pygen]",
        'cdf_cluster = "westeurope-1"',
        `cdf_project = "${emulator.project}"`,
        'tenant_id = "00000000-0000-0000-0000-000000000000"',
        `client_id = "${CLIENT_ID}"`,
        'data_models = [["pygen_example", "HydroPlantModel", "1"]]',
        'top_level_package = "plant_sdk"',
      ].join("\n"),
      ".secret.toml": `[cognite]\nclient_secret = "${CLIENT_SECRET}"\n`,
    });
    // Only the address and token endpoint differ from the real CDF a v1 user would reach.
    const result = await run(["inspect", "--format", "table"], { CDF_URL: emulator.url, CDF_TOKEN_URL: emulator.tokenUrl as string }, cwd);
    expect(result.stderr).not.toContain("warning");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Hydro plant — pygen_example:HydroPlantModel(version=1)");
  });
});
