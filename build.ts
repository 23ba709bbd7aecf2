/**
 * Builds dist/pygen: one standalone executable with templates, the example model and Biome's wasm inside.
 *
 *   bun run build.ts [--target bun-linux-arm64 --outfile dist/pygen-linux-arm64]
 *
 * Biome's wasm loader reads the .wasm next to its own file via `__dirname`, which bundling freezes to this
 * machine's node_modules path. The plugin rewrites that one line into `require("./biome_wasm_bg.wasm")`, which
 * Bun turns into an embedded file, so the binary works on machines without node_modules.
 */
import { parseArgs } from "node:util";
import type { BunPlugin } from "bun";
import { HTTP_PARSER_HEADER_BYTES } from "./src/emulator/limits.ts";

const { values: args } = parseArgs({
  options: { target: { type: "string" }, outfile: { type: "string", default: "dist/pygen" } },
});

const WASM_LOADER = /@biomejs[\\/]wasm-nodejs[\\/]biome_wasm\.js$/;
// biome-ignore lint/suspicious/noTemplateCurlyInString: this is the literal source line to find, not a template.
const WASM_PATH_LINE = "const wasmPath = `${__dirname}/biome_wasm_bg.wasm`;";

const embedBiomeWasm: BunPlugin = {
  name: "embed-biome-wasm",
  setup(build) {
    build.onLoad({ filter: WASM_LOADER }, async ({ path }) => {
      const source = await Bun.file(path).text();
      if (!source.includes(WASM_PATH_LINE)) {
        throw new Error(`${path} no longer has the line this build rewrites; update build.ts for the new Biome version`);
      }
      return { contents: source.replace(WASM_PATH_LINE, 'const wasmPath = require("./biome_wasm_bg.wasm");'), loader: "js" };
    });
  },
};

const started = performance.now();
const result = await Bun.build({
  // The service's generation threads run a file of their own (src/service/pool.ts starts them).
  entrypoints: ["src/main.ts", "src/service/generation-worker.ts"],
  compile: {
    outfile: args.outfile,
    autoloadDotenv: false,
    autoloadBunfig: false,
    // The emulator answers oversized request heads itself, with a CDF-shaped 431 (src/emulator/limits.ts).
    execArgv: [`--max-http-header-size=${HTTP_PARSER_HEADER_BYTES}`],
    ...(args.target ? { target: args.target as Bun.Build.CompileTarget } : {}),
  },
  bytecode: true,
  format: "esm",
  minify: true,
  sourcemap: "none",
  plugins: [embedBiomeWasm],
});

if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}
const size = (await Bun.file(args.outfile).stat()).size;
console.log(`built ${args.outfile} (${(size / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
