/**
 * A bounded fault soak of the generated SDK (not a test: it prints figures).
 *
 *   bun run bench/fault-soak.ts [--upserts 10000] [--deletes 5000] [--fault-rate 0.3] [--fault-after-apply 0.3]
 *                               [--seed 14] [--deadline-seconds 600]
 *
 * Generates the bundled example's SDK, starts the emulator in its own process with faults before serving
 * (--fault-rate: nothing happens) and after applying (--fault-after-apply: the write is done, its response lost),
 * then runs bench/fault_soak_probe.py with .venv/bin/python (made by scripts/python-checks.sh): --upserts Asset
 * nodes in calls of 1000, then --deletes of them, through the SDK's retries. It prints attempted / written /
 * lost / duplicated / not deleted, the failed responses that were retried, and the time. Bounded: a fixed count,
 * and a deadline after which the probe stops sending and the run is reported as cut short.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeGeneratedFiles } from "../src/output/writer.ts";
import { generateSdk } from "../src/pipeline.ts";
import { loadExampleModel } from "../src/sources.ts";
import { spawnEmulator } from "../test/support/emulator-process.ts";

const { values } = parseArgs({
  options: {
    upserts: { type: "string", default: "10000" },
    deletes: { type: "string", default: "5000" },
    "fault-rate": { type: "string", default: "0.3" },
    "fault-after-apply": { type: "string", default: "0.3" },
    seed: { type: "string", default: "14" },
    "deadline-seconds": { type: "string", default: "600" },
  },
});
const TOKEN = "soak-token";
const PROJECT = "soak";
const SPACE = "example_instances";
const REPO = join(import.meta.dir, "..");
const PYTHON = join(REPO, ".venv", "bin", "python");

if (!(await Bun.file(PYTHON).exists())) throw new Error("no .venv: run scripts/python-checks.sh once");

const workDir = await mkdtemp(join(tmpdir(), "pygen-fault-soak-"));
const generated = generateSdk(loadExampleModel(), { topLevelPackage: "sdk_soak", defaultSpace: SPACE });
await writeGeneratedFiles(join(workDir, "sdk"), generated.files, { overwrite: true });
// One seeded node creates the instance space.
const seed = join(workDir, "seed.yaml");
await writeFile(
  seed,
  `- {instanceType: node, space: ${SPACE}, externalId: seed, sources: [{source: {type: view, space: pygen_example, externalId: Asset, version: "1"}, properties: {name: seed}}]}\n`,
);

const faults = ["--fault-rate", values["fault-rate"], "--fault-after-apply", values["fault-after-apply"], "--seed", values.seed];
const emulator = await spawnEmulator([
  ...["--token", TOKEN, "--project", PROJECT, "--model", "examples/hydro-plant.model.yaml", "--instances", seed],
  ...faults.map(String),
]);

try {
  const command = [PYTHON, join(REPO, "bench", "fault_soak_probe.py"), "--sdk", join(workDir, "sdk")];
  command.push("--package", generated.config.topLevelPackage, "--client", generated.config.clientName);
  command.push("--base-url", emulator.url, "--project", PROJECT, "--token", TOKEN);
  command.push("--upserts", String(values.upserts), "--deletes", String(values.deletes));
  command.push("--deadline-seconds", String(values["deadline-seconds"]));
  const child = Bun.spawn(command, { stdout: "pipe", stderr: "inherit", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
  const output = await new Response(child.stdout).text();
  if ((await child.exited) !== 0) throw new Error("fault_soak_probe.py failed");
  const report = JSON.parse(output) as SoakReport;
  console.log(`fault soak: ${faults.join(" ")} (faults before serving, and after applying: lost responses)`);
  console.table({
    upserts: { attempted: report.upserts_attempted, done: report.upserts_written, lost: report.lost, duplicated: report.duplicated },
    deletes: {
      attempted: report.deletes_attempted,
      done: report.deletes_attempted - report.not_deleted,
      lost: report.not_deleted,
      duplicated: "",
    },
  });
  console.log(`SDK's delete() reported ${report.deletes_reported_by_sdk} deleted (ids deleted by a lost response are not)`);
  console.log(`unexpected instances: ${report.unexpected}`);
  console.log(`failed responses, retried: ${JSON.stringify(report.failed_responses_retried)}`);
  console.log(`calls that gave up: ${report.calls_given_up.length ? report.calls_given_up.join("; ") : "none"}`);
  console.log(`time: upserts ${report.upsert_seconds} s, deletes ${report.delete_seconds} s, total ${report.total_seconds} s`);
} finally {
  await emulator.stop();
  await rm(workDir, { recursive: true, force: true });
}

interface SoakReport {
  upserts_attempted: number;
  upserts_written: number;
  deletes_attempted: number;
  deletes_reported_by_sdk: number;
  lost: number;
  duplicated: number;
  not_deleted: number;
  unexpected: number;
  failed_responses_retried: Record<string, number>;
  calls_given_up: string[];
  upsert_seconds: number;
  delete_seconds: number;
  total_seconds: number;
}
