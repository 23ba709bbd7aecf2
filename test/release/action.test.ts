/**
 * action.yml's shell steps, run here with bash the way a runner runs them: resolving "latest" through GitHub's
 * redirect (a local server plays GitHub), then `pygen generate` from the inputs — generate, check an up-to-date
 * and a stale output, and fail on a broken model.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Server } from "bun";
import { load } from "js-yaml";
import { EXIT_CODES } from "../../src/errors.ts";
import { isolatedBinary } from "../support/binary.ts";

const REPO = join(import.meta.dir, "..", "..");
const EXAMPLE = join(REPO, "examples", "hydro-plant.model.yaml");

interface Step {
  name: string;
  run?: string;
}
const action = load(readFileSync(join(REPO, "action.yml"), "utf8")) as { inputs: Record<string, unknown>; runs: { steps: Step[] } };
const script = (name: string) => action.runs.steps.find((step) => step.name === name)?.run ?? "";

describe("the GitHub Action", () => {
  let binaryDir: string;
  let work: string;
  let server: Server<undefined>;
  beforeAll(() => {
    binaryDir = dirname(isolatedBinary().binary);
    work = mkdtempSync(join(tmpdir(), "pygen-action-"));
    server = Bun.serve({
      hostname: "127.0.0.1",
      port: 0,
      fetch: (request) =>
        new URL(request.url).pathname === "/latest"
          ? Response.redirect(`http://127.0.0.1:${server.port}/tag/v0.4.2`, 302)
          : new Response("release page"),
    });
  });
  afterAll(() => {
    server.stop(true);
    rmSync(work, { recursive: true, force: true });
  });

  /** Runs a step's script with bash -e, as GitHub does; GITHUB_OUTPUT is a file the step appends to. */
  async function runStep(name: string, env: Record<string, string>) {
    const outputFile = join(work, `output-${Math.random()}`);
    writeFileSync(outputFile, "");
    const child = Bun.spawn(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script(name)], {
      cwd: work,
      env: {
        PATH: `${binaryDir}:/usr/bin:/bin`,
        HOME: work,
        NO_COLOR: "1",
        GITHUB_OUTPUT: outputFile,
        RUNNER_TOOL_CACHE: "/tools",
        RUNNER_ARCH: "X64",
        ...env,
      },
      stdout: "pipe",
      stderr: "pipe",
    });
    const [stdout, stderr, exitCode] = await Promise.all([
      new Response(child.stdout).text(),
      new Response(child.stderr).text(),
      child.exited,
    ]);
    return { exitCode, stdout, stderr, outputs: readFileSync(outputFile, "utf8") };
  }

  const generateInputs = (inputs: Partial<Record<"MODEL_FILES" | "MODELS" | "OUTPUT" | "CHECK" | "EXTRA_ARGS", string>>) => ({
    MODEL_FILES: "",
    MODELS: "",
    OUTPUT: "",
    LANGUAGE: "python",
    CHECK: "false",
    EXTRA_ARGS: "",
    ...inputs,
  });

  test("declares the inputs CI users set", () => {
    expect(Object.keys(action.inputs)).toEqual(["version", "model-file", "model", "output", "language", "check", "args"]);
  });

  test("resolves latest through the releases redirect, and keeps a given version", async () => {
    const latest = await runStep("Resolve the pygen version", { REQUESTED: "latest", RELEASES: `http://127.0.0.1:${server.port}` });
    expect(latest.outputs).toBe("version=0.4.2\ndir=/tools/pygen/0.4.2/X64\n");
    const given = await runStep("Resolve the pygen version", { REQUESTED: "v1.2.3", RELEASES: "http://127.0.0.1:9" });
    expect(given.outputs).toContain("version=1.2.3\n");
    const wrong = await runStep("Resolve the pygen version", { REQUESTED: "newest", RELEASES: "http://127.0.0.1:9" });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stdout).toContain("::error::cannot tell which pygen version to install from 'newest'");
  });

  test("generates, then passes the check on the same output and fails it (exit 9) on a stale one", async () => {
    const generated = await runStep(
      "pygen generate",
      generateInputs({ MODEL_FILES: EXAMPLE, OUTPUT: "sdk", EXTRA_ARGS: "--top-level-package plant_sdk" }),
    );
    expect(generated.stderr).not.toContain("error:");
    expect(generated.exitCode).toBe(0);
    expect(readFileSync(join(work, "sdk", "plant_sdk", "__init__.py"), "utf8")).toContain("__generated_at__");

    const upToDate = await runStep(
      "pygen generate",
      generateInputs({ MODEL_FILES: EXAMPLE, OUTPUT: "sdk", CHECK: "true", EXTRA_ARGS: "--top-level-package plant_sdk" }),
    );
    expect(upToDate.exitCode).toBe(0);
    expect(upToDate.stdout).toContain("./sdk is up to date");

    const stale = await runStep("pygen generate", generateInputs({ MODEL_FILES: EXAMPLE, OUTPUT: "sdk", CHECK: "true" }));
    expect(stale.exitCode).toBe(EXIT_CODES.outOfDate);
    expect(stale.stdout).toContain("write      hydro_plant_model/__init__.py");
  });

  test("a model file that cannot be read fails the step", async () => {
    writeFileSync(join(work, "broken.yaml"), "space: sp\nexternalId: M\n  version: 1\n");
    const result = await runStep("pygen generate", generateInputs({ MODEL_FILES: "broken.yaml", OUTPUT: "out" }));
    expect(result.exitCode).toBe(EXIT_CODES.parse);
    expect(result.stderr).toContain("error:");
  });
});
