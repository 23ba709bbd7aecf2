/**
 * Lossless JSON for CDF: int64 values beyond 2^53 are read and written exactly, as `bigint`.
 *
 * `parseJson` takes the fast path (the platform's JSON.parse) unless the text holds a run of 16 or more digits,
 * the only way to spell an integer beyond Number.MAX_SAFE_INTEGER. Then the unsafe integers (outside strings) are
 * rewritten as tagged strings and turned into `bigint` by a walk over the result. Safe integers and floats stay
 * numbers.
 * `stringifyJson` writes `bigint` as bare digits and `Date` as an ISO 8601 timestamp with milliseconds; NaN and
 * infinity are refused, since CDF cannot store them and JSON cannot spell them.
 */

// 16 or more digits not after a digit or a decimal point: the only way to spell an integer beyond 2^53. The long
// fractions of floats do not match, so a common page takes the fast path.
const LONG_INTEGER = /(?<![\d.])\d{16}/;
// An integer of 16 or more digits that is not part of a float (it may still sit inside a string: see below).
const LONG_INTEGERS = /(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g;
// Tagged strings start with a private-use character; a text that already holds the tag (raw or escaped) is refused
// rather than misread.
const TAG = "\u{F0000}bigint:";
const ESCAPED_TAG = /\\udb80\\udc00bigint:/i;

/** A value a `json` property holds. */
export type JsonValue = string | number | boolean | null | bigint | JsonValue[] | { [key: string]: JsonValue };

export function parseJson(text: string): unknown {
  if (!LONG_INTEGER.test(text)) return JSON.parse(text);
  const pieces: string[] = [];
  let copied = 0;
  // Whether `scanned` lies inside a string: found by jumping from quote to quote, skipping escaped ones.
  let scanned = 0;
  let inString = false;
  for (const match of text.matchAll(LONG_INTEGERS)) {
    const at = match.index;
    for (let quote = text.indexOf('"', scanned); quote !== -1 && quote < at; quote = text.indexOf('"', quote + 1)) {
      if (!isEscaped(text, quote)) inString = !inString;
    }
    scanned = at;
    const token = match[0];
    if (inString || Number.isSafeInteger(Number(token))) continue;
    pieces.push(text.slice(copied, at), `"${TAG}${token}"`);
    copied = at + token.length;
  }
  if (pieces.length === 0) return JSON.parse(text);
  if (text.includes(TAG) || ESCAPED_TAG.test(text)) throw new SyntaxError("the JSON text holds the reserved bigint tag");
  pieces.push(text.slice(copied));
  return untag(JSON.parse(pieces.join("")));
}

/** A quote preceded by an odd number of backslashes is part of a string, not its end. */
function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let index = quote - 1; index >= 0 && text.charCodeAt(index) === 92; index--) backslashes++;
  return backslashes % 2 === 1;
}

/** Tagged strings → bigint, in place; a walk is several times faster than a JSON.parse reviver. */
function untag(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith(TAG) ? BigInt(value.slice(TAG.length)) : value;
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = untag(value[index]);
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) record[key] = untag(record[key]);
  }
  return value;
}

/** Compact JSON; `undefined` object members are left out, as JSON.stringify does. */
export function stringifyJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join("");
}

function write(value: unknown, out: string[]): void {
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`cannot write ${value} as JSON: CDF cannot store it`);
      out.push(String(value));
      return;
    case "bigint":
      out.push(value.toString());
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "object":
      if (value === null) out.push("null");
      else if (Array.isArray(value)) writeArray(value, out);
      else if (value instanceof Date) out.push(JSON.stringify(formatTimestamp(value)));
      else writeObject(value as Record<string, unknown>, out);
      return;
    default:
      throw new TypeError(`cannot write a ${typeof value} as JSON`);
  }
}

function writeArray(values: unknown[], out: string[]): void {
  out.push("[");
  values.forEach((item, index) => {
    if (index > 0) out.push(",");
    write(item === undefined ? null : item, out);
  });
  out.push("]");
}

function writeObject(record: Record<string, unknown>, out: string[]): void {
  out.push("{");
  let first = true;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out.push(",");
    first = false;
    out.push(JSON.stringify(key), ":");
    write(item, out);
  }
  out.push("}");
}

/** CDF's timestamp spelling: ISO 8601 in UTC with milliseconds, e.g. `2024-05-01T12:30:00.123Z`. */
export function formatTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new TypeError("cannot write an invalid Date");
  return date.toISOString();
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A CDF `date` value (`YYYY-MM-DD`): a Date is written as its UTC calendar day, a string is checked. */
export function formatDate(value: Date | string): string {
  if (typeof value === "string") {
    if (!ISO_DATE.test(value)) throw new TypeError(`a date is written YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return value;
  }
  return formatTimestamp(value).slice(0, 10);
}
