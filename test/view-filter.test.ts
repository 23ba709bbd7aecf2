import { describe, expect, test } from "bun:test";
import { UsageError } from "../src/errors.ts";
import { loadExampleModel } from "../src/sources.ts";
import { selectViews } from "../src/view-filter.ts";
import { thrown } from "./support/failures.ts";

const { models } = loadExampleModel();
const viewNames = (selected: typeof models) => selected.flatMap((model) => model.views.map((view) => view.externalId));

describe("view selection", () => {
  test("nothing selected: the models as they are", () => {
    expect(selectViews(models, { include: [], exclude: [] }).models).toBe(models);
  });

  test("include, then exclude; globs match the externalId or space:externalId", () => {
    const { models: selected, unmatched } = selectViews(models, { include: ["Hydro*", "pygen_example:Gen*"], exclude: ["*Plant"] });
    expect(viewNames(selected)).toEqual(["Generator"]);
    expect(unmatched).toEqual([]);
  });

  test("patterns that match nothing are returned; selecting nothing is an error", () => {
    expect(selectViews(models, { include: [], exclude: ["Pmp*"] }).unmatched).toEqual(["Pmp*"]);
    expect(thrown(() => selectViews(models, { include: ["Nope"], exclude: [] }), UsageError).message).toContain("leave no view");
  });
});
