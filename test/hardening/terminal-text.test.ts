/**
 * Names and descriptions from a model reach the terminal escaped: no escape sequence, NUL, carriage return, bell
 * or newline from a model file is written raw by `generate`, `validate` or `inspect` (built binary), and a
 * 100,000-character name is cut in messages. JSON output keeps every character (JSON escapes are exact).
 * A model file that is not UTF-8 is a load error with its position, not U+FFFD in generated code.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { printable } from "../../src/printable.ts";
import { isolatedBinary, runBinary } from "../support/binary.ts";

const TITLE = "\u001b]0;owned\u0007";
const HOSTILE_NAMES = [`red${TITLE}\u001b[31mpump`, "line\nbreak", "nul\u0000byte", "back\rover", "bidi\u202eevil", "del\u007fc1\u009b"];
const LONG_NAME = "x".repeat(100_000);
/** What must never reach a terminal raw (tab and line feed are the reporters' own). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding raw control characters is what this test does.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Hostile identifiers (refused when the file is read: the error names them) or, with valid identifiers, hostile
 * free text: names and descriptions, which `inspect` shows and the SDK's docstrings carry.
 */
function hostileModel(hostile: "identifiers" | "text"): unknown {
  const identifiers = hostile === "identifiers" ? [...HOSTILE_NAMES, LONG_NAME, "name"] : ["name", "status"];
  const property = (name: string, index: number) => [
    name,
    {
      container: { type: "container", space: "shop", externalId: "Pump" },
      containerPropertyIdentifier: `p${index}`,
      type: { type: "text" },
      name: HOSTILE_NAMES[index % HOSTILE_NAMES.length],
      description: `about ${HOSTILE_NAMES.join(" ")}`,
    },
  ];
  return {
    space: "shop",
    externalId: "Hostile",
    version: "1",
    description: `A model ${TITLE}`,
    views: [
      {
        space: "shop",
        externalId: hostile === "identifiers" ? `Pump${TITLE}` : "Pump",
        version: "1",
        name: `Pump ${TITLE}`,
        description: `pumps\u001b[2J ${HOSTILE_NAMES.join(" ")}`,
        properties: Object.fromEntries(identifiers.map(property)),
      },
    ],
  };
}

describe("printable", () => {
  test("escapes control characters as JSON-compatible \\u escapes and keeps ordinary text", () => {
    expect(printable(`a${TITLE}b`)).toBe("a\\u001b]0;owned\\u0007b");
    expect(printable("x\ny\tz")).toBe("x\\u000ay\\u0009z");
    expect(printable("x\ny\tz\r", { multiline: true })).toBe("x\ny\tz\\u000d");
    expect(printable("émoji 🚀 ok, Ünïcode")).toBe("émoji 🚀 ok, Ünïcode");
    expect(JSON.parse(`"${printable("\u009b\u202e")}"`)).toBe("\u009b\u202e");
  });

  test("cuts long words in messages with a count, never short ones or results", () => {
    expect(printable(LONG_NAME, { capWords: true })).toBe(`${"x".repeat(120)}…(99840 characters left out)…${"x".repeat(40)}`);
    expect(printable(`a ${"y".repeat(200)} b`, { capWords: true })).toBe(`a ${"y".repeat(200)} b`);
    expect(printable(LONG_NAME)).toBe(LONG_NAME);
  });
});

describe("through the binary", () => {
  const { binary, dir } = isolatedBinary();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = { identifiers: join(dir, "hostile-identifiers.json"), text: join(dir, "hostile-text.json") };
  for (const [hostile, file] of Object.entries(files)) writeFileSync(file, JSON.stringify(hostileModel(hostile as keyof typeof files)));

  // Hostile identifiers are errors that leave their parts out: validate says the model is not valid, generate has
  // nothing left to generate (the view's identifier is hostile too), inspect shows what is left.
  for (const [hostile, args, exitCode] of [
    ["identifiers", ["validate"], 4],
    ["identifiers", ["generate"], 4],
    ["identifiers", ["inspect"], 0],
    ["text", ["validate"], 0],
    ["text", ["generate", "-o", "sdk"], 0],
    ["text", ["inspect"], 0],
    ["text", ["inspect", "--format", "table"], 0],
    ["text", ["inspect", "--format", "mermaid"], 0],
  ] as const) {
    test(`pygen ${args.join(" ")} with hostile ${hostile} prints no raw control character and no endless line`, () => {
      const result = runBinary(binary, [...args, "--model-file", files[hostile]], dir);
      expect(result.exitCode).toBe(exitCode);
      expect(result.stderr + result.stdout).not.toBe("");
      expect(RAW_CONTROL.exec(result.stdout)?.[0]).toBeUndefined();
      expect(RAW_CONTROL.exec(result.stderr)?.[0]).toBeUndefined();
      expect(Math.max(...result.stderr.split("\n").map((line) => line.length))).toBeLessThan(2_000);
      if (hostile === "identifiers" && args[0] !== "inspect") {
        // Each refused identifier is named, escaped; the 100,000-character one is cut.
        const output = result.stdout + result.stderr;
        expect(output).toContain('property identifier "red\\u001b]0;owned\\u0007\\u001b[31mpump" is not valid in CDF');
        expect(output).toContain('property identifier "line\\nbreak" is not valid in CDF');
        expect(output).toMatch(/x+…\(\d+ characters left out\)…x+/);
      }
    });
  }

  test("JSON output keeps every character of the names exactly", () => {
    const result = runBinary(binary, ["inspect", "--json", "--model-file", files.text], dir);
    expect(RAW_CONTROL.exec(result.stdout)?.[0]).toBeUndefined();
    const [outline] = JSON.parse(result.stdout);
    expect([outline.description, outline.views[0].name]).toEqual([`A model ${TITLE}`, `Pump ${TITLE}`]);
  });

  test("a model file that is not UTF-8 is a load error with line, column and byte offset", () => {
    const broken = join(dir, "latin1.yaml");
    const text = 'space: shop\nexternalId: M\nversion: "1"\ndescription: caf\u00e9\nviews: []\n';
    writeFileSync(broken, Buffer.from(text, "latin1"));
    for (const command of ["generate", "validate", "inspect"]) {
      const result = runBinary(binary, [command, "--model-file", broken], dir);
      expect({ command, exitCode: result.exitCode, stderr: result.stderr }).toEqual({
        command,
        exitCode: 3,
        stderr: `error: ${broken}: invalid UTF-8 at line 4, column 17 (byte offset 55, 0xe9); save the file as UTF-8\n`,
      });
    }
  });
});
