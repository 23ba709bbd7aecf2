/**
 * The TypeScript generator's eta partials (templates/typescript/_*.eta, README.md.eta) in process: a user file at a
 * partial's path changes that output only, a broken one is an error naming the template, and the docstrings
 * option decides whether the view doc partial is asked at all.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TemplateError } from "../../../src/errors.ts";
import { generateSdk } from "../../../src/pipeline.ts";
import { loadExampleModel } from "../../../src/sources.ts";

const example = loadExampleModel();
const root = mkdtempSync(join(tmpdir(), "pygen-ts-partials-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A --templates folder holding `typescript/<name>` files. */
function userTemplates(name: string, files: Record<string, string>): string {
  const folder = join(root, name);
  mkdirSync(join(folder, "typescript"), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, "typescript", file), text);
  return folder;
}

function files(options: Parameters<typeof generateSdk>[1] = {}): Map<string, string> {
  const result = generateSdk(example, { language: "typescript", generatedAt: "2026-01-01T00:00:00+00:00", ...options });
  return new Map(result.files.map((file) => [file.path, file.content]));
}

describe("TypeScript partials", () => {
  test("a README.md.eta override replaces the README and nothing else", () => {
    const plain = files();
    const overridden = files({ templateDir: userTemplates("readme", { "README.md.eta": "# <%= it.packageName %> for ACME\n" }) });
    expect(overridden.get("README.md")).toBe("# hydro-plant-model for ACME\n");
    for (const [path, text] of overridden) if (path !== "README.md") expect(text).toBe(plain.get(path) ?? "");
  });

  test("a partial that fails is an error naming the template to fix", () => {
    const templateDir = userTemplates("broken", { "_view_doc.eta": "<%~ it.fmt.nothing(it.text) %>\n" });
    expect(() => files({ templateDir })).toThrow(TemplateError);
    expect(() => files({ templateDir })).toThrow(/typescript\/_view_doc\.eta/);
  });

  test("without docstrings the view doc partial is not used: the read interfaces carry no comment", () => {
    const templateDir = userTemplates("doc", { "_view_doc.eta": "/** Always. */\n" });
    const documented = files({ templateDir }).get("hydro_plant.d.ts") ?? "";
    expect(documented).toContain("/** Always. */\nexport interface HydroPlant<C extends Connections = Connections> extends");
    const bare = files({ templateDir, docstrings: false }).get("hydro_plant.d.ts") ?? "";
    expect(bare).not.toContain("Always.");
    expect(bare).toMatch(/\n\nexport interface HydroPlant<C extends Connections = Connections> extends/);
  });

  test("the embedded partials give the same bytes run after run", () => {
    expect([...files()]).toEqual([...files()]);
  });
});
