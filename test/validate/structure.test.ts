import { describe, expect, test } from "bun:test";
import { direct, edge, model, ref, text, view } from "../support/model-builder.ts";
import { DataModelValidator } from "../support/python-validator.ts";

const codes = (result: ReturnType<typeof DataModelValidator.validate>) =>
  [...result.errors, ...result.warnings, ...result.infos].map((issue) => `${issue.severity} ${issue.code} ${issue.location}`);

describe("structure rules", () => {
  test("an implements cycle is cut where it closes and reported as an error", () => {
    const result = DataModelValidator.validate(
      model([
        view("Alpha", { a: text() }, { implements: [ref("Beta")] }),
        view("Beta", { b: text() }, { implements: [ref("Gamma")] }),
        view("Gamma", { c: text() }, { implements: [ref("Alpha")] }),
      ]),
    );
    expect(codes(result)).toEqual(["error CIRCULAR_IMPLEMENTS sp_test/Gamma"]);
    expect(result.errors[0]?.message).toContain("form a cycle");
    const [a, b, c] = result.filteredModel[0]?.views ?? [];
    expect(a?.implements.map((parent) => parent.externalId)).toEqual(["Beta"]);
    expect(b?.implements.map((parent) => parent.externalId)).toEqual(["Gamma"]);
    expect(c?.implements).toEqual([]);
  });

  test("a view implementing itself is a cycle too", () => {
    const result = DataModelValidator.validate(model([view("Loop", { a: text() }, { implements: [ref("Loop")] })]));
    expect(codes(result)).toEqual(["error CIRCULAR_IMPLEMENTS sp_test/Loop"]);
  });

  test("parents outside the model are noted, not dropped", () => {
    const result = DataModelValidator.validate(
      model([view("Pump", { name: text() }, { implements: [ref("CogniteAsset", { space: "cdf_cdm", version: "v1" })] })]),
    );
    expect(codes(result)).toEqual(["info IMPLEMENTS_OUTSIDE_MODEL sp_test/Pump"]);
    expect(result.infos[0]?.message).toContain("cdf_cdm/CogniteAsset/v1");
    expect(result.filteredModel[0]?.views[0]?.implements).toHaveLength(1);
  });

  test("record views are left out, and what pointed at them degrades", () => {
    const result = DataModelValidator.validate(
      model([view("Log", { line: text() }, { usedFor: "record" }), view("Pump", { log: direct("Log") })]),
    );
    expect(codes(result)).toEqual(["error UNSUPPORTED_VIEW_USAGE sp_test/Log", "warning UNKNOWN_SOURCE_VIEW sp_test/Pump/log"]);
    expect(result.filteredModel[0]?.views.map((kept) => kept.externalId)).toEqual(["Pump"]);
  });

  test("usedFor mismatches: nodes pointing at an edge view, edge properties read through a node view", () => {
    const result = DataModelValidator.validate(
      model([
        view("Flow", { rate: text() }, { usedFor: "edge" }),
        view("Pump", { flow: direct("Flow"), feeds: edge("Tank", { edgeSource: "Tank" }) }),
        view("Tank", { name: text() }),
      ]),
    );
    expect(codes(result)).toEqual(["warning USED_FOR_MISMATCH sp_test/Pump/feeds", "warning USED_FOR_MISMATCH sp_test/Pump/flow"]);
  });

  test("read-only views and writable views pointing at them are noted", () => {
    const result = DataModelValidator.validate(
      model([view("Report", { name: text() }, { writable: false }), view("Pump", { report: direct("Report") })]),
    );
    expect(codes(result)).toEqual(["info READ_ONLY_TARGET sp_test/Pump/report", "info READ_ONLY_VIEW sp_test/Report"]);
  });

  test("a view without properties is noted", () => {
    expect(codes(DataModelValidator.validate(model([view("Marker")])))).toEqual(["info EMPTY_VIEW sp_test/Marker"]);
  });

  test("a view listed by two models with different definitions: the first wins, with a warning", () => {
    const first = model([view("Pump", { name: text() })], { externalId: "First" });
    const second = model([view("Pump", { name: text(), head: text() })], { externalId: "Second" });
    const result = DataModelValidator.validate([first, second]);
    expect(codes(result)).toEqual(["warning DUPLICATE_VIEW sp_test/Pump"]);
    expect(result.warnings[0]?.message).toContain("sp_test/Second");
  });
});
