/**
 * Reading the text files pygen is given (model files, config files, credentials, seed data). Every problem is a
 * ParseError that names the file: missing, a folder, unreadable — or not UTF-8. Decoding leniently would turn
 * each broken byte into U+FFFD, which would then end up, silently, in generated identifiers and strings; so a
 * file that is not valid UTF-8 is refused with the line, column and byte offset of the first bad byte.
 */
import { ParseError } from "./errors.ts";

const REASONS: Record<string, string> = {
  ENOENT: "not found",
  EISDIR: "is a folder, not a file",
  EACCES: "permission denied",
  ENOTDIR: "not found (a part of the path is a file, not a folder)",
};

/** The text of the file at `path`; `what` names it in messages ("config file", "credentials file", …). */
export async function readTextFile(path: string, what = "file"): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await Bun.file(path).bytes();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = REASONS[code] ?? `cannot be read (${(error as Error).message})`;
    throw new ParseError(`${what} ${reason}`, { location: path, cause: error });
  }
  return decodeUtf8(bytes, path);
}

const strictDecoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes UTF-8 (a leading byte order mark is dropped); invalid bytes are a ParseError with their position. */
export function decodeUtf8(bytes: Uint8Array, location: string): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
    let line = 1;
    for (let index = 0; index < lineStart; index++) if (bytes[index] === 0x0a) line++;
    // Columns count characters, as editors do: decode the (valid) part of the line before the bad byte.
    const column = [...new TextDecoder().decode(bytes.subarray(lineStart, offset))].length + 1;
    const byte = (bytes[offset] ?? 0).toString(16).padStart(2, "0");
    throw new ParseError(`invalid UTF-8 at line ${line}, column ${column} (byte offset ${offset}, 0x${byte}); save the file as UTF-8`, {
      location,
    });
  }
}

/**
 * Offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF). Only called once the strict decoder has failed.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    // The second byte's range is narrower after some leads: that is what rules out overlongs and surrogates.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined || byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) return index;
    }
    index += length;
  }
  return bytes.length;
}
