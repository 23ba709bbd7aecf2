/**
 * The service's guards: models fetched from CDF (a local emulator, allowed with the loopback flag) with a
 * token and with client credentials, after which the secrets are searched for in every log line, stored row
 * and response; SSRF checks; constant-time keys; rate limits.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { syntheticModel } from "../../bench/synthetic-model.ts";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.ts";
import { ApiKeys, checkOutboundUrl, isInternalAddress, RateLimiter, UrlNotAllowedError } from "../../src/service/security.ts";
import { EXAMPLE_MODEL_NAME } from "../../src/sources.ts";
import { call, post, useService, waitForJob } from "./harness.ts";

const TOKEN = "emulator-token-SECRET-7f3a9c";
const CLIENT_SECRET = "client-secret-SECRET-51be0d";
const CLIENT_ID = "pygen-test-client";
const REPO = join(import.meta.dir, "..", "..");

let emulator: RunningEmulator;
let credentialsEmulator: RunningEmulator;
beforeAll(async () => {
  const modelFiles = [join(REPO, EXAMPLE_MODEL_NAME)];
  emulator = await startEmulator({ token: TOKEN, project: "plant", modelFiles });
  credentialsEmulator = await startEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, project: "plant", modelFiles });
});
afterAll(async () => {
  await emulator?.stop();
  await credentialsEmulator?.stop();
});

const running = useService({ urls: { allowedHosts: ["*.cognitedata.com"], allowLoopback: true } });
const cdfRequest = (cdfUrl: string, credentials: Record<string, string>) => ({
  space: "pygen_example",
  external_id: "HydroPlantModel",
  version: "1",
  project: "plant",
  cdf_url: cdfUrl,
  cdf_credentials: credentials,
  output_format: "code",
});

describe("a model from CDF", () => {
  const answers: string[] = [];

  test("is fetched with a token, and the job generates it", async () => {
    const accepted = await post(`${running.url}/generate`, cdfRequest(emulator.url, { token: TOKEN }));
    answers.push(accepted.text);
    expect(accepted.status).toBe(202);
    const done = await waitForJob(running.url, accepted.body.job_id);
    answers.push(done.text);
    expect(done.body.status).toBe("completed");
    expect(done.body.summary.client_name).toBe("HydroPlantModelClient");
    answers.push((await call(`${running.url}/generate/${accepted.body.job_id}/download`)).text);
  });

  test("is fetched with client credentials through the token endpoint", async () => {
    const accepted = await post(
      `${running.url}/generate`,
      cdfRequest(credentialsEmulator.url, {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        token_url: credentialsEmulator.tokenUrl as string,
      }),
    );
    answers.push(accepted.text);
    expect(accepted.status).toBe(202);
    const done = await waitForJob(running.url, accepted.body.job_id);
    answers.push(done.text);
    expect(done.body.status).toBe("completed");
  });

  test("refused credentials and a missing model are clear errors that do not echo the secret", async () => {
    const refused = await post(`${running.url}/generate`, cdfRequest(emulator.url, { token: `${TOKEN}-wrong` }));
    answers.push(refused.text);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("cdf_authentication_failed");
    const badSecret = await post(
      `${running.url}/generate`,
      cdfRequest(credentialsEmulator.url, {
        client_id: CLIENT_ID,
        client_secret: `${CLIENT_SECRET}x`,
        token_url: credentialsEmulator.tokenUrl as string,
      }),
    );
    answers.push(badSecret.text);
    expect(badSecret.body.error.code).toBe("cdf_authentication_failed");
    const missing = await post(`${running.url}/generate`, { ...cdfRequest(emulator.url, { token: TOKEN }), version: "99" });
    answers.push(missing.text);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("model_not_found");
    const wrongType = await post(`${running.url}/generate`, cdfRequest(emulator.url, { token: 12345 as unknown as string }));
    answers.push(wrongType.text);
    expect(wrongType.status).toBe(400);
  });

  test("a token URL off the allowlist is refused like cdf_url", async () => {
    const answer = await post(
      `${running.url}/generate`,
      cdfRequest(emulator.url, { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, token_url: "https://10.0.0.1/token" }),
    );
    answers.push(answer.text);
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe("url_not_allowed");
  });

  test("no secret appears in any response, log line or stored row", async () => {
    const secrets = [TOKEN, CLIENT_SECRET];
    const db = new Database(join(running.dataDir, "jobs.db"), { readonly: true });
    const rows = db.query<Record<string, unknown>, []>("SELECT * FROM jobs").all();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // Payloads and results are gzipped JSON: searched decompressed as well as raw.
    const stored = rows.flatMap((row) =>
      Object.values(row).map((value) =>
        value instanceof Uint8Array ? new TextDecoder().decode(Bun.gunzipSync(value as Uint8Array<ArrayBuffer>)) : String(value),
      ),
    );
    db.close();
    const haystacks = { responses: answers, logs: running.logs, rows: stored };
    for (const [where, texts] of Object.entries(haystacks)) {
      expect(texts.length).toBeGreaterThan(0);
      for (const secret of secrets) expect({ where, found: texts.some((text) => text.includes(secret)) }).toEqual({ where, found: false });
    }
    // The search itself works: the stored payload holds the model that came from CDF.
    expect(stored.some((text) => text.includes("HydroPlantModel"))).toBe(true);
  });
});

describe("outbound URL checks", () => {
  const policy = { allowedHosts: ["*.cognitedata.com", "https://cdf.example.org"], allowLoopback: false };
  const refused = async (url: string) => {
    try {
      await checkOutboundUrl(url, policy, "cdf_url");
      return "allowed";
    } catch (error) {
      return error instanceof UrlNotAllowedError ? error.message : `unexpected ${error}`;
    }
  };

  test("only https hosts on the allowlist, without user info, not internal addresses", async () => {
    expect(await refused("http://westeurope-1.cognitedata.com")).toContain("must be https");
    expect(await refused("https://evil.com")).toContain("not on the service's allowlist");
    expect(await refused("https://cognitedata.com.evil.com")).toContain("not on the service's allowlist");
    expect(await refused("https://a:b@westeurope-1.cognitedata.com")).toContain("user name or password");
    expect(await refused("https://127.0.0.1")).toContain("allowlist");
    expect(await refused("http://localhost:8080")).toContain("must be https");
    expect(await refused("not a url")).toContain("not a URL");
  });

  test("loopback passes only with the flag", async () => {
    const url = await checkOutboundUrl("http://127.0.0.1:1234", { ...policy, allowLoopback: true }, "cdf_url");
    expect(url.port).toBe("1234");
  });

  test("an allowed name that is an internal address is refused", async () => {
    const internalPolicy = { allowedHosts: ["10.1.2.3", "[fd00::1]"], allowLoopback: false };
    await expect(checkOutboundUrl("https://10.1.2.3", internalPolicy, "cdf_url")).rejects.toThrow("internal address");
    await expect(checkOutboundUrl("https://[fd00::1]", internalPolicy, "cdf_url")).rejects.toThrow("internal address");
  });

  test("internal address ranges", () => {
    for (const address of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fc00::2",
      "::ffff:10.0.0.1",
    ]) {
      expect({ address, internal: isInternalAddress(address) }).toEqual({ address, internal: true });
    }
    for (const address of ["8.8.8.8", "172.32.0.1", "2001:4860::8888", "::ffff:8.8.8.8"]) {
      expect({ address, internal: isInternalAddress(address) }).toEqual({ address, internal: false });
    }
  });
});

describe("API keys and rate limits", () => {
  test("keys match exactly and are named by a hash", () => {
    const keys = new ApiKeys(["alpha-key", "beta-key"]);
    expect(keys.check("alpha-key")).toMatch(/^key-[0-9a-f]{12}$/);
    expect(keys.check("beta-key")).not.toBe(keys.check("alpha-key"));
    expect(keys.check("alpha-ke")).toBeUndefined();
    expect(keys.check("alpha-key ")).toBeUndefined();
    expect(keys.check("")).toBeUndefined();
  });

  test("a bucket per key refills over time and says how long to wait", () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("b")]).toEqual([0, 0, 0]);
    expect(limiter.take("a")).toBe(30);
    now += 30_000;
    expect(limiter.take("a")).toBe(0);
  });
});

describe("the rate limit over HTTP", () => {
  const limited = useService({ rateLimitPerMinute: 3 });
  test("answers 429 with Retry-After once a key used its share", async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let index = 0; index < 4; index++) {
      last = await call(`${limited.url}/generate/unknown-job`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect(last?.body.error.code).toBe("rate_limited");
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("the job timeout", () => {
  // The clock starts when the thread takes the job up: 300 ms are far more than a one-view job needs, even on a busy
  // machine right after its thread was replaced, and far less than 1500 views take (over a second on a quiet one).
  const timed = useService({ jobTimeoutMs: 300, workers: 1, maxBodyBytes: 12 * 1024 * 1024, maxModelBytes: 12 * 1024 * 1024 });

  test("a job past the timeout is stopped and fails, and the next job still runs", async () => {
    const large = await post(`${timed.url}/generate`, { model: syntheticModel(1500) });
    expect(large.status).toBe(202);
    const done = await waitForJob(timed.url, large.body.job_id);
    expect(done.body.status).toBe("failed");
    expect(done.body.errors[0]).toMatchObject({ code: "timeout", message: expect.stringContaining("job timeout") });
    const small = await post(`${timed.url}/generate`, { model: syntheticModel(1) });
    expect((await waitForJob(timed.url, small.body.job_id)).body.status).toBe("completed");
  }, 30_000);
});

describe("limits on the work", () => {
  const limited = useService({ maxModelBytes: 400 * 1024, workers: 1 });

  test("a model beyond the size limit is refused at the door", async () => {
    const answer = await post(`${limited.url}/generate`, { model: syntheticModel(120) });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe("model_too_large");
  });
});
