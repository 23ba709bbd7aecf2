/**
 * Models written to hurt: every kind of bad name, broken link and odd structure at once, enough to raise every
 * issue code. Nothing may crash, every problem must be reported where it is, and the IR built from what is left
 * must only hold names Python accepts.
 */
import { describe, expect, test } from "bun:test";
import type { DataModel, PropertyType } from "../../src/client/models.ts";
import { pythonReservation } from "../../src/generators/python/keywords.ts";
import { pythonNaming } from "../../src/generators/python/naming.ts";
import { buildIR } from "../../src/ir/index.ts";
import { parseModelDocument } from "../../src/sources.ts";
import { formatSummary, ISSUE_CODES, toJsonReport } from "../../src/validate/index.ts";
import { direct, edge, enumOf, mapped, model, primitive, ref, reverse, text, view } from "../support/model-builder.ts";
import { DataModelValidator } from "../support/python-validator.ts";

/** Longer than CDF allows (255), and as long as it allows: names are cut either way, only the first is left out. */
const LONG = `Very${"Long".repeat(80)}Name`;
const LONG_VALID = `Very${"Long".repeat(60)}Name`;
const hostile = model([
  view("class", { def: text(), import: text(), myProp: text(), my_prop: text(), list: text(), space: text() }),
  view("Pump", { name: text() }),
  view("Pumps", { pumps: edge("Pump") }),
  view("Cycle1", { a: text() }, { implements: [ref("Cycle2")] }),
  view("Cycle2", { b: text() }, { implements: [ref("Cycle1")] }),
  view("Dangling", {
    toNowhere: direct("Nowhere"),
    edgeToNowhere: edge("Nowhere", { edgeSource: "AlsoNowhere" }),
    reverseToNowhere: reverse("Pump", "missing"),
    reverseThroughText: reverse("Pump", "name"),
    weird: mapped({ type: "hyperlink" } as unknown as PropertyType),
  }),
  view("path/../sep\\arator", { "a/b": text(), "..\\c": text() }),
  view(`it's "quoted"`, { 'say "hi"': text(), "it's": text() }),
  view(LONG, { [`p${"x".repeat(300)}`]: text() }),
  view(LONG_VALID, { [`p${"x".repeat(200)}`]: text() }),
  view("Température", { débit: text(), 日本語: text(), "🚀": text(), "3phase": text() }),
  view("日本", { 名前: text() }),
  view("Odd", {
    noValues: enumOf([]),
    badValues: enumOf(["true", "half-open"], "broken"),
    huge: mapped({ type: "int32", list: true, maxListSize: 99999 }),
    untyped: direct(),
    toEdges: direct("Flow"),
    toReport: direct("Report"),
    backFromElsewhere: reverse("Pointer", "target"),
  }),
  view("Flow", { rate: primitive("float64") }, { usedFor: "edge" }),
  view("Report", { total: primitive("float64") }, { writable: false }),
  view("Pointer", { target: direct("Report") }),
  view("Marker", {}, { implements: [ref("CogniteDescribable", { space: "cdf_cdm", version: "v1" })] }),
  view("Log", { line: text() }, { usedFor: "record" }),
  view("Tank", { volume: text() }, { space: "plant_a" }),
  view("Tank", { volume: text() }, { space: "plant_b" }),
]);
/** A second model listing Pump again, differently. */
const rival = model([view("Pump", { name: text(), head: text() })], { externalId: "Rival" });
/** A model file with a view and a property that cannot be read at all. */
const [unreadable] = parseModelDocument(
  JSON.stringify({
    space: "sp_file",
    externalId: "Unreadable",
    version: "1",
    views: [
      { space: "sp_file", externalId: "NoVersion", properties: {} },
      {
        space: "sp_file",
        externalId: "Gauge",
        version: "1",
        properties: { reading: { container: "not a reference", type: { type: "text" } } },
      },
    ],
  }),
  "unreadable.json",
);

const PYTHON_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

describe("a hostile model", () => {
  const result = DataModelValidator.validate([hostile, rival, unreadable as DataModel]);
  const all = [...result.errors, ...result.warnings, ...result.infos];
  const at = (location: string) =>
    all
      .filter((issue) => issue.location === location)
      .map((issue) => issue.code)
      .sort();

  test("every problem is reported at its location", () => {
    expect(at("sp_test/class")).toEqual(["RESERVED_WORD"]);
    expect(at("sp_test/class/def")).toEqual(["RESERVED_WORD"]);
    expect(at("sp_test/class/import")).toEqual(["RESERVED_WORD"]);
    expect(at("sp_test/class/myProp")).toEqual(["NAME_COLLISION"]);
    expect(at("sp_test/class/list")).toEqual(["RESERVED_WORD"]);
    expect(at("sp_test/class/space")).toEqual(["RESERVED_IDENTIFIER", "SHADOWED_MEMBER"]);
    expect(at("sp_test/Pump")).toEqual(["DUPLICATE_VIEW"]);
    // Pump and Pumps only shared plural names, which no SDK emits.
    expect(at("sp_test/Pumps")).toEqual([]);
    expect([...at("sp_test/Cycle1"), ...at("sp_test/Cycle2")]).toEqual(["CIRCULAR_IMPLEMENTS"]);
    expect(at("sp_test/Dangling/toNowhere")).toEqual(["UNKNOWN_SOURCE_VIEW"]);
    expect(at("sp_test/Dangling/edgeToNowhere")).toEqual(["UNKNOWN_EDGE_SOURCE", "UNKNOWN_SOURCE_VIEW"]);
    expect(at("sp_test/Dangling/reverseToNowhere")).toEqual(["MISSING_REVERSE_RELATION"]);
    expect(at("sp_test/Dangling/reverseThroughText")).toEqual(["REVERSE_THROUGH_NOT_DIRECT"]);
    expect(at("sp_test/Dangling/weird")).toEqual(["UNKNOWN_PROPERTY_TYPE"]);
    // Identifiers CDF cannot hold: the view is left out, and the properties to rename in it are listed too.
    expect(at("sp_test/path%2F..%2Fsep\\arator")).toEqual(["INVALID_IDENTIFIER"]);
    expect(at("sp_test/path%2F..%2Fsep\\arator/a%2Fb")).toEqual(["INVALID_IDENTIFIER"]);
    expect(at("sp_test/path%2F..%2Fsep\\arator/..\\c")).toEqual(["INVALID_IDENTIFIER"]);
    expect(at(`sp_test/it's "quoted"`)).toEqual(["INVALID_IDENTIFIER"]);
    expect(at(`sp_test/it's "quoted"/say "hi"`)).toEqual(["INVALID_IDENTIFIER"]);
    expect(at(`sp_test/${LONG}`)).toEqual(["INVALID_IDENTIFIER"]);
    expect(at(`sp_test/${LONG}/p${"x".repeat(300)}`)).toEqual(["INVALID_IDENTIFIER"]);
    expect(at(`sp_test/${LONG_VALID}`)).toEqual(["NAME_TOO_LONG"]);
    expect(at(`sp_test/${LONG_VALID}/p${"x".repeat(200)}`)).toEqual(["NAME_TOO_LONG"]);
    expect(at("sp_test/Température")).toEqual(["INVALID_IDENTIFIER"]);
    expect(at("sp_test/Température/日本語")).toEqual(["INVALID_IDENTIFIER"]);
    expect(at("sp_test/Température/3phase")).toEqual([]);
    expect(at("sp_test/日本/名前")).toEqual(["INVALID_IDENTIFIER"]);
    expect(at("sp_test/Odd/noValues")).toEqual(["ENUM_WITHOUT_VALUES"]);
    expect(at("sp_test/Odd/badValues")).toEqual(["INVALID_ENUM_VALUE"]);
    expect(at("sp_file/NoVersion")).toEqual(["INVALID_VIEW"]);
    expect(at("sp_file/Gauge/reading")).toEqual(["INVALID_PROPERTY"]);
    expect(at("sp_test/Odd/huge")).toEqual(["LIST_LIMIT"]);
    expect(at("sp_test/Odd/untyped")).toEqual(["UNTYPED_DIRECT_RELATION"]);
    expect(at("sp_test/Odd/toEdges")).toEqual(["USED_FOR_MISMATCH"]);
    expect(at("sp_test/Odd/toReport")).toEqual(["READ_ONLY_TARGET"]);
    expect(at("sp_test/Odd/backFromElsewhere")).toEqual(["REVERSE_THROUGH_OTHER_VIEW"]);
    expect(at("sp_test/Report")).toEqual(["READ_ONLY_VIEW"]);
    expect(at("sp_test/Marker")).toEqual(["EMPTY_VIEW", "IMPLEMENTS_OUTSIDE_MODEL"]);
    expect(at("sp_test/Log")).toEqual(["UNSUPPORTED_VIEW_USAGE"]);
    expect([...at("plant_a/Tank"), ...at("plant_b/Tank")]).toEqual(["AMBIGUOUS_VIEW_NAME", "AMBIGUOUS_VIEW_NAME"]);
    expect(all.filter((issue) => issue.code === "DUPLICATE_VIEW").map((issue) => issue.message)).toEqual([
      "view sp_test/Pump/1 in data model sp_test/Rival differs from the one listed earlier; the first definition is used",
    ]);
  });

  test("between them, the models raise every issue code there is", () => {
    expect(new Set(all.map((issue) => issue.code))).toEqual(new Set(ISSUE_CODES));
  });

  test("only what cannot be generated is dropped, and each drop is an error", () => {
    const dangling = result.filteredModel[0]?.views.find((kept) => kept.externalId === "Dangling");
    expect(Object.keys(dangling?.properties ?? {}).sort()).toEqual(["edgeToNowhere", "toNowhere"]);
    expect(result.filteredModel[0]?.views.map((kept) => kept.externalId)).not.toContain("Log");
    const leftOut = ["Log", "path/../sep\\arator", `it's "quoted"`, LONG, "Température", "日本"];
    expect(result.filteredModel[0]?.views.map((kept) => kept.externalId)).toEqual(
      hostile.views.map((each) => each.externalId).filter((externalId) => !leftOut.includes(externalId)),
    );
    expect(result.filteredModel[0]?.views.find((kept) => kept.externalId === "Odd")?.properties.badValues).toBeUndefined();
    expect(result.errors.map((issue) => issue.code).sort()).toEqual([
      "CIRCULAR_IMPLEMENTS",
      "INVALID_ENUM_VALUE",
      ...Array(14).fill("INVALID_IDENTIFIER"),
      "INVALID_PROPERTY",
      "INVALID_VIEW",
      "MISSING_REVERSE_RELATION",
      "REVERSE_THROUGH_NOT_DIRECT",
      "UNKNOWN_PROPERTY_TYPE",
      "UNSUPPORTED_VIEW_USAGE",
    ]);
    expect(result.errors.every((issue) => !issue.canAutoFix)).toBe(true);
  });

  test("the IR of what is left holds only valid, unique, unreserved Python names", () => {
    const ir = buildIR(result.filteredModel, { naming: pythonNaming, inheritance: "keep" });
    expect(ir.classes.filter((irClass) => irClass.view.externalId === "Tank").map((irClass) => irClass.names.className)).toEqual([
      "TankPlantA",
      "TankPlantB",
    ]);
    const typeNames = ir.classes.flatMap((irClass) => [irClass.names.className, irClass.names.writeClassName, irClass.names.listClassName]);
    expect(new Set(typeNames).size).toBe(typeNames.length);
    for (const irClass of ir.classes) {
      for (const name of Object.values(irClass.names)) {
        expect(name).toMatch(PYTHON_IDENTIFIER);
        expect(pythonReservation(name, "type") === "keyword").toBe(false);
      }
      expect(irClass.names.fileName.length).toBeLessThanOrEqual(pythonNaming.maxFileNameLength);
      const fields = irClass.properties.map((property) => property.name);
      expect(new Set(fields).size).toBe(fields.length);
      for (const field of fields) {
        expect(field).toMatch(PYTHON_IDENTIFIER);
        expect(pythonReservation(field, "field")).toBeUndefined();
      }
    }
  });

  test("the IR can be built from the raw model too: generation never crashes on what the validator would drop", () => {
    const ir = buildIR([hostile], { naming: pythonNaming, inheritance: "keep" });
    expect(ir.classes).toHaveLength(hostile.views.length);
    const cycle = ir.classes.filter((irClass) => irClass.view.externalId.startsWith("Cycle"));
    expect(cycle.flatMap((irClass) => irClass.parents)).toHaveLength(1);
    // Names CDF would refuse still give valid Python names.
    const temperature = ir.classes.find((irClass) => irClass.view.externalId === "Température");
    expect(temperature?.names.className).toBe("Temperature");
    expect(temperature?.properties.map((property) => property.name).sort()).toEqual([
      "debit",
      "property_3phase",
      expect.stringMatching(/^property_[0-9a-f]{8}$/),
      expect.stringMatching(/^property_[0-9a-f]{8}$/),
    ]);
    expect(ir.classes.find((irClass) => irClass.view.externalId === "日本")?.names.className).toMatch(/^View[0-9a-f]{8}$/);
  });

  test("the human and JSON reports hold every issue without crashing", () => {
    const text = formatSummary(result, { color: false });
    expect(text).toContain("CIRCULAR_IMPLEMENTS");
    expect(text).toContain(`it's "quoted"`);
    const json = JSON.parse(JSON.stringify(toJsonReport(result, 4)));
    expect(json.issues).toHaveLength(all.length);
  });
});
