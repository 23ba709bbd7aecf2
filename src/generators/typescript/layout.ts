/**
 * Biome's layout (2 spaces, 120 columns, double quotes, semicolons, trailing commas) for the few constructs the
 * TypeScript generator emits, so its output is already formatted and needs no formatter at generation time:
 * unions that break into one `| member` per line, object literals that stay on one line when they fit, JSDoc.
 */
import { TYPESCRIPT_INDENT, TYPESCRIPT_LINE_LENGTH } from "./options.ts";
import { splitTopLevel, splitUnion } from "./types.ts";

export const INDENT = " ".repeat(TYPESCRIPT_INDENT);

/**
 * `head A | B | C tail` on one line when it fits at `depth`, else one member per line under `head`. An array of a
 * union (`(A | B)[]`) that does not fit its line breaks inside its parentheses, as Biome writes it.
 */
export function unionLines(head: string, members: readonly string[], tail: string, depth: number): string[] {
  const prefix = INDENT.repeat(depth);
  const single = `${prefix}${head} ${members.join(" | ")}${tail}`;
  if (single.length <= TYPESCRIPT_LINE_LENGTH) return [single];
  const [first = "", ...rest] = members;
  // A generic (`EdgeWith<A, B>[]`, alone or `| null`) breaks between its type arguments and keeps the union.
  const generic = rest.every((member) => member === "null")
    ? genericLines(head, first, `${rest.map((member) => ` | ${member}`).join("")}${tail}`, depth)
    : undefined;
  if (generic !== undefined) return generic;
  if (members.length === 1) return arrayOfUnionLines(`${prefix}${head} `, first, tail, prefix) ?? [single];
  const last = members.length - 1;
  return [
    `${prefix}${head}`,
    ...members.flatMap((member, index) => {
      const lead = `${prefix}${INDENT}| `;
      const end = index === last ? tail : "";
      const line = `${lead}${member}${end}`;
      // The inner members line up under the opening parenthesis, one indent deeper.
      const broken = line.length > TYPESCRIPT_LINE_LENGTH ? arrayOfUnionLines(lead, member, end, `${prefix}${INDENT}${INDENT}`) : undefined;
      return broken ?? [line];
    }),
  ];
}

/** `head Name<` + one type argument per line + `>[]tail`; undefined unless `member` is `Name<…>` or `Name<…>[]`. */
function genericLines(head: string, member: string, tail: string, depth: number): string[] | undefined {
  const match = /^(\w+)<(.*)>(\[\])?$/.exec(member);
  if (match === null || splitUnion(member).length > 1) return undefined;
  const [, name, inner = "", array = ""] = match;
  const args = splitTopLevel(inner, ", ");
  if (args.length < 2) return undefined;
  return argumentLines(`${head} ${name}`, args, `${array}${tail}`, depth, "<>");
}

/** `lead(` + one `| member` per line + `)[]tail` with `close` as the closing line's indent; undefined unless `(A | B)[]`. */
function arrayOfUnionLines(lead: string, member: string, tail: string, close: string): string[] | undefined {
  const inner = /^\((.*)\)\[\]$/.exec(member)?.[1];
  const parts = inner === undefined ? [] : splitUnion(inner);
  if (parts.length < 2) return undefined;
  return [`${lead}(`, ...parts.map((part) => `${close}${INDENT}| ${part}`), `${close})[]${tail}`];
}

/**
 * `head(a, b)tail` on one line when it fits at `depth`, otherwise one argument per line (with a trailing comma,
 * except in type arguments, as Biome writes them): calls, parameter lists and `Generic<A, B>` alike.
 */
export function argumentLines(head: string, args: readonly string[], tail: string, depth: number, brackets = "()"): string[] {
  const [open, close] = [brackets.charAt(0), brackets.charAt(1)];
  const prefix = INDENT.repeat(depth);
  const single = `${prefix}${head}${open}${args.join(", ")}${close}${tail}`;
  if (single.length <= TYPESCRIPT_LINE_LENGTH) return [single];
  const comma = open === "<" ? "" : ",";
  const last = args.length - 1;
  return [
    `${prefix}${head}${open}`,
    ...args.map((arg, index) => `${prefix}${INDENT}${arg}${index === last ? comma : ","}`),
    `${prefix}${close}${tail}`,
  ];
}

/**
 * An object type, `lead{ a; b }tail`, on one line when it fits at `depth`, otherwise one member a line, each ending
 * in `;`, as Biome lays one out.
 */
export function objectTypeLines(lead: string, members: readonly string[], tail: string, depth: number): string[] {
  const prefix = INDENT.repeat(depth);
  const single = `${prefix}${lead}{ ${members.join("; ")} }${tail}`;
  if (single.length <= TYPESCRIPT_LINE_LENGTH) return [single];
  return [`${prefix}${lead}{`, ...members.map((member) => `${prefix}${INDENT}${member};`), `${prefix}}${tail}`];
}

/** A JavaScript value as code: a string literal, or code given as `{ code }`, or an object of them. */
export type JsValue = string | { code: string } | { [key: string]: JsValue };

function isCode(value: JsValue): value is { code: string } {
  return typeof value === "object" && "code" in value && typeof value.code === "string" && Object.keys(value).length === 1;
}

function inline(value: JsValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (isCode(value)) return value.code;
  const entries = Object.entries(value);
  return entries.length === 0 ? "{}" : `{ ${entries.map(([key, item]) => `${key}: ${inline(item)}`).join(", ")} }`;
}

/**
 * `lead` followed by the value, then `tail`, at `depth`: on one line when it fits, otherwise with each entry of an
 * object on its own line (`expand` forces that for the outermost object, as Biome keeps an object the source
 * wrote expanded).
 */
export function valueLines(lead: string, value: JsValue, tail: string, depth: number, expand = false): string[] {
  const prefix = INDENT.repeat(depth);
  const single = `${prefix}${lead}${inline(value)}${tail}`;
  const expandable = typeof value === "object" && !isCode(value) && Object.keys(value).length > 0;
  if (!expandable || (!expand && single.length <= TYPESCRIPT_LINE_LENGTH)) {
    // A property whose single value does not fit moves it to the next line.
    if (single.length <= TYPESCRIPT_LINE_LENGTH || !lead.endsWith(": ")) return [single];
    return [`${prefix}${lead.trimEnd()}`, `${prefix}${INDENT}${inline(value)}${tail}`];
  }
  const entries = Object.entries(value as Record<string, JsValue>);
  return [`${prefix}${lead}{`, ...entries.flatMap(([key, item]) => valueLines(`${key}: `, item, ",", depth + 1)), `${prefix}}${tail}`];
}

/** A JSDoc comment from a model's description; none for an empty one. */
export function docLines(text: string | undefined, depth: number): string[] {
  const lines = (text ?? "")
    .replace(/\*\//g, "*\\/")
    .split(/\r?\n/)
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  while (lines.length > 0 && lines[0] === "") lines.shift();
  if (lines.length === 0) return [];
  const prefix = INDENT.repeat(depth);
  if (lines.length === 1) return [`${prefix}/** ${lines[0]} */`];
  return [`${prefix}/**`, ...lines.map((line) => (line === "" ? `${prefix} *` : `${prefix} * ${line}`)), `${prefix} */`];
}
