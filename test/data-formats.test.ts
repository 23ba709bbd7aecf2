import { describe, expect, test } from "bun:test";
import { parseDocument, parseJson, parseYaml, stringifyJson } from "../src/data-formats.ts";
import { ParseError } from "../src/errors.ts";
import { thrown } from "./support/failures.ts";
import { describeShared, sharedModelPath } from "./support/shared-models.ts";

describe("int64 exactness", () => {
  const big = "2543900574065289437";
  const negative = "-6527890947335609357";

  test("YAML integers beyond 2^53 read as exact bigints, small ones as numbers", () => {
    const value = parseYaml(`a: ${big}\nb: ${negative}\nc: 42\nd: 9007199254740991\ne: 1.5e300\n`, "x.yaml");
    expect(value).toEqual({ a: 2543900574065289437n, b: -6527890947335609357n, c: 42, d: 9007199254740991, e: 1.5e300 });
  });

  test("JSON integers beyond 2^53 read as exact bigints; floats stay floats", () => {
    expect(parseJson(`{"a": ${big}, "b": [${negative}, 7], "c": 6.000869547599032e+307}`, "x.json")).toEqual({
      a: 2543900574065289437n,
      b: [-6527890947335609357n, 7],
      c: 6.000869547599032e307,
    });
  });

  test("YAML → JSON text → JSON round trip keeps every digit", () => {
    const fromYaml = parseYaml(`values: [${big}, ${negative}, 1]\n`, "x.yaml");
    const text = stringifyJson(fromYaml);
    expect(text).toBe(`{"values":[${big},${negative},1]}`);
    expect(parseJson(text, "x.json")).toEqual(fromYaml);
  });

  test("a plain JSON.parse would have lost the digits (the trap this guards against)", () => {
    expect(String(JSON.parse(big))).not.toBe(big);
  });
});

describeShared("Omni write payloads", () => {
  test("every int64 in PrimitiveRequired survives YAML → JSON → parse", async () => {
    const text = await Bun.file(sharedModelPath("Omni", "write/PrimitiveRequired.node.yaml")).text();
    const literals = [...text.matchAll(/int64: (-?\d+)/g)].map((match) => match[1]);
    expect(literals.length).toBeGreaterThan(0);
    const json = stringifyJson(parseYaml(text, "PrimitiveRequired.node.yaml"));
    for (const literal of literals) expect(json).toContain(`"int64":${literal}`);
    expect(parseJson(json, "x.json")).toEqual(parseYaml(text, "again.yaml"));
  });
});

describe("syntax errors", () => {
  test("YAML errors name the file, line and column, with a snippet", () => {
    const error = thrown(() => parseYaml("space: a\nexternalId: b\n  version: 1\n", "model.yaml"), ParseError);
    expect(error.message).toStartWith("model.yaml:3:10: invalid YAML: bad indentation");
    expect(error.details.join("\n")).toContain("3 |   version: 1");
  });

  test("JSON errors name the file", () => {
    expect(thrown(() => parseJson('{"space": "s",, }', "model.json")).message).toStartWith("model.json: invalid JSON:");
  });

  test("the parser is chosen by extension", () => {
    expect(parseDocument("a: 1", "m.yml")).toEqual({ a: 1 });
    expect(() => parseDocument("a: 1", "m.JSON")).toThrow(ParseError);
  });

  test("YAML timestamps stay strings (CDF sends them as text)", () => {
    expect(parseYaml("t: 2024-08-18T10:22:27.000\nd: 2024-01-16\n", "x.yaml")).toEqual({ t: "2024-08-18T10:22:27.000", d: "2024-01-16" });
  });
});
