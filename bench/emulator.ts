/**
 * Emulator benchmark (not a test): applies 10k nodes, grows the project to 100k, then pages through lists of
 * 1000 items with an equality filter and with a range filter. Every call goes over HTTP to an in-process
 * emulator, so the figures include JSON encoding on both sides. Targets: 10k apply < 2 s, a 1000-item page
 * < 100 ms. Run: bun bench/emulator.ts
 */
import { parseJson, stringifyJson } from "../src/data-formats.ts";
import { startEmulator } from "../src/emulator/server.ts";

const SPACE = "sp_bench";
const VIEW = { type: "view", space: SPACE, externalId: "Reading", version: "v1" } as const;
const CATEGORIES = 10;
const BATCH = 1000;
const PAGES = 10;

const emulator = await startEmulator();
const base = `${emulator.url}/api/v1/projects/bench/models`;

async function post(path: string, body: unknown): Promise<{ items: unknown[]; nextCursor?: string }> {
  const response = await fetch(`${base}/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: stringifyJson(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
  return parseJson(text, path) as { items: unknown[]; nextCursor?: string };
}

function node(index: number) {
  return {
    instanceType: "node",
    space: SPACE,
    externalId: `reading-${index}`,
    sources: [
      {
        source: VIEW,
        properties: {
          name: `Reading ${index}`,
          category: `c${index % CATEGORIES}`,
          value: (index * 7919) % 100_000,
          serial: 9_000_000_000_000_000_000n + BigInt(index),
        },
      },
    ],
  };
}

async function applyRange(from: number, to: number): Promise<number> {
  const started = performance.now();
  for (let start = from; start < to; start += BATCH) {
    await post("instances", { items: Array.from({ length: Math.min(BATCH, to - start) }, (_, offset) => node(start + offset)) });
  }
  return performance.now() - started;
}

/** Times PAGES consecutive 1000-item pages of a filtered (and optionally sorted) list. */
async function pageTimes(filter: unknown, sort: unknown[] = []): Promise<{ times: number[]; items: number }> {
  const times: number[] = [];
  let items = 0;
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const started = performance.now();
    const body = await post("instances/list", { sources: [{ source: VIEW }], filter, sort, limit: 1000, cursor });
    times.push(performance.now() - started);
    items += body.items.length;
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return { times, items };
}

await post("spaces", { items: [{ space: SPACE }] });
await post("containers", {
  items: [
    {
      space: SPACE,
      externalId: "Reading",
      properties: {
        name: { type: { type: "text" } },
        category: { type: { type: "text" } },
        value: { type: { type: "float64" } },
        serial: { type: { type: "int64" } },
      },
    },
  ],
});
const mapped = (id: string) => ({ container: { type: "container", space: SPACE, externalId: "Reading" }, containerPropertyIdentifier: id });
await post("views", {
  items: [
    {
      space: SPACE,
      externalId: "Reading",
      version: "v1",
      properties: Object.fromEntries(["name", "category", "value", "serial"].map((id) => [id, mapped(id)])),
    },
  ],
});

const apply10k = await applyRange(0, 10_000);
const grow = await applyRange(10_000, 100_000);
const equality = await pageTimes({ equals: { property: [SPACE, "Reading/v1", "category"], value: "c3" } });
const range = await pageTimes({ range: { property: [SPACE, "Reading/v1", "value"], gte: 20_000, lt: 50_000 } });
const sorted = await pageTimes({ matchAll: {} }, [{ property: [SPACE, "Reading/v1", "value"], direction: "descending" }]);
await emulator.stop();

const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((total, time) => total + time, 0) / times.length;
  return `mean ${mean.toFixed(1)} ms, median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
};
const rows: [string, string, string][] = [
  ["apply 10k nodes (10 × 1000)", `${apply10k.toFixed(0)} ms`, apply10k < 2000 ? "< 2 s ✓" : "< 2 s ✗"],
  ["apply 90k more (to 100k)", `${grow.toFixed(0)} ms`, `${((grow / 90_000) * 1000).toFixed(0)} ms per 1000`],
  [
    `list, equality filter (${equality.items} items in ${equality.times.length} pages)`,
    summary(equality.times),
    Math.max(...equality.times) < 100 ? "< 100 ms ✓" : "< 100 ms ✗",
  ],
  [
    `list, range filter (${range.items} items in ${range.times.length} pages)`,
    summary(range.times),
    Math.max(...range.times) < 100 ? "< 100 ms ✓" : "< 100 ms ✗",
  ],
  [`list, all 100k sorted by value (${sorted.items} items in ${sorted.times.length} pages)`, summary(sorted.times), "(no target)"],
];
const widths = [0, 1, 2].map((column) =>
  Math.max(...rows.map((row) => row[column]?.length ?? 0), ["step", "time", "target"][column]?.length ?? 0),
);
const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
console.log(`pygen emulator benchmark — Bun ${Bun.version}, ${navigator.hardwareConcurrency} cores, 100k nodes, 1000-item pages`);
console.log(line(["step", "time", "target"]));
console.log(line(widths.map((width) => "-".repeat(width))));
for (const row of rows) console.log(line(row));
