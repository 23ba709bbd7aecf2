import { describe, expect, test } from "bun:test";
import type { PropertyType } from "../../src/client/models.ts";
import { enumOf, mapped, model, view } from "../support/model-builder.ts";
import { DataModelValidator } from "../support/python-validator.ts";

const validateProperty = (property: ReturnType<typeof mapped>) => DataModelValidator.validate(model([view("Pump", { value: property })]));
const codes = (result: ReturnType<typeof DataModelValidator.validate>) =>
  [...result.errors, ...result.warnings, ...result.infos].map((issue) => `${issue.severity} ${issue.code} ${issue.location}`);

describe("type reference rules", () => {
  test("a property of a type pygen does not know is dropped", () => {
    const result = validateProperty(mapped({ type: "vector", list: false } as unknown as PropertyType));
    expect(codes(result)).toEqual(["error UNKNOWN_PROPERTY_TYPE sp_test/Pump/value"]);
    expect(result.errors[0]?.message).toContain('"vector"');
    expect(result.filteredModel[0]?.views[0]?.properties).toEqual({});
  });

  test("a property without any type is dropped, not a crash", () => {
    const result = validateProperty(mapped(undefined as unknown as PropertyType));
    expect(codes(result)).toEqual(["error UNKNOWN_PROPERTY_TYPE sp_test/Pump/value"]);
  });

  test("an enum without values falls back to text", () => {
    expect(codes(validateProperty(enumOf([])))).toEqual(["warning ENUM_WITHOUT_VALUES sp_test/Pump/value"]);
  });

  test("enum values CDF refuses as keys leave the property out, with one error naming them all", () => {
    const result = validateProperty(enumOf(["running", "true", "half-open", "1st"]));
    expect(codes(result)).toEqual(["error INVALID_ENUM_VALUE sp_test/Pump/value"]);
    expect(result.errors[0]?.message).toContain('"true", "half-open", "1st"');
    expect(result.errors[0]?.canAutoFix).toBe(false);
    expect(result.filteredModel[0]?.views[0]?.properties).toEqual({});
  });

  test("an unknown value that is not one of the values is a warning; the property is kept", () => {
    const result = validateProperty(enumOf(["running", "stopped"], "broken"));
    expect(codes(result)).toEqual(["warning INVALID_ENUM_VALUE sp_test/Pump/value"]);
    expect(result.warnings[0]?.message).toContain('"broken" as its unknown value');
    expect(Object.keys(result.filteredModel[0]?.views[0]?.properties ?? {})).toEqual(["value"]);
  });

  test("list limits: a limit on a non-list is noted, a limit out of CDF's range is a warning", () => {
    expect(codes(validateProperty(mapped({ type: "int32", list: false, maxListSize: 10 })))).toEqual([
      "info LIST_LIMIT sp_test/Pump/value",
    ]);
    expect(codes(validateProperty(mapped({ type: "int32", list: true, maxListSize: 5000 })))).toEqual([
      "warning LIST_LIMIT sp_test/Pump/value",
    ]);
    expect(codes(validateProperty(mapped({ type: "int32", list: true, maxListSize: 2000 })))).toEqual([]);
  });
});
