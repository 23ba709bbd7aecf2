import { describe, expect, test } from "bun:test";
import { direct, edge, model, ref, reverse, text, view } from "../support/model-builder.ts";
import { DataModelValidator } from "../support/python-validator.ts";

const validate = (...views: Parameters<typeof model>[0]) => DataModelValidator.validate(model(views));
const findings = (result: ReturnType<typeof validate>) =>
  [...result.errors, ...result.warnings, ...result.infos].map((issue) => `${issue.severity} ${issue.code} ${issue.location}`);

describe("relationship rules", () => {
  test("a direct relation to a view outside the model is kept as an untyped reference, with a warning", () => {
    const result = validate(view("Pump", { station: direct("Station") }));
    expect(findings(result)).toEqual(["warning UNKNOWN_SOURCE_VIEW sp_test/Pump/station"]);
    expect(result.warnings[0]?.canAutoFix).toBe(true);
    expect(Object.keys(result.filteredModel[0]?.views[0]?.properties ?? {})).toEqual(["station"]);
  });

  test("a direct relation without a target view is noted", () => {
    expect(findings(validate(view("Pump", { anything: direct() })))).toEqual(["info UNTYPED_DIRECT_RELATION sp_test/Pump/anything"]);
  });

  test("an edge to a missing view and a missing edge source are both reported", () => {
    const result = validate(view("Pump", { feeds: edge("Tank", { edgeSource: "Flow" }) }));
    expect(findings(result)).toEqual(["warning UNKNOWN_EDGE_SOURCE sp_test/Pump/feeds", "warning UNKNOWN_SOURCE_VIEW sp_test/Pump/feeds"]);
  });

  test("a reverse relation through a property that does not exist is dropped", () => {
    const result = validate(view("Station", { pumps: reverse("Pump", "station") }), view("Pump", { name: text() }));
    expect(findings(result)).toEqual(["error MISSING_REVERSE_RELATION sp_test/Station/pumps"]);
    expect(result.isValid).toBe(false);
    expect(result.filteredModel[0]?.views[0]?.properties).toEqual({});
  });

  test("a reverse relation through a property that is not a direct relation is dropped", () => {
    const result = validate(view("Station", { pumps: reverse("Pump", "station") }), view("Pump", { station: text() }));
    expect(findings(result)).toEqual(["error REVERSE_THROUGH_NOT_DIRECT sp_test/Station/pumps"]);
    expect(result.filteredModel[0]?.views[0]?.properties).toEqual({});
  });

  test("a reverse relation through a direct relation to another view is kept with a warning", () => {
    const result = validate(
      view("Station", { pumps: reverse("Pump", "site") }),
      view("Pump", { site: direct("Factory") }),
      view("Factory", { name: text() }),
    );
    expect(findings(result)).toEqual(["warning REVERSE_THROUGH_OTHER_VIEW sp_test/Station/pumps"]);
    expect(result.warnings[0]?.message).toContain("points at Factory, not Station");
  });

  test("a reverse relation through a direct relation to a parent view is fine", () => {
    const result = validate(
      view("Asset", { name: text() }),
      view("Station", { pumps: reverse("Pump", "owner") }, { implements: [ref("Asset")] }),
      view("Pump", { owner: direct("Asset") }),
    );
    expect(findings(result)).toEqual([]);
  });

  test("a reverse relation read from a view outside the model degrades to untyped references", () => {
    expect(findings(validate(view("Station", { pumps: reverse("Pump", "station") })))).toEqual([
      "warning UNKNOWN_SOURCE_VIEW sp_test/Station/pumps",
    ]);
  });

  test("a reverse relation through a list direct relation is valid", () => {
    const result = validate(
      view("Station", { pumps: reverse("Pump", "stations") }),
      view("Pump", { stations: direct("Station", { list: true }) }),
    );
    expect(findings(result)).toEqual([]);
  });

  test("a reverse relation through a container is not checked against views", () => {
    const relation = reverse("Pump", "station");
    relation.through = { source: { type: "container", space: "sp_test", externalId: "PumpContainer" }, identifier: "station" };
    expect(findings(validate(view("Station", { pumps: relation }), view("Pump", { name: text() })))).toEqual([]);
  });
});
