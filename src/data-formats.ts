/**
 * JSON and YAML reading and writing that never corrupts a number. CDF int64 values go beyond 2^53 (the Omni write
 * payloads hold 2543900574065289437); a JavaScript number would round them silently. Integers outside the safe
 * range are read as bigint and written back as their exact digits.
 *
 * YAML has two readers. js-yaml defines the meaning: YAML 1.2 core schema, one document, duplicate keys refused,
 * `<<` an ordinary key, exact int64. Bun's native parser is some 10× faster (2 ms instead of 30 ms for the Omni
 * model, and js-yaml need not even be loaded) but merges `<<`, keeps the last of duplicate keys, reads several
 * documents as a list and rounds big integers; so it reads only text a guard has shown to be free of all of
 * these, and everything else — and every error — goes to js-yaml.
 */
import type { YAMLException as YamlException } from "js-yaml";
import { ParseError } from "./errors.ts";

function toExactInteger(value: number, source: string): number | bigint {
  if (Number.isSafeInteger(value)) return value;
  const text = source.replaceAll("_", "");
  const negative = text.startsWith("-");
  const digits = text.replace(/^[-+]/, "");
  const magnitude = BigInt(digits);
  return negative ? -magnitude : magnitude;
}

type JsYaml = typeof import("js-yaml");
let jsYaml: { module: JsYaml; schema: InstanceType<JsYaml["Schema"]> } | undefined;

/** js-yaml and its exact-integer schema, loaded on first use: text the fast path reads never needs them. */
function loadJsYaml() {
  if (jsYaml) return jsYaml;
  // A synchronous require keeps parseYaml synchronous; the bundler still embeds js-yaml.
  const module: JsYaml = require("js-yaml");
  const { intCoreTag } = module;
  /** YAML 1.2 core integers, with bigint beyond the safe range instead of a rounded number. */
  const exactIntTag = module.defineScalarTag<number | bigint>(intCoreTag.tagName, {
    implicit: true,
    implicitFirstChars: intCoreTag.implicitFirstChars,
    resolve: (source, isExplicit, tagName) => {
      const value = intCoreTag.resolve(source, isExplicit, tagName);
      return typeof value === "number" ? toExactInteger(value, source) : module.NOT_RESOLVED;
    },
    identify: (value) => typeof value === "bigint" || intCoreTag.identify(value),
    represent: (value) => String(value),
  });
  jsYaml = { module, schema: module.CORE_SCHEMA.withTags(exactIntTag) };
  return jsYaml;
}

/** Parses YAML; a syntax error becomes a ParseError naming the file, line and column. */
export function parseYaml(text: string, fileName: string): unknown {
  const fast = parseYamlFast(text);
  if (fast !== undefined) return fast;
  const { module, schema } = loadJsYaml();
  try {
    return module.load(text, { schema, filename: fileName });
  } catch (error) {
    if (error instanceof module.YAMLException) {
      const { mark, reason } = error as YamlException;
      // An unclosed [ or { is what the user must fix, but js-yaml stops later and names what it found there
      // ("deficient indentation"): name the bracket, where it opened, and where the parser gave up.
      const unclosed = mark ? unclosedBrackets(text, mark.position) : [];
      const [innermost] = unclosed;
      const location = innermost
        ? `${fileName}:${innermost.line}:${innermost.column}`
        : mark
          ? `${fileName}:${mark.line + 1}:${mark.column + 1}`
          : fileName;
      const message = innermost
        ? `${unclosed.map((bracket) => `"${bracket.char}" opened at line ${bracket.line}, column ${bracket.column}`).join(" and ")} ${unclosed.length === 1 ? "is" : "are"} never closed: close ${unclosed.length === 1 ? "it" : "them"} with ${unclosed.map((bracket) => `"${CLOSING[bracket.char]}"`).join(" and ")} (the parser stopped at line ${(mark?.line ?? 0) + 1}: ${reason})`
        : reason;
      throw new ParseError(`invalid YAML: ${message}`, {
        location,
        cause: error,
        // One detail per line: details are printed one line each, with any line break in them escaped.
        details: mark?.snippet ? mark.snippet.split("\n") : [],
      });
    }
    throw error;
  }
}

const CLOSING: Record<string, string> = { "[": "]", "{": "}" };

interface OpenBracket {
  char: string;
  /** 1-based, as editors count. */
  line: number;
  column: number;
}

/**
 * The flow collections (`[` and `{`) still open at `end`, innermost first. A bracket counts where YAML reads one:
 * where a value starts (after `:`, `- `, `,` or another bracket, or at the start of a line) or inside one;
 * quoted text and comments are skipped, and so are quotes inside plain text (`it's`).
 */
function unclosedBrackets(text: string, end: number): OpenBracket[] {
  const open: OpenBracket[] = [];
  let line = 1;
  let lineStart = 0;
  let quote: string | undefined;
  let previous = "\n";
  for (let index = 0; index < end && index < text.length; index++) {
    const char = text[index] as string;
    if (char === "\n") {
      line++;
      lineStart = index + 1;
    }
    if (quote !== undefined) {
      if (quote === '"' && char === "\\") index++;
      else if (char === quote) {
        quote = undefined;
        previous = char;
      }
      continue;
    }
    const startsValue = previous === "\n" || ":-,[{".includes(previous);
    if (char === "#" && /\s/.test(text[index - 1] ?? "\n")) {
      const next = text.indexOf("\n", index);
      index = (next === -1 ? text.length : next) - 1;
      continue;
    }
    if ((char === '"' || char === "'") && (startsValue || open.length > 0)) quote = char;
    else if ((char === "[" || char === "{") && (startsValue || open.length > 0)) open.push({ char, line, column: index - lineStart + 1 });
    else if ((char === "]" || char === "}") && open.length > 0) open.pop();
    if (!/\s/.test(char)) previous = char;
    else if (char === "\n") previous = "\n";
  }
  return open.reverse();
}

/**
 * Bun's reading of the text when it provably equals js-yaml's, otherwise undefined. Refused: digits that may make
 * an integer beyond 2^53 (16 decimal, 14 hex or 18 octal in a row), signed hex or octal and three-digit exponents (numbers to
 * Bun, text to js-yaml), `<<`, document markers, tabs, a byte-order mark, and text whose keys the scanner cannot
 * follow or that repeats a key. Empty and null documents go to js-yaml too, which has its own answer for them.
 */
const UNSURE_TEXT = /\d{16}|0x[0-9a-fA-F]{14}|0o[0-7]{18}|[-+]0[xXoO]|[eE][-+]?\d{3}|<<|^(---|\.\.\.)|\t|\uFEFF/m;

export function parseYamlFast(text: string): unknown {
  if (UNSURE_TEXT.test(text) || !hasUniqueKeys(text)) return undefined;
  try {
    return Bun.YAML.parse(text) ?? undefined;
  } catch {
    return undefined;
  }
}

const NON_STRING_WORDS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);
/**
 * One line: indentation, the `- ` of sequence items, maybe a key (double-quoted without escapes, single-quoted,
 * or a plain identifier) with its `:`, and the rest. Sticky, so the scan walks the text line by line in the regex
 * engine: this runs once per process, where every JavaScript operation per line still costs interpreter time.
 */
const LINE =
  /( *)((?:-(?: +|(?=\r?\n|$)))*)(?:("[^"\\\r\n]*"|'(?:[^'\r\n]|'')*'|[A-Za-z_][\w.-]*) *:(?= |\r?\n|$) *)?([^\r\n]*)(?:\r?\n|$)/y;

/**
 * Whether no block mapping in the text repeats a key. Understands block-style YAML as the Python SDK and most
 * people write it: mappings and sequences by indentation, plain and quoted scalars (also folded over several
 * lines), one-line flow lists and `{}`. Any other construct (block scalars, multi-line flow collections,
 * anchors, tags, complex keys) answers false, so the text goes to js-yaml, which refuses duplicates itself.
 */
function hasUniqueKeys(text: string): boolean {
  /** The open mappings, innermost last: the column of their keys and the keys seen. */
  const open: { column: number; keys: Set<string> }[] = [];
  /** While a scalar may go on over the next lines: the column its continuation lines must pass. */
  let scalarColumn = -1;
  /** The quote of a quoted scalar that goes on over the next lines. */
  let openQuote: '"' | "'" | undefined;
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length) {
    const match = LINE.exec(text);
    if (match === null) return false;
    if (openQuote !== undefined) {
      // Inside the quotes nothing is a key: the line only has to go on, or close the scalar and end there.
      const line = match[0].trimEnd();
      if (line.length - line.trimStart().length <= scalarColumn) return false;
      if (QUOTED_GOES_ON[openQuote].test(line)) continue;
      if (!QUOTED_ENDS[openQuote].test(line)) return false;
      openQuote = undefined;
      continue;
    }
    const indent = (match[1] as string).length;
    const dashes = (match[2] as string).length;
    const rawKey = match[3];
    const value = (match[4] as string).trimEnd();
    if (rawKey === undefined && dashes === 0) {
      if (value === "" || value.startsWith("#")) continue;
      // A continuation of a multi-line plain scalar (PyYAML folds long text so); anything else is not followed.
      if (scalarColumn >= 0 && indent > scalarColumn && isPlainText(value)) continue;
      return false;
    }
    const plain = value !== "" && isPlainText(value);
    const first = value[0];
    openQuote = (first === '"' || first === "'") && QUOTED_GOES_ON[first].test(value.slice(1)) ? first : undefined;
    if (value.startsWith("#") ? rawKey === undefined : !plain && openQuote === undefined && !isOneLineValue(value)) return false;
    const column = indent + dashes;
    scalarColumn = plain || openQuote !== undefined ? (rawKey === undefined ? indent : column) : -1;
    // A `- ` ends every mapping deeper than the sequence it belongs to, the previous item's included.
    const floor = dashes === 0 ? column : indent;
    let mapping = open[open.length - 1];
    while (mapping !== undefined && mapping.column > floor) {
      open.pop();
      mapping = open[open.length - 1];
    }
    if (rawKey === undefined) continue;
    const key = keyText(rawKey);
    if (key === undefined) return false;
    if (mapping === undefined || mapping.column !== column || dashes !== 0) {
      mapping = { column, keys: new Set() };
      open.push(mapping);
    }
    if (mapping.keys.has(key)) return false;
    mapping.keys.add(key);
  }
  return true;
}

/** A line of a quoted scalar that does not close it (a double-quoted one may end in an escaped line break). */
const QUOTED_GOES_ON = { '"': /^[^"\\]*(?:\\.[^"\\]*)*\\?$/, "'": /^[^']*(?:''[^']*)*$/ };
/** The line that closes a quoted scalar: the closing quote, then at most a comment. */
const QUOTED_ENDS = { '"': /^[^"\\]*(?:\\.[^"\\]*)*"( +#.*)?$/, "'": /^[^']*(?:''[^']*)*'( +#.*)?$/ };

/** The string a key reads as, or undefined for keys that are not strings to YAML, and `__proto__`. */
function keyText(source: string): string | undefined {
  const first = source[0];
  const key = first === '"' ? source.slice(1, -1) : first === "'" ? source.slice(1, -1).replaceAll("''", "'") : source;
  return key === "__proto__" || (first !== '"' && first !== "'" && NON_STRING_WORDS.has(key)) ? undefined : key;
}

/** A value complete on its line (or a plain scalar that may go on): plain, a closed quoted scalar, a one-line flow list, `{}`. */
function isOneLineValue(value: string): boolean {
  const first = value[0];
  if (first === undefined) return true;
  if ("|>&*!%@`?{".includes(first)) return value === "{}";
  if (first === "[") return !/[{&*!]/.test(value) && /\]( +#.*)?$/.test(value);
  if (first === '"') return /^"(?:[^"\\]|\\.)*"( +#.*)?$/.test(value);
  if (first === "'") return /^'(?:[^']|'')*'( +#.*)?$/.test(value);
  return isPlainText(value);
}

/** Text of a plain scalar: no indicator the scanner would have to interpret (`- `, `: `, a trailing `:`, `#`). */
function isPlainText(value: string): boolean {
  return !/^[-[{"'|>&*!%@`?#]( |$)|^["'[{|>&*!%@`?#]|: |:$| #/.test(value);
}

const JSON_INTEGER = /^-?\d+$/;
/**
 * Any integer beyond 2^53 (9007199254740992) has at least 16 digits; text without such a run needs no reviver.
 * A run inside a fraction or before an exponent (0.3333333333333333, common in measured values) is no integer,
 * so it does not send a whole response down the reviver's slow path.
 */
const LONG_DIGIT_RUN = /(?<![\d.])\d{16,}(?![\d.eE])/;

/** Parses JSON; a syntax error becomes a ParseError naming the file and, where the engine says, the position. */
export function parseJson(text: string, fileName: string): unknown {
  try {
    // The reviver costs a call per value; most payloads have no big integer and take the native path.
    if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
    return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) => {
      if (typeof value === "number" && !Number.isSafeInteger(value) && context?.source && JSON_INTEGER.test(context.source)) {
        return BigInt(context.source);
      }
      return value;
    });
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new ParseError(`invalid JSON: ${error.message}`, { location: fileName, cause: error });
    }
    throw error;
  }
}

/** JSON text with bigints written as their exact digits. */
export function stringifyJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? JSON.rawJSON(item.toString()) : item), indent);
}

/** Parses a document by its file name: `.json` as JSON, everything else as YAML (a superset of JSON). */
export function parseDocument(text: string, fileName: string): unknown {
  return fileName.toLowerCase().endsWith(".json") ? parseJson(text, fileName) : parseYaml(text, fileName);
}

/**
 * The 1-based line of each mapping key and sequence item of a YAML (or JSON) text down to `depth` levels, by
 * path: `views/0` is the first item of `views`, `views/0/properties/flow` the key `flow` in it. For messages that
 * point into the file; text that is not valid YAML has no lines.
 */
export function sourceLines(text: string, depth: number): Map<string, number> {
  const { module } = loadJsYaml();
  const lines = new Map<string, number>();
  let events: ReturnType<JsYaml["parseEvents"]>;
  try {
    events = module.parseEvents(text, {});
  } catch {
    return lines;
  }
  const lineStarts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lineStarts.push(index + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const { MAPPING, SEQUENCE, SCALAR, POP } = module.EVENT_ID;
  let next = 0;
  /**
   * Walks the node starting at `events[next]`, recording its children under `path` (`views/0`, "" for the root)
   * while `level` is above `depth`; leaves `next` after it. Deeper nodes (path undefined) are only stepped over, so
   * a large file costs little more than its event stream.
   */
  const walk = (path: string | undefined, level: number): void => {
    const event = events[next++];
    const record = path !== undefined && level < depth;
    const child = (name: string) => (record ? (path === "" ? name : `${path}/${name}`) : undefined);
    if (event?.type === MAPPING) {
      while (events[next] !== undefined && events[next]?.type !== POP) {
        const key = events[next];
        const keyPath = record && key?.type === SCALAR ? child(module.getScalarValue(text, key)) : undefined;
        if (keyPath !== undefined && key?.type === SCALAR) lines.set(keyPath, lineAt(key.valueStart));
        walk(undefined, level + 1); // the key itself
        walk(keyPath, level + 1);
      }
      next++;
    } else if (event?.type === SEQUENCE) {
      for (let item = 0; events[next] !== undefined && events[next]?.type !== POP; item++) {
        const itemPath = child(String(item));
        const start = events[next];
        const offset = start?.type === MAPPING || start?.type === SEQUENCE ? start.start : start?.type === SCALAR ? start.valueStart : -1;
        if (itemPath !== undefined && offset >= 0) lines.set(itemPath, lineAt(offset));
        walk(itemPath, level + 1);
      }
      next++;
    }
  };
  // The stream: a document event, its content, its pop; only the first document is a model file.
  if (events[next]?.type === module.EVENT_ID.DOCUMENT) next++;
  walk("", 0);
  return lines;
}
