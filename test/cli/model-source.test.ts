import { describe, expect, test } from "bun:test";
import { chooseModelSource, parseModelSpecs } from "../../src/cli/model-source.ts";
import type { LoadedConfig } from "../../src/config.ts";
import { ParseError, UsageError } from "../../src/errors.ts";
import { thrown } from "../support/failures.ts";

const noConfig: LoadedConfig = { path: undefined, config: {}, warnings: [] };
const withModel = (model: NonNullable<LoadedConfig["config"]["model"]>): LoadedConfig => ({
  path: "/p/pygen.yaml",
  config: { model },
  warnings: [],
});

describe("--model specs", () => {
  test("full ids, and parts filled in from --space and --model-version", () => {
    expect(parseModelSpecs(["sp:Plant/2", "Pump", "other:Valve"], "sp", "1")).toEqual([
      { space: "sp", externalId: "Plant", version: "2" },
      { space: "sp", externalId: "Pump", version: "1" },
      { space: "other", externalId: "Valve", version: "1" },
    ]);
  });

  test("what is missing is named", () => {
    expect(thrown(() => parseModelSpecs(["Pump/1"], undefined, undefined), UsageError).message).toBe(
      '--model "Pump/1" needs a space (space:… or --space)',
    );
    expect(thrown(() => parseModelSpecs(["a:b:c"], "sp", "1"), UsageError).message).toContain("is not a data model id");
  });
});

describe("choosing the model source", () => {
  test("flags > config > the example, which needs CDF to be unconfigured", () => {
    const config = withModel({ file: "/p/model.yaml" });
    expect(chooseModelSource({ modelFile: "a.yaml" }, config, false)).toEqual({ kind: "files", paths: ["a.yaml"] });
    expect(chooseModelSource({ model: ["sp:M/1"] }, config, false)).toEqual({
      kind: "cdf",
      ids: [{ space: "sp", externalId: "M", version: "1" }],
    });
    expect(chooseModelSource({}, config, true)).toEqual({ kind: "files", paths: ["/p/model.yaml"] });
    expect(chooseModelSource({}, withModel({ ids: [{ space: "s", externalId: "M", version: "3" }] }), true).kind).toBe("cdf");
    expect(chooseModelSource({}, noConfig, false)).toEqual({ kind: "example" });
    expect(thrown(() => chooseModelSource({}, noConfig, true), UsageError).message).toContain(
      "CDF is configured but no data model is named",
    );
  });

  test("a config naming a file and ids at once is refused", () => {
    const both = withModel({ file: "/p/m.yaml", ids: [{ space: "s", externalId: "M", version: "1" }] });
    expect(thrown(() => chooseModelSource({}, both, false), ParseError).message).toBe(
      "/p/pygen.yaml: model.file and model.ids both name a model; keep one",
    );
  });
});
