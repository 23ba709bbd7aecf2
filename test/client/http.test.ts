import { afterAll, afterEach, describe, expect, test } from "bun:test";
import * as v from "valibot";
import { ClientCredentials, TokenAuth } from "../../src/client/auth.ts";
import { HttpClient, type HttpClientOptions } from "../../src/client/http.ts";
import { APIError, AuthenticationError, ClientError, RateLimitError, ResourceNotFoundError } from "../../src/errors.ts";
import { rejected } from "../support/failures.ts";
import { cdfError, FakeServer } from "../support/fake-server.ts";

const SECRET = "s3cr3t-client-secret";
const TOKEN = "tok-very-secret-value";
const server = new FakeServer();
afterEach(() => server.reset());
afterAll(() => server.stop());

const logLines: string[] = [];
function client(options: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({
    baseUrl: server.url,
    project: "demo",
    credentials: new TokenAuth(TOKEN),
    retry: { maxRetries: 3, initialDelayMs: 5, maxDelayMs: 50 },
    logger: { debug: (line) => logLines.push(line) },
    ...options,
  });
}

describe("requests", () => {
  test("project URL, CDF headers, repeated query keys", async () => {
    server.handle = () => Response.json({ items: [] });
    await client({ clientName: "my-app" }).get("/models/containers", {
      query: { usedFor: ["node", "edge"], limit: 10, cursor: undefined },
    });
    const [request] = server.requests;
    expect(request?.path).toBe("/api/v1/projects/demo/models/containers");
    expect(request?.search).toBe("?usedFor=node&usedFor=edge&limit=10");
    expect(request?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers.get("x-cdp-app")).toBe("my-app");
    expect(request?.headers.get("x-cdp-sdk")).toStartWith("pygen:");
    expect(request?.headers.get("cdf-version")).toBe("20230101");
  });

  test("bodies are lossless JSON, large ones gzipped", async () => {
    server.handle = (request) =>
      new Response(`{"echo": ${request.body}, "big": 2543900574065289437}`, { headers: { "content-type": "application/json" } });
    const small = await client().post<{ echo: unknown; big: bigint }>("/models/instances/list", { value: 2543900574065289437n });
    expect(small).toEqual({ echo: { value: 2543900574065289437n }, big: 2543900574065289437n });
    expect(server.requests[0]?.headers.get("content-encoding")).toBeNull();
    const items = Array.from({ length: 200 }, (_, index) => ({ externalId: `node-${index}` }));
    await client().post("/models/instances", { items });
    expect(server.requests[1]?.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(server.requests[1]?.body ?? "")).toEqual({ items });
  });

  test("a redirect is refused, not followed: the token never goes where it points", async () => {
    const elsewhere = new FakeServer();
    try {
      elsewhere.handle = () => Response.json({ items: [] });
      server.handle = () =>
        new Response(null, { status: 302, headers: { location: `${elsewhere.url}/api/v1/projects/demo/models/spaces` } });
      const error = await rejected(client().get("/models/spaces"));
      expect(error).toBeInstanceOf(ClientError);
      expect(error.message).toContain("answered with a redirect (302); pygen does not follow redirects");
      expect(elsewhere.requests).toHaveLength(0);
      expect(server.requests).toHaveLength(1);
    } finally {
      elsewhere.stop();
    }
  });

  test("a schema checks the response and names the bad path", async () => {
    server.handle = () => Response.json({ items: [{ space: 7 }] });
    const schema = v.object({ items: v.array(v.object({ space: v.string() })) });
    const error = await rejected(client().get("/models/spaces", { schema }));
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toContain("unexpected response shape at items.0.space");
  });
});

describe("retries", () => {
  test("503 then 200: retried with backoff, retry count logged", async () => {
    let calls = 0;
    server.handle = () => (++calls < 3 ? cdfError(503, "busy") : Response.json({ items: [1] }));
    logLines.length = 0;
    expect(await client().post("/models/instances/list", {})).toEqual({ items: [1] });
    expect(calls).toBe(3);
    expect(logLines).toEqual([
      expect.stringMatching(/^POST \/models\/instances\/list 503 \d+ms request-id=req-503 retries=0$/),
      expect.stringMatching(/retries=1$/),
      expect.stringMatching(/^POST \/models\/instances\/list 200 .* retries=2$/),
    ]);
  });

  test("Retry-After is honoured, and capped by maxDelayMs", async () => {
    let calls = 0;
    // Retry-After is whole seconds (RFC 9110 delay-seconds); backoff alone would wait at most 1 ms here.
    server.handle = () => (++calls === 1 ? cdfError(429, "slow down", { "retry-after": "1" }) : Response.json({}));
    let started = performance.now();
    await client({ retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5000 } }).get("/models/spaces");
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    calls = 0;
    server.handle = () => (++calls === 1 ? cdfError(503, "busy", { "retry-after": "30" }) : Response.json({}));
    started = performance.now();
    await client({ retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 100 } }).get("/models/spaces");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(calls).toBe(2);
  });

  test("cdf-is-auto-retryable repeats any status, even of a POST that is not otherwise repeated", async () => {
    let calls = 0;
    server.handle = () =>
      ++calls === 1 ? cdfError(500, "internal hiccup", { "cdf-is-auto-retryable": "true" }) : Response.json({ done: true });
    expect(await client().post("/other/create", {})).toEqual({ done: true });
    expect(calls).toBe(2);
    server.handle = () => cdfError(500, "internal error");
    await rejected(client().post("/models/instances", { items: [] }), APIError);
    expect(calls).toBe(2);
    expect(server.requests.length).toBe(3);
  });

  test("exhausted retries raise the last error with status, CDF message and request id", async () => {
    server.handle = () => cdfError(503, "Service unavailable");
    const error = await rejected(client().post("/models/instances", { items: [] }));
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 503, requestId: "req-503", response: { error: { message: "Service unavailable" } } });
    expect(error.message).toBe("POST /models/instances failed with 503: Service unavailable");
    expect(server.requests.length).toBe(4);
  });

  test("429 exhausted is a RateLimitError with the server's wait", async () => {
    server.handle = () => cdfError(429, "Too many concurrent requests", { "retry-after": "0" });
    const error = await rejected(client({ retry: { maxRetries: 1 } }).get("/models/spaces"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(0);
  });

  test("a POST outside /models is not repeated on 503, but is on 429", async () => {
    server.handle = () => cdfError(503, "busy");
    await client()
      .post("/other/create", {})
      .catch(() => undefined);
    expect(server.requests.length).toBe(1);
    server.reset();
    let calls = 0;
    server.handle = () => (++calls === 1 ? cdfError(429, "later") : Response.json({}));
    await client().post("/other/create", {});
    expect(calls).toBe(2);
  });

  test("non-retryable errors fail at once: 400, 404", async () => {
    server.handle = () => cdfError(400, "Unexpected field - nodes.limit");
    expect(await rejected(client().post("/models/instances/query", {}))).toMatchObject({ status: 400 });
    expect(server.requests.length).toBe(1);
    server.handle = () => cdfError(404, "Not found");
    expect(await rejected(client().get("/models/spaces"))).toBeInstanceOf(ResourceNotFoundError);
  });

  test("an unreachable server is a ClientError after retries", async () => {
    const dead = new FakeServer();
    const url = dead.url;
    dead.stop();
    logLines.length = 0;
    const error = await rejected(client({ baseUrl: url, retry: { maxRetries: 2, initialDelayMs: 1 } }).get("/models/spaces"));
    expect(error).toBeInstanceOf(ClientError);
    expect(error.message).toStartWith(`GET /models/spaces: cannot reach CDF at ${new URL(url).host}: ECONNREFUSED`);
    expect(logLines).toEqual([
      expect.stringMatching(/^GET \/models\/spaces failed: ECONNREFUSED.* \d+ms retries=0$/),
      expect.stringMatching(/retries=1$/),
      expect.stringMatching(/retries=2$/),
    ]);
  });

  test("a timeout is reported as such, and retried when the request is safe to repeat", async () => {
    let calls = 0;
    server.handle = async () => {
      if (++calls === 1) await Bun.sleep(300);
      return Response.json({ calls });
    };
    const error = await rejected(client({ timeoutMs: 50, retry: { maxRetries: 0 } }).get("/models/spaces"));
    expect(error).toBeInstanceOf(ClientError);
    expect(error.message).toBe(`GET /models/spaces: cannot reach CDF at ${new URL(server.url).host}: timed out after 50 ms`);
    calls = 0;
    expect(await client({ timeoutMs: 50 }).get("/models/spaces")).toEqual({ calls: 2 });
    calls = 0;
    await rejected(client({ timeoutMs: 50 }).post("/other/create", {}), ClientError);
    expect(calls).toBe(1);
  });
});

describe("authentication", () => {
  function tokenEndpoint(expiresIn: number) {
    let issued = 0;
    const handle = (request: { path: string; body: string }) => {
      if (request.path === "/token") {
        const form = new URLSearchParams(request.body);
        if (form.get("client_secret") !== SECRET) return Response.json({ error: "invalid_client" }, { status: 401 });
        issued += 1;
        return Response.json({ access_token: `token-${issued}`, token_type: "Bearer", expires_in: expiresIn });
      }
      return undefined;
    };
    return { handle, issued: () => issued };
  }
  const credentials = (secret = SECRET, leewaySeconds = 0) =>
    new ClientCredentials({
      tokenUrl: `${server.url}/token`,
      clientId: "app",
      clientSecret: secret,
      scopes: [`${server.url}/.default`],
      leewaySeconds,
    });

  test("a refused static token is an AuthenticationError without the token", async () => {
    server.handle = () => cdfError(401, "Could not authenticate.");
    const error = await rejected(client().get("/models/spaces"));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain("401: Could not authenticate.");
    expect(error.message).not.toContain(TOKEN);
    expect(server.requests.length).toBe(1);
  });

  test("client credentials: one token for concurrent requests, sent as a bearer", async () => {
    const tokens = tokenEndpoint(3600);
    server.handle = (request) => tokens.handle(request) ?? Response.json({ auth: request.headers.get("authorization") });
    const http = client({ credentials: credentials() });
    const answers = await Promise.all(Array.from({ length: 8 }, () => http.get<{ auth: string }>("/models/spaces")));
    expect(tokens.issued()).toBe(1);
    expect(new Set(answers.map((answer) => answer.auth))).toEqual(new Set(["Bearer token-1"]));
    const form = new URLSearchParams(server.requests.find((request) => request.path === "/token")?.body);
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("scope")).toBe(`${server.url}/.default`);
  });

  test("an expired token is refreshed before the next request", async () => {
    const tokens = tokenEndpoint(1);
    server.handle = (request) => tokens.handle(request) ?? Response.json({ auth: request.headers.get("authorization") });
    const http = client({ credentials: credentials() });
    expect((await http.get<{ auth: string }>("/models/spaces")).auth).toBe("Bearer token-1");
    await Bun.sleep(1100);
    expect((await http.get<{ auth: string }>("/models/spaces")).auth).toBe("Bearer token-2");
  });

  test("a 401 on a cached token re-authenticates once and retries", async () => {
    const tokens = tokenEndpoint(3600);
    server.handle = (request) =>
      tokens.handle(request) ??
      (request.headers.get("authorization") === "Bearer token-1" ? cdfError(401, "expired") : Response.json({ ok: true }));
    expect(await client({ credentials: credentials() }).get("/models/spaces")).toEqual({ ok: true });
    expect(tokens.issued()).toBe(2);
  });

  test("a busy token endpoint is retried after the wait its Retry-After asks for", async () => {
    const tokens = tokenEndpoint(3600);
    const tokenRequestTimes: number[] = [];
    server.handle = (request) => {
      if (request.path === "/token") {
        tokenRequestTimes.push(performance.now());
        if (tokenRequestTimes.length === 1) return Response.json({ error: "slow_down" }, { status: 429, headers: { "retry-after": "1" } });
      }
      return tokens.handle(request) ?? Response.json({ auth: request.headers.get("authorization") });
    };
    // Backoff alone would wait at most 1 ms; only Retry-After makes the second token request wait a second.
    const patient = new ClientCredentials({
      tokenUrl: `${server.url}/token`,
      clientId: "app",
      clientSecret: SECRET,
      scopes: ["x"],
      retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5000 },
    });
    expect((await client({ credentials: patient }).get<{ auth: string }>("/models/spaces")).auth).toBe("Bearer token-1");
    const [refused = 0, retried = 0] = tokenRequestTimes;
    expect(tokenRequestTimes.length).toBe(2);
    expect(retried - refused).toBeGreaterThanOrEqual(900);
  });

  test("a refused client secret is an AuthenticationError that does not contain it", async () => {
    const tokens = tokenEndpoint(3600);
    server.handle = (request) => tokens.handle(request) ?? Response.json({});
    const error = await rejected(client({ credentials: credentials("wrong-secret-value") }).get("/models/spaces"));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe(`the token endpoint ${server.url}/token refused client app (401: invalid_client)`);
    expect(error.message).not.toContain("wrong-secret-value");
  });

  test("debug logs of a whole session hold no secret", async () => {
    const tokens = tokenEndpoint(3600);
    let calls = 0;
    server.handle = (request) => tokens.handle(request) ?? (++calls % 2 ? cdfError(503, "busy") : Response.json({}));
    logLines.length = 0;
    const logger = { debug: (line: string) => logLines.push(line) };
    const http = client({
      credentials: new ClientCredentials({ tokenUrl: `${server.url}/token`, clientId: "app", clientSecret: SECRET, scopes: ["x"], logger }),
      logger,
    });
    for (let index = 0; index < 3; index++) await http.post("/models/instances/list", { filter: {} });
    server.handle = () => cdfError(401, "nope");
    await http.get("/models/spaces").catch((caught: Error) => logLines.push(caught.message));
    expect(logLines.length).toBeGreaterThan(5);
    const everything = logLines.join("\n");
    for (const secret of [SECRET, "token-1", "token-2", "Bearer"]) expect(everything).not.toContain(secret);
  });
});

describe("errors printed whole hold no secret", () => {
  test("HTTP errors, network failures, timeouts and token endpoint failures, through Bun.inspect", async () => {
    const errors: unknown[] = [];
    server.handle = () => cdfError(500, "boom");
    errors.push(await rejected(client({ retry: { maxRetries: 0 } }).get("/models/spaces")));
    server.handle = () => cdfError(401, "nope");
    errors.push(await rejected(client().get("/models/spaces")));
    server.handle = async () => {
      await Bun.sleep(200);
      return Response.json({});
    };
    errors.push(await rejected(client({ timeoutMs: 20, retry: { maxRetries: 0 } }).get("/models/spaces")));
    const dead = new FakeServer();
    const deadUrl = dead.url;
    dead.stop();
    errors.push(await rejected(client({ baseUrl: deadUrl, retry: { maxRetries: 0 } }).get("/models/spaces")));
    const tokenAt = (tokenUrl: string, secret: string) =>
      new ClientCredentials({
        tokenUrl,
        clientId: "app",
        clientSecret: secret,
        scopes: ["x"],
        retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1 },
      });
    server.handle = () => Response.json({ error: "invalid_client" }, { status: 401 });
    errors.push(await rejected(client({ credentials: tokenAt(`${server.url}/token`, SECRET) }).get("/models/spaces")));
    errors.push(await rejected(client({ credentials: tokenAt(`${deadUrl}/token`, SECRET) }).get("/models/spaces")));
    expect(errors.map((error) => (error as Error).constructor.name)).toEqual([
      "APIError",
      "AuthenticationError",
      "ClientError",
      "ClientError",
      "AuthenticationError",
      "AuthenticationError",
    ]);
    for (const error of errors) {
      const printed = Bun.inspect(error, { depth: 20 });
      for (const secret of [TOKEN, SECRET]) expect(printed).not.toContain(secret);
    }
    // The timed-out request is still being answered; later tests count requests in flight.
    while (server.inFlight > 0) await Bun.sleep(5);
  });
});

describe("limits", () => {
  test("the pool caps requests in flight", async () => {
    server.handle = async () => {
      await Bun.sleep(20);
      return Response.json({});
    };
    const http = client({ poolSize: 3 });
    await Promise.all(Array.from({ length: 12 }, () => http.get("/models/spaces")));
    expect(server.maxInFlight).toBe(3);
  });

  test("waiting for a pool slot does not count against the per-attempt timeout", async () => {
    server.handle = async () => {
      await Bun.sleep(40);
      return Response.json({});
    };
    const http = client({ poolSize: 1, timeoutMs: 150, retry: { maxRetries: 0 } });
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => http.get("/models/spaces")));
    // Six requests one at a time: the last waited ~200 ms in the pool, longer than the timeout, and still succeeded.
    expect(performance.now() - started).toBeGreaterThanOrEqual(230);
    expect(server.requests.length).toBe(6);
  });

  test("the rate limit spaces requests out", async () => {
    const http = client({ requestsPerSecond: 50 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 11 }, () => http.get("/models/spaces")));
    // 11 requests at 50/s: the last may leave 10 intervals (200 ms) after the first.
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
  });
});
