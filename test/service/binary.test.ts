/**
 * The service inside the compiled binary, run from an empty folder: its generation threads (a second entry
 * point of the build) and BullMQ and ioredis, which the binary carries as a compressed bundle evaluated from
 * memory by `serve --queue` (release/compile.ts); redis.test.ts runs that queue against a real Redis.
 */
import { afterAll, expect, test } from "bun:test";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { isolatedBinary } from "../support/binary.ts";
import { call, submitExample, waitForJob } from "./harness.ts";
import { spawnService } from "./process.ts";

const { binary, dir } = isolatedBinary();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the binary serves a job end to end on its embedded queue", async () => {
  const service = await spawnService(["--no-auth", "--data", join(dir, "data")], {}, [binary]);
  try {
    expect(
      service.logs.some((line) => line.msg === "authentication is off (--no-auth): anyone who can reach the port can generate SDKs"),
    ).toBe(true);
    const id = await submitExample(service.url);
    const done = await waitForJob(service.url, id);
    expect({ status: done.body.status, errors: done.body.errors }).toEqual({ status: "completed", errors: [] });
    const download = await call(`${service.url}/generate/${id}/download?format=code`, { key: null });
    expect(download.body.files.length).toBe(done.body.summary.files);
  } finally {
    expect(await service.stop()).toBe(0);
  }
}, 60_000);

test("serve without keys or --no-auth is refused with what to do", () => {
  const result = Bun.spawnSync([binary, "serve", "--port", "0"], { cwd: dir, env: { PATH: process.env.PATH ?? "" }, stderr: "pipe" });
  expect(result.exitCode).toBe(2);
  expect(result.stderr.toString()).toContain("no API keys: set PYGEN_API_KEYS");
});

test("a bad flag value is a usage error", () => {
  const result = Bun.spawnSync([binary, "serve", "--workers", "0", "--no-auth"], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "" },
    stderr: "pipe",
  });
  expect(result.exitCode).toBe(2);
  expect(result.stderr.toString()).toContain("--workers must be a whole number from 1 to 64");
});

test("BullMQ and ioredis are no part of the binary's code: only of the bundle serve --queue loads", () => {
  // BullMQ's notification channel, in its code and Lua scripts: 34 times in a binary holding them as bytecode.
  expect(readFileSync(binary).includes("bullmq_jobs")).toBe(false);
});

test("an unreachable Redis is a clear error, from ioredis loaded out of the binary without writing a file", () => {
  const temp = join(dir, "temp");
  mkdirSync(temp);
  const before = readdirSync(dir).sort();
  const result = Bun.spawnSync([binary, "serve", "--port", "0", "--no-auth", "--queue", "redis://127.0.0.1:1"], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", TMPDIR: temp },
    stderr: "pipe",
    timeout: 20_000,
  });
  expect(result.exitCode).toBe(2);
  // ioredis' own error, logged: the bundle was evaluated and tried to connect.
  expect(result.stderr.toString()).toContain('"msg":"redis error","error":"connect ECONNREFUSED 127.0.0.1:1"');
  expect(result.stderr.toString()).toContain("cannot connect to the Redis queue");
  expect(readdirSync(temp)).toEqual([]);
  expect(readdirSync(dir).sort()).toEqual(before);
});
