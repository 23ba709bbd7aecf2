import { describe, expect, test } from "bun:test";
import { applyRule, joinWords, pluralize, singularize, splitWords } from "../../src/ir/naming.ts";
import { type NameClaim, settleNames } from "../../src/ir/unique-names.ts";

describe("words", () => {
  test("numbers are split as people read them, the way pygen v1 named them", () => {
    const cases: Record<string, string[]> = {
      Cognite3DModel: ["Cognite", "3D", "Model"],
      Cognite360Image: ["Cognite", "360", "Image"],
      Cognite360ImageCollection: ["Cognite", "360", "Image", "Collection"],
      CogniteCADNode: ["Cognite", "CAD", "Node"],
      object3D: ["object", "3D"],
      images360: ["images", "360"],
      "3DModel": ["3D", "Model"],
      HTTP2Endpoint: ["HTTP2", "Endpoint"],
      HTTP2API: ["HTTP2", "API"],
      S3Bucket: ["S3", "Bucket"],
      int64: ["int", "64"],
      Implementation1: ["Implementation", "1"],
      volumeM3: ["volume", "M3"],
    };
    for (const [identifier, words] of Object.entries(cases)) expect([identifier, splitWords(identifier)]).toEqual([identifier, words]);
    expect(joinWords(splitWords("Cognite3DModel"), "snake")).toBe("cognite_3d_model");
    expect(joinWords(splitWords("Cognite3DModel"), "pascal")).toBe("Cognite3DModel");
  });

  test("identifiers split into words whatever their style; acronyms stay whole", () => {
    expect(splitWords("windTurbine")).toEqual(["wind", "Turbine"]);
    expect(splitWords("WindTurbine")).toEqual(["Wind", "Turbine"]);
    expect(splitWords("wind_turbine")).toEqual(["wind", "turbine"]);
    expect(splitWords("wind-turbine 2")).toEqual(["wind", "turbine", "2"]);
    expect(splitWords("CDFExternalReferences")).toEqual(["CDF", "External", "References"]);
    expect(splitWords("Implementation1NonWriteable")).toEqual(["Implementation", "1", "Non", "Writeable"]);
    expect(splitWords("Température")).toEqual(["Temperature"]);
    expect(splitWords("日本語")).toEqual([]);
  });

  test("cases", () => {
    const words = ["CDF", "external", "Id"];
    expect(joinWords(words, "snake")).toBe("cdf_external_id");
    expect(joinWords(words, "pascal")).toBe("CDFExternalId");
    expect(joinWords(words, "camel")).toBe("cdfExternalId");
  });

  test("singular and plural forms, in the word's own case, with invariant words left alone", () => {
    expect(["pump", "battery", "box", "match", "Pump", "series", "status", "data"].map(pluralize)).toEqual([
      "pumps",
      "batteries",
      "boxes",
      "matches",
      "Pumps",
      "series",
      "statuses",
      "data",
    ]);
    expect(["pumps", "batteries", "boxes", "Pumps", "series", "status", "analysis", "glass"].map(singularize)).toEqual([
      "pump",
      "battery",
      "box",
      "Pump",
      "series",
      "status",
      "analysis",
      "glass",
    ]);
    expect(pluralize("pumps")).toBe("pumps");
  });

  test("a rule applies number to the last word only, never to the qualifier", () => {
    expect(applyRule(["wind", "Turbine"], { case: "snake", number: "plural" })).toBe("wind_turbines");
    expect(applyRule(["Pump"], { case: "pascal", suffix: "Write" }, ["v2"])).toBe("PumpV2Write");
    expect(applyRule(["Pump"], { case: "snake", number: "plural", prefix: "all_" }, ["v2"])).toBe("all_pumps_v2");
  });
});

describe("settleNames", () => {
  const rename = (claim: NameClaim, attempt: number) => `${claim.identifier.toLowerCase()}_${attempt}`;

  test("the claimant already spelled like the name keeps it; others follow in identifier order", () => {
    const settled = settleNames(
      [
        { identifier: "myProp", name: "my_prop" },
        { identifier: "my_prop", name: "my_prop" },
        { identifier: "MyProp", name: "my_prop" },
      ],
      rename,
    );
    expect(settled.map((entry) => [entry.identifier, entry.name])).toEqual([
      ["myProp", "myprop_3"],
      ["my_prop", "my_prop"],
      ["MyProp", "myprop_2"],
    ]);
    expect(settled[0]?.collidedWith).toEqual(["my_prop", "MyProp"]);
  });

  test("an alternative that is itself taken is skipped", () => {
    const settled = settleNames(
      [
        { identifier: "a", name: "x" },
        { identifier: "b", name: "x" },
        { identifier: "c", name: "b_2" },
      ],
      rename,
    );
    expect(settled.map((entry) => entry.name)).toEqual(["x", "b_3", "b_2"]);
  });
});
