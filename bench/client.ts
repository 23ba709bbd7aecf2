/**
 * The CDF client's own cost (not a test: it prints tables).
 *
 *   bun run bench/client.ts [--requests 400] [--rate 50]
 *
 * 1. Overhead: the same POST /models/instances/list (limit 100, one view's properties) sent with raw fetch
 *    (+ JSON encode/decode) and through HttpClient (auth, throttling, retry bookkeeping, lossless JSON, response
 *    checks), sequentially and 8 at a time, against an emulator running in its own process. Target < 5 %.
 * 2. Rate-limit accuracy: requests fired all at once through a client limited to --rate requests/s; the rate
 *    measured between the first and last send. Target within 5 % of the limit.
 */
import { parseArgs } from "node:util";
import type { Credentials } from "../src/client/auth.ts";
import { TokenAuth } from "../src/client/auth.ts";
import { HttpClient } from "../src/client/http.ts";
import { PygenClient } from "../src/client/pygen-client.ts";
import { spawnEmulator } from "../test/support/emulator-process.ts";

const { values } = parseArgs({ options: { requests: { type: "string", default: "400" }, rate: { type: "string", default: "50" } } });
const REQUESTS = Number(values.requests);
const RATE = Number(values.rate);
const TOKEN = "bench-token";
const VIEW = { type: "view", space: "pygen_example", externalId: "Generator", version: "1" } as const;

const emulator = await spawnEmulator(["--token", TOKEN, "--model", "examples/hydro-plant.model.yaml", "--project", "bench"]);
const baseUrl = emulator.url;

try {
  const setup = new PygenClient({ baseUrl, project: "bench", credentials: new TokenAuth(TOKEN) });
  await setup.spaces.apply([{ space: "bench" }]);
  await setup.instances.upsert(
    Array.from({ length: 1000 }, (_, index) => ({
      instanceType: "node" as const,
      space: "bench",
      externalId: `g${index}`,
      sources: [{ source: VIEW, properties: { name: `Generator ${index}`, serialNumber: index, ratedPowerKw: index / 3 } }],
    })),
  );

  const body = { instanceType: "node", sources: [{ source: VIEW }], limit: 100 };
  const url = `${baseUrl}/api/v1/projects/bench/models/instances/list`;
  const rawRequest = async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`raw fetch: ${response.status}`);
    return response.json();
  };
  const http = new HttpClient({ baseUrl, project: "bench", credentials: new TokenAuth(TOKEN) });
  const clientRequest = () => http.post("/models/instances/list", body);

  async function timed(run: () => Promise<unknown>, concurrency: number): Promise<number> {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < REQUESTS) {
          next += 1;
          await run();
        }
      }),
    );
    return performance.now() - started;
  }

  const rows = [];
  for (const concurrency of [1, 8]) {
    await timed(rawRequest, concurrency); // warm-up of both paths
    await timed(clientRequest, concurrency);
    // Alternate the two paths over three rounds so drift on a shared machine hits both alike.
    const raw: number[] = [];
    const client: number[] = [];
    for (let round = 0; round < 3; round++) {
      raw.push(await timed(rawRequest, concurrency));
      client.push(await timed(clientRequest, concurrency));
    }
    const best = (samples: number[]) => Math.min(...samples);
    rows.push({
      mode: concurrency === 1 ? "sequential" : `${concurrency} concurrent`,
      requests: REQUESTS,
      "raw fetch ms": best(raw).toFixed(0),
      "HttpClient ms": best(client).toFixed(0),
      "per request raw ms": (best(raw) / REQUESTS).toFixed(2),
      "per request client ms": (best(client) / REQUESTS).toFixed(2),
      overhead: `${(((best(client) - best(raw)) / best(raw)) * 100).toFixed(1)} %`,
    });
  }
  console.log(`overhead: best of 3 rounds, ${REQUESTS} requests each, POST /models/instances/list (100 nodes per page)`);
  console.table(rows);

  const sends: number[] = [];
  const recording: Credentials = {
    authorization: async () => {
      sends.push(performance.now());
      return `Bearer ${TOKEN}`;
    },
    invalidate: () => false,
  };
  const limited = new HttpClient({ baseUrl, project: "bench", credentials: recording, requestsPerSecond: RATE });
  const count = RATE * 3;
  await Promise.all(Array.from({ length: count }, () => limited.get("/models/spaces")));
  const measured = (sends.length - 1) / (((sends.at(-1) ?? 0) - (sends[0] ?? 0)) / 1000);
  console.log(`rate limit: ${count} requests fired at once through a ${RATE}/s limit`);
  console.table([
    { "limit /s": RATE, "measured /s": measured.toFixed(2), deviation: `${(((measured - RATE) / RATE) * 100).toFixed(2)} %` },
  ]);
} finally {
  await emulator.stop();
}
