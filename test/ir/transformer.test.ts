import { describe, expect, test } from "bun:test";
import { pythonNaming } from "../../src/generators/python/naming.ts";
import { buildIR, type IRClass, type IRModel } from "../../src/ir/index.ts";
import { direct, model, ref, text, view } from "../support/model-builder.ts";
import { plantModel } from "../support/plant-model.ts";

const classNamed = (ir: IRModel, externalId: string): IRClass => {
  const found = ir.classes.find((irClass) => irClass.view.externalId === externalId);
  if (found === undefined) throw new Error(`no class for ${externalId}`);
  return found;
};
const propertyOf = (irClass: IRClass, identifier: string) => irClass.properties.find((property) => property.identifier === identifier);

describe("transformModel: names", () => {
  const ir = buildIR([plantModel()], { naming: pythonNaming });
  const pump = classNamed(ir, "Pump");

  test("classes get every generated name, and the language is recorded", () => {
    expect(ir.language).toBe("python");
    expect(pump.names).toEqual({
      className: "Pump",
      writeClassName: "PumpWrite",
      listClassName: "PumpList",
      writeListClassName: "PumpWriteList",
      apiClassName: "PumpAPI",
      fileName: "pump",
      clientAttribute: "pump",
    });
    expect(ir.modules[0]?.names).toEqual({ moduleClassName: "TestModelAPIs", moduleAttribute: "test_model" });
  });

  test("fields are snake_case beside their CDF identifiers; enum members and filters are named", () => {
    expect(propertyOf(pump, "mainTank")?.name).toBe("main_tank");
    const state = propertyOf(pump, "state");
    expect(
      state?.type.kind === "nullable" &&
        state.type.inner.kind === "enum" &&
        state.type.inner.values.map((value) => [value.value, value.name]),
    ).toEqual([
      ["open", "open"],
      ["closed", "closed"],
      ["class", "class_"],
    ]);
    expect(propertyOf(pump, "name")?.filters).toEqual([
      { operator: "equals", name: "name" },
      { operator: "prefix", name: "name_prefix" },
    ]);
    expect(propertyOf(pump, "head")?.filters).toEqual([
      { operator: "min", name: "min_head" },
      { operator: "max", name: "max_head" },
    ]);
    expect(propertyOf(pump, "station")?.filters).toEqual([{ operator: "equals", name: "station" }]);
    // A list of direct relations filters by the nodes it holds (containsAny in the runtime).
    expect(propertyOf(pump, "spares")?.filters).toEqual([{ operator: "equals", name: "spares" }]);
    expect(propertyOf(pump, "feeds")?.filters).toEqual([]);
  });
});

describe("transformModel: relationships", () => {
  const ir = buildIR([plantModel()], { naming: pythonNaming });
  const pump = classNamed(ir, "Pump");
  const station = classNamed(ir, "Station");

  test("direct relations, single and list, typed or untyped", () => {
    expect(propertyOf(pump, "station")?.relationship).toEqual({
      kind: "direct",
      cardinality: "one",
      direction: "outwards",
      target: "sp_test/Station/1",
      targetView: { space: "sp_test", externalId: "Station", version: "1" },
    });
    expect(propertyOf(pump, "station")?.type).toEqual({
      kind: "nullable",
      inner: { kind: "nodeReference", target: "sp_test/Station/1", targetView: { space: "sp_test", externalId: "Station", version: "1" } },
    });
    expect(propertyOf(pump, "spares")?.relationship?.cardinality).toBe("many");
    expect(propertyOf(pump, "spares")?.relationship?.target).toBe("sp_test/Pump/1");
    expect(propertyOf(pump, "anything")?.relationship).toEqual({
      kind: "direct",
      cardinality: "one",
      direction: "outwards",
      target: undefined,
      targetView: undefined,
    });
  });

  test("edges: multi with properties outwards, single without inwards", () => {
    expect(propertyOf(pump, "feeds")?.relationship).toEqual({
      kind: "edge",
      cardinality: "many",
      direction: "outwards",
      target: "sp_test/Tank/1",
      targetView: { space: "sp_test", externalId: "Tank", version: "1" },
      edge: {
        type: { space: "sp_test", externalId: "type_Tank" },
        propertiesClass: "sp_test/Flow/1",
        propertiesView: { space: "sp_test", externalId: "Flow", version: "1" },
      },
    });
    const mainTank = propertyOf(pump, "mainTank")?.relationship;
    expect([mainTank?.cardinality, mainTank?.direction, mainTank?.edge?.propertiesClass]).toEqual(["one", "inwards", undefined]);
  });

  test("reverse relations: multi and single through a single relation, multi through a list relation", () => {
    expect(propertyOf(station, "pumps")?.relationship).toEqual({
      kind: "reverse",
      cardinality: "many",
      direction: "inwards",
      target: "sp_test/Pump/1",
      targetView: { space: "sp_test", externalId: "Pump", version: "1" },
      through: {
        source: { space: "sp_test", externalId: "Pump", version: "1" },
        sourceKind: "view",
        property: "station",
        class: "sp_test/Pump/1",
        isList: false,
      },
    });
    expect(propertyOf(station, "firstPump")?.relationship?.cardinality).toBe("one");
    expect(propertyOf(station, "firstPump")?.type.kind).toBe("nullable");
    expect(propertyOf(station, "spareFor")?.relationship?.through?.isList).toBe(true);
    expect(propertyOf(station, "spareFor")?.type.kind).toBe("list");
  });

  test("references to views outside the model stay untyped but keep the view", () => {
    const lonely = buildIR([model([view("Pump", { station: direct("Station") })])], { naming: pythonNaming });
    const relationship = lonely.classes[0]?.properties[0]?.relationship;
    expect(relationship?.target).toBeUndefined();
    expect(relationship?.targetView?.externalId).toBe("Station");
  });
});

describe("transformModel: inheritance", () => {
  test("flatten: every class has all its properties and keeps its parents; declaredBy names the declaring class", () => {
    const pump = classNamed(buildIR([plantModel()], { naming: pythonNaming }), "Pump");
    expect(pump.parents).toEqual(["sp_test/Asset/1"]);
    expect(propertyOf(pump, "name")?.declaredBy).toBe("sp_test/Asset/1");
    expect(propertyOf(pump, "head")?.declaredBy).toBe("sp_test/Pump/1");
    expect(pump.properties).toHaveLength(20);
  });

  test("keep: classes extend their parents and carry only what they declare", () => {
    const ir = buildIR([plantModel()], { naming: pythonNaming, inheritance: "keep" });
    const pump = classNamed(ir, "Pump");
    expect(ir.inheritance).toBe("keep");
    expect(pump.parents).toEqual(["sp_test/Asset/1"]);
    expect(pump.properties.map((property) => property.identifier)).not.toContain("name");
    expect(pump.properties).toHaveLength(18);
    expect(classNamed(ir, "Asset").properties.map((property) => property.identifier)).toEqual(["name", "tags"]);
  });

  test("keep on an implements cycle: one link is ignored and no property is lost", () => {
    const cyclic = model([
      view("Alpha", { shared: text(), a: text() }, { implements: [ref("Beta")] }),
      view("Beta", { shared: text(), b: text() }, { implements: [ref("Alpha")] }),
    ]);
    const ir = buildIR([cyclic], { naming: pythonNaming, inheritance: "keep" });
    const [alpha, beta] = [classNamed(ir, "Alpha"), classNamed(ir, "Beta")];
    expect([alpha.parents, beta.parents]).toEqual([["sp_test/Beta/1"], []]);
    expect(alpha.properties.map((property) => property.identifier)).toEqual(["a"]);
    expect(beta.properties.map((property) => property.identifier)).toEqual(["shared", "b"]);
  });

  test("parents outside the model are kept as external parents", () => {
    const ir = buildIR(
      [model([view("Pump", { name: text() }, { implements: [ref("CogniteAsset", { space: "cdf_cdm", version: "v1" })] })])],
      {
        naming: pythonNaming,
        inheritance: "keep",
      },
    );
    expect(ir.classes[0]?.parents).toEqual([]);
    expect(ir.classes[0]?.externalParents).toEqual([{ space: "cdf_cdm", externalId: "CogniteAsset", version: "v1" }]);
    expect(ir.classes[0]?.properties).toHaveLength(1);
  });
});
