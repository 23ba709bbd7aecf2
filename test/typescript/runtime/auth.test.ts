import { describe, expect, test } from "bun:test";
import {
  CDFAuthError,
  CDFConfigError,
  configFromEnv,
  credentialsFromEnv,
  OAuthClientCredentials,
  Token,
} from "../../../templates/typescript/runtime/index.ts";
import { fakeFetch, fakeTiming, json } from "./fake-fetch.ts";

const oauth = (replies: Parameters<typeof fakeFetch>[0], timing = fakeTiming()) => {
  const fake = fakeFetch(replies);
  const credentials = new OAuthClientCredentials({
    tokenUrl: "https://idp.example.com/token",
    clientId: "my-app",
    clientSecret: "the-client-secret",
    scopes: ["https://cdf.example.com/.default"],
    fetch: fake.fetch,
    timing,
  });
  return { credentials, calls: fake.calls, timing };
};

describe("OAuth client credentials", () => {
  test("posts the client-credentials form and caches the token until shortly before it expires", async () => {
    const { credentials, calls, timing } = oauth([
      json({ access_token: "A", expires_in: 100 }),
      json({ access_token: "B", expires_in: 100 }),
    ]);
    expect(await credentials.authorizationHeader()).toBe("Bearer A");
    expect(await credentials.authorizationHeader()).toBe("Bearer A");
    expect(calls).toHaveLength(1);
    const form = new URLSearchParams(calls[0]?.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "client_credentials",
      client_id: "my-app",
      client_secret: "the-client-secret",
      scope: "https://cdf.example.com/.default",
    });
    // 100 s lifetime, 30 s leeway: refreshed from 70 s on.
    await timing.sleep(69_000);
    expect(await credentials.authorizationHeader()).toBe("Bearer A");
    await timing.sleep(1_000);
    expect(await credentials.authorizationHeader()).toBe("Bearer B");
  });

  test("concurrent callers share one refresh", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { credentials, calls } = oauth([
      async () => {
        await gate;
        return json({ access_token: "shared", expires_in: 3600 });
      },
    ]);
    const waiting = Promise.all(Array.from({ length: 5 }, () => credentials.authorizationHeader()));
    release();
    expect(await waiting).toEqual(Array(5).fill("Bearer shared"));
    expect(calls).toHaveLength(1);
  });

  test("a refused client is a CDFAuthError naming the token URL and client, never the secret", async () => {
    const { credentials } = oauth([json({ error: "invalid_client", error_description: "bad secret" }, 401)]);
    const error = await credentials.authorizationHeader().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CDFAuthError);
    expect(String(error)).toContain("the token endpoint https://idp.example.com/token refused client my-app: invalid_client: bad secret");
    expect(`${String(error)} ${JSON.stringify(error)} ${Bun.inspect(error)}`).not.toContain("the-client-secret");
  });

  test("an unreachable token endpoint is retried, then a connection error", async () => {
    const { credentials, calls } = oauth([new TypeError("x"), new TypeError("x"), new TypeError("x"), new TypeError("x")]);
    await expect(credentials.authorizationHeader()).rejects.toThrow(
      "cannot reach the token endpoint https://idp.example.com/token: TypeError after 4 attempts",
    );
    expect(calls).toHaveLength(4);
  });
});

describe("configuration from the environment", () => {
  test("CDF_TOKEN wins; the config is validated and frozen", () => {
    const config = configFromEnv({ CDF_URL: "https://westeurope-1.cognitedata.com/", CDF_PROJECT: "p", CDF_TOKEN: "t" });
    expect(config.baseUrl).toBe("https://westeurope-1.cognitedata.com");
    expect(config.projectUrl).toBe("https://westeurope-1.cognitedata.com/api/v1/projects/p");
    expect(config.credentials).toBeInstanceOf(Token);
    expect(Object.isFrozen(config)).toBe(true);
  });

  test("client credentials read CDF_CLIENT_ID, CDF_CLIENT_SECRET, CDF_TOKEN_URL and CDF_SCOPES (space or comma separated)", () => {
    const credentials = credentialsFromEnv(
      { CDF_CLIENT_ID: "id", CDF_CLIENT_SECRET: "secret", CDF_TOKEN_URL: "https://idp/token", CDF_SCOPES: "a, b c" },
      "https://api.cognitedata.com",
    );
    expect(credentials).toBeInstanceOf(OAuthClientCredentials);
    expect((credentials as OAuthClientCredentials).scopes).toEqual(["a", "b", "c"]);
    const defaults = credentialsFromEnv(
      { CDF_CLIENT_ID: "id", CDF_CLIENT_SECRET: "s", CDF_TENANT_ID: "tenant" },
      "https://x.cognitedata.com",
    );
    expect((defaults as OAuthClientCredentials).scopes).toEqual(["https://x.cognitedata.com/.default"]);
    expect((defaults as OAuthClientCredentials).tokenUrl).toBe("https://login.microsoftonline.com/tenant/oauth2/v2.0/token");
  });

  test("missing or bad settings are CDFConfigErrors that say what to set", () => {
    expect(() => configFromEnv({})).toThrow("set CDF_URL");
    expect(() => configFromEnv({ CDF_URL: "https://x" })).toThrow("set CDF_PROJECT");
    expect(() => configFromEnv({ CDF_URL: "https://x", CDF_PROJECT: "p" })).toThrow(CDFConfigError);
    expect(() => configFromEnv({ CDF_URL: "https://x", CDF_PROJECT: "p", CDF_CLIENT_ID: "i", CDF_CLIENT_SECRET: "s" })).toThrow(
      "set CDF_TOKEN_URL or CDF_TENANT_ID",
    );
    expect(() => configFromEnv({ CDF_URL: "ftp://x/path", CDF_PROJECT: "p", CDF_TOKEN: "t" })).toThrow("baseUrl must be a scheme and host");
  });
});
