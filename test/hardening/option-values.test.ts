/**
 * Option values reach the commands exactly as typed: names, versions, tokens, ids and paths are text (cac's
 * parser would read `007` as 7, `1.0` as 1, `2.10` as 2.1 and `""` as 0), empty values are usage errors naming
 * the option, numeric options are checked as numbers, and an output folder that cannot exist is a usage error.
 * Every option of every command is driven, so a new option is covered the day it is added.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { commandLine, parseArguments, runCli } from "../../src/cli.ts";
import { UsageError } from "../../src/errors.ts";
import { isolatedBinary, runBinary, runBinaryAsync } from "../support/binary.ts";
import { FakeServer } from "../support/fake-server.ts";

const io = { stdout: () => {}, stderr: () => {} };
/** Options that are numbers by nature; all others are text. */
const NUMERIC = new Set(["port", "tokenTtl", "faultRate", "faultAfterApply", "faultStatus", "latencyMs", "seed"]);
const TRICKY = ["007", "1.0", "2.10", "1e3", "0x10", "-0", "Infinity", " 5"];

const valueOptions = commandLine(io).commands.flatMap((command) =>
  command.options
    .filter((option) => !option.isBoolean)
    .map((option) => ({ command: command.name, name: option.name, flag: option.rawName.match(/--[\w-]+/g)?.at(-1) as string })),
);

describe("every option value is text as typed", () => {
  test("the commands have value options to check", () => {
    expect(valueOptions.length).toBeGreaterThan(40);
    expect(new Set(valueOptions.filter((option) => NUMERIC.has(option.name)).map((option) => option.name)).size).toBe(NUMERIC.size);
  });

  for (const { command, name, flag } of valueOptions.filter((option) => !NUMERIC.has(option.name))) {
    test(`${command} ${flag}`, () => {
      for (const value of TRICKY) {
        for (const argv of [
          [command, flag, value],
          [command, `${flag}=${value}`],
        ]) {
          // `--flag -0` reads as a flag: a value starting with a dash goes after `=`.
          if (value.startsWith("-") && argv.length === 3) continue;
          const cli = commandLine(io);
          parseArguments(cli, argv);
          expect(cli.options[name]).toBe(value);
        }
      }
      const cli = commandLine(io);
      parseArguments(cli, [command, flag, "007", flag, "1.0"]);
      expect(cli.options[name]).toEqual(["007", "1.0"]);
    });
  }

  test("positional words and words after -- keep their text too", () => {
    const cli = commandLine(io);
    parseArguments(cli, ["generate", "007", "--", "1.0"]);
    expect(cli.args).toEqual(["007"]);
    expect(cli.options["--"]).toEqual(["1.0"]);
  });
});

describe("empty option values", () => {
  for (const { command, flag } of valueOptions) {
    test(`${command} ${flag} ""`, async () => {
      for (const value of ["", "  "]) {
        const error = await runCli([command, flag, value], io).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(UsageError);
        expect((error as Error).message).toBe(`${flag} has an empty value; give one or leave the option out`);
      }
    });
  }
});

describe("through the binary", () => {
  const { binary, dir } = isolatedBinary();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("--instance-space 007 is the generated SDK's default space", () => {
    const out = join(dir, "space-sdk");
    const result = runBinary(binary, ["generate", "--quiet", "--instance-space", "007", "-o", out], dir);
    expect(result.stderr).toBe("");
    expect(readFileSync(join(out, "hydro_plant_model", "_client.py"), "utf8")).toContain('default_space = "007"');
  });

  test("--space, --model-version, --project and the token reach CDF as typed", async () => {
    const server = new FakeServer();
    try {
      for (const version of ["1.0", "2.10", "007"]) {
        server.requests.length = 0;
        server.handle = () => Response.json({ items: [] });
        const args = ["generate", "--model", "Plant", "--space", "007", "--model-version", version, "--project", "007"];
        const result = await runBinaryAsync(binary, [...args, "--cdf-url", server.url], dir, { CDF_TOKEN: "007" });
        expect(result.stderr).toContain(`data model 007:Plant/${version} not found in CDF project 007`);
        const request = server.requests.find((recorded) => recorded.path.endsWith("/models/datamodels/byids"));
        expect(request?.path).toBe("/api/v1/projects/007/models/datamodels/byids");
        expect(JSON.parse(request?.body ?? "{}").items).toEqual([{ space: "007", externalId: "Plant", version }]);
        expect(request?.headers.get("authorization")).toBe("Bearer 007");
      }
    } finally {
      server.stop();
    }
  });

  test("emulate --token 007 accepts exactly that token, --project 007 seeds that project", async () => {
    const child = Bun.spawn([binary, "emulate", "--port", "0", "--token", "007", "--project", "007"], {
      cwd: dir,
      stdout: "pipe",
      stderr: "pipe",
    });
    try {
      const { value } = await child.stdout.getReader().read();
      const url = new TextDecoder().decode(value).split("\n")[0]?.trim() ?? "";
      const list = (token: string) => fetch(`${url}/api/v1/projects/007/models/spaces`, { headers: { authorization: `Bearer ${token}` } });
      expect((await list("007")).status).toBe(200);
      expect((await list("7")).status).toBe(401);
    } finally {
      child.kill("SIGINT");
      await child.exited;
    }
    expect(await new Response(child.stderr).text()).toContain("project: 007");
  });

  test("numeric options are checked as numbers", () => {
    const cases: [string[], string][] = [
      [["--port", "abc"], '--port must be a port number (0 picks a free port), not "abc"'],
      [["--port", "0x50"], '--port must be a port number (0 picks a free port), not "0x50"'],
      [["--port=-1"], '--port must be a port number (0 picks a free port), not "-1"'],
      [["--port", "70000"], '--port must be a port number (0 picks a free port), not "70000"'],
      [["--fault-rate", "1.5"], '--fault-rate must be a share between 0 and 1, not "1.5"'],
      [["--fault-status", "200"], '--fault-status must be HTTP error codes such as 429,503, not "200"'],
      [["--latency-ms", "1e3"], '--latency-ms must be a non-negative number of milliseconds, not "1e3"'],
      [["--seed", "1.5"], '--seed must be an integer, not "1.5"'],
      [["--token-ttl", "0"], '--token-ttl must be a positive number of seconds, not "0"'],
    ];
    for (const [args, message] of cases) {
      const result = runBinary(binary, ["emulate", ...args], dir);
      expect({ args, exitCode: result.exitCode, stderr: result.stderr }).toEqual({ args, exitCode: 2, stderr: `error: ${message}\n` });
    }
  });

  test("empty and impossible values are one usage error naming the option", () => {
    writeFileSync(join(dir, "a-file"), "not a folder\n");
    const cases: [string[], string][] = [
      [["-o", ""], "--output has an empty value; give one or leave the option out"],
      [["--top-level-package", ""], "--top-level-package has an empty value; give one or leave the option out"],
      [["--templates", ""], "--templates has an empty value; give one or leave the option out"],
      [["--config", ""], "--config has an empty value; give one or leave the option out"],
      [["-o", "a-file/sub"], `--output ${join(dir, "a-file", "sub")} cannot be created: ${join(dir, "a-file")} is a file, not a folder`],
      [["-o", "a-file"], `--output ${join(dir, "a-file")} is a file, not a folder`],
      [
        ["-o", "."],
        `--output ${dir} is the current folder; pygen replaces the output folder as a whole, so run it from outside (cd ${join(dir, "..")} && pygen generate -o ${basename(dir)} …)`,
      ],
      [["--templates", "a-file"], `--templates ${join(dir, "a-file")} is a file, not a folder`],
      [["--templates", "missing"], `--templates ${join(dir, "missing")} does not exist`],
      [
        ["--top-level-package", "007"],
        '--top-level-package: top-level package must be an identifier (letters, digits, underscores) or dot-separated identifiers: "007" is not one',
      ],
      [["--client-name", "1.0"], '--client-name: client name must be an identifier (letters, digits, underscores), not "1.0"'],
    ];
    for (const [args, message] of cases) {
      const result = runBinary(binary, ["generate", "--quiet", ...args], dir);
      expect({ args, exitCode: result.exitCode, stderr: result.stderr }).toEqual({ args, exitCode: 2, stderr: `error: ${message}\n` });
    }
  });

  test("a folder given as --config or --credentials is a clear error, not an internal one or a permission hint", () => {
    const config = runBinary(binary, ["validate", "--config", "."], dir);
    expect(config).toMatchObject({ exitCode: 3, stderr: `error: ${dir}: config file is a folder, not a file\n` });
    const credentials = runBinary(binary, ["validate", "--credentials", ".", "--model", "sp:M/1"], dir);
    expect(credentials).toMatchObject({ exitCode: 3, stderr: "error: .: credentials file is a folder, not a file\n" });
  });
});
