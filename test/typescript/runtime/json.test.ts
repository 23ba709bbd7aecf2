import { describe, expect, test } from "bun:test";
import { formatDate, formatTimestamp, parseJson, stringifyJson } from "../../../templates/typescript/runtime/index.ts";

describe("lossless JSON", () => {
  test("integers beyond 2^53 are read as exact bigints; safe integers and floats stay numbers", () => {
    const text =
      '{"big":9007199254740993,"neg":-123456789012345678,"safe":9007199254740991,"f":1.2345678901234567e3,"frac":0.12345678901234567890,"s":"12345678901234567890"}';
    const value = parseJson(text) as Record<string, unknown>;
    expect(value.big).toBe(9007199254740993n);
    expect(value.neg).toBe(-123456789012345678n);
    expect(value.safe).toBe(9007199254740991);
    expect(value.f).toBe(1234.5678901234567);
    expect(value.frac).toBe(Number("0.12345678901234567890"));
    expect(value.s).toBe("12345678901234567890");
  });

  test("a string with escaped quotes before a big number does not confuse the scanner", () => {
    expect(parseJson('["a\\"b 99999999999999999", 99999999999999999]')).toEqual(['a"b 99999999999999999', 99999999999999999n]);
    // A string ending in an escaped backslash ends at its quote; digits in a later string stay text.
    expect(parseJson('["end\\\\", 12345678901234567890, "9999999999999999999", -99999999999999999]')).toEqual([
      "end\\",
      12345678901234567890n,
      "9999999999999999999",
      -99999999999999999n,
    ]);
  });

  test("writing: bigint as bare digits, Date as ISO with milliseconds, undefined left out, NaN refused", () => {
    const written = stringifyJson({
      big: 2n ** 63n - 1n,
      when: new Date(Date.UTC(2024, 4, 1, 12, 30, 0, 123)),
      skip: undefined,
      list: [1, undefined],
    });
    expect(written).toBe('{"big":9223372036854775807,"when":"2024-05-01T12:30:00.123Z","list":[1,null]}');
    expect(() => stringifyJson({ x: Number.NaN })).toThrow("CDF cannot store it");
  });

  test("int64 extremes and timestamps round-trip exactly", () => {
    const value = { max: 9223372036854775807n, min: -9223372036854775808n, when: formatTimestamp(new Date(1_700_000_000_123)) };
    const back = parseJson(stringifyJson(value)) as typeof value;
    expect(back).toEqual(value);
    expect(new Date(back.when).getTime()).toBe(1_700_000_000_123);
  });

  test("dates are YYYY-MM-DD", () => {
    expect(formatDate(new Date(Date.UTC(2024, 1, 29, 23, 0)))).toBe("2024-02-29");
    expect(formatDate("2024-02-29")).toBe("2024-02-29");
    expect(() => formatDate("29.02.2024")).toThrow("YYYY-MM-DD");
  });

  test("text that already holds the internal tag is refused rather than misread", () => {
    expect(() => parseJson('["\\udb80\\udc00bigint:1", 12345678901234567890]')).toThrow("reserved bigint tag");
  });
});
