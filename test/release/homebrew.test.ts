/** The Homebrew formula rendered from a real local release: valid Ruby (`ruby -c`), the right blocks and sums. */
import { beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderFormula } from "../../packaging/homebrew/render.ts";
import { parseChecksums, sha256Hex } from "../../release/checksums.ts";
import { RELEASE_BUILD_TIMEOUT, RELEASE_VERSION, testRelease } from "../support/release.ts";

const hasRuby = Bun.which("ruby") !== null;
const BASE_URL = `https://example.invalid/download/v${RELEASE_VERSION}`;

/** `ruby -c`: Ruby's own syntax check of the formula. */
function rubySyntax(formula: string): { ok: boolean; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), "pygen-formula-")), "pygen.rb");
  writeFileSync(file, formula);
  const result = Bun.spawnSync(["ruby", "-c", file], { stdout: "pipe", stderr: "pipe" });
  return { ok: result.exitCode === 0, output: `${result.stdout}${result.stderr}` };
}

describe("the Homebrew formula", () => {
  let sums: Map<string, string>;
  beforeAll(() => {
    sums = parseChecksums(readFileSync(join(testRelease(), "SHA256SUMS"), "utf8"));
  }, RELEASE_BUILD_TIMEOUT);

  test("needs every macOS and Linux build unless --partial", () => {
    expect(() => renderFormula({ version: RELEASE_VERSION, sums, baseUrl: BASE_URL, partial: false })).toThrow(
      `SHA256SUMS has no pygen-${RELEASE_VERSION}-darwin-x64.tar.gz, pygen-${RELEASE_VERSION}-darwin-arm64.tar.gz`,
    );
  });

  test.skipIf(!hasRuby)("rendered from the local release (Linux builds only) is valid Ruby with its real checksums", () => {
    const formula = renderFormula({ version: RELEASE_VERSION, sums, baseUrl: BASE_URL, partial: true });
    expect(rubySyntax(formula)).toEqual({ ok: true, output: "Syntax OK\n" });
    const linuxX64 = `pygen-${RELEASE_VERSION}-linux-x64.tar.gz`;
    const archive = readFileSync(join(testRelease(), linuxX64));
    expect(formula).toContain(`    on_intel do\n      url "${BASE_URL}/${linuxX64}"\n      sha256 "${sha256Hex(archive)}"\n    end`);
    expect(formula).toContain("  on_linux do\n");
    expect(formula).not.toContain("on_macos");
    expect(formula).toContain(`version "${RELEASE_VERSION}"`);
  });

  test.skipIf(!hasRuby)("with every build: on_macos and on_linux, each with on_arm and on_intel, and a test block", () => {
    const all = new Map(sums);
    for (const target of ["darwin-x64", "darwin-arm64"]) all.set(`pygen-${RELEASE_VERSION}-${target}.tar.gz`, sha256Hex(target));
    const formula = renderFormula({ version: RELEASE_VERSION, sums: all, baseUrl: BASE_URL, partial: false });
    expect(rubySyntax(formula).ok).toBe(true);
    const blocks = formula.match(/^ *(on_macos|on_linux|on_arm|on_intel) do$/gm)?.map((line) => line.trim());
    expect(blocks).toEqual(["on_macos do", "on_intel do", "on_arm do", "on_linux do", "on_intel do", "on_arm do"]);
    expect(formula).toContain(`sha256 "${sha256Hex("darwin-arm64")}"`);
    expect(formula).toMatch(/test do\n.*shell_output\("#\{bin\}\/pygen --version"\)/);
    expect(formula).toContain('system bin/"pygen", "generate"');
  });
});
