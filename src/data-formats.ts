/**
 * JSON and YAML reading and writing that never corrupts a number. CDF int64 values go beyond 2^53 (the Omni write
 * payloads hold 2543900574065289437); a JavaScript number would round them silently. Integers outside the safe
 * range are read as bigint and written back as their exact digits.
 */
import { CORE_SCHEMA, defineScalarTag, intCoreTag, load as loadYamlDocument, NOT_RESOLVED, YAMLException } from "js-yaml";
import { ParseError } from "./errors.ts";

function toExactInteger(value: number, source: string): number | bigint {
  if (Number.isSafeInteger(value)) return value;
  const text = source.replaceAll("_", "");
  const negative = text.startsWith("-");
  const digits = text.replace(/^[-+]/, "");
  const magnitude = BigInt(digits);
  return negative ? -magnitude : magnitude;
}

/** YAML 1.2 core integers, with bigint beyond the safe range instead of a rounded number. */
const exactIntTag = defineScalarTag<number | bigint>(intCoreTag.tagName, {
  implicit: true,
  implicitFirstChars: intCoreTag.implicitFirstChars,
  resolve: (source, isExplicit, tagName) => {
    const value = intCoreTag.resolve(source, isExplicit, tagName);
    return typeof value === "number" ? toExactInteger(value, source) : NOT_RESOLVED;
  },
  identify: (value) => typeof value === "bigint" || intCoreTag.identify(value),
  represent: (value) => String(value),
});

const EXACT_YAML_SCHEMA = CORE_SCHEMA.withTags(exactIntTag);

/** Parses YAML; a syntax error becomes a ParseError naming the file, line and column. */
export function parseYaml(text: string, fileName: string): unknown {
  try {
    return loadYamlDocument(text, { schema: EXACT_YAML_SCHEMA, filename: fileName });
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = error.mark;
      const location = mark ? `${fileName}:${mark.line + 1}:${mark.column + 1}` : fileName;
      throw new ParseError(`invalid YAML: ${error.reason}`, {
        location,
        cause: error,
        details: mark?.snippet ? [mark.snippet] : [],
      });
    }
    throw error;
  }
}

const JSON_INTEGER = /^-?\d+$/;
/** Any integer beyond 2^53 (9007199254740992) has at least 16 digits; text without such a run needs no reviver. */
const LONG_DIGIT_RUN = /\d{16}/;

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
