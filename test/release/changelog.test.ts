/** The release workflow publishes the tag's CHANGELOG section as release notes and refuses a tag without one. */
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import packageJson from "../../package.json" with { type: "json" };

const REPO = join(import.meta.dir, "..", "..");

test("package.json's version is semantic and CHANGELOG.md has its dated section", () => {
  expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+(-(alpha|beta|rc)\.\d+)?$/);
  const changelog = readFileSync(join(REPO, "CHANGELOG.md"), "utf8");
  expect(changelog).toMatch(new RegExp(`^## \\[${packageJson.version.replaceAll(".", "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m"));
  expect(changelog).toContain("## [Unreleased]");
});

test("the workflow's awk takes exactly the version's section", () => {
  const workflow = readFileSync(join(REPO, ".github", "workflows", "release.yml"), "utf8");
  const awk = /awk -v heading="## \[\$version\]" '([^']+)' CHANGELOG\.md/.exec(workflow)?.[1];
  expect(awk).toBeDefined();
  const changelog = "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2027-01-02\n\n### Added\n\n- b\n\n## [1.0.0] - 2027-01-01\n\n- a\n";
  const notes = Bun.spawnSync(["awk", "-v", "heading=## [1.1.0]", awk ?? ""], { stdin: new TextEncoder().encode(changelog) });
  expect(notes.stdout.toString()).toBe("\n### Added\n\n- b\n\n");
});
