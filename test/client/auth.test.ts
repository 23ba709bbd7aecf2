import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ClientCredentials, connectionFromEnvironment, resolveConnection, settingsFromFile, TokenAuth } from "../../src/client/auth.ts";
import { AuthenticationError, ClientError, ParseError } from "../../src/errors.ts";
import { rejected, thrown } from "../support/failures.ts";

describe("settings from the environment", () => {
  test("a token, with the cluster building the URL", async () => {
    const connection = connectionFromEnvironment({ CDF_CLUSTER: "westeurope-1", CDF_PROJECT: "demo", CDF_TOKEN: "abc" });
    expect(connection.baseUrl).toBe("https://westeurope-1.cognitedata.com");
    expect(connection.project).toBe("demo");
    expect(connection.credentials).toBeInstanceOf(TokenAuth);
    expect(await connection.credentials.authorization()).toBe("Bearer abc");
  });

  test("client credentials with a tenant id get the Entra token URL and the default scope", () => {
    const connection = connectionFromEnvironment({
      CDF_URL: "https://api.cognitedata.com/",
      CDF_PROJECT: "demo",
      CDF_CLIENT_ID: "id",
      CDF_CLIENT_SECRET: "secret",
      CDF_TENANT_ID: "tenant-1",
    });
    expect(connection.baseUrl).toBe("https://api.cognitedata.com");
    expect(connection.credentials).toBeInstanceOf(ClientCredentials);
    const options = (connection.credentials as unknown as { options: { tokenUrl: string; scopes: string[] } }).options;
    expect(options.tokenUrl).toBe("https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token");
    expect(options.scopes).toEqual(["https://api.cognitedata.com/.default"]);
  });

  test("explicit scopes are split on spaces and commas", () => {
    const connection = connectionFromEnvironment({
      CDF_URL: "http://127.0.0.1:9000",
      CDF_PROJECT: "p",
      CDF_CLIENT_ID: "id",
      CDF_CLIENT_SECRET: "secret",
      CDF_TOKEN_URL: "http://127.0.0.1:9000/token",
      CDF_SCOPES: "a b,c",
    });
    expect((connection.credentials as unknown as { options: { scopes: string[] } }).options.scopes).toEqual(["a", "b", "c"]);
  });

  test("missing pieces are named by their variables, and no value is echoed", () => {
    expect(thrown(() => connectionFromEnvironment({ CDF_PROJECT: "p" })).message).toBe(
      "no CDF address in the environment: set CDF_URL or CDF_CLUSTER",
    );
    expect(thrown(() => connectionFromEnvironment({ CDF_CLUSTER: "x" })).message).toBe(
      "no CDF project in the environment: set CDF_PROJECT",
    );
    const error = thrown(() => connectionFromEnvironment({ CDF_CLUSTER: "x", CDF_PROJECT: "p", CDF_CLIENT_SECRET: "top-secret" }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe("no credentials in the environment: set CDF_TOKEN, or CDF_CLIENT_ID and CDF_TOKEN_URL (or CDF_TENANT_ID)");
    expect(thrown(() => connectionFromEnvironment({ CDF_URL: "ftp://x", CDF_PROJECT: "p", CDF_TOKEN: "t" }))).toBeInstanceOf(ClientError);
  });
});

describe("credentials files", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "pygen-auth-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string, mode: number) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    chmodSync(path, mode);
    return path;
  };

  test("a private file is read", async () => {
    const path = write("ok.yaml", "cluster: api\nproject: demo\nclientId: id\nclientSecret: s\ntenantId: t\n", 0o600);
    const connection = resolveConnection(await settingsFromFile(path), path);
    expect(connection.credentials).toBeInstanceOf(ClientCredentials);
  });

  test("a file readable by group or others is refused with the fix", async () => {
    for (const [mode, who] of [
      [0o640, "its group"],
      [0o604, "others"],
    ] as const) {
      const path = write(`open-${mode}.yaml`, "project: demo\ntoken: t\n", mode);
      const error = await rejected(settingsFromFile(path));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.message).toBe(`credentials file ${path} is readable by ${who} (mode ${mode.toString(8)}); run: chmod 600 ${path}`);
    }
  });

  test("unknown keys and missing files are reported", async () => {
    const path = write("typo.yaml", "project: demo\nclient_secret: s\n", 0o600);
    expect((await rejected(settingsFromFile(path))).message).toContain('unknown setting "client_secret"');
    await rejected(settingsFromFile(join(dir, "absent.yaml")), ParseError);
  });
});
