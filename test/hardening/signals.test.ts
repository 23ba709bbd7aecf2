/**
 * SIGTERM and SIGINT stop `pygen generate` (the built binary) in every phase of a large model's generation —
 * loading, validating, generating, writing — with exit code 130, one `error:` line, the previous output
 * untouched and nothing left beside it. The phase is known from the progress lines: a signal sent when one
 * line has appeared and checked to land before the next one. (There is no separate format phase: the code is
 * emitted formatted.)
 */
import { afterAll, describe, expect, test } from "bun:test";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { EXIT_CODES } from "../../src/errors.ts";
import { isolatedBinary } from "../support/binary.ts";
import { folderDigest, leftoverPattern, spawnGenerate, writeSyntheticModel } from "../support/generation-runs.ts";

/** YAML, so that reading it is a phase of its own (some 500 views). */
const CLUSTERS = 20;

const SECONDS = /… (\d+(?:\.\d+)?) (ms|s)$/;
const milliseconds = (line: string) => {
  const [, value, unit] = SECONDS.exec(line) ?? [];
  return Number(value) * (unit === "s" ? 1000 : 1);
};

/** Collects a stream's text and resolves `until` once a line matches. */
function lines(stream: ReadableStream<Uint8Array>) {
  let text = "";
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const done = (async () => {
    for await (const chunk of stream) {
      text += new TextDecoder().decode(chunk);
      for (const waiter of [...waiting]) {
        const line = text.split("\n").find((candidate) => waiter.pattern.test(candidate));
        if (line !== undefined) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
    return text;
  })();
  return {
    until: (pattern: RegExp) => new Promise<string>((resolve) => waiting.push({ pattern, resolve })),
    text: () => done,
  };
}

const PHASES = [
  // Once the config is read, loading the model is next: the signal lands while the model file is parsed.
  { phase: "load", after: /^debug: config:/, delayShare: 0, before: /^read / },
  { phase: "validate", after: /^read /, delayShare: 0, before: /^generated / },
  { phase: "generate", after: /^read /, delayShare: 0.25, before: /^generated / },
  { phase: "write", after: /^generated /, delayShare: 0, before: /^write / },
];

describe("signals while a large model generates", () => {
  const { binary, dir } = isolatedBinary();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const model = writeSyntheticModel(join(dir, "large.yaml"), CLUSTERS);
  const output = join(dir, "sdk");

  test("setup: a previous output, and how long generating takes", async () => {
    const previous = spawnGenerate(binary, ["--quiet", "--model-file", writeSyntheticModel(join(dir, "small.json"), 2), "-o", output], dir);
    expect(await previous.exited).toBe(0);
    const timed = spawnGenerate(binary, ["--model-file", model, "-o", join(dir, "timed")], dir);
    const stderr = lines(timed.stderr);
    expect(await timed.exited).toBe(0);
    const generated = (await stderr.text()).split("\n").find((line) => line.startsWith("generated ")) ?? "";
    expect(milliseconds(generated)).toBeGreaterThan(0);
    generationMs = milliseconds(generated);
  }, 60_000);

  let generationMs = 0;
  for (const { phase, after, delayShare, before } of PHASES) {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      test(`${signal} during ${phase}`, async () => {
        const untouched = folderDigest(output);
        const child = spawnGenerate(binary, ["--verbose", "--model-file", model, "-o", output], dir);
        const stderr = lines(child.stderr);
        await stderr.until(after);
        if (delayShare > 0) await Bun.sleep(generationMs * delayShare);
        child.kill(signal);
        expect(await child.exited).toBe(EXIT_CODES.interrupted);
        const text = await stderr.text();
        // The signal landed in this phase: the line that ends it never came.
        expect(text.split("\n").filter((line) => before.test(line))).toEqual([]);
        expect(text.endsWith(`error: stopped by ${signal}; the output was not touched\n`)).toBe(true);
        expect(folderDigest(output)).toBe(untouched);
        expect(readdirSync(dir).filter((name) => leftoverPattern("sdk").test(name))).toEqual([]);
      }, 60_000);
    }
  }
});
