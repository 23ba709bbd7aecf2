/**
 * User templates through the compiled binary: `--templates DIR` overrides embedded templates file by file, and a
 * partial or macro the user copies (examples/templates/python/_docstring.eta) is picked up by the embedded,
 * precompiled templates that include it, while everything else is generated as without the flag.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_NAME } from "../../src/output/writer.ts";
import { EXAMPLE_MODEL_NAME } from "../../src/sources.ts";
import { folderWith, isolatedBinary, runBinary } from "../support/binary.ts";

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
  const output = join(dir, name);
  const args = ["generate", "--model-file", join(REPOSITORY, EXAMPLE_MODEL_NAME), "-o", output, ...flags];
  const result = runBinary(binary, args, dir, { SOURCE_DATE_EPOCH: "1700000000" });
  if (result.exitCode !== 0) throw new Error(`pygen generate failed (${result.exitCode}):\n${result.stderr}`);
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
      if (path.includes("/_api/") && !path.endsWith("__init__.py")) expect(text).toContain("    # pygen: list forwards to _list\n");
      else expect(text).not.toMatch(comment);
    }
  });
});
