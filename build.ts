/**
 * Builds pygen.
 *
 *   bun run build.ts                                   dist/pygen for this machine
 *   bun run build.ts --target bun-linux-arm64 --outfile dist/pygen-linux-arm64
 *   bun run build.ts --release [--targets linux-x64,linux-arm64] [--out dist/release]
 *
 * `--release` builds every target in release/targets.ts (or the ones named) with archives, SHA256SUMS, wheels
 * and npm packages: see release/release.ts. Bun fetches each foreign target's runtime from npm once.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import packageJson from "./package.json" with { type: "json" };
import { readBuildInfo } from "./release/build-info.ts";
import { compileBinary } from "./release/compile.ts";
import { buildRelease } from "./release/release.ts";
import { selectTargets } from "./release/targets.ts";

const { values: args } = parseArgs({
  options: {
    target: { type: "string" },
    outfile: { type: "string", default: "dist/pygen" },
    release: { type: "boolean", default: false },
    targets: { type: "string" },
    out: { type: "string", default: "dist/release" },
  },
});

const repo = import.meta.dir;
const build = readBuildInfo(repo);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

try {
  if (args.release) {
    const targets = selectTargets(args.targets?.split(",").map((name) => name.trim()));
    console.log(`pygen ${packageJson.version} (commit ${build.commit}, ${build.date}): ${targets.map((t) => t.name).join(", ")}`);
    await buildRelease({ repo, outDir: args.out, version: packageJson.version, build, targets, log: (line) => console.log(line) });
    console.log(`release in ${args.out} (${elapsed()})`);
  } else {
    await compileBinary({
      outfile: args.outfile,
      target: args.target as Bun.Build.CompileTarget | undefined,
      build,
      cacheDir: join(repo, "dist", ".cache"),
    });
    const size = (await Bun.file(args.outfile).stat()).size;
    console.log(`built ${args.outfile} (${(size / 1e6).toFixed(1)} MB) in ${elapsed()}`);
  }
} catch (error) {
  console.error(`build failed: ${(error as Error).message}`);
  process.exit(1);
}
