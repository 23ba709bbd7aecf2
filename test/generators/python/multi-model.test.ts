import { expect, test } from "bun:test";
import type { DataModel } from "../../../src/client/models.ts";
import { type GenerationResult, generateSdk } from "../../../src/pipeline.ts";
import { loadModelFile } from "../../../src/sources.ts";
import { model, ref, text, view } from "../../support/model-builder.ts";
import { describeShared, sharedModelPath } from "../../support/shared-models.ts";

const FIXED = { generatedAt: "2026-01-01T00:00:00+00:00", topLevelPackage: "sdk" };

function clientModule(result: GenerationResult): string {
  const file = result.files.find((candidate) => candidate.path === "sdk/_client.py");
  if (file === undefined) throw new Error("no _client.py");
  return file.content;
}

/** `attribute → API class` of each `self.x = XAPI(...)` line of one class body in `_client.py`. */
function connections(content: string, className: string): Record<string, string> {
  const start = content.indexOf(`class ${className}(`);
  const next = content.indexOf("\nclass ", start + 1);
  const body = content.slice(start, next < 0 ? undefined : next);
  return Object.fromEntries([...body.matchAll(/self\.(\w+) = (\w+)\(/g)].map((match) => [match[1], match[2]]));
}

test("one data model keeps one attribute per view on the client, and names its model for GraphQL", () => {
  const single = model([view("Asset", { name: text() }), view("Pump", { name: text() }, { implements: [ref("Asset")] })]);
  const content = clientModule(generateSdk({ models: [single], origin: "test" }, FIXED));
  expect(connections(content, "TestModelClient")).toEqual({ asset: "AssetAPI", pump: "PumpAPI" });
  expect(content).toContain('_data_model = DataModelId("sp_test", "TestModel", "1")');
  expect(content).not.toContain("DataModelAPIs");
});

describeShared("several data models in one SDK (OmniMulti A, B and C)", () => {
  const load = async (name: string): Promise<DataModel[]> => (await loadModelFile(sharedModelPath(name))).models;
  const models = async () => [...(await load("OmniMultiA")), ...(await load("OmniMultiB")), ...(await load("OmniMultiC"))];

  test("the client has one group of APIs per data model, each with the views of its model", async () => {
    const result = generateSdk({ models: await models(), origin: "test" }, FIXED);
    const content = clientModule(result);
    expect(connections(content, "OmniMultiAClient")).toEqual({
      omni_multi_a: "OmniMultiAAPIs",
      omni_multi_b: "OmniMultiBAPIs",
      omni_multi_c: "OmniMultiCAPIs",
    });
    // The shared views are generated once and offered by every group whose model has them.
    expect(connections(content, "OmniMultiAAPIs")).toEqual({ main_interface: "MainInterfaceAPI", sub_interface: "SubInterfaceAPI" });
    expect(connections(content, "OmniMultiBAPIs")).toEqual({
      implementation_1_v2: "Implementation1V2API",
      main_interface: "MainInterfaceAPI",
      sub_interface: "SubInterfaceAPI",
    });
    expect(connections(content, "OmniMultiCAPIs")).toEqual({ implementation_1_v1: "Implementation1V1API" });
    expect(content).toContain('    _data_model = DataModelId("pygen-models", "OmniMultiB", "1")');
    expect(result.files.filter((file) => file.path.startsWith("sdk/data_classes/_main_interface"))).toHaveLength(1);
  });

  test("the README names each view's API through its group", async () => {
    const readme = generateSdk({ models: await models(), origin: "test" }, FIXED).files.find((file) => file.path === "README.md");
    expect(readme?.content).toContain("| `client.omni_multi_b.implementation_1_v2` | `Implementation1V2` |");
    expect(readme?.content).toContain("items = client.omni_multi_c.implementation_1_v1.list(limit=10)");
  });
});
