/**
 * Python code laid out as ruff format leaves it, so no formatter has to run at generation time: bracketed lists
 * and calls, long annotations, wrapped docstrings, string literals. The shared string builder (emit/code-writer.ts)
 * gives the lines and indentation.
 */
import { CodeWriter, type Layout } from "../../emit/code-writer.ts";

export type { Layout };

/** The shared writer with ruff's layout of brackets, annotations and docstrings. */
export class PythonWriter extends CodeWriter {
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
    // A lone subscript without a value (`list[...]`) that fits nowhere on one line splits its own brackets, as
    // ruff does, instead of taking parentheses (fuzz seed 9069).
    const subscript = subscriptOf(type);
    if (suffix === "" && members.length === 1 && !inline && subscript !== undefined && fits(subscript.inner, 1)) {
      return this.line(`${name}: ${subscript.open}`)
        .indented((inside) => inside.line(subscript.inner))
        .line("]");
    }
    const column = this.prefix.length + this.layout.indent.length;
    const memberLines = members.flatMap((member) => splitSubscript(member, column, this.layout));
    return this.line(`${name}: (`)
      .indented((inside) => (inline ? inside.line(type) : inside.block(memberLines)))
      .line(`)${suffix}`);
  }

  /**
   * `class name(base[A, B]):`, or, too long for one line, the base on lines of its own with its type arguments
   * split if need be, as ruff lays out a long class declaration.
   */
  genericClass(name: string, base: string, typeArguments: readonly string[]): this {
    const declaration = `class ${name}(${base}[${typeArguments.join(", ")}]):`;
    if (this.prefix.length + declaration.length <= this.layout.lineLength) return this.line(declaration);
    return this.line(`class ${name}(`)
      .indented((inside) => inside.bracketed(`${base}[`, typeArguments, "],", { hug: true }))
      .line("):");
  }

  /** `def name(self) -> type[argument]:`, split as ruff splits it when too long. */
  methodHead(name: string, type: string, argument: string): this {
    const returns = `${type}[${argument}]`;
    const fits = (text: string) => this.prefix.length + text.length <= this.layout.lineLength;
    if (fits(`def ${name}(self) -> ${returns}:`)) return this.line(`def ${name}(self) -> ${returns}:`);
    this.line(`def ${name}(`).indented((parameters) => parameters.line("self,"));
    if (fits(`) -> ${returns}:`)) return this.line(`) -> ${returns}:`);
    return this.line(`) -> ${type}[`)
      .indented((inner) => inner.line(argument))
      .line("]:");
  }

  /**
   * `target = callee(argument)` with a callee that may be subscripted (`RangeProperty[int]`), split as ruff splits
   * it when too long: the call's brackets first, when the line up to them fits, else the subscript's.
   */
  assignCall(target: string, callee: string, argument: string): this {
    const head = `${target} = ${callee}(`;
    const subscript = callee.indexOf("[");
    if (this.prefix.length + head.length + argument.length + 1 <= this.layout.lineLength || subscript < 0) {
      return this.bracketed(head, [argument], ")");
    }
    if (this.prefix.length + head.length <= this.layout.lineLength) return this.bracketed(head, [argument], ")", { hug: true });
    return this.line(`${target} = ${callee.slice(0, subscript + 1)}`)
      .indented((inner) => inner.line(callee.slice(subscript + 1, -1)))
      .line(`](${argument})`);
  }

  /**
   * `target = head(items)tail`, the call laid out as `bracketed` lays it out; when even its first line
   * (`target = head(`) is too long, ruff puts the value in parentheses of its own and lays the call out inside.
   */
  assignBracketed(target: string, head: string, items: readonly string[], tail: string, options: { hug?: boolean } = {}): this {
    const start = `${target} = ${head}`;
    const fits = (text: string) => this.prefix.length + text.length <= this.layout.lineLength;
    // A target too long even for ` = (` gains nothing from parentheses: ruff splits the value's brackets (seed 9087).
    if (fits(start) || !fits(`${target} = (`)) return this.bracketed(start, items, tail, options);
    // The target leaves no room for the value's opening bracket: ruff puts the value in parentheses of its own.
    return this.line(`${target} = (`)
      .indented((inner) => inner.bracketed(head, items, tail, options))
      .line(")");
  }

  docstring(text: string | undefined): this {
    if (text === undefined) return this;
    return this.block(docstring(text, this.prefix.length, this.layout.lineLength));
  }

  methodDocstring(doc: MethodDoc): this {
    return this.block(methodDocstring(doc, this.prefix.length, this.layout));
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

/** A subscripted type or union member (`list[A | B]`, `| list[A | B],`): up to its bracket, inside, after it. */
function subscriptOf(member: string): { open: string; inner: string; comma: string } | undefined {
  const match = /^((?:\| )?[A-Za-z_][\w.]*\[)(.*)\](,?)$/.exec(member);
  return match === null ? undefined : { open: match[1] ?? "", inner: match[2] ?? "", comma: match[3] ?? "" };
}

/**
 * A union member still too long at `column` (`list[A | B]`, `| list[A | B],`) opens its own brackets, as ruff
 * splits it: the union inside on one line when it fits there, else one member per line.
 */
function splitSubscript(member: string, column: number, layout: Layout): string[] {
  const subscript = subscriptOf(member);
  if (column + member.length <= layout.lineLength || subscript === undefined) return [member];
  const { open, inner, comma } = subscript;
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
  const words = docWords(text);
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

/** The words of a text for a docstring: whitespace collapsed, backslashes and quotes escaped. */
function docWords(text: string): string[] {
  return text
    .replaceAll("\\", "\\\\")
    .replaceAll('"', '\\"')
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** The words as lines of at most `width` characters, the first after `first`, the others after `rest`. */
function wrapWords(words: readonly string[], first: string, rest: string, width: number): string[] {
  const lines: string[] = [];
  let current = first;
  let empty = true;
  for (const word of words) {
    if (!empty && current.length + 1 + word.length > width) {
      lines.push(current);
      current = `${rest}${word}`;
    } else {
      current = empty ? `${current}${word}` : `${current} ${word}`;
    }
    empty = false;
  }
  lines.push(current);
  return lines;
}

/**
 * A method's docstring in the Google style IDEs render: a summary, `Args:` with each parameter's text wrapped
 * under its name, and an `Example:` call as a doctest, bracketed as ruff would lay the call out.
 */
export interface MethodDoc {
  summary: string;
  args: { name: string; text: string }[];
  /** `setup`, then `head(items)tail`, then `body` (a loop's) indented. Code of our own: nothing to escape. */
  example: { setup?: string; head: string; items: string[]; tail: string; body?: string };
}

export function methodDocstring(doc: MethodDoc, column: number, layout: Layout): string[] {
  const width = layout.lineLength - column;
  const indent = layout.indent;
  const lines = wrapWords(docWords(doc.summary), '"""', "", width);
  if (doc.args.length > 0) {
    lines.push("", "Args:");
    for (const arg of doc.args) lines.push(...wrappedArg(arg, indent, width));
  }
  const { setup, head, items, tail, body } = doc.example;
  const call = bracketed(head, items, tail, column + indent.length + 4, layout);
  const code = [
    ...call.map((line, index) => `${index === 0 ? ">>>" : "..."} ${line}`),
    ...(body === undefined ? [] : [`... ${indent}${body}`]),
  ];
  lines.push("", "Example:", ...[...(setup === undefined ? [] : [`>>> ${setup}`]), ...code].map((line) => `${indent}${line}`));
  lines.push('"""');
  return lines;
}

/** Args entries wrapped, by entry: one entry object stands in every method that takes the parameter. */
const WRAPPED_ARGS = new WeakMap<MethodDoc["args"][number], { layout: string; lines: string[] }>();

function wrappedArg(arg: MethodDoc["args"][number], indent: string, width: number): string[] {
  const layout = `${indent}\0${width}`;
  const known = WRAPPED_ARGS.get(arg);
  if (known?.layout === layout) return known.lines;
  const lines = wrapWords(docWords(arg.text), `${indent}${arg.name}: `, indent.repeat(2), width);
  WRAPPED_ARGS.set(arg, { layout, lines });
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
