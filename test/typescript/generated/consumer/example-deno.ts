// example-e2e.ts's steps under Deno (`deno run --check`, the SDK imported from node_modules): each step's name
// with ok, or the first mismatch and a non-zero exit. Deno's own APIs only: node:assert would need @types/node.
import { type Check, ExampleRun, STEPS } from "./example-e2e.ts";

/** JSON with object keys sorted, bigints as `<n>n` and Dates as ISO strings: equal texts mean equal values. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "bigint") return `${item}n`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

const check: Check = (actual, expected, what) => {
  if (canonical(actual) !== canonical(expected)) throw new Error(`${what}: expected ${canonical(expected)}, got ${canonical(actual)}`);
};

const run = new ExampleRun(JSON.parse(Deno.env.get("PYGEN_E2E_CONNECTION") ?? "{}"), Deno.env.get("PYGEN_E2E_TAG") ?? "deno");
for (const [name, step] of STEPS) {
  await step(run, check);
  console.log(`ok ${name}`);
}
