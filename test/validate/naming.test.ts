import { describe, expect, test } from "bun:test";
import { pythonNaming } from "../../src/generators/python/naming.ts";
import type { LanguageNaming } from "../../src/ir/index.ts";
import { enumOf, model, text, view } from "../support/model-builder.ts";
import { DataModelValidator } from "../support/python-validator.ts";

const issuesOf = (...views: Parameters<typeof model>[0]) => {
  const result = DataModelValidator.validate(model(views));
  return [...result.errors, ...result.warnings, ...result.infos];
};

describe("naming rules (Python)", () => {
  test("a property named after a keyword is escaped, not dropped", () => {
    const issues = issuesOf(view("Pump", { class: text() }));
    expect(issues.map((issue) => `${issue.severity} ${issue.code} ${issue.location}`)).toEqual([
      "warning RESERVED_WORD sp_test/Pump/class",
    ]);
    expect(issues[0]?.message).toContain('it is "class_"');
    expect(issues[0]?.canAutoFix).toBe(true);
  });

  test("messages say truly why a name is escaped: keyword, soft keyword, builtin, pydantic or data-class member", () => {
    const issues = issuesOf(
      view("Pump", { class: text(), match: text(), type: text(), list: text(), model_dump: text(), as_write: text() }),
    );
    const why = (identifier: string) => issues.find((issue) => issue.location === `sp_test/Pump/${identifier}`)?.message;
    expect(why("class")).toBe('field "class" of Pump would be a Python keyword; it is "class_" (the CDF name stays class)');
    expect(why("match")).toContain(
      '"match" of Pump would be a Python soft keyword (a valid name, escaped so that it never reads as the keyword)',
    );
    // `type` is a builtin first (and a soft keyword too): the builtin is what a field would shadow in the class.
    expect(why("type")).toContain(`"type" of Pump would be the name of Python's builtin type, which it would shadow; it is "type_"`);
    expect(why("list")).toContain("the name of Python's builtin list, which it would shadow");
    expect(why("model_dump")).toContain("a member of pydantic's BaseModel, which every generated data class extends");
    expect(why("as_write")).toContain("a member every generated data class has");
    expect(issues.map((issue) => issue.message).join("\n")).not.toContain("already uses");
  });

  test("a property shadowing a member of the generated class is escaped, and so is its filter parameter", () => {
    const issues = issuesOf(view("Pump", { external_id: text(), model_config: text() }));
    expect(issues.map((issue) => `${issue.code} ${issue.location}`)).toEqual([
      "SHADOWED_MEMBER sp_test/Pump/external_id",
      "SHADOWED_MEMBER sp_test/Pump/external_id",
      "SHADOWED_MEMBER sp_test/Pump/model_config",
    ]);
    const messages = issues.map((issue) => issue.message).join("\n");
    expect(messages).toContain('it is "external_id_" (the CDF name stays external_id)');
    expect(messages).toContain('filter parameter for external_id would be "external_id_prefix"');
  });

  test("a property that only clashes with an API parameter keeps its field, and its filter is renamed", () => {
    const issues = issuesOf(view("Pump", { limit: text() }));
    expect(issues.map((issue) => issue.code)).toEqual(["SHADOWED_MEMBER"]);
    expect(issues[0]?.message).toContain('filter parameter for limit would be "limit"');
  });

  test("a view named after a builtin gets an escaped class name", () => {
    const issues = issuesOf(view("Exception", { name: text() }));
    expect(issues.map((issue) => `${issue.code} ${issue.location}`)).toEqual(["RESERVED_WORD sp_test/Exception"]);
    expect(issues[0]?.message).toContain('"Exception_"');
  });

  test("two properties colliding after snake_case: the one already in snake_case keeps the name", () => {
    const issues = issuesOf(view("Pump", { myProp: text(), my_prop: text() }));
    expect(issues.map((issue) => `${issue.code} ${issue.location}`)).toEqual(["NAME_COLLISION sp_test/Pump/myProp"]);
    expect(issues[0]?.message).toContain('myProp becomes "my_prop_2"');
  });

  test("two views colliding after PascalCase: the one already spelled so keeps the name, the other is numbered", () => {
    const issues = issuesOf(view("MyView", { a: text() }), view("my_view", { a: text() }));
    expect(issues.map((issue) => `${issue.code} ${issue.location}`)).toEqual([
      "NAME_COLLISION sp_test/MyView",
      "NAME_COLLISION sp_test/my_view",
    ]);
    expect(issues[0]?.message).toContain("MyView → MyView, my_view → MyView2");
  });

  test("a singular and a plural view (Valve, Valves) do not collide: the SDK names nothing by plural forms", () => {
    expect(issuesOf(view("Valve", { a: text() }), view("Valves", { a: text() }))).toEqual([]);
  });

  test("same externalId in two spaces: space qualifier; in two versions: version qualifier", () => {
    const bySpace = DataModelValidator.validate(
      model([view("Pump", { a: text() }, { space: "plant_a" }), view("Pump", { a: text() }, { space: "plant_b" })]),
    );
    expect(bySpace.warnings.map((issue) => `${issue.code} ${issue.location}`)).toEqual([
      "AMBIGUOUS_VIEW_NAME plant_a/Pump",
      "AMBIGUOUS_VIEW_NAME plant_b/Pump",
    ]);
    expect(bySpace.warnings[0]?.message).toContain("its class is PumpPlantA");
    const byVersion = DataModelValidator.validate(
      model([view("Pump", { a: text() }, { version: "1" }), view("Pump", { a: text() }, { version: "2" })]),
    );
    expect(byVersion.warnings.map((issue) => issue.message.split("its class is ")[1])).toEqual(["PumpV1", "PumpV2"]);
  });

  test("enum values colliding as member names are numbered", () => {
    const issues = issuesOf(view("Pump", { state: enumOf(["Open", "open"]) }));
    expect(issues.map((issue) => `${issue.code} ${issue.location}`)).toEqual(["NAME_COLLISION sp_test/Pump/state"]);
  });

  test("identifiers CDF cannot hold are errors and leave their part out; reserved ones are warnings, generated", () => {
    const result = DataModelValidator.validate(
      model([view("Query", { externalId: text(), "bad/name": text() }), view("../../etc/passwd", { name: text() })]),
    );
    expect(result.errors.map((issue) => `${issue.code} ${issue.location}`)).toEqual([
      "INVALID_IDENTIFIER sp_test/..%2F..%2Fetc%2Fpasswd",
      "INVALID_IDENTIFIER sp_test/Query/bad%2Fname",
    ]);
    expect(result.errors.every((issue) => !issue.canAutoFix && issue.message.endsWith("is left out"))).toBe(true);
    expect(result.warnings.filter((issue) => issue.code === "RESERVED_IDENTIFIER").map((issue) => issue.location)).toEqual([
      "sp_test/Query",
      "sp_test/Query/externalId",
    ]);
    const reserved = result.warnings.find((issue) => issue.location === "sp_test/Query/externalId");
    expect(reserved?.message).toContain("refuses it when the view is saved; it is generated (its field is named external_id_)");
    expect(reserved?.canAutoFix).toBe(false);
    expect(result.filteredModel[0]?.views.map((kept) => [kept.externalId, Object.keys(kept.properties)])).toEqual([
      ["Query", ["externalId"]],
    ]);
  });

  test("locations escape what would make them ambiguous or break their line: %, / and control characters", () => {
    const result = DataModelValidator.validate(model([view("a/b%c\nd", { "x\ty": text() })]));
    expect(result.errors.map((issue) => issue.location)).toEqual(["sp_test/a%2Fb%25c%0Ad", "sp_test/a%2Fb%25c%0Ad/x%09y"]);
  });

  test("a data model whose own identifiers CDF cannot hold is left out with its views", () => {
    const result = DataModelValidator.validate([model([view("Pump")], { externalId: "bad model" }), model([view("Valve")])]);
    expect(result.errors.map((issue) => `${issue.code} ${issue.location}`)).toEqual(["INVALID_IDENTIFIER sp_test/bad model"]);
    expect(result.filteredModel.map((kept) => kept.views.map((each) => each.externalId))).toEqual([["Valve"]]);
  });

  test("another language's naming is honoured: camelCase fields make myProp and my_prop collide the other way", () => {
    const camel: LanguageNaming = {
      ...pythonNaming,
      language: "camel-script",
      displayName: "CamelScript",
      field: { case: "camel" },
      reservation: (name) => (name === "delete" ? "keyword" : undefined),
      escapeReserved: (name) => `${name}$`,
    };
    const result = DataModelValidator.validate(model([view("Pump", { myProp: text(), my_prop: text(), delete: text() })]), {
      language: camel,
    });
    expect(result.warnings.map((issue) => `${issue.code} ${issue.location}`)).toEqual([
      "RESERVED_WORD sp_test/Pump/delete",
      "NAME_COLLISION sp_test/Pump/my_prop",
    ]);
    expect(result.warnings[0]?.message).toContain('it is "delete$"');
    expect(result.warnings[1]?.message).toContain('my_prop becomes "myProp2"');
  });
});
