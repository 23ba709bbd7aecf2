/**
 * The checks every fuzzed SDK must pass, run over a whole batch at once so each tool starts once per batch (the
 * machine has 2 cores): generation (no validation errors on a valid model), `ruff check`, `ruff format --check`,
 * `mypy --strict`, and the end-to-end test against the emulator (test/python/e2e/test_fuzz_sdks.py). Each problem
 * is attributed to the SDK whose folder it names.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DataModel } from "../../src/client/models.ts";
import { seedModels } from "../../src/emulator/seed.ts";
import { EmulatorStore } from "../../src/emulator/store.ts";
import { writeGeneratedFiles } from "../../src/output/writer.ts";
import { type GenerationResult, generateSdk, type PipelineOptions } from "../../src/pipeline.ts";

export const REPOSITORY = resolve(import.meta.dir, "../..");
const VENV = join(REPOSITORY, ".venv", "bin");

export const CHECKS = ["generate", "ruff check", "ruff format", "mypy", "e2e"] as const;
export type CheckName = (typeof CHECKS)[number];

/** One model to fuzz: a seed's random model or a shrunk fixture. `name` is the SDK's folder and package. */
export interface FuzzCase {
  name: string;
  models: DataModel[];
  /** Layout options a user may set (line length, indent, docstrings); pygen's defaults otherwise. */
  options?: Pick<PipelineOptions, "lineLength" | "indent" | "docstrings">;
}

export interface Failure {
  name: string;
  check: CheckName;
  /** The first error line, as the tool printed it. */
  message: string;
  /** All lines the tool printed about this SDK. */
  details: string[];
}

/**
 * The failure class: the check and its first error line with the names, numbers and paths of one model blurred,
 * so the same defect in two seeds counts once.
 */
export function failureClass(failure: { check: string; message: string }): string {
  const blurred = failure.message
    .replace(/^\S*\.py:\d+(:\d+)?:\s*/, "")
    .replace(/^\S*\.[jt]s\(\d+,\d+\):\s*/, "")
    .replace(/^\S*\.[jt]s(:\d+:\d+)?\s+/, "")
    .replace(/\s*━+/g, "")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/ ?\(request id [^)]*\)/g, "")
    .replace(/\bfuzz_\w+/g, "fuzz_…")
    .replace(/\b(list|dict)\[[^\]]*\]/g, "$1[…]")
    .replace(/\d+/g, "N");
  return `${failure.check}: ${blurred}`;
}

/**
 * One case's SDK generated in `language` and written into `folder`: the pipeline's result, and the failure when it
 * throws (no result) or reports a validation error (a valid model is generated whole: an error means the validator
 * refuses what CDF accepts). Layout options are Python's; other languages get their defaults.
 */
export async function generateCase(
  fuzzCase: FuzzCase,
  folder: string,
  language = "python",
): Promise<{ result?: GenerationResult; failure?: Failure }> {
  const space = fuzzCase.models[0]?.space ?? "fuzz";
  try {
    const result = generateSdk(
      { models: fuzzCase.models, origin: fuzzCase.name },
      {
        ...(language === "python" ? fuzzCase.options : {}),
        language,
        topLevelPackage: fuzzCase.name,
        clientName: "FuzzClient",
        defaultSpace: `${space}_instances`,
        generatedAt: "fixed",
      },
    );
    await writeGeneratedFiles(folder, result.files, { overwrite: true });
    const errors = result.warnings.filter((warning) => warning.severity === "error");
    if (errors.length === 0) return { result };
    const lines = errors.map((error) => `${error.code} ${error.location}: ${error.message}`);
    return { result, failure: { name: fuzzCase.name, check: "generate", message: `validation error ${lines[0]}`, details: lines } };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { failure: { name: fuzzCase.name, check: "generate", message: message.split("\n")[0] ?? message, details: [String(error)] } };
  }
}

/** Writes each case's SDK into `<dir>/<name>/` and its models into `<dir>/<name>.model.json` (for the emulator). */
export async function generateCases(cases: readonly FuzzCase[], dir: string): Promise<{ generated: string[]; failures: Failure[] }> {
  const generated: string[] = [];
  const failures: Failure[] = [];
  for (const fuzzCase of cases) {
    const [first] = fuzzCase.models;
    if (first === undefined) continue;
    const { result, failure } = await generateCase(fuzzCase, join(dir, fuzzCase.name));
    if (failure !== undefined) failures.push(failure);
    if (result === undefined) continue;
    // One model per file (the emulator seeds each), the first beside the SDK.
    await Bun.write(
      join(dir, `${fuzzCase.name}.model.json`),
      JSON.stringify(fuzzCase.models.length === 1 ? first : fuzzCase.models, null, 1),
    );
    generated.push(fuzzCase.name);
  }
  return { generated, failures };
}

interface Output {
  status: number;
  text: string;
}

function run(command: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Output {
  const result = Bun.spawnSync(command, {
    cwd: options.cwd ?? REPOSITORY,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", ...options.env },
    stdout: "pipe",
    stderr: "pipe",
  });
  return { status: result.exitCode ?? 1, text: `${result.stdout.toString()}${result.stderr.toString()}` };
}

/** Lines that name an SDK folder, grouped into one failure per SDK (its first line is the message). */
function attribute(
  check: CheckName,
  lines: readonly string[],
  names: readonly string[],
  nameOf: (line: string) => string | undefined,
): Failure[] {
  const byName = new Map<string, string[]>();
  for (const line of lines) {
    const name = nameOf(line);
    if (name === undefined || !names.includes(name)) continue;
    byName.set(name, [...(byName.get(name) ?? []), line]);
  }
  return [...byName].map(([name, details]) => ({ name, check, message: details[0] as string, details }));
}

/** The SDK folder a line starts with: the tools run in the batch folder on relative paths. */
const folderOf = (line: string) => line.split("/")[0];

export function ruffCheck(dir: string, names: readonly string[]): Failure[] {
  if (names.length === 0) return [];
  const output = run([join(VENV, "ruff"), "check", "--no-cache", "--quiet", "--output-format", "concise", ...names], { cwd: dir });
  const failures = attribute("ruff check", output.text.split("\n"), names, folderOf);
  return output.status !== 0 && failures.length === 0 ? batchFailure("ruff check", names, output) : failures;
}

export function ruffFormat(dir: string, names: readonly string[]): Failure[] {
  if (names.length === 0) return [];
  const output = run([join(VENV, "ruff"), "format", "--check", "--no-cache", "--output-format", "concise", ...names], { cwd: dir });
  // The module a file is, in the message (`_query.py`, `_api/….py`): the class tells layouts of different modules apart.
  const lines = output.text
    .split("\n")
    .filter((line) => line.includes(": unformatted"))
    .map((line) => {
      const path = line.slice(0, line.indexOf(":"));
      const module = path
        .split("/")
        .slice(2)
        .join("/")
        .replace(/\/[^/]+\.py$/, "/….py");
      return `${module} would be reformatted (in ${path.split("/")[0]})`;
    });
  const failures = attribute("ruff format", lines, names, (line) => /\(in (\S+)\)$/.exec(line)?.[1]);
  return output.status !== 0 && failures.length === 0 ? batchFailure("ruff format", names, output) : failures;
}

export function mypy(dir: string, names: readonly string[]): Failure[] {
  if (names.length === 0) return [];
  const packages = names.map((name) => join(name, name));
  const output = run([join(VENV, "mypy"), "--strict", "--no-error-summary", "--cache-dir", join(dir, ".mypy_cache"), ...packages], {
    cwd: dir,
  });
  const lines = output.text.split("\n").filter((line) => /: error: /.test(line));
  const failures = attribute("mypy", lines, names, folderOf);
  return output.status !== 0 && failures.length === 0 ? batchFailure("mypy", names, output) : failures;
}

/**
 * Models the emulator refuses (its failure names the file, but it would stop the whole batch's emulator): each is
 * seeded into an in-memory emulator store first, and a refused one is moved aside and reported.
 */
async function refusedByEmulator(dir: string, names: readonly string[]): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const name of names) {
    const file = join(dir, `${name}.model.json`);
    try {
      await seedModels(new EmulatorStore(), "fuzz", file);
    } catch (error) {
      renameSync(file, `${file}.refused`);
      const lines = String(error instanceof Error ? error.message : error).split("\n");
      failures.push({ name, check: "e2e", message: `the emulator refuses the model: ${lines[0]?.replace(file, "")}`, details: lines });
    }
  }
  return failures;
}

/** The end-to-end test over every SDK of the folder, in one pytest process beside one emulator. */
export async function endToEnd(dir: string, names: readonly string[]): Promise<Failure[]> {
  if (names.length === 0) return [];
  const refused = await refusedByEmulator(dir, names);
  if (refused.length > 0)
    return [
      ...refused,
      ...(await endToEnd(
        dir,
        names.filter((name) => !refused.some((failure) => failure.name === name)),
      )),
    ];
  const output = run(
    [join(VENV, "python"), "-m", "pytest", "test/python/e2e/test_fuzz_sdks.py", "-q", "-rfE", "-p", "no:cacheprovider", "--tb=short"],
    { env: { PYGEN_FUZZ_SDKS: dir, COLUMNS: "500" } },
  );
  const failures: Failure[] = [];
  const summary = output.text.split("\n").filter((line) => /^(FAILED|ERROR) .*\[/.test(line));
  for (const line of summary) {
    const name = /\[([^\]]+)\]/.exec(line)?.[1];
    if (name === undefined || !names.includes(name)) continue;
    const message = line.replace(/^.*?\] - /, "").trim();
    failures.push({ name, check: "e2e", message, details: sectionOf(output.text, name) });
  }
  return output.status !== 0 && failures.length === 0 ? batchFailure("e2e", names, output) : failures;
}

/** The traceback pytest printed for one parametrised case. */
function sectionOf(text: string, name: string): string[] {
  const start = text.indexOf(`test_fuzz_sdk[${name}]`);
  if (start === -1) return [];
  const end = text.indexOf("\n___", start + 1);
  return text
    .slice(start, end === -1 ? undefined : end)
    .split("\n")
    .slice(0, 80);
}

/** A tool failed without naming an SDK (it crashed): the whole batch fails with its output. */
function batchFailure(check: CheckName, names: readonly string[], output: Output): Failure[] {
  const lines = output.text.split("\n").filter((line) => line.trim() !== "");
  return names.map((name) => ({ name, check, message: lines.at(-1) ?? `exit code ${output.status}`, details: lines.slice(-40) }));
}

export interface BatchResult {
  failures: Failure[];
  /** Milliseconds per check over the batch. */
  timings: Record<CheckName, number>;
}

/** Generates and checks a batch of cases in `dir` (emptied first); `only` limits the checks (for shrinking). */
export async function checkBatch(cases: readonly FuzzCase[], dir: string, only?: ReadonlySet<CheckName>): Promise<BatchResult> {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const timings = Object.fromEntries(CHECKS.map((check) => [check, 0])) as Record<CheckName, number>;
  const timed = <T>(check: CheckName, work: () => T): T => {
    const started = performance.now();
    const result = work();
    timings[check] += performance.now() - started;
    return result;
  };
  const started = performance.now();
  const { generated, failures } = await generateCases(cases, dir);
  timings.generate = performance.now() - started;
  const wanted = (check: CheckName) => only === undefined || only.has(check);
  if (wanted("ruff check")) failures.push(...timed("ruff check", () => ruffCheck(dir, generated)));
  if (wanted("ruff format")) failures.push(...timed("ruff format", () => ruffFormat(dir, generated)));
  if (wanted("mypy")) failures.push(...timed("mypy", () => mypy(dir, generated)));
  if (wanted("e2e")) {
    const e2eStarted = performance.now();
    failures.push(...(await endToEnd(dir, generated)));
    timings.e2e += performance.now() - e2eStarted;
  }
  return { failures, timings };
}
