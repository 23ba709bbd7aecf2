/**
 * Compiles src/main.ts into one standalone executable with templates, the example model and Biome's wasm inside.
 *
 * Biome's wasm (45.6 MB) is embedded zstd-compressed (about 7 MB) and inflated in memory on first use, which is
 * only when a command formats code: start-up never touches it. Biome's loader reads the .wasm next to its own
 * file via `__dirname`, which bundling would freeze to this machine's node_modules path; the plugin rewrites
 * those lines to read the embedded compressed copy instead, so the binary works on machines without node_modules.
 *
 * Modules only one rarely used command needs (BullMQ and ioredis, for `serve --queue redis://…`) stay out of the
 * bytecode too: each is bundled on its own, minified, embedded zstd-compressed and evaluated from memory when
 * first imported. As bytecode they cost 4 MB of every binary; this way about 0.2 MB, and some 20-40 ms more once,
 * when that command starts (bench/startup.ts). Start-up stays on bytecode: without it `pygen --version` takes
 * 40 ms instead of 12.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import type { BunPlugin } from "bun";
import { HTTP_PARSER_HEADER_BYTES } from "../src/emulator/limits.ts";
import type { BuildInfo } from "./build-info.ts";
import { adHocSign, signatureProblems } from "./macho.ts";

const WASM_LOADER = /@biomejs[\\/]wasm-nodejs[\\/]biome_wasm\.js$/;
const WASM_LINES = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: this is the literal source line to find, not a template.
  "const wasmPath = `${__dirname}/biome_wasm_bg.wasm`;",
  "const wasmBytes = require('fs').readFileSync(wasmPath);",
].join("\n");
/** zstd's level 19 gives the wasm 7.0 MB (level 3: 9.7 MB) and takes some 20 s, once: the result is cached by hash. */
const ZSTD_LEVEL = 19;
/** A cached compressed file's name: what it holds, the hash of that, the level, the original extension. */
const COMPRESSED_NAME = new RegExp(`^(.+)-[0-9a-f]{16}-zstd${ZSTD_LEVEL}(\\.[a-z]+)\\.zst$`);

const SRC = join(import.meta.dir, "..", "src");
/** Modules the binary carries compressed and evaluates from memory on first import (see the top of this file). */
const LOADED_ON_USE = [join(SRC, "service", "redis-libraries.ts")];

/**
 * `bytes` zstd-compressed, as a file in `cacheDir` named by `stem`, the hash of `bytes` and `extension` (so new
 * contents compress again). Older files of the same stem and extension are removed: the cache holds what the
 * last build embedded.
 */
async function compressedCopy(cacheDir: string, stem: string, extension: string, bytes: Uint8Array): Promise<string> {
  const hash = new Bun.CryptoHasher("sha256").update(bytes).digest("hex").slice(0, 16);
  const name = `${stem}-${hash}-zstd${ZSTD_LEVEL}${extension}.zst`;
  const compressed = join(cacheDir, name);
  if (!existsSync(compressed)) {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed: a build running at the same time never reads half a file.
    const partial = `${compressed}.${process.pid}.partial`;
    await Bun.write(partial, Bun.zstdCompressSync(bytes, { level: ZSTD_LEVEL }));
    renameSync(partial, compressed);
  }
  for (const part of compressedParts(cacheDir)) {
    if (part.stem === stem && part.extension === extension && part.path !== compressed) rmSync(part.path, { force: true });
  }
  return compressed;
}

/** The compressed files in `cacheDir`: after a build, the ones it embedded. */
export function compressedParts(cacheDir: string): { stem: string; extension: string; path: string }[] {
  if (!existsSync(cacheDir)) return [];
  return readdirSync(cacheDir).flatMap((name) => {
    const match = COMPRESSED_NAME.exec(name);
    return match ? [{ stem: match[1] as string, extension: match[2] as string, path: join(cacheDir, name) }] : [];
  });
}

/** The wasm, compressed, in `cacheDir`. */
async function compressedWasm(cacheDir: string): Promise<string> {
  const wasmFile = join(dirname(createRequire(import.meta.url).resolve("@biomejs/wasm-nodejs/package.json")), "biome_wasm_bg.wasm");
  return compressedCopy(cacheDir, "biome_wasm_bg", ".wasm", await Bun.file(wasmFile).bytes());
}

/**
 * Native addons that packages load only when present, each bundled as a module that throws: bundling would
 * freeze its path on this machine into the binary, which would then load native code from that path wherever it
 * exists. msgpackr (BullMQ's) decodes in JavaScript without it.
 */
const withoutOptionalAddons: BunPlugin = {
  name: "without-optional-addons",
  setup(build) {
    build.onResolve({ filter: /^msgpackr-extract$/ }, ({ path }) => ({ path, namespace: "left-out" }));
    build.onLoad({ filter: /.*/, namespace: "left-out" }, ({ path }) => ({
      contents: `throw new Error(${JSON.stringify(`${path} is left out of the pygen binary`)});`,
      loader: "js",
    }));
  },
};

/** `entry` bundled on its own (minified ESM, Node's modules left to the runtime), compressed, in `cacheDir`. */
async function compressedBundle(entry: string, cacheDir: string): Promise<string> {
  const result = await Bun.build({
    entrypoints: [entry],
    target: "bun",
    format: "esm",
    minify: true,
    sourcemap: "none",
    plugins: [withoutOptionalAddons],
  });
  const [output] = result.outputs;
  if (!result.success || !output) throw new Error(`bundling ${entry} failed:\n${result.logs.map(String).join("\n")}`);
  return compressedCopy(cacheDir, basename(entry, ".ts"), ".js", new Uint8Array(await output.arrayBuffer()));
}

/**
 * Swaps each module of `bundles` (its path → its compressed bundle) for one that imports the embedded bundle from
 * memory (a blob: URL, never a file) and exports the same names. It waits for that import at its top level, so
 * whatever imports it waits too; the modules are reached through dynamic imports only.
 */
function loadOnUse(bundles: Map<string, string>): BunPlugin {
  return {
    name: "load-on-use",
    setup(build) {
      const escaped = [...bundles.keys()].map((path) => path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      build.onLoad({ filter: new RegExp(`^(${escaped.join("|")})$`) }, async ({ path }) => {
        const bundle = bundles.get(path) as string;
        const names = new Bun.Transpiler({ loader: "ts" }).scan(await Bun.file(path).text()).exports;
        const contents = [
          `import bundle from ${JSON.stringify(bundle)};`,
          "const source = Bun.zstdDecompressSync(await Bun.file(bundle).bytes());",
          'const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));',
          "let namespace;",
          "try { namespace = await import(url); } finally { URL.revokeObjectURL(url); }",
          `export const { ${names.join(", ")} } = namespace;`,
        ].join("\n");
        return { contents, loader: "js" };
      });
    },
  };
}

function embedCompressedBiomeWasm(compressedPath: string): BunPlugin {
  return {
    name: "embed-compressed-biome-wasm",
    setup(build) {
      build.onLoad({ filter: WASM_LOADER }, async ({ path }) => {
        const source = await Bun.file(path).text();
        if (!source.includes(WASM_LINES)) {
          throw new Error(`${path} no longer has the lines this build rewrites; update release/compile.ts for the new Biome version`);
        }
        // `require` of an embedded file gives its path inside the binary (or on disk under `bun run`).
        const replacement = `const wasmBytes = Bun.zstdDecompressSync(require('fs').readFileSync(require(${JSON.stringify(compressedPath)})));`;
        return { contents: source.replace(WASM_LINES, replacement), loader: "js" };
      });
    },
  };
}

export interface CompileOptions {
  outfile: string;
  /** Bun's compile target; the host's when absent. */
  target?: Bun.Build.CompileTarget;
  build: BuildInfo;
  /** Where the compressed wasm is kept between builds. */
  cacheDir: string;
}

/**
 * A darwin binary whose code signature does not match its bytes gets a fresh ad-hoc one (macho.ts): Bun 1.4.5
 * leaves darwin-x64's broken. Returns whether it had to.
 */
async function repairMacOsSignature(outfile: string): Promise<boolean> {
  const bytes = Buffer.from(await Bun.file(outfile).bytes());
  if (signatureProblems(bytes).length === 0) return false;
  const signed = adHocSign(bytes, "pygen");
  const problems = signatureProblems(signed);
  if (problems.length > 0) throw new Error(`signing ${outfile} ad hoc failed: ${problems.join("; ")}`);
  await Bun.write(outfile, signed);
  return true;
}

/** Compiles the binary; resolves to whether its macOS code signature had to be redone. */
export async function compileBinary(options: CompileOptions): Promise<{ resigned: boolean }> {
  const wasm = await compressedWasm(options.cacheDir);
  const bundles = new Map<string, string>();
  for (const entry of LOADED_ON_USE) bundles.set(entry, await compressedBundle(entry, options.cacheDir));
  const result = await Bun.build({
    // Worker threads run files of their own: the service's generation pool (src/service/pool.ts) and generate's
    // off-thread run of large models (src/cli/off-thread.ts).
    entrypoints: ["main.ts", "service/generation-worker.ts", "cli/generation-worker.ts"].map((entry) => join(SRC, entry)),
    compile: {
      outfile: options.outfile,
      autoloadDotenv: false,
      autoloadBunfig: false,
      // The emulator answers oversized request heads itself, with a CDF-shaped 431 (src/emulator/limits.ts).
      execArgv: [`--max-http-header-size=${HTTP_PARSER_HEADER_BYTES}`],
      ...(options.target ? { target: options.target } : {}),
    },
    define: {
      PYGEN_BUILD_COMMIT: JSON.stringify(options.build.commit),
      PYGEN_BUILD_DATE: JSON.stringify(options.build.date),
    },
    loader: { ".zst": "file" },
    bytecode: true,
    format: "esm",
    // The worker entry points share the main one's modules instead of each carrying its own copy (~8 MB).
    splitting: true,
    minify: true,
    sourcemap: "none",
    plugins: [embedCompressedBiomeWasm(wasm), loadOnUse(bundles)],
  });
  if (!result.success) {
    throw new Error(`compiling ${options.outfile} failed:\n${result.logs.map(String).join("\n")}`);
  }
  const forMac = options.target ? options.target.startsWith("bun-darwin") : process.platform === "darwin";
  return { resigned: forMac && (await repairMacOsSignature(options.outfile)) };
}
