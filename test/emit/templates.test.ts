import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { embeddedTemplateNames, TemplateSet } from "../../src/emit/templates.ts";
import { TemplateError } from "../../src/errors.ts";

const TEMPLATES_DIR = join(import.meta.dir, "..", "..", "templates");

describe("templates", () => {
  let userDir: string;
  beforeAll(() => {
    userDir = mkdtempSync(join(tmpdir(), "pygen-templates-"));
    mkdirSync(join(userDir, "partials"));
    writeFileSync(join(userDir, "page.eta"), "<%~ include('/partials/item', { name: it.name }) %>!");
    writeFileSync(join(userDir, "partials", "item.eta"), "hello <%= it.name %>");
  });
  afterAll(() => rmSync(userDir, { recursive: true, force: true }));

  test("every file under templates/ is embedded", () => {
    const onDisk = readdirSync(TEMPLATES_DIR, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !/__pycache__|\.pyc$/.test(join(entry.parentPath, entry.name)))
      .map((entry) => join(entry.parentPath, entry.name).slice(TEMPLATES_DIR.length + 1));
    expect(embeddedTemplateNames()).toEqual(onDisk.sort());
  });

  test("a user's template directory overrides and extends, includes included", () => {
    const templates = new TemplateSet(userDir);
    expect(templates.render("page.eta", { name: "pump <1>" })).toBe("hello pump <1>!");
    expect(templates.read("README.md")).toContain("# Templates");
  });

  test("includes resolve as Eta resolves them: beside the including template, or from the root with a leading /", () => {
    writeFileSync(
      join(userDir, "partials", "list.eta"),
      "<%~ include('item', { name: 'a' }) %>, <%~ include('./item.eta', { name: 'b' }) %>",
    );
    writeFileSync(join(userDir, "escape.eta"), "<%~ include('../../outside', {}) %>");
    const templates = new TemplateSet(userDir);
    expect(templates.render("partials/list.eta", {})).toBe("hello a, hello b");
    expect(() => templates.render("escape.eta", {})).toThrow(TemplateError);
  });

  test("a user's copy of an embedded template wins over the build's precompiled one, in includes too", () => {
    mkdirSync(join(userDir, "python"), { recursive: true });
    writeFileSync(join(userDir, "python", "module.py.eta"), "custom: <%= it.summary %>");
    const data = { clientName: "PumpsClient", models: "sp:Pumps/1", grouped: false, imports: "", body: "" };
    const summary = "PumpsClient: one attribute per view of sp:Pumps/1.";
    expect(new TemplateSet(userDir).render("python/client.py.eta", data)).toBe(`custom: ${summary}`);
    expect(new TemplateSet().render("python/client.py.eta", data)).toStartWith(`"""${summary}`);
    rmSync(join(userDir, "python"), { recursive: true });
  });

  test("a template name cannot leave the user's folder", () => {
    const outside = join(userDir, "..", "README.md");
    writeFileSync(outside, "outside");
    try {
      expect(() => new TemplateSet(userDir).read("../README.md")).toThrow("template not found: ../README.md");
    } finally {
      rmSync(outside);
    }
  });

  test("missing templates and directories are TemplateErrors", () => {
    expect(() => new TemplateSet().read("python/nope.eta")).toThrow("template not found: python/nope.eta");
    expect(() => new TemplateSet(join(userDir, "absent"))).toThrow(TemplateError);
  });

  test("template errors name the template", () => {
    writeFileSync(join(userDir, "broken.eta"), "<%= it.missing.field %>");
    expect(() => new TemplateSet(userDir).render("broken.eta", {})).toThrow(/template broken\.eta: /);
  });

  test("an error in a user's partial names the partial, even when an embedded template includes it", () => {
    mkdirSync(join(userDir, "python"), { recursive: true });
    writeFileSync(join(userDir, "python", "_api_class.eta"), "<%= it.api.missing.field %>");
    writeFileSync(join(userDir, "python", "_api_method.eta"), "<% if ( %>");
    const templates = new TemplateSet(userDir);
    const data = { view: "sp:Pump/1", imports: "", api: {} };
    expect(() => templates.render("python/api.py.eta", data)).toThrow(/^template python\/_api_class\.eta: .*missing/);
    // A syntax error says what is wrong, without the compiled code Eta appends.
    expect(() => templates.render("python/_api_method.eta", data)).toThrow(
      /^template python\/_api_method\.eta: Bad template syntax [^\n=]+$/,
    );
    rmSync(join(userDir, "python"), { recursive: true });
  });
});
