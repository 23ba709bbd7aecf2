import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeGeneratedFiles } from "../../../src/output/writer.ts";
import { generateSdk } from "../../../src/pipeline.ts";
import { edge, mapped, model, ref, text, view } from "../../support/model-builder.ts";
import { tsc } from "../../typescript/compile.ts";

// A diamond (Bottom → Left, Right → Top), a child redeclaring a parent's property with another type (Recoded's
// `code` is text, Coded's int32), and a child of a read-only view.
const title = text({ containerPropertyIdentifier: "title" });
const int32 = mapped({ type: "int32", list: false }, { containerPropertyIdentifier: "code" });
const views = [
  view("Top", { title }),
  view("Left", { title, left: text() }, { implements: [ref("Top")] }),
  view("Right", { title, right: text() }, { implements: [ref("Top")] }),
  view("Bottom", { title, left: text(), right: text(), bottom: text() }, { implements: [ref("Left"), ref("Right")] }),
  view("Coded", { code: int32 }),
  view("Recoded", { title, code: text({ containerPropertyIdentifier: "code" }) }, { implements: [ref("Coded"), ref("Top")] }),
  view("Fixed", { title }, { implements: [ref("Top")], writable: false }),
  view("OnFixed", { title, extra: text() }, { implements: [ref("Fixed")] }),
  // Interfaces with nothing of their own, and edges whose edge view is read-only.
  view("Bare"),
  view("Mark", {}, { usedFor: "edge" }),
  view("Sealed", { note: text() }, { usedFor: "edge", writable: false }),
  view("Linker", { marked: edge("Bare", { edgeSource: "Mark" }), sealed: edge("Bare", { edgeSource: "Sealed" }) }),
];

let directory: string;
let files: Map<string, string>;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "pygen-ts-inheritance-"));
  const result = generateSdk(
    { models: [model(views)], origin: "test" },
    { language: "typescript", generatedAt: "2026-01-01T00:00:00+00:00" },
  );
  files = new Map(result.files.map((file) => [file.path, file.content]));
  await writeGeneratedFiles(join(directory, "sdk"), result.files);
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

const heading = (file: string, name: string) =>
  (files.get(file) ?? "")
    .split("\n")
    .find((line) => line.startsWith(`export interface ${name} `) || line.startsWith(`export interface ${name}<`));

describe("TypeScript view interfaces extend their parents'", () => {
  test("a diamond: Bottom extends Left and Right (Top comes through both) in read, write and filters", () => {
    expect(heading("bottom.d.ts", "Bottom")).toBe("export interface Bottom extends Left, Right {");
    expect(heading("bottom.d.ts", "BottomWrite")).toBe("export interface BottomWrite extends LeftWrite, RightWrite {");
    expect(heading("bottom.d.ts", "BottomFilters")).toBe("export interface BottomFilters extends LeftFilters, RightFilters {");
    // Only what the parents lack is declared again.
    const bottom = files.get("bottom.d.ts") ?? "";
    expect(bottom).toContain("  bottom: string | null;");
    expect(bottom).not.toContain("  title: string | null;");
  });

  test("a parent whose property the child types otherwise is not extended; the child declares its own", () => {
    expect(heading("recoded.d.ts", "Recoded")).toBe("export interface Recoded extends Top {");
    expect(files.get("recoded.d.ts")).toContain("  code: string | null;");
  });

  test("a read-only parent has no write type: the child's write type stands alone", () => {
    expect(heading("on_fixed.d.ts", "OnFixed")).toBe("export interface OnFixed extends Fixed {");
    expect(heading("on_fixed.d.ts", "OnFixedWrite")).toBe("export interface OnFixedWrite extends NodeWrite {");
  });

  test("an interface with no members of its own closes as {} after its base; with no base it is the empty object type", () => {
    expect(files.get("bare.d.ts")).toContain("export interface Bare extends InstanceFields {}\n");
    expect(files.get("bare.d.ts")).toContain("export interface BareWrite extends NodeWrite {\n");
    expect(files.get("mark.d.ts")).toContain("export type Mark = Record<never, never>;\n");
    expect(files.get("mark.d.ts")).toContain("export type MarkWrite = Record<never, never>;\n");
  });

  test("edges whose edge view is read-only are written as plain end nodes; read back with the edge's properties", () => {
    const linker = files.get("linker.d.ts") ?? "";
    expect(linker).toContain("marked?: EdgeWith<MarkWrite, BareWrite | NodeRef>[];");
    expect(linker).toContain("sealed?: (BareWrite | NodeRef)[];");
    expect(linker).toContain("sealed: Edges<C, Bare, Sealed>;");
    expect(linker).not.toContain("SealedWrite");
  });

  test("the SDK type-checks under tsc --strict, children are assignable to their parents, Recoded is no Coded", () => {
    const user = [
      'import type { Bottom, Coded, Left, OnFixed, Recoded, Right, Top, BottomWrite, TopWrite } from "./sdk/index.js";',
      "declare const bottom: Bottom;",
      "declare const write: BottomWrite;",
      "declare const recoded: Recoded;",
      "declare const onFixed: OnFixed;",
      "export const views: [Left, Right, Top, Top] = [bottom, bottom, bottom, onFixed];",
      "export const written: TopWrite = write;",
      "export const code: string | null = recoded.code;",
      "// @ts-expect-error Recoded's code is text, Coded's a number.",
      "export const coded: Coded = recoded;",
      "",
    ].join("\n");
    writeFileSync(join(directory, "user.ts"), user);
    const options = { strict: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext", noEmit: true, types: [] };
    writeFileSync(join(directory, "tsconfig.json"), JSON.stringify({ compilerOptions: options, files: ["user.ts"] }));
    tsc(["-p", join(directory, "tsconfig.json")], directory);
    expect(readFileSync(join(directory, "sdk", "top.js"), "utf8")).toContain("children: () => [");
  }, 60_000);
});
