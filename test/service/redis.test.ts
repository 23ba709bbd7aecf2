/**
 * Several instances of the compiled binary on one Redis queue (Debian's redis-server on a free loopback port; .ci/run installs it, and
 * the test skips where it is missing): 50 jobs submitted across two instances, one killed with SIGKILL while it
 * runs jobs. Every job completes exactly once, downloads the same bytes from any instance, and no credential
 * reaches Redis or a log.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { syntheticModel } from "../../bench/synthetic-model.ts";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.ts";
import { EXAMPLE_MODEL_NAME } from "../../src/sources.ts";
import { isolatedBinary } from "../support/binary.ts";
import { HAVE_REDIS, startRedis, type TestRedis } from "../support/redis.ts";
import { API_KEY, call, post, submitExample, waitForJob } from "./harness.ts";
import { jobIdsLogged, type ServiceProcess, spawnService } from "./process.ts";

if (!HAVE_REDIS && process.env.PYGEN_REQUIRE_SERVICE_DEPS === "1") {
  throw new Error("the Redis test must run here (PYGEN_REQUIRE_SERVICE_DEPS=1) but there is no PYGEN_TEST_REDIS_URL and no redis-server");
}
const TOKEN = "redis-test-token-SECRET-c4d2e1";
const JOBS = 50;
const LARGE_MODEL = syntheticModel(60);
/**
 * Generating it takes long enough (a second or more) that SIGTERM lands while the job runs, even on a busy machine,
 * and small enough (about 7 MB of code with docstrings) to finish well within the 2-second lock: with 400 views
 * (11 MB) the job was reported stalled twice and failed on a busy machine.
 */
const SLOW_MODEL = syntheticModel(250);

describe.skipIf(!HAVE_REDIS)("a shared Redis queue", () => {
  let redis: TestRedis | undefined;
  let redisUrl: string;
  let emulator: RunningEmulator;
  const instances: ServiceProcess[] = [];

  // The instances are the compiled binary, as shipped: the generation threads inside it, BullMQ and ioredis
  // evaluated from its compressed bundle (binary.test.ts checks that the binary holds them no other way).
  let binary: string;
  beforeAll(async () => {
    binary = isolatedBinary().binary;
    redis = await startRedis();
    redisUrl = redis.url;
    emulator = await startEmulator({ token: TOKEN, project: "plant", modelFiles: [join(import.meta.dir, "..", "..", EXAMPLE_MODEL_NAME)] });
  });

  afterAll(async () => {
    for (const instance of instances) if (instance.child.exitCode === null) await instance.kill9();
    await emulator?.stop();
    await redis?.stop();
  });

  const start = async (...extra: string[]) => {
    const instance = await spawnService(
      ["--queue", redisUrl, "--workers", "2", "--lock-seconds", "2", "--allow-loopback-cdf", "--rate-limit", "0", ...extra],
      { PYGEN_API_KEYS: API_KEY },
      [binary],
    );
    instances.push(instance);
    return instance;
  };

  test("two instances, 50 jobs, one killed mid-run: every job completes once and downloads from either instance", async () => {
    const [a, b] = [await start(), await start()];
    expect((await call(`${a.url}/health`, { key: null })).body).toEqual({ status: "ok", queue: { backend: "redis", ok: true } });

    // One job comes from CDF with a token, the rest inline; they alternate between the instances.
    const cdf = await post(`${a.url}/generate`, {
      space: "pygen_example",
      external_id: "HydroPlantModel",
      version: "1",
      project: "plant",
      cdf_url: emulator.url,
      cdf_credentials: { token: TOKEN },
    });
    expect(cdf.status).toBe(202);
    // Small jobs, then four large models (each takes a good part of a second), so A is surely mid-job when it
    // is killed just after it started a large one.
    const ids: string[] = [cdf.body.job_id];
    for (let index = 1; index < JOBS - 4; index++) ids.push(await submitExample(index % 2 === 0 ? a.url : b.url));
    for (let index = 0; index < 4; index++) {
      const answer = await post(`${index % 2 === 0 ? a.url : b.url}/generate`, { model: LARGE_MODEL, output_format: "code" });
      expect(answer.status).toBe(202);
      ids.push(answer.body.job_id);
    }
    const large = new Set(ids.slice(-4));
    const deadline = Date.now() + 30_000;
    while (!jobIdsLogged(a.logs, "job started").some((id) => large.has(id)) && Date.now() < deadline) await Bun.sleep(10);
    await Bun.sleep(50);
    await a.kill9();
    const startedOnA = jobIdsLogged(a.logs, "job started");
    const nameOfA = String(a.logs.find((line) => line.msg === "listening")?.instance);

    // A replacement instance joins; B and C finish everything, A's running jobs included.
    const c = await start();
    for (const id of ids) {
      const answer = await waitForJob(b.url, id, API_KEY, 60_000);
      expect({ id, status: answer.body.status === "completed" ? "completed" : answer.text }).toEqual({ id, status: "completed" });
    }

    // Exactly once: Redis' own event stream (written by the same script that moves a job to completed) has one
    // completion per job, and no two instances logged storing the same job. (A's log may miss its last line:
    // it can die between storing a job and logging it.)
    const completions = await completedEvents(redisUrl);
    expect(completions.length).toBe(JOBS);
    expect(new Set(completions).size).toBe(JOBS);
    expect(ids.every((id) => completions.includes(id))).toBe(true);
    const stored = [...a.logs, ...b.logs, ...c.logs].filter((line) => line.msg === "job stored").map((line) => String(line.job_id));
    expect(new Set(stored).size).toBe(stored.length);
    // A died with a job running, which another instance then took (stalled-job recovery): Redis records the
    // instance that took a job last, and for those jobs it is not A.
    const takenBy = await takers(redisUrl, startedOnA);
    const lostOnA = startedOnA.filter((id) => takenBy.get(id) !== nameOfA);
    expect(lostOnA.length).toBeGreaterThan(0);
    expect(lostOnA.some((id) => large.has(id))).toBe(true);
    const rerun = [...jobIdsLogged(b.logs, "job started"), ...jobIdsLogged(c.logs, "job started")];
    expect(lostOnA.every((id) => rerun.includes(id))).toBe(true);

    // Any instance serves any job's result, byte for byte the same.
    for (const id of [ids[0], ids[1], ...lostOnA] as string[]) {
      const fromB = await call(`${b.url}/generate/${id}/download?format=code`);
      const fromC = await call(`${c.url}/generate/${id}/download?format=code`);
      expect(fromB.status).toBe(200);
      expect(fromC.text).toBe(fromB.text);
    }
    const zip = await fetch(`${c.url}/generate/${ids[2]}/download`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(zip.headers.get("content-type")).toBe("application/zip");

    // No credential in any Redis key, any log line.
    const everything = await dumpRedis(redisUrl);
    expect(everything).toContain("HydroPlantModel");
    expect(everything).not.toContain(TOKEN);
    for (const instance of [a, b, c]) expect(instance.stderr()).not.toContain(TOKEN);

    const metrics = await call(`${c.url}/metrics`, { key: null });
    expect(metrics.text).toMatch(new RegExp(`^pygen_jobs\\{state="completed"\\} ${JOBS}$`, "m"));
    expect(await b.stop()).toBe(0);
    expect(await c.stop()).toBe(0);
  }, 120_000);

  test("SIGTERM with no grace hands the running job to another instance", async () => {
    const leaving = await start("--shutdown-grace", "0");
    const staying = await start();
    // Slow jobs on the leaving instance's account; whichever instance starts them, one is running on `leaving`.
    const ids: string[] = [];
    for (let index = 0; index < 4; index++)
      ids.push((await post(`${leaving.url}/generate`, { model: SLOW_MODEL, output_format: "code" })).body.job_id);
    const deadline = Date.now() + 20_000;
    while (jobIdsLogged(leaving.logs, "job started").length === 0 && Date.now() < deadline) await Bun.sleep(10);
    expect(await leaving.stop()).toBe(0);
    expect(leaving.logs.some((line) => line.msg === "stopped")).toBe(true);
    // The jobs `leaving` started and did not store were cut short by the signal.
    const stored = new Set(jobIdsLogged(leaving.logs, "job stored"));
    const cut = jobIdsLogged(leaving.logs, "job started").filter((id) => !stored.has(id));
    expect(cut.length).toBeGreaterThan(0);
    for (const id of ids) expect((await waitForJob(staying.url, id, API_KEY, 90_000)).body.status).toBe("completed");
    // Each job cut short on `leaving` was completed by `staying`.
    const stayingId = String(staying.logs.find((line) => line.msg === "listening")?.instance);
    const taken = await takers(redisUrl, cut);
    for (const id of cut) expect(taken.get(id)).toBe(stayingId);
    expect(await staying.stop()).toBe(0);
  }, 150_000);
});

/** The instance that last took each job (BullMQ's `pb` field of the job hash). */
async function takers(url: string, ids: string[]): Promise<Map<string, string | null>> {
  const { default: IORedis } = await import("ioredis");
  const client = new IORedis(url);
  try {
    return new Map(await Promise.all(ids.map(async (id) => [id, await client.hget(`bull:pygen-generate:${id}`, "pb")] as const)));
  } finally {
    client.disconnect();
  }
}

/** Job ids of BullMQ's "completed" events, one per completion, from the queue's event stream. */
async function completedEvents(url: string): Promise<string[]> {
  const { default: IORedis } = await import("ioredis");
  const client = new IORedis(url);
  try {
    const entries = await client.xrange("bull:pygen-generate:events", "-", "+");
    return entries.flatMap(([, fields]) => {
      const record = Object.fromEntries(fields.flatMap((_, index) => (index % 2 === 0 ? [[fields[index], fields[index + 1]]] : [])));
      return record.event === "completed" ? [String(record.jobId)] : [];
    });
  } finally {
    client.disconnect();
  }
}

/** Every key and value in Redis as text, whatever the key's type. */
async function dumpRedis(url: string): Promise<string> {
  const { default: IORedis } = await import("ioredis");
  const client = new IORedis(url);
  const parts: string[] = [];
  try {
    const keys = await client.keys("*");
    for (const key of keys) {
      const type = await client.type(key);
      const value =
        type === "string"
          ? await client.get(key)
          : type === "hash"
            ? await client.hgetall(key)
            : type === "list"
              ? await client.lrange(key, 0, -1)
              : type === "set"
                ? await client.smembers(key)
                : type === "zset"
                  ? await client.zrange(key, 0, -1)
                  : type === "stream"
                    ? await client.xrange(key, "-", "+")
                    : null;
      parts.push(key, JSON.stringify(value));
    }
  } finally {
    client.disconnect();
  }
  return parts.join("\n");
}
