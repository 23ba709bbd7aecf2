/**
 * A user's project around generated TypeScript SDKs, as the checks of generated SDKs build it (the example and
 * fixtures in test/typescript/generated, the fuzzed models in test/fuzz/typescript-checks.ts): the SDK folders
 * installed with `npm install <folder>`, one user file per SDK, one tsc project per module resolution over all of
 * them, `biome check` over the emitted modules, and one import script that Node, Bun and Deno run.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "./compile.ts";

export const BUN = join(REPO, "node_modules", ".bin", "bun");
const BIOME = join(REPO, "node_modules", ".bin", "biome");
const TSC = join(REPO, "node_modules", ".bin", "tsc");

/** Deno from npm's `deno` package (.ci/run sets PYGEN_DENO), or one on PATH; undefined when neither. */
export const DENO = process.env.PYGEN_DENO || Bun.which("deno") || undefined;
/** What a Deno run of an SDK user needs: the emulator on loopback, the connection from the environment. */
export const DENO_PERMISSIONS = ["--allow-env", "--allow-net=127.0.0.1", "--allow-read"];

export interface GeneratedSdk {
  packageName: string;
  clientName: string;
  folder: string;
}

export interface Output {
  code: number;
  text: string;
}

/** Runs a command without blocking (an emulator answering it may live in this process). */
export async function spawn(command: string[], cwd: string, env: Record<string, string | undefined> = process.env): Promise<Output> {
  const child = Bun.spawn(command, { cwd, env, stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  return { code, text: `${stdout}${stderr}` };
}

/** Runs a command; throws with its output when it fails, resolves to its output otherwise. */
export async function run(command: string[], cwd: string, env: Record<string, string | undefined> = process.env): Promise<string> {
  const output = await spawn(command, cwd, env);
  if (output.code !== 0) throw new Error(`${command.join(" ")} failed (${output.code}):\n${output.text}`);
  return output.text;
}

/** A fresh ESM project in `consumer` with every SDK installed from its folder (no registry: --offline). */
export async function installSdks(consumer: string, sdks: readonly GeneratedSdk[], npmCache: string): Promise<void> {
  mkdirSync(consumer, { recursive: true });
  writeFileSync(join(consumer, "package.json"), '{ "name": "consumer", "private": true, "type": "module" }\n');
  const env = { ...process.env, npm_config_cache: npmCache };
  await run(["npm", "install", "--offline", "--no-audit", "--no-fund", ...sdks.map((sdk) => sdk.folder)], consumer, env);
}

/** The user file of one SDK: its whole index imported, its client constructed, its APIs touched. */
export function userFileName(packageName: string): string {
  return `use-${packageName}.ts`;
}

export function writeUserFile(consumer: string, sdk: GeneratedSdk): string {
  const file = userFileName(sdk.packageName);
  writeFileSync(
    join(consumer, file),
    [
      `import * as sdk from "${sdk.packageName}";`,
      `const client = new sdk.${sdk.clientName}({ baseUrl: "http://127.0.0.1:9", project: "p", credentials: new sdk.Token("t") });`,
      "export const apis: unknown[] = Object.values(client);",
      "",
    ].join("\n"),
  );
  return file;
}

/**
 * tsconfig.nodenext.json and tsconfig.bundler.json over the user files, under `tsc --strict` with the SDKs' own
 * declarations checked (no skipLibCheck). nodenext emits into out/ when `emit` is set, so Node can run a user.
 */
export function writeTsconfigs(consumer: string, users: readonly string[], emit = false): void {
  const options = { strict: true, target: "es2022", lib: ["es2022", "dom"], types: [], noEmit: true, skipLibCheck: false };
  const config = (module: string, moduleResolution: string, more: Record<string, unknown> = {}) =>
    `${JSON.stringify({ compilerOptions: { ...options, module, moduleResolution, ...more }, files: users }, null, 2)}\n`;
  writeFileSync(join(consumer, "tsconfig.nodenext.json"), config("nodenext", "nodenext", emit ? { noEmit: false, outDir: "out" } : {}));
  writeFileSync(join(consumer, "tsconfig.bundler.json"), config("preserve", "bundler"));
}

export const RESOLUTIONS = ["nodenext", "bundler"] as const;

/** tsc over one of the projects writeTsconfigs wrote. */
export function typeCheck(consumer: string, resolution: (typeof RESOLUTIONS)[number]): Promise<Output> {
  return spawn([TSC, "-p", join(consumer, `tsconfig.${resolution}.json`)], consumer);
}

/**
 * `biome check` over the emitted modules under `sdks` (the vendored runtime is tsc's output, checked in its own
 * tests), with the settings a user's project most likely has: Biome's defaults at 120 columns.
 */
export function biomeCheck(sdks: string, configDir: string): Promise<Output> {
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    join(configDir, "biome.json"),
    JSON.stringify({
      formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 120 },
      javascript: { formatter: { quoteStyle: "double", semicolons: "always", trailingCommas: "all" } },
      files: { includes: ["**/*.js", "**/*.d.ts", "!**/_runtime", "!**/node_modules"] },
      vcs: { enabled: false },
    }),
  );
  return spawn([BIOME, "check", "--error-on-warnings", "--max-diagnostics=none", `--config-path=${configDir}`, "."], sdks);
}

/**
 * import-all.mjs: imports each SDK by its package name on its own (one broken SDK does not hide the others) and
 * prints one line per SDK, `<package> ok` when its client class has fromEnv, `<package> FAIL <why>` otherwise.
 */
export function writeImportScript(consumer: string, sdks: readonly GeneratedSdk[]): string {
  const entries = sdks.map((sdk) => [sdk.packageName, sdk.clientName]);
  writeFileSync(
    join(consumer, "import-all.mjs"),
    [
      `for (const [name, client] of ${JSON.stringify(entries)}) {`,
      "  try {",
      "    const sdk = await import(name);",
      '    console.log(typeof sdk[client]?.fromEnv === "function" ? name + " ok" : name + " FAIL " + client + ".fromEnv is missing");',
      "  } catch (error) {",
      '    console.log(name + " FAIL " + String(error).split("\\n")[0]);',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  return "import-all.mjs";
}

/** The command that runs a plain JavaScript file under each runtime. */
export function runtimeCommands(): Record<string, string[]> {
  return {
    node: ["node"],
    bun: [BUN],
    ...(DENO ? { deno: [DENO, "run", ...DENO_PERMISSIONS] } : {}),
  };
}
