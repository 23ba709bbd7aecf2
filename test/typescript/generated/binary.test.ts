/**
 * The compiled binary carries the TypeScript runtime, compiled when pygen was built: `pygen generate --language
 * typescript`, run from a folder with no repository or node_modules beside it, writes the same `_runtime/` files
 * the generator embeds from source.
 */
import { afterAll, expect, test } from "bun:test";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { RUNTIME_FILES } from "../../../src/generators/typescript/runtime.ts";
import { isolatedBinary } from "../../support/binary.ts";

const { binary, dir } = isolatedBinary();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the binary generates the example in TypeScript with the compiled runtime in _runtime/", () => {
  const output = join(dir, "sdk");
  const result = Bun.spawnSync([binary, "generate", "--language", "typescript", "--output", output], {
    cwd: dir,
    stdout: "pipe",
    stderr: "pipe",
  });
  expect(result.stderr.toString()).not.toContain("error");
  expect(result.exitCode).toBe(0);
  expect(Object.keys(RUNTIME_FILES).length).toBeGreaterThan(10);
  for (const [name, content] of Object.entries(RUNTIME_FILES)) expect(readFileSync(join(output, "_runtime", name), "utf8")).toBe(content);
  expect(JSON.parse(readFileSync(join(output, "package.json"), "utf8")).name).toBe("hydro-plant-model");
}, 300_000);
