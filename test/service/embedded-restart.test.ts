/**
 * The embedded queue survives its process: jobs queued (or running) when the service is killed run after a
 * restart on the same data folder, results stay downloadable, and SIGTERM hands queued work back cleanly.
 */
import { Database } from "bun:sqlite";
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startService } from "../../src/service/server.ts";
import { API_KEY, call, serviceOptions, submitExample, waitForJob } from "./harness.ts";
import { jobIdsLogged, spawnService } from "./process.ts";

const dataDir = mkdtempSync(join(tmpdir(), "pygen-serve-restart-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const args = ["--data", dataDir, "--workers", "1"];
const env = { PYGEN_API_KEYS: API_KEY };

test("killed mid-queue and restarted, every job completes and stays downloadable", async () => {
  const first = await spawnService(args, env);
  const ids: string[] = [];
  for (let index = 0; index < 16; index++) ids.push(await submitExample(first.url));
  const statuses = await Promise.all(ids.map(async (id) => (await call(`${first.url}/generate/${id}`)).body.status as string));
  await first.kill9();
  // The kill came while work was left: some jobs had not completed.
  expect(statuses.filter((status) => status !== "completed").length).toBeGreaterThan(0);
  const completedBefore = ids.filter((_, index) => statuses[index] === "completed");

  const second = await spawnService(args, env);
  const more: string[] = [];
  try {
    for (const id of ids) expect((await waitForJob(second.url, id)).body.status).toBe("completed");
    // Jobs finished before the kill were not run again.
    const rerun = jobIdsLogged(second.logs, "job completed").filter((id) => completedBefore.includes(id));
    expect(rerun).toEqual([]);
    const download = await fetch(`${second.url}/generate/${ids[0]}/download`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));

    // SIGTERM with jobs queued: the process exits cleanly and the next start runs what was left.
    for (let index = 0; index < 8; index++) more.push(await submitExample(second.url));
    expect(await second.stop()).toBe(0);
    expect(second.logs.some((line) => line.msg === "stopped")).toBe(true);
  } finally {
    if (second.child.exitCode === null) await second.kill9();
  }
  const third = await spawnService(args, env);
  try {
    const counts = await call(`${third.url}/metrics`, { key: null });
    expect(counts.text).toMatch(/^pygen_jobs\{state="completed"\} \d+$/m);
    const all = await Promise.all(ids.map((id) => call(`${third.url}/generate/${id}`)));
    expect(all.every((answer) => answer.body.status === "completed")).toBe(true);
    for (const id of more) expect((await waitForJob(third.url, id)).body.status).toBe("completed");
  } finally {
    await third.stop();
  }
}, 60_000);

test("a second instance on the same data folder is refused", async () => {
  const first = await spawnService(args, env);
  try {
    const second = Bun.spawnSync(
      [process.execPath, "run", join(import.meta.dir, "..", "..", "src", "main.ts"), "serve", "--port", "0", ...args],
      {
        env: { PATH: process.env.PATH ?? "", ...env },
        stderr: "pipe",
      },
    );
    expect(second.exitCode).toBe(2);
    expect(second.stderr.toString()).toContain("uses this data folder");
  } finally {
    await first.stop();
  }
}, 30_000);

test("expired results answer 404 and are deleted from the database", async () => {
  const folder = mkdtempSync(join(tmpdir(), "pygen-serve-ttl-"));
  const service = await startService(serviceOptions({ logs: [], dataDir: folder, resultTtlMs: 500 }));
  try {
    const id = await submitExample(service.url);
    expect((await waitForJob(service.url, id)).body.status).toBe("completed");
    await Bun.sleep(600);
    expect((await call(`${service.url}/generate/${id}`)).status).toBe(404);
    await Bun.sleep(1_200);
    const db = new Database(join(folder, "jobs.db"), { readonly: true });
    expect(db.query("SELECT count(*) AS n FROM jobs").get()).toEqual({ n: 0 });
    db.close();
  } finally {
    await service.stop(1_000);
    rmSync(folder, { recursive: true, force: true });
  }
}, 30_000);
