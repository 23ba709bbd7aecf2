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

test("modules and names sort as Biome's organizeImports sorts them", () => {
  const sorted = (names: string[]) => [...names].sort(byCode);
  // Punctuation, then digits by value, then letters; `.js` after a name sorts as punctuation.
  expect(sorted(["./client_2.js", "./client_.js", "./client.js", "./a360.js", "./a3d.js", "./b.js"])).toEqual([
    "./a3d.js",
    "./a360.js",
    "./b.js",
    "./client.js",
    "./client_.js",
    "./client_2.js",
  ]);
  expect(sorted(["./fields_v2.js", "./fields_v_1.js", "./v1.js", "./v_1_2.js", "./_runtime/index.js"])).toEqual([
    "./_runtime/index.js",
    "./fields_v_1.js",
    "./fields_v2.js",
    "./v_1_2.js",
    "./v1.js",
  ]);
  // Digit runs: the shorter first, leading zeros and all (Biome's order, checked with biome check --write).
  expect(sorted(["./x_066deb9e.js", "./x_79bb2f39.js", "./w_010.js", "./w_9.js", "./v_00.js", "./v_0.js"])).toEqual([
    "./v_0.js",
    "./v_00.js",
    "./w_9.js",
    "./w_010.js",
    "./x_79bb2f39.js",
    "./x_066deb9e.js",
  ]);
  // Biome's own order of these names (checked with biome check --write).
  const names = [
    "A_1",
    "A_B",
    "A1",
    "AA",
    "AB",
    "Ab",
    "a_1",
    "a_b",
    "a1",
    "aA",
    "aa",
    "ab",
    "X_V_1_META",
    "X_V2_META",
    "XV_1",
    "XV1",
    "XV2",
  ];
  expect(sorted([...names].reverse())).toEqual(names);
});

test("a generic that does not fit breaks between its type arguments, also before `| null`", () => {
  const [write, end] = [`${"A".repeat(50)}Write`, `${"B".repeat(50)}Write | NodeRef`];
  expect(unionLines("x?:", [`EdgeWith<${write}, ${end}>[]`], ";", 1)).toEqual(["  x?: EdgeWith<", `    ${write},`, `    ${end}`, "  >[];"]);
  expect(unionLines("y?:", [`EdgeWith<${write}, ${end}>`, "null"], ";", 1)).toEqual([
    "  y?: EdgeWith<",
    `    ${write},`,
    `    ${end}`,
    "  > | null;",
  ]);
});
