/**
 * Renders the Homebrew formula for a release from its SHA256SUMS:
 *
 *   bun run packaging/homebrew/render.ts --version 0.1.0 --sums dist/release/SHA256SUMS [--out pygen.rb]
 *       [--base-url https://github.com/cognitedata/pygen/releases/download/v0.1.0] [--partial]
 *
 * Every macOS and Linux build must be in SHA256SUMS; `--partial` renders only the ones present (for local
 * checks of a release built for fewer targets).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Eta } from "eta";
import { parseChecksums } from "../../release/checksums.ts";
import { HOMEPAGE, RELEASES_URL } from "../../release/project.ts";
import { archiveName } from "../../release/release.ts";
import { RELEASE_TARGETS } from "../../release/targets.ts";

const BLOCKS = {
  darwin: "on_macos",
  linux: "on_linux",
  arm64: "on_arm",
  x64: "on_intel",
} as const;

export interface FormulaInput {
  version: string;
  sums: ReadonlyMap<string, string>;
  baseUrl: string;
  partial: boolean;
}

export function renderFormula(input: FormulaInput): string {
  // Homebrew's builds are glibc Linux and macOS; musl and Windows archives are not for it.
  const targets = RELEASE_TARGETS.filter((target) => target.os !== "windows" && target.libc !== "musl");
  const missing = targets.filter((target) => !input.sums.has(archiveName(input.version, target)));
  if (missing.length === targets.length || (missing.length > 0 && !input.partial)) {
    const names = missing.map((target) => archiveName(input.version, target)).join(", ");
    throw new Error(`SHA256SUMS has no ${names}${input.partial ? "" : " (--partial renders the builds present)"}`);
  }
  const systems = (["darwin", "linux"] as const)
    .map((os) => ({
      block: BLOCKS[os],
      builds: targets
        .filter((target) => target.os === os && !missing.includes(target))
        .map((target) => {
          const archive = archiveName(input.version, target);
          return { block: BLOCKS[target.arch], url: `${input.baseUrl}/${archive}`, sha256: input.sums.get(archive) };
        }),
    }))
    .filter((system) => system.builds.length > 0);
  const template = readFileSync(join(import.meta.dir, "pygen.rb.eta"), "utf8");
  return new Eta({ autoEscape: false }).renderString(template, { version: input.version, homepage: HOMEPAGE, systems });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      version: { type: "string" },
      sums: { type: "string" },
      "base-url": { type: "string" },
      out: { type: "string" },
      partial: { type: "boolean", default: false },
    },
  });
  const version = values.version?.replace(/^v/, "");
  if (!version || !values.sums) {
    console.error("usage: render.ts --version <version> --sums <SHA256SUMS> [--base-url URL] [--out FILE] [--partial]");
    process.exit(2);
  }
  try {
    const formula = renderFormula({
      version,
      sums: parseChecksums(readFileSync(values.sums, "utf8")),
      baseUrl: values["base-url"] ?? `${RELEASES_URL}/download/v${version}`,
      partial: values.partial,
    });
    if (values.out) await Bun.write(values.out, formula);
    else process.stdout.write(formula);
  } catch (error) {
    console.error(`render failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
