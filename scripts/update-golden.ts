/**
 * Writes the golden record anew: the SDK of every model in GOLDEN_MODELS (test/support/golden.ts) replaces the
 * folder test/golden/<name>/. Review the diff (git diff test/golden) before committing it.
 *
 *   bun run scripts/update-golden.ts        (npm run golden:update)
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { GOLDEN_DIR, generateGolden, RUNTIME_SOURCE, recordedModels } from "../test/support/golden.ts";

const { models, missing } = recordedModels();
for (const model of missing) console.log(`skipped ${model.name}: ${model.file} does not exist`);
for (const model of models) {
  const { files, runtimeFolders } = await generateGolden(model);
  const root = join(GOLDEN_DIR, model.name);
  rmSync(root, { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  // The vendored runtime is a link to its source, as it is not recorded (test/support/golden.ts).
  for (const folder of runtimeFolders) {
    const link = join(root, folder);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), RUNTIME_SOURCE), link);
  }
  console.log(`test/golden/${model.name}: ${files.size} files, the runtime linked`);
}
