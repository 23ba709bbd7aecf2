/**
 * Compiles src/main.ts into one standalone executable with templates, the example model and Biome's wasm inside.
 *
 * Biome's wasm (45.6 MB) is embedded zstd-compressed (about 7 MB) and inflated in memory on first use, which is
 * only when a command formats code: start-up never touches it. Biome's loader reads the .wasm next to its own
 * file via `__dirname`, which bundling would freeze to this machine's node_modules path; the plugin rewrites
 * those lines to read the embedded compressed copy instead, so the binary works on machines without node_modules.
 */
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
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
/** zstd's level 19 gives 7.0 MB (level 3: 9.7 MB) and takes some 20 s, once: the result is cached by hash. */
const WASM_ZSTD_LEVEL = 19;

/** The wasm, compressed, in `cacheDir` (named by the wasm's hash, so a new Biome version compresses again). */
async function compressedWasm(cacheDir: string): Promise<string> {
  const wasmFile = join(dirname(createRequire(import.meta.url).resolve("@biomejs/wasm-nodejs/package.json")), "biome_wasm_bg.wasm");
  const wasm = await Bun.file(wasmFile).bytes();
  const hash = new Bun.CryptoHasher("sha256").update(wasm).digest("hex").slice(0, 16);
  const compressed = join(cacheDir, `biome_wasm_bg-${hash}-zstd${WASM_ZSTD_LEVEL}.wasm.zst`);
  if (!existsSync(compressed)) {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed: a build running at the same time never reads half a file.
    const partial = `${compressed}.${process.pid}.partial`;
    await Bun.write(partial, Bun.zstdCompressSync(wasm, { level: WASM_ZSTD_LEVEL }));
    renameSync(partial, compressed);
  }
  return compressed;
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
  const result = await Bun.build({
    // Worker threads run files of their own: the service's generation pool (src/service/pool.ts) and generate's
    // off-thread run of large models (src/cli/off-thread.ts).
    entrypoints: ["main.ts", "service/generation-worker.ts", "cli/generation-worker.ts"].map((entry) =>
      join(import.meta.dir, "..", "src", entry),
    ),
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
    plugins: [embedCompressedBiomeWasm(wasm)],
  });
  if (!result.success) {
    throw new Error(`compiling ${options.outfile} failed:\n${result.logs.map(String).join("\n")}`);
  }
  const forMac = options.target ? options.target.startsWith("bun-darwin") : process.platform === "darwin";
  return { resigned: forMac && (await repairMacOsSignature(options.outfile)) };
}
