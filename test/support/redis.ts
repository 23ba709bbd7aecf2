/**
 * A Redis for tests and benchmarks: the one .ci/run started (PYGEN_TEST_REDIS_URL), or one started here from
 * Debian's redis-server (PYGEN_TEST_REDIS_SERVER, or on PATH) on a free loopback port, or none.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GIVEN_URL = process.env.PYGEN_TEST_REDIS_URL;
const SERVER = process.env.PYGEN_TEST_REDIS_SERVER ?? Bun.which("redis-server");
export const HAVE_REDIS = Boolean(GIVEN_URL || SERVER);

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const port = server.port;
  server.stop(true);
  return port;
}

/** The Redis, answering and emptied (so searches see only the caller's keys); throws when there is none. */
export async function startRedis(): Promise<TestRedis> {
  let url = GIVEN_URL;
  let stop = async () => {};
  if (!url) {
    if (!SERVER) throw new Error("no Redis: set PYGEN_TEST_REDIS_URL or install redis-server");
    const dir = mkdtempSync(join(tmpdir(), "pygen-redis-"));
    const port = await freePort();
    const args = ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no", "--dir", dir];
    const server = Bun.spawn([SERVER, ...args], { stdout: "ignore", stderr: "ignore" });
    url = `redis://127.0.0.1:${port}`;
    stop = async () => {
      server.kill();
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const { Redis } = await import("ioredis");
  const client = new Redis(url, { retryStrategy: (times) => (times > 50 ? null : 100) });
  try {
    await client.flushdb();
  } finally {
    client.disconnect();
  }
  return { url, stop };
}
