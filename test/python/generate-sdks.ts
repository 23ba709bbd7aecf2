/**
 * Generates the Python SDKs the Python checks run on (scripts/python-checks.sh): the bundled example and every
 * shared model (../shared/models, when present), each into `<out>/<name>/` as a complete package root, plus the
 * example laid out for a short line and two-space indents, and the OmniMulti models together in one SDK. Prints one line per SDK: `<name> <package>`.
 *
 *   bun test/python/generate-sdks.ts OUT_DIR
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type GenerationInput, generateSdk, type PipelineOptions } from "../../src/pipeline.ts";
import { loadExampleModel, loadModelFile } from "../../src/sources.ts";
import { sharedModelNames, sharedModelPath } from "../support/shared-models.ts";

/** Instance spaces the end-to-end tests seed; other SDKs get none, so `space` is required there. */
const INSTANCE_SPACES: Record<string, string> = { example: "example_instances", Omni: "sp_omni_instances" };

const outDir = process.argv[2];
if (outDir === undefined) throw new Error("usage: bun test/python/generate-sdks.ts OUT_DIR");

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

async function write(name: string, input: GenerationInput, options: PipelineOptions = {}): Promise<void> {
  const topLevelPackage = `sdk_${snake(name)}`;
  const result = generateSdk(input, { topLevelPackage, defaultSpace: INSTANCE_SPACES[name], ...options });
  for (const file of result.files) {
    const path = join(outDir as string, name, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  console.log(`${name} ${topLevelPackage}`);
}

await write("example", loadExampleModel());
await write("example_narrow", loadExampleModel(), { lineLength: 80, indent: 2 });
const shared = sharedModelNames();
for (const name of shared) await write(name, await loadModelFile(sharedModelPath(name)));
// Several data models in one SDK: views with the same external id in other spaces must stay apart.
const multi = shared.filter((name) => name.startsWith("OmniMulti"));
if (multi.length > 1) {
  const models = (await Promise.all(multi.map((name) => loadModelFile(sharedModelPath(name))))).flatMap((loaded) => loaded.models);
  await write("OmniMultiAll", { models, origin: multi.join(", ") });
}
