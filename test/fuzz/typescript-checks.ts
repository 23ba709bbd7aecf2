/**
 * The checks every fuzzed model's TypeScript SDK must pass, over a whole batch at once so each tool starts once per
 * batch (the machine has 2 cores): generation, `biome check` over the emitted modules, `tsc --strict --noEmit` with
 * nodenext and with bundler resolution (one project each, over one user file per SDK), and an import of each SDK by
 * its package name from Node and from Bun (and Deno when present). Each problem is attributed to the SDK whose
 * folder or user file it names.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  biomeCheck,
  type GeneratedSdk,
  installSdks,
  type Output,
  RESOLUTIONS,
  runtimeCommands,
  spawn,
  typeCheck,
  userFileName,
  writeImportScript,
  writeTsconfigs,
  writeUserFile,
} from "../typescript/consumer.ts";
import { type Failure, type FuzzCase, generateCase } from "./checks.ts";

export const TYPESCRIPT_CHECKS = ["generate", "biome", "tsc nodenext", "tsc bundler", "import node", "import bun", "import deno"] as const;
export type TypescriptCheckName = (typeof TYPESCRIPT_CHECKS)[number];

export interface TypescriptFailure extends Omit<Failure, "check"> {
  check: TypescriptCheckName;
}

export interface TypescriptBatchResult {
  failures: TypescriptFailure[];
  /** Milliseconds per check over the batch. */
  timings: Record<TypescriptCheckName, number>;
}

/** Generates each case's TypeScript SDK into `<dir>/sdks/<name>/`; a case that throws or has errors fails. */
async function generateCases(
  cases: readonly FuzzCase[],
  sdksDir: string,
): Promise<{ sdks: GeneratedSdk[]; failures: TypescriptFailure[] }> {
  const sdks: GeneratedSdk[] = [];
  const failures: TypescriptFailure[] = [];
  for (const fuzzCase of cases) {
    const folder = join(sdksDir, fuzzCase.name);
    const { result, failure } = await generateCase(fuzzCase, folder, "typescript");
    if (failure !== undefined) failures.push({ ...failure, check: "generate" });
    else if (result !== undefined) sdks.push({ packageName: result.config.topLevelPackage, clientName: result.config.clientName, folder });
  }
  return { sdks, failures };
}

/**
 * Lines of a tool's output grouped into one failure per SDK they name (by its folder `sdks/<name>/` or its user
 * file); a failing tool that names no SDK fails the whole batch with its last lines.
 */
export function attribute(check: TypescriptCheckName, output: Output, sdks: readonly GeneratedSdk[]): TypescriptFailure[] {
  if (output.code === 0) return [];
  const names = sdks.map((sdk) => sdk.packageName);
  const byName = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of output.text.split("\n")) {
    // tsc names `../sdks/<name>/…` or the user file, Biome `<name>/…` (it runs in sdks/).
    const named = names.find((name) => line.includes(`sdks/${name}/`) || line.startsWith(`${name}/`) || line.includes(userFileName(name)));
    // Biome prints a diagnostic's further lines indented under its first: they belong to the SDK named last.
    if (named !== undefined) current = named;
    else if (line.trim() !== "" && !/^\s/.test(line)) current = undefined;
    if (current === undefined) continue;
    byName.set(current, [...(byName.get(current) ?? []), line]);
  }
  if (byName.size === 0) {
    const lines = output.text.split("\n").filter((line) => line.trim() !== "");
    return names.map((name) => ({ name, check, message: lines.at(-1) ?? `exit code ${output.code}`, details: lines.slice(-40) }));
  }
  return [...byName].map(([name, details]) => ({ name, check, message: (details[0] as string).trim(), details }));
}

/** import-all.mjs's `<package> FAIL <why>` lines, one failure each. */
export function importFailures(check: TypescriptCheckName, output: Output, sdks: readonly GeneratedSdk[]): TypescriptFailure[] {
  const failures: TypescriptFailure[] = [];
  const seen = new Set<string>();
  for (const line of output.text.split("\n")) {
    const match = /^(\S+) (ok|FAIL (.*))$/.exec(line);
    if (match === null) continue;
    seen.add(match[1] as string);
    if (match[2] !== "ok") failures.push({ name: match[1] as string, check, message: match[3] as string, details: [line] });
  }
  const lines = output.text.split("\n").filter((line) => line.trim() !== "");
  for (const sdk of sdks) {
    if (!seen.has(sdk.packageName))
      failures.push({ name: sdk.packageName, check, message: lines.at(-1) ?? `exit code ${output.code}`, details: lines.slice(-20) });
  }
  return failures;
}

/** Generates and checks a batch of cases in `dir` (emptied first). */
export async function checkTypescriptBatch(cases: readonly FuzzCase[], dir: string): Promise<TypescriptBatchResult> {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const timings = Object.fromEntries(TYPESCRIPT_CHECKS.map((check) => [check, 0])) as Record<TypescriptCheckName, number>;
  const timed = async <T>(check: TypescriptCheckName, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[check] += performance.now() - started;
    return result;
  };
  const sdksDir = join(dir, "sdks");
  const { sdks, failures } = await timed("generate", () => generateCases(cases, sdksDir));
  if (sdks.length === 0) return { failures, timings };

  failures.push(...attribute("biome", await timed("biome", () => biomeCheck(sdksDir, join(dir, "biome-config"))), sdks));

  const consumer = join(dir, "consumer");
  // Installing is the user's step, not a check of ours: timed with generation.
  await timed("generate", () => installSdks(consumer, sdks, join(dir, "npm-cache")));
  writeTsconfigs(
    consumer,
    sdks.map((sdk) => writeUserFile(consumer, sdk)),
  );
  for (const resolution of RESOLUTIONS) {
    const check = `tsc ${resolution}` as const;
    failures.push(...attribute(check, await timed(check, () => typeCheck(consumer, resolution)), sdks));
  }

  const script = writeImportScript(consumer, sdks);
  for (const [runtime, command] of Object.entries(runtimeCommands())) {
    const check = `import ${runtime}` as TypescriptCheckName;
    failures.push(...importFailures(check, await timed(check, () => spawn([...command, script], consumer)), sdks));
  }
  return { failures, timings };
}
