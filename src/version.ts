import packageJson from "../package.json" with { type: "json" };

/** pygen's own version, from package.json (inlined at build time). */
export const PYGEN_VERSION: string = packageJson.version;

// Defined by release/compile.ts when it builds the binary; absent under `bun run`.
declare const PYGEN_BUILD_COMMIT: string | undefined;
declare const PYGEN_BUILD_DATE: string | undefined;

/** The commit and date the binary was built from; `undefined` when running from source. */
export const PYGEN_BUILD: { commit: string; date: string } | undefined =
  typeof PYGEN_BUILD_COMMIT === "string" && typeof PYGEN_BUILD_DATE === "string"
    ? { commit: PYGEN_BUILD_COMMIT, date: PYGEN_BUILD_DATE }
    : undefined;

/** `pygen 0.1.0 (commit 67c65b56598d, built 2026-11-26; bun 1.4.5, linux-x64)`: what `--version` and `doctor` say. */
export function versionLine(): string {
  const build = PYGEN_BUILD ? `commit ${PYGEN_BUILD.commit}, built ${PYGEN_BUILD.date}` : "from source";
  return `pygen ${PYGEN_VERSION} (${build}; bun ${Bun.version}, ${process.platform}-${process.arch})`;
}
