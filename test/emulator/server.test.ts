import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringifyJson } from "../../src/data-formats.ts";
import { startEmulator } from "../../src/emulator/server.ts";
import { EmulatorStartupError } from "../../src/errors.ts";
import { Api, applyTestSchema, DATA, PUMP_VIEW, pump, SPACE, useEmulator } from "./harness.ts";

const tempDir = mkdtempSync(join(tmpdir(), "pygen-emulator-"));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe("transport", () => {
  const setup = useEmulator();

  test("every response carries an x-request-id, errors included", async () => {
    const ok = await setup.api.get("spaces");
    const missing = await setup.api.get("nowhere");
    expect(ok.headers.get("x-request-id")).toBeTruthy();
    expect(missing.headers.get("x-request-id")).toBeTruthy();
    expect(missing.headers.get("x-request-id")).not.toBe(ok.headers.get("x-request-id"));
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 404, message: expect.stringContaining("nowhere") } });
  });

  test("gzip-encoded request bodies are accepted", async () => {
    const response = await fetch(setup.api.url("spaces"), {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: Bun.gzipSync(Buffer.from(stringifyJson({ items: [{ space: "sp_gzip" }] }))),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: { space: string }[] }).items[0]?.space).toBe("sp_gzip");
  });

  test("broken JSON, broken gzip, wrong methods and oversized requests get CDF-shaped errors", async () => {
    const post = (body: string, headers: Record<string, string> = {}) => fetch(setup.api.url("spaces"), { method: "POST", body, headers });
    const json = await post("{not json");
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: { code: number } }).error.code).toBe(400);
    expect((await post("plain", { "content-encoding": "gzip" })).status).toBe(400);
    const method = await fetch(setup.api.url("spaces/byids"));
    expect(method.status).toBe(405);
    const tooMany = await setup.api.post("spaces", { items: Array.from({ length: 101 }, (_, index) => ({ space: `sp_${index}` })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain("size must be between 1 and 100");
  });

  test("projects are isolated from each other", async () => {
    const other = new Api(setup.emulator, "other-project");
    await other.ok("spaces", { items: [{ space: "sp_other" }] });
    const mine = await setup.api.ok("spaces/byids", { items: [{ space: "sp_other" }] });
    expect(mine.items).toEqual([]);
  });
});

describe("auth", () => {
  test("with --token only that bearer token is accepted", async () => {
    const emulator = await startEmulator({ token: "s3cret" });
    try {
      const anonymous = new Api(emulator);
      const wrong = new Api(emulator, "test", { authorization: "Bearer nope" });
      const right = new Api(emulator, "test", { authorization: "Bearer s3cret" });
      expect((await anonymous.get("spaces")).status).toBe(401);
      const refused = await wrong.get("spaces");
      expect(refused.status).toBe(401);
      expect(refused.body.error).toEqual({ code: 401, message: "Could not authenticate." });
      expect((await right.get("spaces")).status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });

  test("client credentials: the token endpoint issues tokens that expire", async () => {
    const emulator = await startEmulator({ clientId: "app", clientSecret: "pw", tokenTtlSeconds: 0.3 });
    try {
      const tokenUrl = emulator.tokenUrl as string;
      expect(tokenUrl).toBe(`${emulator.url}/oauth2/token`);
      const refused = await fetch(tokenUrl, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: "app", client_secret: "bad" }),
      });
      expect(refused.status).toBe(401);
      const issued = await fetch(tokenUrl, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: "app", client_secret: "pw", scope: "x" }),
      });
      const token = (await issued.json()) as { access_token: string; token_type: string; expires_in: number };
      expect(token).toMatchObject({ token_type: "Bearer", expires_in: 0.3 });
      expect(issued.headers.get("x-request-id")).toBeTruthy();
      const api = new Api(emulator, "test", { authorization: `Bearer ${token.access_token}` });
      expect((await api.get("spaces")).status).toBe(200);
      await Bun.sleep(400);
      expect((await api.get("spaces")).status).toBe(401);
      const basic = await fetch(tokenUrl, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from("app:pw").toString("base64")}` },
        body: new URLSearchParams({ grant_type: "client_credentials" }),
      });
      expect(basic.status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });
});

describe("fault injection", () => {
  test("fails about the configured share of requests with the configured statuses, reproducibly", async () => {
    const run = async () => {
      const emulator = await startEmulator({ faults: { rate: 0.3, statuses: [429, 503], seed: 7 } });
      try {
        const api = new Api(emulator);
        const statuses: number[] = [];
        for (let index = 0; index < 200; index++) statuses.push((await api.get("spaces")).status);
        return statuses;
      } finally {
        await emulator.stop();
      }
    };
    const first = await run();
    const failures = first.filter((status) => status !== 200);
    expect(new Set(failures)).toEqual(new Set([429, 503]));
    expect(failures.length).toBeGreaterThan(35);
    expect(failures.length).toBeLessThan(85);
    expect(await run()).toEqual(first);
  });

  test("injected faults are CDF-shaped and marked retryable; latency delays responses", async () => {
    const emulator = await startEmulator({ faults: { rate: 1, statuses: [503] }, latencyMs: 60 });
    try {
      const started = performance.now();
      const response = await new Api(emulator).get("spaces");
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe(503);
      expect(response.headers.get("cdf-is-auto-retryable")).toBe("true");
    } finally {
      await emulator.stop();
    }
  });

  test("concurrency limits answer 429 beyond CDF's per-project limits", async () => {
    const emulator = await startEmulator({ concurrencyLimits: true, latencyMs: 150 });
    try {
      const api = new Api(emulator);
      await api.ok("spaces", { items: [{ space: DATA }] });
      const deletes = await Promise.all(
        Array.from({ length: 4 }, () => api.post("instances/delete", { items: [{ instanceType: "node", space: DATA, externalId: "x" }] })),
      );
      expect(deletes.map((response) => response.status).sort()).toEqual([200, 200, 429, 429]);
      const lists = await Promise.all(Array.from({ length: 8 }, () => api.post("instances/list", {})));
      expect(lists.every((response) => response.status === 200)).toBe(true);
    } finally {
      await emulator.stop();
    }
  });
});

describe("startup and persistence", () => {
  test("pygen emulate reports startup errors as one line and an exit code, without a stack trace", async () => {
    const running = await startEmulator();
    try {
      const main = join(import.meta.dir, "..", "..", "src", "main.ts");
      const child = Bun.spawn([process.execPath, main, "emulate", "--port", String(running.port)], { stdout: "pipe", stderr: "pipe" });
      const [stderr, exitCode] = [await new Response(child.stderr).text(), await child.exited];
      expect(exitCode).toBe(2);
      expect(stderr).toContain(`error: cannot listen on 127.0.0.1:${running.port}: the port is already in use`);
      expect(stderr).not.toContain("    at ");
    } finally {
      await running.stop();
    }
  });

  test("state survives a restart with --db", async () => {
    const db = join(tempDir, "state.db");
    const first = await startEmulator({ db });
    const api = new Api(first);
    await applyTestSchema(api);
    await api.ok("instances", { items: [pump("kept", { serial: 9223372036854775807n })] });
    await first.stop();
    const second = await startEmulator({ db });
    try {
      const again = new Api(second);
      const body = await again.ok("instances/byids", {
        items: [{ instanceType: "node", space: DATA, externalId: "kept" }],
        sources: [{ source: PUMP_VIEW }],
      });
      expect(body.items[0].properties[SPACE]["Pump/v1"].serial).toBe(9223372036854775807n);
      const view = await again.ok("views/byids", { items: [{ space: SPACE, externalId: "Pump", version: "v1" }] });
      expect(view.items).toHaveLength(1);
      const updated = await again.ok("instances", { items: [pump("kept", { flow: 1 })] });
      expect(updated.items[0].version).toBe(2);
    } finally {
      await second.stop();
    }
  });

  test("a taken port and an unusable database path are clear startup errors", async () => {
    const running = await startEmulator();
    try {
      await expect(startEmulator({ port: running.port })).rejects.toThrow(EmulatorStartupError);
      await expect(startEmulator({ port: running.port })).rejects.toThrow("already in use");
    } finally {
      await running.stop();
    }
    await expect(startEmulator({ db: join(tempDir, "missing", "dir", "x.db") })).rejects.toThrow("cannot open the emulator database");
  });
});
