/**
 * Text from outside — model identifiers and descriptions, file names, server answers — made safe to print on a
 * terminal. Control characters are shown as `\u001b`-style escapes instead of being sent raw: no escape sequence
 * can recolour, retitle or rewrite the terminal, no carriage return can overwrite a line, no NUL or bidi override
 * can hide text. The escapes are valid JSON escapes too, so JSON output stays parseable. In messages (not in
 * results), any run of more than 200 characters without a space is cut in the middle with a count, so a
 * 100,000-character name gives a readable line, not 100 KB.
 *
 * The reporters (cli/reporter.ts, the validation summary) and the error printer (main.ts) call this; nothing else
 * needs to, as every human-readable line goes through one of them.
 */

/** C0 controls, DEL, C1 controls, line/paragraph separators and the bidi embeddings, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this module's job.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same, keeping tab and line feed.
const UNSAFE_KEEPING_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const LONG_WORD = /\S{201,}/g;
const KEEP_HEAD = 120;
const KEEP_TAIL = 40;

export interface PrintableOptions {
  /** Keep line breaks and tabs (results and multi-line details); by default they are escaped too. */
  multiline?: boolean;
  /** Cut runs of more than 200 non-space characters (messages; not results, whose every character counts). */
  capWords?: boolean;
}

const escapeCharacter = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;

export function printable(text: string, options: PrintableOptions = {}): string {
  const escaped = text.replace(options.multiline ? UNSAFE_KEEPING_LINES : UNSAFE, escapeCharacter);
  if (!options.capWords) return escaped;
  return escaped.replace(LONG_WORD, (word) => {
    const characters = [...word];
    if (characters.length <= KEEP_HEAD + KEEP_TAIL) return word;
    const left = characters.length - KEEP_HEAD - KEEP_TAIL;
    return `${characters.slice(0, KEEP_HEAD).join("")}…(${left} characters left out)…${characters.slice(-KEEP_TAIL).join("")}`;
  });
}
