/**
 * `kill -9` at random moments of `pygen generate` (the built binary) replacing one large SDK by another: after
 * every kill the output folder is exactly the complete old SDK or the complete new one (compared file by file
 * with reference generations of each), never a mix; a later run leaves no staging folder behind. Every other
 * kill lands in the write, the only phase that touches the output: at a random moment after the run reports
 * the generation done. The two
 * reference SDKs are imported in Python when a Python with the SDK's dependencies is at hand (.venv, made by
 * scripts/python-checks.sh), so every state seen after a kill is one that imports.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { isolatedBinary } from "../support/binary.ts";
import { folderDigest, leftoverPattern, spawnGenerate, writeSyntheticModel } from "../support/generation-runs.ts";

const KILLS = 20;
/** Sized for two shared cores: 150 and 200 views, some 330 and 430 files (importing them is the slow part). */
const OLD_CLUSTERS = 6;
const NEW_CLUSTERS = 8;
const REPO = join(import.meta.dir, "..", "..");

/** A deterministic sequence of kill moments, so a failure can be replayed. */
function* shares(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    yield state / 2 ** 31;
  }
}

/** Resolves once a line of the stream matches (or the stream ends). */
async function waitForLine(stream: ReadableStream<Uint8Array>, line: RegExp): Promise<void> {
  let text = "";
  for await (const chunk of stream) {
    text += new TextDecoder().decode(chunk);
    if (text.split("\n").some((candidate) => line.test(candidate))) return;
  }
}

function pythonWithSdkDependencies(): string | undefined {
  for (const python of [join(REPO, ".venv", "bin", "python"), "python3"]) {
    if (python.includes("/") && !existsSync(python)) continue;
    const probe = Bun.spawnSync([python, "-c", "import pydantic"], { stdout: "ignore", stderr: "ignore" });
    if (probe.exitCode === 0) return python;
  }
  return undefined;
}

describe("kill -9 during generation", () => {
  const { binary, dir } = isolatedBinary();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test(`${KILLS} kills at random moments leave the complete old or the complete new SDK`, async () => {
    const models = {
      old: writeSyntheticModel(join(dir, "old.json"), OLD_CLUSTERS),
      new: writeSyntheticModel(join(dir, "new.json"), NEW_CLUSTERS),
    };
    const generate = async (model: string, output: string) => {
      const child = spawnGenerate(binary, ["--quiet", "--model-file", model, "-o", output], dir);
      expect(await child.exited).toBe(0);
    };

    // References: each SDK generated alone, timed, and imported.
    const digests: Record<string, string> = {};
    let longest = 0;
    for (const [name, model] of Object.entries(models)) {
      const started = performance.now();
      await generate(model, join(dir, `reference-${name}`));
      longest = Math.max(longest, performance.now() - started);
      digests[name] = folderDigest(join(dir, `reference-${name}`));
    }
    expect(digests.old).not.toBe(digests.new);
    const python = pythonWithSdkDependencies();
    if (python) {
      for (const name of Object.keys(models)) {
        const imported = Bun.spawnSync([python, "-c", "import synthetic; assert synthetic.__all__"], {
          cwd: join(dir, `reference-${name}`),
          stderr: "pipe",
        });
        expect(imported.stderr.toString()).toBe("");
      }
    } else {
      console.warn("no Python with pydantic: the reference SDKs were not imported (run scripts/python-checks.sh once)");
    }

    // One uninterrupted replacement, timed from its progress line, bounds the write phase.
    const output = join(dir, "sdk");
    await generate(models.old, output);
    const timed = spawnGenerate(binary, ["--model-file", models.new, "-o", output], dir);
    expect(await timed.exited).toBe(0);
    const writeMs = Number(/^write \S+ … (\d+) ms$/m.exec(await new Response(timed.stderr).text())?.[1] ?? 1000);
    const stateOf = () => Object.keys(digests).find((name) => digests[name] === folderDigest(output));
    const seen: string[] = [];
    const moments = shares(14);
    for (let kill = 0; kill < KILLS; kill++) {
      const before = stateOf();
      const target = before === "old" ? "new" : "old";
      const child = spawnGenerate(binary, ["--model-file", models[target], "-o", output], dir);
      const inWrite = kill % 2 === 1;
      if (inWrite) await waitForLine(child.stderr, /^generated /);
      // In the write, the second half matters most: a swap that is not one step would be under way then.
      const share = moments.next().value as number;
      const delay = Math.round(inWrite ? writeMs * (0.3 + share) : longest * 1.2 * share);
      await Bun.sleep(delay);
      child.kill("SIGKILL");
      await child.exited;
      const after = existsSync(output) ? stateOf() : "missing";
      expect({ kill, inWrite, delay, after }).toEqual({
        kill,
        inWrite,
        delay,
        after: after === "old" || after === "new" ? after : "old or new",
      });
      seen.push(`${before}→${after}`);
    }
    // Kills late enough to land after the swap must have happened too, or the test proved nothing about it.
    expect(seen.some((step) => step === "old→new" || step === "new→old")).toBe(true);
    expect(seen.some((step) => step === "old→old" || step === "new→new")).toBe(true);

    await generate(models.new, output);
    expect(folderDigest(output)).toBe(digests.new as string);
    expect(readdirSync(dir).filter((name) => leftoverPattern("sdk").test(name))).toEqual([]);
  }, 240_000);
});
