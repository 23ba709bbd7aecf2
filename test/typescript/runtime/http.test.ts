import { describe, expect, test } from "bun:test";
import {
  CDFAPIError,
  CDFAuthError,
  CDFConnectionError,
  CDFNotFoundError,
  CDFRateLimitError,
  clientConfig,
  HttpClient,
  OAuthClientCredentials,
  parseRetryAfter,
  Token,
} from "../../../templates/typescript/runtime/index.ts";
import { fakeFetch, fakeTiming, json } from "./fake-fetch.ts";

const SECRET_TOKEN = "tok-very-secret-123";

function client(replies: Parameters<typeof fakeFetch>[0], options: { maxRetries?: number; token?: Token } = {}) {
  const fake = fakeFetch(replies);
  const timing = fakeTiming();
  const config = clientConfig({
    baseUrl: "https://cdf.example.com/",
    project: "my project",
    credentials: options.token ?? new Token(SECRET_TOKEN),
    retry: { maxRetries: options.maxRetries ?? 3 },
  });
  const lines: string[] = [];
  const http = new HttpClient(config, { fetch: fake.fetch, timing, logger: (line) => lines.push(line) });
  return { http, calls: fake.calls, timing, lines };
}

describe("HttpClient", () => {
  test("sends CDF's headers to the project URL and decodes the answer", async () => {
    const { http, calls } = client([json({ items: [1] })]);
    expect(await http.post("/models/instances/list", { limit: 1 })).toEqual({ items: [1] });
    expect(calls[0]?.url).toBe("https://cdf.example.com/api/v1/projects/my%20project/models/instances/list");
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${SECRET_TOKEN}`);
    expect(calls[0]?.headers["cdf-version"]).toBe("20230101");
    expect(calls[0]?.headers["x-cdp-app"]).toBe("pygen-sdk");
    expect(calls[0]?.body).toBe('{"limit":1}');
  });

  test.each([408, 429, 502, 503, 504])("retries %d, then succeeds", async (status) => {
    const { http, calls } = client([json({ error: { message: "busy" } }, status), json({ ok: true })]);
    expect(await http.get("/x")).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  test("retries a status CDF marks cdf-is-auto-retryable, not a plain 500", async () => {
    const marked = client([json({ error: { message: "x" } }, 500, { "cdf-is-auto-retryable": "true" }), json({})]);
    await marked.http.get("/x");
    expect(marked.calls).toHaveLength(2);
    const plain = client([json({ error: { message: "boom" } }, 500)]);
    await expect(plain.http.get("/x")).rejects.toThrow("500: GET /x: boom");
    expect(plain.calls).toHaveLength(1);
  });

  test("backoff is capped exponential with full jitter; Retry-After wins", async () => {
    const { http, timing } = client([json({}, 503), json({}, 503), json({}, 429, { "retry-after": "7" }), json({})]);
    await http.get("/x");
    // random() is 1 in the fake timing: the waits are the caps 500 ms, 1000 ms, then Retry-After's 7 s.
    expect(timing.slept).toEqual([500, 1000, 7000]);
  });

  test("gives up after the retries with an error that says attempts, elapsed time and request id", async () => {
    const busy = () => json({ error: { message: "slow down" } }, 429, { "x-request-id": "req-42" });
    const { http } = client([busy, busy, busy, busy]);
    const error = await http.get("/x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CDFRateLimitError);
    expect(error).toBeInstanceOf(CDFAPIError);
    const apiError = error as CDFRateLimitError;
    expect(apiError.status).toBe(429);
    expect(apiError.requestId).toBe("req-42");
    expect(apiError.attempts).toBe(4);
    expect(apiError.message).toBe("429: GET /x: slow down (request id req-42) after 4 attempts in 3.5 s");
    expect(apiError.body).toEqual({ error: { message: "slow down" } });
  });

  test("network errors are retried, then raised as CDFConnectionError", async () => {
    const { http, calls } = client([new TypeError("fetch failed"), new TypeError("fetch failed")], { maxRetries: 1 });
    const error = await http.get("/x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CDFConnectionError);
    expect((error as CDFConnectionError).message).toBe("GET /x: cannot reach https://cdf.example.com: TypeError after 2 attempts in 0.5 s");
    expect(calls).toHaveLength(2);
  });

  test("a stalled attempt times out and is retried", async () => {
    const fake = fakeFetch([
      (call) =>
        new Promise<Response>((_, reject) => {
          // fetch rejects when the per-attempt signal fires.
          void call;
          setTimeout(() => reject(new DOMException("timed out", "TimeoutError")), 5);
        }),
      json({ ok: 1 }),
    ]);
    const config = clientConfig({ baseUrl: "http://127.0.0.1:1", project: "p", credentials: new Token("t"), timeoutMs: 1 });
    const lines: string[] = [];
    const http = new HttpClient(config, { fetch: fake.fetch, timing: fakeTiming(), logger: (line) => lines.push(line) });
    expect(await http.get("/x")).toEqual({ ok: 1 });
    expect(lines[0]).toBe("GET /x failed: timed out (retry 0)");
  });

  test("401, 403 and 404 become CDFAuthError and CDFNotFoundError", async () => {
    const denied = client([json({ error: { message: "no access" } }, 403)]);
    await expect(denied.http.get("/x")).rejects.toBeInstanceOf(CDFAuthError);
    const missing = client([json({ error: { message: "no such project" } }, 404)]);
    await expect(missing.http.get("/x")).rejects.toBeInstanceOf(CDFNotFoundError);
  });

  test("a 401 invalidates the token and is tried once more with a fresh one", async () => {
    let issued = 0;
    const token = new Token(() => `fresh-${++issued}`);
    const { http, calls } = client([json({}, 401), json({ ok: true })], { token });
    expect(await http.get("/x")).toEqual({ ok: true });
    expect(calls.map((call) => call.headers.authorization)).toEqual(["Bearer fresh-1", "Bearer fresh-2"]);
  });

  test("large bodies are gzip-compressed, small ones are not", async () => {
    const { http, calls } = client([json({}), json({})]);
    await http.post("/small", { a: 1 });
    const big = { items: Array.from({ length: 2000 }, (_, index) => ({ externalId: `node-${index}` })) };
    await http.post("/big", big);
    expect(calls[0]?.headers["content-encoding"]).toBeUndefined();
    expect(calls[1]?.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(calls[1]?.body ?? "")).toEqual(big);
  });

  test("no secret reaches errors, logs, or the string forms of credentials", async () => {
    const { http, lines } = client([
      json({ error: { message: "bad" } }, 503),
      new TypeError(`fetch failed for ${SECRET_TOKEN}`),
      json({}, 400),
    ]);
    const error = await http.get("/x").catch((caught: unknown) => caught);
    const oauth = new OAuthClientCredentials({
      tokenUrl: "https://idp/token",
      clientId: "app",
      clientSecret: "shh-client-secret",
      scopes: ["s"],
    });
    const shown = [
      String(error),
      JSON.stringify(error),
      Bun.inspect(error),
      ...lines,
      String(new Token(SECRET_TOKEN)),
      JSON.stringify({ token: new Token(SECRET_TOKEN) }),
      Bun.inspect(new Token(SECRET_TOKEN)),
      String(oauth),
      JSON.stringify(oauth),
      Bun.inspect(oauth),
    ].join("\n");
    expect(shown).not.toContain(SECRET_TOKEN);
    expect(shown).not.toContain("shh-client-secret");
    expect(lines.length).toBe(3);
  });

  test("a rate limit spaces requests apart", async () => {
    const fake = fakeFetch([json({}), json({}), json({})]);
    // Three requests issued at the same instant: the clock stands still while they wait.
    const slept: number[] = [];
    const timing = { ...fakeTiming(), sleep: async (ms: number) => void slept.push(ms) };
    const config = clientConfig({ baseUrl: "http://h", project: "p", credentials: new Token("t"), rateLimit: 4 });
    const http = new HttpClient(config, { fetch: fake.fetch, timing });
    await Promise.all([http.get("/a"), http.get("/b"), http.get("/c")]);
    expect(slept).toEqual([250, 500]);
  });
});

describe("Retry-After", () => {
  test("delta seconds and HTTP dates; unreadable values are ignored", () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 12:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
