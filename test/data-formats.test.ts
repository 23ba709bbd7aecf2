import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { CORE_SCHEMA, load as loadWithJsYaml } from "js-yaml";
import { parseDocument, parseJson, parseYaml, parseYamlFast, stringifyJson } from "../src/data-formats.ts";
import { ParseError } from "../src/errors.ts";
import { thrown } from "./support/failures.ts";
import { describeShared, sharedModelNames, sharedModelPath } from "./support/shared-models.ts";

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

  test("long fractions and mantissas stay floats, alone and beside a big integer", () => {
    const floats = '{"a": 0.3333333333333333, "b": 1234567890123456.5, "c": 1.2345678901234567e5, "d": 12345678901234567e2}';
    expect(parseJson(floats, "x.json")).toEqual(JSON.parse(floats));
    expect(parseJson(`{"a": 0.3333333333333333, "big": [${big}]}`, "x.json")).toEqual({
      a: 0.3333333333333333,
      big: [2543900574065289437n],
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

  test("an unclosed [ or { is named where it opened, with where the parser gave up", () => {
    const text = ["views:", "  - externalId: Pump", "    implements: [Asset, Base", "    properties: {}", ""].join("\n");
    const error = thrown(() => parseYaml(text, "model.yaml"), ParseError);
    expect(error.message).toStartWith('model.yaml:3:17: invalid YAML: "[" opened at line 3, column 17 is never closed: close it with "]"');
    expect(error.message).toMatch(/\(the parser stopped at line 4: .+\)$/);
    expect(error.message).not.toStartWith("model.yaml:4");
    // Nested ones are all named, innermost first.
    const nested = thrown(() => parseYaml("a: [ { b: 1\nc: 2\n", "m.yaml"), ParseError);
    expect(nested.message).toContain('"{" opened at line 1, column 6 and "[" opened at line 1, column 4 are never closed');
  });

  test("brackets inside quotes, comments and plain text do not count", () => {
    const text = ["a: 'it''s [not' # [ nor this", 'b: "[\\"x"', "c: it's [fine]", "d: [1, 2", "e: 3", ""].join("\n");
    const error = thrown(() => parseYaml(text, "m.yaml"), ParseError);
    expect(error.message).toStartWith('m.yaml:4:4: invalid YAML: "[" opened at line 4, column 4 is never closed');
    const other = thrown(() => parseYaml("space: a\nexternalId: b\n  version: 1\n", "m.yaml"), ParseError);
    expect(other.message).not.toContain("never closed");
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

describe("the native YAML fast path reads exactly what js-yaml reads", () => {
  const jsYaml = (text: string) => loadWithJsYaml(text, { schema: CORE_SCHEMA });

  test("scalars of the core schema, and the forms where Bun and js-yaml disagree, read as js-yaml reads them", () => {
    const scalars = ["1_000", "+0x1F", "-0x1F", "-0o7", "1e400", "0o17", "0x1F", "+12", "007", ".inf", "-.INF", ".NaN", "~", "Null"];
    const more = [
      "True",
      "yes",
      "off",
      "1:20",
      "0b101",
      "1.0",
      "-0.0",
      "1e3",
      "2024-01-16",
      "'it''s'",
      '"a\\u00e9\\t"',
      "a # c",
      "[a, 1, ~]",
    ];
    for (const scalar of [...scalars, ...more]) {
      const text = `k: ${scalar}\n`;
      expect([scalar, parseYaml(text, "x.yaml")]).toEqual([scalar, jsYaml(text)]);
    }
  });

  test("duplicate keys are refused wherever they are, as before", () => {
    const documents = [
      "a: 1\nb: 2\na: 3\n",
      "a:\n  x: 1\n  'x': 2\n",
      'items:\n- x: 1\n  y: 2\n  "x": 3\n',
      "a:\n  b:\n  - p: 1\n  c: 2\n  b: 3\n",
      "-   x: 1\n    x: 2\n",
      "a: long text\n  folded over lines\nb: 1\na: 2\n",
      'a: "quoted: text\n  b: over lines"\nb: 1\nb: 2\n',
    ];
    for (const text of documents) {
      expect(thrown(() => parseYaml(text, "d.yaml"), ParseError).message).toContain("invalid YAML: duplicated mapping key");
    }
  });

  test("the same key in sibling mappings and sequence items is no duplicate", () => {
    const text = "a:\n  x: 1\nb:\n  x: 2\nlist:\n- x: 1\n  y: [1, 2]\n- x: 2\n  y: {}\n-\n  x: 3\nx: long text\n  folded\n";
    expect(parseYamlFast(text)).toEqual(jsYaml(text));
    expect(parseYaml(text, "x.yaml")).toEqual(jsYaml(text));
  });

  test("merge keys stay ordinary keys; several documents and an empty document stay errors", () => {
    expect(parseYaml("b: &x {p: 1}\nc:\n  <<: *x\n", "m.yaml")).toEqual({ b: { p: 1 }, c: { "<<": { p: 1 } } });
    expect(thrown(() => parseYaml("a: 1\n---\nb: 2\n", "m.yaml")).message).toContain("expected a single document");
    expect(thrown(() => parseYaml("", "m.yaml")).message).toContain("the input is empty");
  });

  test("quoted scalars folded over lines: nothing inside is a key, and they read as js-yaml reads them", () => {
    const texts = [
      'a: "one: two # not a comment\n  three \\" four"\nb: 1\n',
      "- a: 'it''s: over\n    lines'\n  b: x\n",
      'a: "ends in an escaped break \\\n  and goes on" # comment\nb: 2\n',
    ];
    for (const text of texts) {
      expect(parseYamlFast(text)).toEqual(jsYaml(text));
      expect(parseYamlFast(text)).toBeDefined();
    }
    // A continuation line not indented past its key, or a scalar left open, is not followed.
    expect(parseYamlFast('a: "one\ntwo"\n')).toBeUndefined();
    expect(parseYamlFast('a: "open\n  still open\n')).toBeUndefined();
  });

  test("the bundled example takes the fast path", async () => {
    const text = await Bun.file(join(import.meta.dir, "..", "examples", "hydro-plant.model.yaml")).text();
    expect(parseYamlFast(text)).toEqual(jsYaml(text));
  });

  test("constructs the scanner does not follow go to js-yaml", () => {
    for (const text of ["a: |\n  a: 1\n  a: 2\n", "a: {x: 1, x: 2}\n", "a: &k 1\n", "__proto__: 1\n"]) {
      expect(parseYamlFast(text)).toBeUndefined();
    }
  });
});

describe("the native YAML fast path against js-yaml on generated documents", () => {
  /** A small seeded generator (mulberry32), so a failure is reproducible. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const KEYS = ["a", "b", '"a"', "'b'", "c"];
  const SCALARS = [
    "1",
    "x",
    "'q'",
    '"d"',
    "[1, a]",
    "{}",
    "long\n{pad}  text",
    "# note",
    "null",
    "-3",
    '"q: \\"\n{pad}  a: 1"',
    "'q''\n{pad}  b: 2'",
  ];

  /** Block-style YAML with keys from a small set, so duplicates are frequent, at every nesting level. */
  function documentText(next: () => number): string {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const mapping = (pad: string, depth: number): string[] =>
      Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
        const key = `${pad}${pick(KEYS)}:`;
        if (depth < 3 && next() < 0.3) return [key, ...mapping(`${pad}  `, depth + 1)].join("\n");
        if (depth < 3 && next() < 0.2) return [key, ...sequence(pad, depth + 1)].join("\n");
        return `${key} ${pick(SCALARS).replace("{pad}", pad)}`;
      });
    const sequence = (pad: string, depth: number): string[] =>
      Array.from({ length: 1 + Math.floor(next() * 2) }, () => {
        const [first = "", ...rest] = mapping(`${pad}  `, depth + 1)
          .join("\n")
          .split("\n");
        return [`${pad}- ${first.trimStart()}`, ...rest].join("\n");
      });
    return `${mapping("", 0).join("\n")}\n`;
  }

  const outcome = (read: () => unknown) => {
    try {
      return { value: read() };
    } catch {
      return { error: true };
    }
  };

  test("every document reads as js-yaml reads it, or fails as js-yaml fails", () => {
    const next = random(20261126);
    let fast = 0;
    let errors = 0;
    for (let index = 0; index < 400; index++) {
      const text = documentText(next);
      if (parseYamlFast(text) !== undefined) fast++;
      const expected = outcome(() => loadWithJsYaml(text, { schema: CORE_SCHEMA }));
      if ("error" in expected) errors++;
      expect([text, outcome(() => parseYaml(text, "g.yaml"))]).toEqual([text, expected]);
    }
    // The generator is no good unless both the fast path and duplicate keys come up often.
    expect([fast > 40, errors > 40]).toEqual([true, true]);
  });
});

describeShared("shared models", () => {
  test("every model file takes the fast path and reads as js-yaml reads it", async () => {
    for (const name of sharedModelNames()) {
      const text = await Bun.file(sharedModelPath(name)).text();
      expect([name, parseYamlFast(text)]).toEqual([name, loadWithJsYaml(text, { schema: CORE_SCHEMA })]);
    }
  });
});
