/**
 * The validator on every real model in ../shared/models, with each expected finding written out, and on the
 * example bundled into the binary.
 */
import { describe, expect, test } from "bun:test";
import type { DataModel } from "../../src/client/models.ts";
import { loadExampleModel, loadModelFile } from "../../src/sources.ts";
import type { ValidationResult } from "../../src/validate/index.ts";
import { DataModelValidator } from "../support/python-validator.ts";
import { describeShared, sharedModelNames, sharedModelPath } from "../support/shared-models.ts";

async function load(...names: string[]): Promise<DataModel[]> {
  const loaded = await Promise.all(names.map((name) => loadModelFile(sharedModelPath(name))));
  return loaded.flatMap((file) => file.models);
}

const findings = (result: ValidationResult) =>
  [...result.errors, ...result.warnings, ...result.infos].map((issue) => `${issue.severity} ${issue.code} ${issue.location}`);

describeShared("validator on ../shared/models", () => {
  test("every shared model is valid: nothing is dropped", async () => {
    for (const name of sharedModelNames()) {
      const models = await load(name);
      const result = DataModelValidator.validate(models);
      expect({ name, errors: result.errors }).toEqual({ name, errors: [] });
      expect(result.filteredModel).toEqual(models);
    }
  });

  test("Omni: Python's date and json shadow the field names, two read-only views, two untyped direct relations", async () => {
    expect(findings(DataModelValidator.validate(await load("Omni")))).toEqual([
      "warning SHADOWED_MEMBER sp_pygen_models/Empty/date",
      "warning SHADOWED_MEMBER sp_pygen_models/Empty/json",
      "warning SHADOWED_MEMBER sp_pygen_models/PrimitiveNullable/date",
      "warning SHADOWED_MEMBER sp_pygen_models/PrimitiveNullable/json",
      "warning SHADOWED_MEMBER sp_pygen_models/PrimitiveNullableListed/date",
      "warning SHADOWED_MEMBER sp_pygen_models/PrimitiveNullableListed/json",
      "warning SHADOWED_MEMBER sp_pygen_models/PrimitiveRequired/date",
      "warning SHADOWED_MEMBER sp_pygen_models/PrimitiveRequired/json",
      "warning SHADOWED_MEMBER sp_pygen_models/PrimitiveRequiredListed/date",
      "warning SHADOWED_MEMBER sp_pygen_models/PrimitiveRequiredListed/json",
      "info READ_ONLY_TARGET sp_pygen_models/ConnectionItemA/otherDirect",
      "info READ_ONLY_VIEW sp_pygen_models/ConnectionItemC",
      "info UNTYPED_DIRECT_RELATION sp_pygen_models/ConnectionItemE/directListNoSource",
      "info UNTYPED_DIRECT_RELATION sp_pygen_models/ConnectionItemE/directNoSource",
      "info READ_ONLY_TARGET sp_pygen_models/DependentOnNonWritable/toNonWritable",
      "info READ_ONLY_VIEW sp_pygen_models/Implementation1NonWriteable",
    ]);
  });

  test("OmniSub: a property called `properties` takes the name of the search parameter", async () => {
    const result = DataModelValidator.validate(await load("OmniSub"));
    expect(findings(result)).toEqual([
      "warning SHADOWED_MEMBER sp_pygen_models/ConnectionItemA/properties",
      "info READ_ONLY_TARGET sp_pygen_models/ConnectionItemA/otherDirect",
      "info READ_ONLY_VIEW sp_pygen_models/ConnectionItemC",
    ]);
    expect(result.warnings[0]?.message).toContain('it is "properties_"');
  });

  test("Pumps: Pump and Pumps do not collide (the SDK names nothing by plural forms), so nothing is reported", async () => {
    expect(findings(DataModelValidator.validate(await load("Pumps")))).toEqual([]);
  });

  test("WindTurbine: swapped reverse relations, a keyword property, an untyped relation", async () => {
    const result = DataModelValidator.validate(await load("WindTurbine"));
    expect(findings(result)).toEqual([
      "warning REVERSE_THROUGH_OTHER_VIEW sp_pygen_power/Generator/nacelle",
      "warning REVERSE_THROUGH_OTHER_VIEW sp_pygen_power/MainShaft/nacelle",
      "warning RESERVED_WORD sp_pygen_power/SensorTimeSeries/type",
      "info UNTYPED_DIRECT_RELATION sp_pygen_power/Nacelle/acc_from_back_side_x",
    ]);
    expect(result.warnings[0]?.message).toContain("follows Nacelle.main_shaft back, but that relation points at MainShaft, not Generator");
  });

  test("WindTurbine reaches cdf_cdm through containers only; a parent view from cdf_cdm outside the model is a note", async () => {
    const [windTurbine] = await load("WindTurbine");
    if (windTurbine === undefined) throw new Error("WindTurbine model missing");
    const cdmContainers = windTurbine.views.flatMap((view) =>
      Object.values(view.properties).filter((property) => property.kind === "mapped" && property.container.space === "cdf_cdm"),
    );
    expect(cdmContainers.length).toBeGreaterThan(0);
    const describable = { type: "view" as const, space: "cdf_cdm", externalId: "CogniteDescribable", version: "v1" };
    const withCdmParents = {
      ...windTurbine,
      views: windTurbine.views.map((view) => ({ ...view, implements: [...view.implements, describable] })),
    };
    const result = DataModelValidator.validate(withCdmParents);
    const notes = result.infos.filter((issue) => issue.code === "IMPLEMENTS_OUTSIDE_MODEL");
    expect(notes).toHaveLength(windTurbine.views.length);
    expect(notes[0]?.message).toContain("cdf_cdm/CogniteDescribable/v1");
    expect(result.errors).toEqual([]);
  });

  test("OmniMulti A, B and C as one SDK: shared views once, Implementation1 told apart by version", async () => {
    const models = await load("OmniMultiA", "OmniMultiB", "OmniMultiC");
    const result = DataModelValidator.validate(models);
    expect(findings(result)).toEqual([
      "warning AMBIGUOUS_VIEW_NAME pygen-models-other/Implementation1",
      "warning AMBIGUOUS_VIEW_NAME pygen-models/Implementation1",
    ]);
    expect(result.warnings.map((issue) => issue.message)).toEqual([
      "pygen-models-other/Implementation1/1 shares its externalId with pygen-models/Implementation1/2: its class is Implementation1V1",
      "pygen-models/Implementation1/2 shares its externalId with pygen-models-other/Implementation1/1: its class is Implementation1V2",
    ]);
    expect(result.filteredModel.map((model) => model.externalId)).toEqual(["OmniMultiA", "OmniMultiB", "OmniMultiC"]);
    for (const name of ["OmniMultiA", "OmniMultiB", "OmniMultiC"]) {
      expect(findings(DataModelValidator.validate(await load(name)))).toEqual([]);
    }
  });
});

describe("validator on the bundled example", () => {
  test("only the untyped parent relations are noted", () => {
    const result = DataModelValidator.validate(loadExampleModel().models);
    expect(findings(result)).toEqual([
      "info UNTYPED_DIRECT_RELATION pygen_example/Asset/parent",
      "info UNTYPED_DIRECT_RELATION pygen_example/Generator/parent",
      "info UNTYPED_DIRECT_RELATION pygen_example/HydroPlant/parent",
      "info UNTYPED_DIRECT_RELATION pygen_example/Reservoir/parent",
    ]);
    expect(result.isValid).toBe(true);
  });
});
