/**
 * User templates through the compiled binary: `--templates DIR` overrides embedded templates file by file, and a
 * partial or macro the user copies (examples/templates/python/_docstring.eta) is picked up by the embedded,
 * precompiled templates that include it, while everything else is generated as without the flag. The same for the
 * TypeScript generator's partials (examples/templates/typescript/_view_doc.eta), whose output stays in Biome's format.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_NAME } from "../../src/output/writer.ts";
import { EXAMPLE_MODEL_NAME } from "../../src/sources.ts";
import { folderWith, isolatedBinary, runBinary } from "../support/binary.ts";
import { biomeCheck } from "../typescript/consumer.ts";

const REPOSITORY = join(import.meta.dir, "..", "..");
const EXAMPLE_TEMPLATES = join(REPOSITORY, "examples", "templates");
const ADDED_SENTENCE = "Generated from the data model: change the model and regenerate rather than edit.";
/** A class docstring (right after the `class ...:` line, one indent in), from its opening to its closing quotes. */
const CLASS_DOCSTRING = /(?<=:\n) {4}"""[\s\S]*?"""$/gm;

let binary: string;
let dir: string;
beforeAll(() => {
  ({ binary, dir } = isolatedBinary());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Generates the bundled example into `dir/<name>` with extra flags; returns its files (path → text), manifest aside. */
function generate(name: string, flags: string[] = []): Map<string, string> {
  return readFolder(generateInto(name, flags));
}

function generateInto(name: string, flags: string[]): string {
  const output = join(dir, name);
  const args = ["generate", "--model-file", join(REPOSITORY, EXAMPLE_MODEL_NAME), "-o", output, ...flags];
  const result = runBinary(binary, args, dir, { SOURCE_DATE_EPOCH: "1700000000" });
  if (result.exitCode !== 0) throw new Error(`pygen generate failed (${result.exitCode}):\n${result.stderr}`);
  return output;
}

function readFolder(output: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(output, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name !== MANIFEST_NAME) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(output.length + 1), readFileSync(path, "utf8"));
    }
  }
  return files;
}

describe("--templates", () => {
  test("the example's _docstring.eta override ends every class docstring with its sentence and changes nothing else", () => {
    const plain = generate("plain");
    const overridden = generate("overridden", ["--templates", EXAMPLE_TEMPLATES]);
    expect([...overridden.keys()].sort()).toEqual([...plain.keys()].sort());
    let docstrings = 0;
    for (const [path, text] of overridden) {
      const before = plain.get(path) ?? "";
      // The vendored runtime is copied, not generated: no macro reaches it.
      if (path.includes("/_runtime/")) {
        expect(text).toBe(before);
        continue;
      }
      // Outside the class docstrings, every file is byte for byte what the embedded templates give.
      expect(text.replace(CLASS_DOCSTRING, "<docstring>")).toBe(before.replace(CLASS_DOCSTRING, "<docstring>"));
      const [old, changed] = [before.match(CLASS_DOCSTRING) ?? [], text.match(CLASS_DOCSTRING) ?? []];
      expect(changed.length).toBe(old.length);
      changed.forEach((docstring, index) => {
        const words = (quoted: string) => quoted.replaceAll('"""', "").trim().split(/\s+/).join(" ");
        expect(words(docstring)).toBe(`${words(old[index] ?? "")} ${ADDED_SENTENCE}`);
        docstrings++;
      });
    }
    // The example documents its views: the data classes and the client carry docstrings for the override to change.
    expect(docstrings).toBeGreaterThan(5);
  });

  test("an override of the API method partial changes every method of every API class, and only those", () => {
    const templates = folderWith(join(dir, "user-templates", "python"), {
      "_api_method.eta": [
        "<%~ it.fmt.indent(1) %># pygen: <%= it.method.name %> forwards to <%= it.method.forward %>",
        '<%~ include("/python/_api_method_body.eta") -%>',
        "",
      ].join("\n"),
      // A user file the override includes: user templates include one another as the embedded ones do.
      "_api_method_body.eta": [
        '<%~ it.fmt.bracketed(`def ${it.method.name}(`, ["self", ...it.method.parameters], `) -> ${it.method.returns}:`, 1) %>',
        "<% if (it.method.doc) { -%>",
        "<%~ it.fmt.methodDocstring(it.method.doc, 2) %>",
        "<% } -%>",
        '<%~ it.fmt.bracketed(`return self.${it.method.forward}(`, ["locals()", ...it.method.arguments], ")", 2) %>',
        "",
      ].join("\n"),
    });
    const plain = generate("plain-api");
    const overridden = generate("overridden-api", ["--templates", join(templates, "..")]);
    const comment = /^ {4}# pygen: \w+ forwards to \w+\n/gm;
    for (const [path, text] of overridden) {
      expect(text.replace(comment, "")).toBe(plain.get(path) ?? "");
      // The view APIs, and the edge APIs written beside their edge classes.
      const edgeApi = text.includes("(EdgeAPI[") && !path.includes("/_runtime/");
      const api = (path.includes("/_api/") && !path.endsWith("__init__.py")) || edgeApi;
      if (api) expect(text).toContain("    # pygen: list forwards to _list\n");
      else expect(text).not.toMatch(comment);
    }
  });
});

describe("--templates for TypeScript", () => {
  const typescript = ["--language", "typescript"];
  /** A JSDoc comment at the start of a line, from its opening to its end. */
  const DOC_COMMENT = /^\/\*\*[\s\S]*?\*\/$/gm;
  const SDK_MODULES = new Set(["client.d.ts", "index.d.ts", "select.d.ts"]);
  const VIEW_SENTENCE = /Generated from the view (\w+): change the model and regenerate rather than edit\./;

  test("the example's _view_doc.eta override changes each view's doc comment only, and the SDK stays Biome-clean", async () => {
    const plain = generate("ts-plain", typescript);
    const folder = generateInto("ts-overridden", [...typescript, "--templates", EXAMPLE_TEMPLATES]);
    const overridden = readFolder(folder);
    expect([...overridden.keys()].sort()).toEqual([...plain.keys()].sort());
    const documented: string[] = [];
    for (const [path, text] of overridden) {
      const before = plain.get(path) ?? "";
      const viewModule = path.endsWith(".d.ts") && !path.startsWith("_runtime/") && !SDK_MODULES.has(path);
      if (!viewModule) {
        expect(text).toBe(before);
        continue;
      }
      // Only the top-level doc comment before `export interface <View> ` (or `<View><C …>`) differs.
      const readInterface = /^(\/\*\*[\s\S]*?\*\/\n)?export interface \w+[ <]/m;
      expect(text.replace(readInterface, "<read interface>")).toBe(before.replace(readInterface, "<read interface>"));
      const doc = text.match(readInterface)?.[1];
      if (doc === undefined) continue;
      const view = doc.match(VIEW_SENTENCE)?.[1];
      expect(view).toBeDefined();
      documented.push(view ?? "");
      // The view's own description is kept ahead of the sentence.
      const original = before.match(readInterface)?.[1]?.match(DOC_COMMENT)?.[0];
      if (original)
        expect(doc.replace(/\s*\*\s*/g, " ")).toContain(
          original
            .replace(/^\/\*\*|\*\/$/g, "")
            .replace(/\s*\*\s*/g, " ")
            .trim(),
        );
    }
    // Every view of the example (five node views and one edge view) has its read type documented by the override.
    expect(documented.sort()).toEqual(["Asset", "Generator", "HydroPlant", "InspectionResult", "Inspector", "Reservoir"]);
    const biome = await biomeCheck(folder, join(dir, "biome-config"));
    expect(biome.code, biome.text).toBe(0);
  }, 120_000);

  test("overrides of the header and client partials change every module's header line and the client class, and only those", () => {
    const templates = folderWith(join(dir, "ts-user-templates", "typescript"), {
      "_header.eta": "// <%= it.module %>: generated by pygen for ACME. Regenerate rather than edit.\n",
      // A user partial the override includes: user templates include one another as the embedded ones do.
      "_client_class.eta": [
        '<%~ include("/typescript/_client_body.eta") %>',
        "",
        "/** Where the ACME SDK was generated from. */",
        "export const SOURCE = <%~ JSON.stringify(it.model.externalId) %>;",
        "",
      ].join("\n"),
      "_client_body.eta": [
        'export class <%= it.clientName %> extends <%= it.runtimeValue("CDFClient") %> {',
        "  constructor(config) {",
        "    super(config, { space: DEFAULT_SPACE, model: MODEL });",
        "  }",
        "}",
        "",
      ].join("\n"),
    });
    const plain = generate("ts-plain-client", typescript);
    const overridden = generate("ts-overridden-client", [...typescript, "--templates", join(templates, "..")]);
    for (const [path, text] of overridden) {
      const before = plain.get(path) ?? "";
      if (path.startsWith("_runtime/") || path.endsWith(".json") || path.endsWith(".md")) {
        expect(text).toBe(before);
        continue;
      }
      // A module's header follows the line naming its declarations for Deno (`@ts-self-types`), which .js files start with.
      const selfTypes = path.endsWith(".js") ? 1 : 0;
      const lines = text.split("\n");
      expect(lines.slice(0, selfTypes)).toEqual(before.split("\n").slice(0, selfTypes));
      expect(lines[selfTypes]).toBe(`// ${path}: generated by pygen for ACME. Regenerate rather than edit.`);
      const rest = (lines: string[]) => lines.slice(selfTypes + 1).join("\n");
      if (path !== "client.js") expect(rest(lines)).toBe(rest(before.split("\n")));
    }
    const client = overridden.get("client.js") ?? "";
    expect(client).toContain('export const SOURCE = "HydroPlantModel";');
    expect(client).not.toContain("static fromEnv()");
  }, 120_000);
});
