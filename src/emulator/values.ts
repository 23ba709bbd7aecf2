/**
 * Checks a property value against its container property type (dms-api.md §9) and returns it in the form the
 * emulator stores: int64 exact (bigint only beyond 2^53), timestamps normalised to
 * `YYYY-MM-DDTHH:MM:SS.sss+00:00` so they compare as text, everything else as given.
 */

import { INSTANCE_EXTERNAL_ID_PATTERN, type PropertyType, SPACE_PATTERN } from "../client/models.ts";
import { stringifyJson } from "../data-formats.ts";
import { badRequest } from "./api-error.ts";
import { DIRECT_RELATION_LIST_LIMIT, INT32_RANGE, INT64_RANGE, JSON_SIZE_LIMIT, LIST_LIMIT, TEXT_SIZE_LIMIT } from "./limits.ts";

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2024-03-13T08:22:04+02:00` → `2024-03-13T06:22:04.000+00:00`; undefined when the text is not a timestamp. */
export function normalizeTimestamp(text: string): string | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = "0", zone = "Z"] = match;
  const millis = Number(fraction.padEnd(3, "0"));
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  const date = new Date(utc - zoneOffsetMinutes(zone) * 60_000);
  if (Number.isNaN(date.getTime()) || Number(month) > 12 || Number(day) > 31 || Number(hour) > 23 || Number(minute) > 59) return undefined;
  // Date.UTC maps years 0-99 to 1900-1999; set the year explicitly.
  if (Number(year) < 100) date.setUTCFullYear(date.getUTCFullYear() - 1900);
  return date.toISOString().replace("Z", "+00:00");
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
}

function isValidDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  return year >= 1 && month >= 1 && month <= 12 && date.getUTCDate() === day;
}

const describe = (value: unknown): string => {
  const text = stringifyJson(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

export function isDirectRelation(value: unknown): value is { space: string; externalId: string } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort();
  const { space, externalId } = value as Record<string, unknown>;
  return (
    keys.length === 2 &&
    keys[0] === "externalId" &&
    keys[1] === "space" &&
    typeof space === "string" &&
    SPACE_PATTERN.test(space) &&
    typeof externalId === "string" &&
    INSTANCE_EXTERNAL_ID_PATTERN.test(externalId)
  );
}

/** Whether a property holds a list of values (enums never do). */
export const isListType = (type: PropertyType): boolean => type.type !== "enum" && type.list;

/** The stored form of `value` (not null) for a property of `type`; a mismatch is a 400 naming `where`. */
export function checkPropertyValue(type: PropertyType, value: unknown, where: string): unknown {
  if (type.type === "enum" || !type.list) return checkScalar(type, value, where);
  if (!Array.isArray(value))
    throw badRequest(`Invalid value for property '${where}': expected a list of ${type.type}, got ${describe(value)}`);
  const limit = type.maxListSize ?? (type.type === "direct" ? DIRECT_RELATION_LIST_LIMIT : LIST_LIMIT);
  if (value.length > limit)
    throw badRequest(`Invalid value for property '${where}': the list holds ${value.length} items, more than the limit ${limit}`);
  return value.map((item, index) => checkScalar(type, item, `${where}[${index}]`));
}

function checkScalar(type: PropertyType, value: unknown, where: string): unknown {
  const fail = (expected: string) => badRequest(`Invalid value for property '${where}': expected ${expected}, got ${describe(value)}`);
  switch (type.type) {
    case "text": {
      if (typeof value !== "string" || value.includes("\u0000")) throw fail("text");
      const limit = type.maxTextSize ?? TEXT_SIZE_LIMIT;
      if (Buffer.byteLength(value) > limit) throw badRequest(`Invalid value for property '${where}': text is longer than ${limit} bytes`);
      return value;
    }
    case "boolean":
      if (typeof value !== "boolean") throw fail("boolean");
      return value;
    case "int32":
      if (typeof value !== "number" || !Number.isInteger(value) || value < INT32_RANGE.min || value > INT32_RANGE.max) throw fail("int32");
      return value;
    case "int64":
      if (typeof value === "number" && Number.isSafeInteger(value)) return value;
      if (typeof value === "bigint" && value >= INT64_RANGE.min && value <= INT64_RANGE.max) return value;
      throw fail("int64");
    case "float32":
    case "float64":
      if (typeof value === "bigint") return Number(value);
      if (typeof value !== "number") throw fail(type.type);
      return value;
    case "timestamp": {
      const normalized = typeof value === "string" ? normalizeTimestamp(value) : undefined;
      if (normalized === undefined) throw fail("timestamp (YYYY-MM-DDTHH:MM:SS[.sss][±HH:MM])");
      return normalized;
    }
    case "date":
      if (typeof value !== "string" || !isValidDate(value)) throw fail("date (YYYY-MM-DD)");
      return value;
    case "json":
      if (value === null || typeof value !== "object" || Array.isArray(value)) throw fail("a JSON object");
      if (Buffer.byteLength(stringifyJson(value)) > JSON_SIZE_LIMIT)
        throw badRequest(`Invalid value for property '${where}': JSON is larger than ${JSON_SIZE_LIMIT} bytes`);
      return value;
    case "direct":
      if (!isDirectRelation(value)) throw fail("a direct relation {space, externalId}");
      return { space: value.space, externalId: value.externalId };
    case "enum":
      if (typeof value !== "string" || !Object.hasOwn(type.values, value)) throw fail(`one of ${Object.keys(type.values).join(", ")}`);
      if (value === type.unknownValue)
        throw badRequest(`Invalid value for property '${where}': the unknown value '${value}' cannot be written`);
      return value;
    case "timeseries":
    case "file":
    case "sequence":
      if (typeof value !== "string") throw fail(`a ${type.type} external id`);
      return value;
  }
}
