/**
 * Figures of the generation service (not a test: it prints a table). Each instance is `pygen serve` in its own
 * process (from source) with the embedded queue.
 *
 *   bun run bench/service.ts [--jobs 40] [--clients 20] [--rounds 5]
 *
 * Measures: jobs/s for the example model with 1 and 4 workers (--jobs submitted at once, until the service
 * finished the last one); p50/p95 of POST /validate and of job latency (submit → completed, polled every 20 ms) under
 * --clients concurrent clients, --rounds each; peak RSS (VmHWM) of an idle instance and of the same instance
 * after the load.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { API_KEY, EXAMPLE_MODEL_TEXT, post, submitExample, waitForJob } from "../test/service/harness.ts";
import { type ServiceProcess, spawnService } from "../test/service/process.ts";

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "40" },
    clients: { type: "string", default: "20" },
    rounds: { type: "string", default: "5" },
  },
});
const jobs = Number(values.jobs);
const clients = Number(values.clients);
const rounds = Number(values.rounds);

async function withService<T>(workers: number, work: (service: ServiceProcess) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), "pygen-bench-serve-"));
  const service = await spawnService(["--data", dataDir, "--workers", String(workers), "--rate-limit", "0"], { PYGEN_API_KEYS: API_KEY });
  try {
    return await work(service);
  } finally {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? Number.NaN) / 1024;

function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

async function throughput(workers: number): Promise<number> {
  return withService(workers, async (service) => {
    await waitForJob(service.url, await submitExample(service.url)); // warm-up: threads compiled the pipeline
    const started = Date.now();
    const ids = await Promise.all(Array.from({ length: jobs }, () => submitExample(service.url)));
    let last = started;
    for (const id of ids) {
      const done = await waitForJob(service.url, id, API_KEY, 300_000);
      if (done.body.status !== "completed") throw new Error(`job ${id} ${done.body.status}`);
      // The service's own finish time, so the polling interval does not count.
      last = Math.max(last, Date.parse(done.body.finished_at));
    }
    return jobs / ((last - started) / 1000);
  });
}

const rows: Record<string, string>[] = [];
for (const workers of [1, 4])
  rows.push({ measure: `jobs/s, example model, ${workers} worker(s), ${jobs} jobs`, value: (await throughput(workers)).toFixed(1) });

await withService(4, async (service) => {
  await Bun.sleep(500);
  const idle = peakRssMb(service.child.pid);
  const validate: number[] = [];
  const latency: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let round = 0; round < rounds; round++) {
        let started = performance.now();
        const report = await post(`${service.url}/validate`, { model: EXAMPLE_MODEL_TEXT });
        if (report.status !== 200) throw new Error(`/validate answered ${report.status}`);
        validate.push(performance.now() - started);
        started = performance.now();
        const id = await submitExample(service.url);
        for (;;) {
          const answer = await fetch(`${service.url}/generate/${id}`, { headers: { authorization: `Bearer ${API_KEY}` } }).then((r) =>
            r.json(),
          );
          if ((answer as { status: string }).status === "completed") break;
          await Bun.sleep(20);
        }
        latency.push(performance.now() - started);
      }
    }),
  );
  const busy = peakRssMb(service.child.pid);
  const ms = (value: number) => value.toFixed(1);
  rows.push(
    { measure: `POST /validate p50 ms (${clients} clients × ${rounds})`, value: ms(percentile(validate, 0.5)) },
    { measure: `POST /validate p95 ms (${clients} clients × ${rounds})`, value: ms(percentile(validate, 0.95)) },
    { measure: `job latency p50 ms (${clients} clients × ${rounds}, 4 workers)`, value: ms(percentile(latency, 0.5)) },
    { measure: `job latency p95 ms (${clients} clients × ${rounds}, 4 workers)`, value: ms(percentile(latency, 0.95)) },
    { measure: "peak RSS MB, idle instance (4 workers)", value: idle.toFixed(0) },
    { measure: "peak RSS MB, same instance after the load", value: busy.toFixed(0) },
  );
});

console.table(rows);
