/**
 * A small string builder for generated code fragments: indented lines, bracketed lists laid out the way
 * black-style formatters (ruff format) leave them, wrapped docstrings, and sorted import blocks. Generators emit
 * code already formatted, so no formatter has to run at generation time.
 */

export interface Layout {
  /** The longest line allowed, counting indentation. */
  lineLength: number;
  /** One level of indentation, e.g. four spaces. */
  indent: string;
}

export class CodeWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  constructor(private readonly layout: Layout) {}

  /** The current indentation as text. */
  get prefix(): string {
    return this.layout.indent.repeat(this.depth);
  }

  line(text = ""): this {
    this.lines.push(text === "" ? "" : `${this.prefix}${text}`);
    return this;
  }

  /** Lines already laid out for the current depth (their own relative indentation is kept). */
  block(texts: readonly string[]): this {
    for (const text of texts) this.line(text);
    return this;
  }

  /** Writes `body` one level deeper. */
  indented(body: (writer: this) => void): this {
    this.depth++;
    body(this);
    this.depth--;
    return this;
  }

  /**
   * `head(item, item)tail` on one line when it fits, otherwise one item per line with a trailing comma; with
   * `hug`, the items first try one line of their own between the brackets.
   */
  bracketed(head: string, items: readonly string[], tail: string, options: { hug?: boolean } = {}): this {
    return this.block(bracketed(head, items, tail, this.prefix.length, this.layout, options));
  }

  /**
   * `name: type suffix`, laid out as ruff lays out a long annotation: a union whose line up to ` = (` fits keeps
   * it and puts the assigned value in parentheses; otherwise the type goes in parentheses, on one line when it
   * fits there, else one union member per line.
   */
  annotation(name: string, type: string, suffix = ""): this {
    const flat = `${name}: ${type}${suffix}`;
    const fits = (text: string, depth = 0) =>
      this.prefix.length + depth * this.layout.indent.length + text.length <= this.layout.lineLength;
    if (fits(flat)) return this.line(flat);
    const members = unionMembers(type);
    if (suffix.startsWith(" = ") && members.length > 1 && fits(`${name}: ${type} = (`)) {
      return this.line(`${name}: ${type} = (`)
        .indented((inside) => inside.line(suffix.slice(3)))
        .line(")");
    }
    // Measured here, at the annotation's own depth: inside the parentheses the prefix is one indent longer.
    const inline = fits(type, 1);
    const column = this.prefix.length + this.layout.indent.length;
    const memberLines = members.flatMap((member) => splitSubscript(member, column, this.layout));
    return this.line(`${name}: (`)
      .indented((inside) => (inline ? inside.line(type) : inside.block(memberLines)))
      .line(`)${suffix}`);
  }

  docstring(text: string | undefined): this {
    if (text === undefined) return this;
    return this.block(docstring(text, this.prefix.length, this.layout.lineLength));
  }

  toString(): string {
    return this.lines.length === 0 ? "" : `${this.lines.join("\n")}\n`;
  }
}

/**
 * A layout ruff format keeps for one pair of brackets: flat when the whole line fits; with `hug`, the items on one
 * line between the bracket lines when that fits (ruff's own choice for a bracket without a trailing comma);
 * otherwise exploded with a trailing comma, which ruff then keeps exploded. Lines are relative to `column`.
 */
export function bracketed(
  head: string,
  items: readonly string[],
  tail: string,
  column: number,
  layout: Layout,
  options: { hug?: boolean } = {},
): string[] {
  const flat = `${head}${items.join(", ")}${tail}`;
  if (items.length === 0 || column + flat.length <= layout.lineLength) return [flat];
  const itemColumn = column + layout.indent.length;
  const hugged = items.join(", ");
  if (options.hug && itemColumn + hugged.length <= layout.lineLength) return [head, `${layout.indent}${hugged}`, tail];
  return [
    head,
    ...items.flatMap((item) => {
      const line = `${item},`;
      if (itemColumn + line.length <= layout.lineLength) return [`${layout.indent}${line}`];
      // An item that is itself too long: a call (`view=ViewId(...)`) opens its own brackets, as ruff splits it;
      // anything else splits at its union, as ruff splits a long parameter annotation.
      const call = callParts(item);
      const parts = call
        ? bracketed(call.head, call.args, "),", itemColumn, layout, { hug: true })
        : unionMembers(line).flatMap((member) => splitSubscript(member, itemColumn, layout));
      return parts.map((part) => `${layout.indent}${part}`);
    }),
    tail,
  ];
}

/**
 * A union member still too long at `column` (`list[A | B]`, `| list[A | B],`) opens its own brackets, as ruff
 * splits it: the union inside on one line when it fits there, else one member per line.
 */
function splitSubscript(member: string, column: number, layout: Layout): string[] {
  const subscript = /^((?:\| )?[A-Za-z_][\w.]*\[)(.*)\](,?)$/.exec(member);
  if (column + member.length <= layout.lineLength || subscript === null) return [member];
  const [, open = "", inner = "", comma = ""] = subscript;
  const innerColumn = column + layout.indent.length;
  const innerLines = innerColumn + inner.length <= layout.lineLength ? [inner] : unionMembers(inner);
  return [open, ...innerLines.map((line) => `${layout.indent}${line}`), `]${comma}`];
}

/** `name=Call(a, b)` or `Call(a, b)` as its head up to the bracket and its top-level arguments. */
function callParts(item: string): { head: string; args: string[] } | undefined {
  const open = /^(?:[A-Za-z_]\w*=)?[A-Za-z_][\w.]*\(/.exec(item);
  if (open === null || !item.endsWith(")")) return undefined;
  // The bracket opened by the head closes at the very end, or this is not one call.
  const args = splitTopLevel(item.slice(open[0].length, -1), ",");
  return args === undefined ? undefined : { head: open[0], args: args.map((arg) => arg.trim()) };
}

/**
 * A type split before each top-level `|`: `A | Sequence[A] | None` gives `A`, `| Sequence[A]`, `| None`.
 * Unions inside brackets or strings stay whole.
 */
function unionMembers(item: string): string[] {
  return splitTopLevel(item, " | ") ?? [item];
}

/**
 * `text` cut before each `separator` outside brackets and strings, the separator's first character dropped (so
 * `" | "` leaves `| B`); undefined when a bracket closes that `text` did not open.
 */
function splitTopLevel(text: string, separator: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index);
    if (quote !== undefined) {
      if (character === "\\") index++;
      else if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") quote = character;
    else if ("([{".includes(character)) depth++;
    else if (")]}".includes(character)) depth--;
    else if (depth === 0 && text.startsWith(separator, index)) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
    if (depth < 0) return undefined;
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * A triple-quoted docstring wrapped at word boundaries. Whitespace is collapsed (model descriptions come with
 * arbitrary line breaks), backslashes and quote runs are escaped so the text never ends the string early.
 */
export function docstring(text: string, column: number, lineLength: number): string[] {
  const words = text
    .replaceAll("\\", "\\\\")
    .replaceAll('"', '\\"')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) return [];
  const oneLine = `"""${words.join(" ")}"""`;
  if (column + oneLine.length <= lineLength) return [oneLine];
  const lines: string[] = [];
  let current = '"""';
  for (const word of words) {
    const candidate = current === '"""' || current === "" ? `${current}${word}` : `${current} ${word}`;
    if (column + candidate.length > lineLength && current !== '"""' && current !== "") {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  // Words that fill one line keep the closing quotes on it even past the limit: ruff format joins them so.
  if (lines.length === 0) return [`${current}"""`];
  lines.push(current, '"""');
  return lines;
}

/** A Python string literal as ruff format spells it: double quotes, unless single ones need fewer escapes. */
export function pythonString(value: string): string {
  // Most strings (identifiers, names) need neither escapes nor a choice of quote.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped.
  if (!/["'\\\u0000-\u001f\u007f]/.test(value)) return `"${value}"`;
  const occurrences = (character: string) => value.split(character).length - 1;
  const quote = occurrences('"') > occurrences("'") ? "'" : '"';
  const escaped = value
    .replaceAll("\\", "\\\\")
    .replaceAll(quote, `\\${quote}`)
    .replaceAll("\n", "\\n")
    .replaceAll("\r", "\\r")
    .replaceAll("\t", "\\t")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped.
    .replace(/[\u0000-\u001f\u007f]/g, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, "0")}`);
  return `${quote}${escaped}${quote}`;
}

// ── Imports ─────────────────────────────────────────────────────────────────────────────────────────────────

/** isort's sections, in the order ruff's `I` rules expect them. */
export type ImportSection = "future" | "stdlib" | "thirdParty" | "local";
const SECTIONS: readonly ImportSection[] = ["future", "stdlib", "thirdParty", "local"];

/**
 * The `from module import name` statements of one file, sorted as ruff's isort rules want: sections in order,
 * modules by name (relative ones furthest first), names constants first, then classes, then the rest, each group
 * case-insensitively.
 */
export class ImportSet {
  private readonly modules = new Map<string, { section: ImportSection; names: Set<string> }>();
  private readonly plainModules = new Map<string, ImportSection>();

  /** `import module`. */
  addModule(section: ImportSection, module: string): this {
    this.plainModules.set(module, section);
    return this;
  }

  add(section: ImportSection, module: string, ...names: string[]): this {
    const entry = this.modules.get(module) ?? { section, names: new Set<string>() };
    for (const name of names) entry.names.add(name);
    this.modules.set(module, entry);
    return this;
  }

  /** The import block, sections separated by one blank line. */
  render(layout: Layout): string[] {
    const blocks: string[][] = [];
    for (const section of SECTIONS) {
      const plain = [...this.plainModules].filter(([, moduleSection]) => moduleSection === section).map(([module]) => module);
      const modules = [...this.modules].filter(([, entry]) => entry.section === section && entry.names.size > 0);
      if (modules.length === 0 && plain.length === 0) continue;
      modules.sort(([a], [b]) => compareModules(a, b));
      // Within a section isort puts `import x` lines before `from x import y` lines.
      blocks.push([
        ...plain.sort(compareModules).map((module) => `import ${module}`),
        ...modules.flatMap(([module, entry]) => {
          const names = sortImportedNames(entry.names);
          const flat = `from ${module} import ${names.join(", ")}`;
          // Imports that do not fit are exploded one name per line; formatters never half-wrap them.
          return flat.length <= layout.lineLength
            ? [flat]
            : [`from ${module} import (`, ...names.map((name) => `${layout.indent}${name},`), ")"];
        }),
      ]);
    }
    return blocks.flatMap((block, index) => (index === 0 ? block : ["", ...block]));
  }
}

function compareModules(a: string, b: string): number {
  const dots = (module: string) => module.length - module.replace(/^\.+/, "").length;
  return dots(b) - dots(a) || compareCaseless(a, b);
}

function nameKind(name: string): number {
  if (name.length > 1 && name === name.toUpperCase()) return 0;
  return /^[A-Z]/.test(name) ? 1 : 2;
}

function compareCaseless(a: string, b: string): number {
  return compareNatural(a.toLowerCase(), b.toLowerCase()) || compareNatural(a, b);
}

/**
 * Natural order, as ruff's isort compares names: runs of digits by their value (`pump2` before `pump10`), the
 * rest by code point.
 */
export function compareNatural(a: string, b: string): number {
  const runs = /\d+|\D+/g;
  const partsA = a.match(runs) ?? [];
  const partsB = b.match(runs) ?? [];
  for (let index = 0; index < Math.min(partsA.length, partsB.length); index++) {
    const x = partsA[index] as string;
    const y = partsB[index] as string;
    if (x === y) continue;
    // A run with a leading zero compares digit by digit, as a fraction would (natord's rule); others by length.
    if (/^\d/.test(x) && /^\d/.test(y) && !x.startsWith("0") && !y.startsWith("0") && x.length !== y.length) {
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return partsA.length - partsB.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Imported names in isort's order: constants, then classes, then the rest, each group case-insensitively. */
export function sortImportedNames(names: Iterable<string>): string[] {
  // Each name's sort key is worked out once, not at every comparison.
  return [...names]
    .map((name) => ({ name, kind: nameKind(name), lower: name.toLowerCase() }))
    .sort((a, b) => a.kind - b.kind || compareNatural(a.lower, b.lower) || compareNatural(a.name, b.name))
    .map(({ name }) => name);
}
