/**
 * The model fuzzer (DESIGN.md §8): random valid models, each generated into an SDK and checked with ruff, mypy
 * --strict and an end-to-end run against the emulator, in batches. Prints each failure with its seed and a replay
 * command, then a summary (seeds run, failures by class, time per check). Exits non-zero if anything failed.
 * `--language typescript` generates TypeScript SDKs instead and checks them with biome, tsc --strict (nodenext and
 * bundler) and an import from Node, Bun and Deno (when PYGEN_DENO or PATH has it): test/fuzz/typescript-checks.ts.
 *
 *   bun bench/fuzz-models.ts [--language L] [--seeds N] [--start S] [--batch B] [--fixtures] [--shrink] [--keep DIR]
 *
 * --fixtures also runs the shrunk regression models of test/fixtures/fuzz; --shrink shrinks the first failing
 * seed of each failure class into a new fixture there; --keep leaves the last batch's SDKs in DIR. Needs the
 * Python tools in .venv (scripts/python-checks.sh creates it). Big runs: `nice -n 10` on a shared machine.
 */
import { cac } from "cac";
import { FUZZ_LANGUAGES, type FuzzLanguage, runCampaign } from "../test/fuzz/campaign.ts";

const cli = cac("fuzz-models");
cli
  .usage("[--language L] [--seeds N] [--start S] [--batch B] [--fixtures] [--shrink] [--keep DIR]")
  .option("--language <l>", `The SDKs' language: ${Object.keys(FUZZ_LANGUAGES).join(" or ")}`, { default: "python" })
  .option("--seeds <n>", "How many seeds", { default: 50 })
  .option("--start <s>", "First seed", { default: 1 })
  .option("--batch <b>", "Seeds per batch (one run of each tool)", { default: 50 })
  .option("--fixtures", "Also run test/fixtures/fuzz")
  .option("--shrink", "Shrink the first failing seed of each failure class into test/fixtures/fuzz (Python only)")
  .option("--keep <dir>", "Keep the generated SDKs of the last batch in DIR")
  .help();
const { options, args } = cli.parse();
if (options.help) process.exit(0);
const KNOWN = new Set(["language", "seeds", "start", "batch", "fixtures", "shrink", "keep", "help", "h", "--"]);
const unknown = [...Object.keys(options).filter((key) => !KNOWN.has(key)), ...args];
if (unknown.length > 0) {
  console.error(`unknown option or argument: ${unknown.join(", ")} (see --help)`);
  process.exit(2);
}

const count = (value: unknown, name: string, minimum: number): number => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) {
    console.error(`--${name} must be an integer ≥ ${minimum} (got ${String(value)})`);
    process.exit(2);
  }
  return number;
};

const language = String(options.language);
if (!Object.hasOwn(FUZZ_LANGUAGES, language)) {
  console.error(`--language must be ${Object.keys(FUZZ_LANGUAGES).join(" or ")} (got ${language})`);
  process.exit(2);
}
if (options.shrink === true && language !== "python") {
  console.error("--shrink shrinks by the Python checks only: leave it out with --language typescript");
  process.exit(2);
}

const failures = await runCampaign({
  language: language as FuzzLanguage,
  seeds: count(options.seeds, "seeds", 0),
  start: count(options.start, "start", 0),
  batch: count(options.batch, "batch", 1),
  fixtures: options.fixtures === true,
  shrink: options.shrink === true,
  keep: typeof options.keep === "string" ? options.keep : undefined,
  log: (line) => console.log(line),
});
process.exit(failures.length === 0 ? 0 : 1);
