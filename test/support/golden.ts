/**
 * The golden record: the SDKs generated from a few models, checked in under test/golden/<name>/, so that every
 * change to generated code is read in review as a diff. test/golden.test.ts fails when the generator's output
 * differs; `npm run golden:update` (scripts/update-golden.ts) writes the record anew.
 *
 * GOLDEN_MODELS is the one list of recorded models: add an entry to record one more.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { GeneratedFile } from "../../src/generators/generator.ts";
import { generateSdk, type PipelineOptions } from "../../src/pipeline.ts";
import { loadExampleModel, loadModelFile } from "../../src/sources.ts";

export const REPOSITORY = join(import.meta.dir, "..", "..");
export const GOLDEN_DIR = join(REPOSITORY, "test", "golden");
/**
 * The runtime every SDK vendors verbatim into `<package>/_runtime/`. It is not recorded (it is reviewed where it is
 * written); the record holds a link to it instead, so a recorded SDK still imports, and the test checks the copy.
 */
export const RUNTIME_SOURCE = join(REPOSITORY, "templates", "python", "runtime");
const RUNTIME_FOLDER = "_runtime";

/** The generation time recorded in every golden SDK (SOURCE_DATE_EPOCH 1700000000), so the record is stable. */
export const GOLDEN_GENERATED_AT = "2023-11-14T22:13:20+00:00";

export interface GoldenModel {
  /** The folder under test/golden/. */
  name: string;
  /** A model file, relative to the repository; the bundled example when absent. */
  file?: string;
  options: PipelineOptions;
}

export const GOLDEN_MODELS: readonly GoldenModel[] = [
  { name: "example", options: {} },
  // The generator's target shape for one view of every property kind; test/python's unit tests import this SDK.
  {
    name: "pumps",
    file: "test/fixtures/models/pumps.model.yaml",
    options: { topLevelPackage: "pumps", clientName: "PumpsClient", defaultSpace: "sp_pumps" },
  },
  // Recorded once the fixture exists (issue 13's core-shaped fixture).
  { name: "core_shaped", file: "test/fixtures/models/core-shaped.model.yaml", options: {} },
  // The flat layout (flat_structure), so a change to where modules go or what they import is reviewed as a diff.
  { name: "example_flat", options: { flatStructure: true } },
];

/** The models whose file is present (a fixture still to come is skipped, with the reason). */
export function recordedModels(): { models: GoldenModel[]; missing: GoldenModel[] } {
  const present = (model: GoldenModel) => model.file === undefined || existsSync(join(REPOSITORY, model.file));
  return { models: GOLDEN_MODELS.filter(present), missing: GOLDEN_MODELS.filter((model) => !present(model)) };
}

export interface GeneratedGolden {
  /** What is recorded: path → content. */
  files: Map<string, string>;
  /** The vendored runtime's files: path in the SDK → content. */
  runtime: Map<string, string>;
  /** Where the SDK's `_runtime` folder is, e.g. `pumps/_runtime`. */
  runtimeFolders: Set<string>;
}

/** What the generator emits for a golden model today, split into what is recorded and the vendored runtime. */
export async function generateGolden(model: GoldenModel): Promise<GeneratedGolden> {
  const input = model.file === undefined ? loadExampleModel() : await loadModelFile(join(REPOSITORY, model.file));
  const result = generateSdk(input, { ...model.options, generatedAt: GOLDEN_GENERATED_AT });
  const generated: GeneratedGolden = { files: new Map(), runtime: new Map(), runtimeFolders: new Set() };
  for (const file of result.files as GeneratedFile[]) {
    const folder = dirname(file.path);
    if (folder.split("/").at(-1) === RUNTIME_FOLDER) {
      generated.runtime.set(file.path, file.content);
      generated.runtimeFolders.add(folder);
    } else {
      generated.files.set(file.path, file.content);
    }
  }
  return generated;
}

/** Vendored runtime files that are not exactly the runtime's source, by path in the SDK. */
export function runtimeDrift(runtime: Map<string, string>): string[] {
  const source = new Set(readdirSync(RUNTIME_SOURCE).filter((name) => name.endsWith(".py")));
  const drift: string[] = [];
  for (const [path, content] of runtime) {
    const name = path.split("/").at(-1) ?? path;
    if (!source.delete(name) || readFileSync(join(RUNTIME_SOURCE, name), "utf8") !== content) drift.push(path);
  }
  return [...drift, ...[...source].map((name) => `${RUNTIME_FOLDER}/${name} (not vendored)`)];
}

/** The record as checked in, path → content; empty when the folder does not exist. */
export function readGolden(name: string): Map<string, string> {
  const root = join(GOLDEN_DIR, name);
  const files = new Map<string, string>();
  if (!existsSync(root)) return files;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    // Python leaves bytecode beside modules it imports (the unit tests import test/golden/pumps), and the runtime
    // is a link to its source: neither is part of the record.
    const folders = entry.parentPath.split(/[\\/]/);
    if (!entry.isFile() || folders.includes("__pycache__") || folders.at(-1) === RUNTIME_FOLDER) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path), readFileSync(path, "utf8"));
  }
  return files;
}

export interface GoldenDifference {
  missing: string[];
  extra: string[];
  changed: { path: string; diff: string }[];
}

/** How the generated files differ from the record: files not recorded, recorded but no longer generated, changed. */
export function compareGolden(recorded: Map<string, string>, generated: Map<string, string>): GoldenDifference {
  const sorted = (paths: Iterable<string>) => [...paths].sort();
  return {
    missing: sorted([...generated.keys()].filter((path) => !recorded.has(path))),
    extra: sorted([...recorded.keys()].filter((path) => !generated.has(path))),
    changed: sorted([...generated.keys()].filter((path) => recorded.has(path) && recorded.get(path) !== generated.get(path))).map(
      (path) => ({ path, diff: shortDiff(recorded.get(path) ?? "", generated.get(path) ?? "") }),
    ),
  };
}

export function isSame(difference: GoldenDifference): boolean {
  return difference.missing.length + difference.extra.length + difference.changed.length === 0;
}

const DIFF_LINES = 8;

/**
 * The changed region of a file: the lines common to both ends are cut, what is left is shown as - (recorded) and
 * + (generated) lines with its line number, at most DIFF_LINES of each.
 */
export function shortDiff(recorded: string, generated: string): string {
  const before = recorded.split("\n");
  const after = generated.split("\n");
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  const show = (sign: string, lines: string[]) => [
    ...lines.slice(0, DIFF_LINES).map((line) => `${sign} ${line}`),
    ...(lines.length > DIFF_LINES ? [`${sign} … ${lines.length - DIFF_LINES} more lines`] : []),
  ];
  return [
    `@@ line ${start + 1}`,
    ...show("-", before.slice(start, before.length - end)),
    ...show("+", after.slice(start, after.length - end)),
  ].join("\n");
}

/** The failure message: which files differ and how, and the command that updates the record. */
export function describeDifference(name: string, difference: GoldenDifference): string {
  const lines = [`the SDK generated from golden model "${name}" differs from test/golden/${name}/:`];
  for (const path of difference.missing) lines.push(`  new file (not recorded): ${path}`);
  for (const path of difference.extra) lines.push(`  recorded, no longer generated: ${path}`);
  for (const { path, diff } of difference.changed) lines.push(`  changed: ${path}`, ...diff.split("\n").map((line) => `    ${line}`));
  lines.push("If the change is intended, update the record: npm run golden:update (and review the diff).");
  return lines.join("\n");
}
