/**
 * The TypeScript generator writes Biome's layout itself (layout.ts, byCode): the shapes the fuzzer found it writing
 * differently from Biome, each as Biome formats it.
 */
import { expect, test } from "bun:test";
import { unionLines } from "../../../src/generators/typescript/layout.ts";
import { byCode } from "../../../src/generators/typescript/view-module.ts";

const long = (letter: string) => `"${letter.repeat(70)}"`;
const [a, b] = [long("a"), long("b")];

test("an array of a union that does not fit breaks inside its parentheses, alone or as one member of many", () => {
  expect(unionLines("x:", [`(${a} | ${b})[]`], ";", 1)).toEqual(["  x: (", `    | ${a}`, `    | ${b}`, "  )[];"]);
  expect(unionLines("y?:", [a, b, `(${a} | ${b})[]`], ";", 1)).toEqual([
    "  y?:",
    `    | ${a}`,
    `    | ${b}`,
    "    | (",
    `        | ${a}`,
    `        | ${b}`,
    "      )[];",
  ]);
  expect(unionLines("z:", [`(${a} | ${b} | (string & Record<never, never>))[]`, "null"], ";", 1)).toEqual([
    "  z:",
    "    | (",
    `        | ${a}`,
    `        | ${b}`,
    "        | (string & Record<never, never>)",
    "      )[]",
    "    | null;",
  ]);
});

test("modules sort as Biome's organizeImports sorts them: digits by value, a shorter name's next character compared", () => {
  expect(["./client_2.js", "./client_.js", "./client.js", "./a360.js", "./a3d.js", "./B.js"].sort(byCode)).toEqual([
    "./a3d.js",
    "./a360.js",
    "./B.js",
    "./client.js",
    "./client_.js",
    "./client_2.js",
  ]);
});
