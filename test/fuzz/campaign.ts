/**
 * A fuzz campaign: seeds in batches (each batch through test/fuzz/checks.ts), the shrunk regression fixtures of
 * test/fixtures/fuzz, failures printed with the seed and a command to replay it, optionally shrunk into new
 * fixtures, and a summary: seeds run, failures by class, time per check. bench/fuzz-models.ts and the Python
 * checks (scripts/python-checks.sh) run it.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { dump } from "js-yaml";
import type { DataModel } from "../../src/client/models.ts";
import { loadModelFile } from "../../src/sources.ts";
import { CHECKS, type CheckName, checkBatch, type Failure, type FuzzCase, failureClass, REPOSITORY } from "./checks.ts";
import { randomModel, randomOptions } from "./random-model.ts";
import { failsLike, modelSize, renameSpaces, shrink } from "./shrink.ts";
import { checkTypescriptBatch, TYPESCRIPT_CHECKS } from "./typescript-checks.ts";

/** A failure of any language's checks (the Python ones or typescript-checks.ts). */
export type AnyFailure = Omit<Failure, "check"> & { check: string };

/** The checks of one target language: their names, and how a batch runs through them. */
interface LanguageChecks {
  checks: readonly string[];
  checkBatch(cases: readonly FuzzCase[], dir: string): Promise<{ failures: AnyFailure[]; timings: Record<string, number> }>;
}

export const FUZZ_LANGUAGES = {
  python: { checks: CHECKS, checkBatch: (cases, dir) => checkBatch(cases, dir) },
  typescript: { checks: TYPESCRIPT_CHECKS, checkBatch: checkTypescriptBatch },
} satisfies Record<string, LanguageChecks>;
export type FuzzLanguage = keyof typeof FUZZ_LANGUAGES;

export const FIXTURES = join(REPOSITORY, "test", "fixtures", "fuzz");

export interface CampaignOptions {
  /** The SDKs' language; Python by default. */
  language?: FuzzLanguage;
  seeds: number;
  start: number;
  /** Seeds per batch: one ruff, one mypy and one pytest run each. */
  batch: number;
  /** Also run the fixtures of test/fixtures/fuzz. */
  fixtures: boolean;
  /** Shrink the first failing seed of each new failure class into test/fixtures/fuzz (Python's checks only). */
  shrink: boolean;
  /** Keep the generated SDKs of the last batch here instead of a temporary folder. */
  keep?: string;
  log: (line: string) => void;
}

export const seedName = (seed: number) => `fuzz_${seed}`;
const fixtureName = (file: string) =>
  `fuzz_fixture_${basename(file, ".model.yaml")
    .replace(/[^a-zA-Z0-9]+/g, "_")
    .toLowerCase()}`;

async function fixtureCases(): Promise<FuzzCase[]> {
  const files = readdirSafe(FIXTURES)
    .filter((file) => file.endsWith(".model.yaml"))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const path = join(FIXTURES, file);
      return { name: fixtureName(file), models: (await loadModelFile(path)).models, options: fixtureOptions(await Bun.file(path).text()) };
    }),
  );
}

/** A fixture's first line may hold the layout options its SDK is generated with: `# options: {"lineLength": 80}`. */
const OPTIONS_LINE = /^# options: (\{.*\})$/m;

function fixtureOptions(text: string): FuzzCase["options"] {
  const json = OPTIONS_LINE.exec(text.split("\n", 1)[0] ?? "")?.[1];
  return json === undefined ? {} : JSON.parse(json);
}

/** Runs the campaign; resolves to the failures (none: every SDK passed every check). */
export async function runCampaign(options: CampaignOptions): Promise<AnyFailure[]> {
  const { log } = options;
  const language: LanguageChecks = FUZZ_LANGUAGES[options.language ?? "python"];
  const started = performance.now();
  const work = options.keep ?? mkdtempSync(join(tmpdir(), "pygen-fuzz-"));
  const timings: Record<string, number> = Object.fromEntries(language.checks.map((check) => [check, 0]));
  const failures: AnyFailure[] = [];
  const batches: FuzzCase[][] = [];
  if (options.fixtures) batches.push(await fixtureCases());
  for (let offset = 0; offset < options.seeds; offset += options.batch) {
    const seeds = Array.from({ length: Math.min(options.batch, options.seeds - offset) }, (_, index) => options.start + offset + index);
    batches.push(seeds.map((seed) => ({ name: seedName(seed), models: [randomModel(seed)], options: randomOptions(seed) })));
  }
  try {
    for (const cases of batches) {
      if (cases.length === 0) continue;
      const result = await language.checkBatch(cases, join(work, "batch"));
      for (const check of language.checks) timings[check] = (timings[check] ?? 0) + (result.timings[check] ?? 0);
      failures.push(...result.failures);
      for (const failure of result.failures) log(describe(failure, options.language));
      log(
        `${cases[0]?.name} … ${cases.at(-1)?.name}: ${cases.length} model(s), ${new Set(result.failures.map((failure) => failure.name)).size} failing`,
      );
    }
    const classes = byClass(failures);
    const byName = new Map(batches.flat().map((fuzzCase) => [fuzzCase.name, fuzzCase]));
    if (options.shrink && language !== FUZZ_LANGUAGES.python) log("--shrink shrinks by Python's checks only: not shrunk");
    else if (options.shrink) {
      for (const [failing, members] of classes) {
        const first = members[0] as AnyFailure;
        const model = byName.get(first.name)?.models[0];
        const layout = byName.get(first.name)?.options ?? {};
        if (model === undefined || first.name.startsWith("fuzz_fixture")) continue;
        log(`shrinking ${first.name} (${failing})`);
        const shrunk = await shrink(model, failsLike(first.check as CheckName, failing, join(work, "shrink"), layout), log);
        if (shrunk === undefined) {
          log("  the failure did not come back: not shrunk");
          continue;
        }
        const file = await writeFixture(shrunk.model, first.name, layout);
        log(`  ${shrunk.trials} trials: size ${modelSize(model)} → ${modelSize(shrunk.model)}, written to ${file}`);
      }
    }
    summarise(options, failures, classes, timings, performance.now() - started);
  } finally {
    if (options.keep === undefined) rmSync(work, { recursive: true, force: true });
  }
  return failures;
}

function describe(failure: AnyFailure, language: FuzzLanguage | undefined): string {
  const seed = /^fuzz_(\d+)$/.exec(failure.name)?.[1];
  const command = `bun bench/fuzz-models.ts${language === undefined || language === "python" ? "" : ` --language ${language}`}`;
  const replay = seed === undefined ? `${command} --fixtures --seeds 0` : `${command} --start ${seed} --seeds 1 --keep /tmp/fuzz-${seed}`;
  return [
    `FAIL ${failure.name} [${failure.check}] ${failure.message}`,
    ...failure.details.slice(1, 12).map((line) => `    ${line}`),
    `  replay: ${replay}`,
  ].join("\n");
}

function byClass(failures: readonly AnyFailure[]): Map<string, AnyFailure[]> {
  const classes = new Map<string, AnyFailure[]>();
  for (const failure of failures) {
    const key = failureClass(failure);
    classes.set(key, [...(classes.get(key) ?? []), failure]);
  }
  return classes;
}

function summarise(
  options: CampaignOptions,
  failures: readonly AnyFailure[],
  classes: Map<string, AnyFailure[]>,
  timings: Record<string, number>,
  elapsed: number,
): void {
  const { log } = options;
  const failing = new Set(failures.map((failure) => failure.name));
  log("");
  log(
    `seeds ${options.start}…${options.start + options.seeds - 1}: ${options.seeds} run${options.fixtures ? ", plus the fixtures" : ""}; ${failing.size} SDK(s) failing`,
  );
  for (const [key, members] of [...classes].sort((a, b) => b[1].length - a[1].length)) {
    log(
      `  ${members.length} × ${key}   (e.g. ${members
        .slice(0, 3)
        .map((member) => member.name)
        .join(", ")})`,
    );
  }
  const run = options.seeds + (options.fixtures ? fixtureCount() : 0);
  const perCheck = Object.entries(timings)
    .map(([check, milliseconds]) => `${check} ${(milliseconds / 1000).toFixed(1)} s`)
    .join(", ");
  log(`time: ${(elapsed / 1000).toFixed(1)} s (${perCheck})`);
  // As pytest closes, so scripts/test.sh counts the fuzzed SDKs with the tests.
  log(`${run - failing.size} passed, ${failing.size} failed`);
}

function fixtureCount(): number {
  return readdirSafe(FIXTURES).filter((file) => file.endsWith(".model.yaml")).length;
}

/** Writes a shrunk model as a fixture, in spaces of its own (x<seed><letter>) so fixtures share an emulator. */
async function writeFixture(model: DataModel, name: string, options: FuzzCase["options"]): Promise<string> {
  const seed = name.replace(/^fuzz_/, "");
  const taken = new Set(readdirSafe(FIXTURES));
  let letter = 0;
  while (taken.has(`seed-${seed}${String.fromCharCode(97 + letter)}.model.yaml`)) letter++;
  const suffix = String.fromCharCode(97 + letter);
  const moved = renameSpaces(model, (space) => space.replace(/^f\d+/, `x${seed}${suffix}`));
  const file = join(FIXTURES, `seed-${seed}${suffix}.model.yaml`);
  const plain = JSON.parse(JSON.stringify(moved, (key, value) => (key === "kind" ? undefined : value)));
  await Bun.write(
    file,
    `${Object.keys(options ?? {}).length > 0 ? `# options: ${JSON.stringify(options)}\n` : ""}# Shrunk from fuzz seed ${seed} (bench/fuzz-models.ts); rename it after the defect it shows.\n${dump(plain, { lineWidth: 200, noRefs: true })}`,
  );
  // Laid out as the repository's YAML is, so biome check . passes.
  Bun.spawnSync([join(REPOSITORY, "node_modules", ".bin", "biome"), "format", "--write", file], { stdout: "ignore", stderr: "ignore" });
  return file;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
