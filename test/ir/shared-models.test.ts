/**
 * The IR of the real models in ../shared/models. Omni holds every property type and connection kind, so its IR
 * is checked property by property; the others check what multi-model input and naming traps do to the IR.
 */
import { expect, test } from "bun:test";
import type { DataModel } from "../../src/client/models.ts";
import { pythonNaming } from "../../src/generators/python/naming.ts";
import { buildIR, type IRClass, type IRModel, type IRType } from "../../src/ir/index.ts";
import { loadModelFile } from "../../src/sources.ts";
import { DataModelValidator } from "../../src/validate/index.ts";
import { describeShared, sharedModelNames, sharedModelPath } from "../support/shared-models.ts";

async function irOf(names: string[], inheritance: "flatten" | "keep" = "flatten"): Promise<IRModel> {
  const loaded = await Promise.all(names.map((name) => loadModelFile(sharedModelPath(name))));
  const models: DataModel[] = loaded.flatMap((file) => file.models);
  return buildIR(DataModelValidator.validate(models).filteredModel, { naming: pythonNaming, inheritance });
}

const classNamed = (ir: IRModel, externalId: string): IRClass => {
  const found = ir.classes.find((irClass) => irClass.view.externalId === externalId);
  if (found === undefined) throw new Error(`no class for ${externalId}`);
  return found;
};

/** A compact spelling of an IR type: `string?`, `list[ref(ConnectionItemE)]`, `enum(a|b)`. */
function spell(type: IRType): string {
  switch (type.kind) {
    case "primitive":
      return type.primitive;
    case "nullable":
      return `${spell(type.inner)}?`;
    case "list":
      return `list[${spell(type.element)}]`;
    case "enum":
      return `enum(${type.values.map((value) => value.value).join("|")})`;
    case "cdfReference":
      return type.resource;
    case "nodeReference":
      return `ref(${type.target?.split("/")[1] ?? "untyped"})`;
  }
}

const shapeOf = (irClass: IRClass) =>
  Object.fromEntries(
    irClass.properties.map((property) => {
      const relationship = property.relationship;
      const link = relationship ? ` ${relationship.kind} ${relationship.cardinality} ${relationship.direction}` : "";
      return [property.identifier, `${spell(property.type)}${link}`];
    }),
  );

describeShared("IR of ../shared/models", () => {
  test("Omni: every primitive, nullable and required, single and listed", async () => {
    const ir = await irOf(["Omni"]);
    const primitives = {
      boolean: "boolean",
      date: "date",
      float32: "float32",
      float64: "float64",
      int32: "int32",
      int64: "int64",
      json: "json",
      text: "string",
      timestamp: "timestamp",
    };
    const expectShape = (externalId: string, spellOf: (primitive: string) => string) =>
      expect(shapeOf(classNamed(ir, externalId))).toEqual(
        Object.fromEntries(Object.entries(primitives).map(([identifier, primitive]) => [identifier, spellOf(primitive)])),
      );
    expectShape("PrimitiveNullable", (primitive) => `${primitive}?`);
    expectShape("PrimitiveRequired", (primitive) => primitive);
    expectShape("PrimitiveNullableListed", (primitive) => `list[${primitive}]?`);
    expectShape("PrimitiveRequiredListed", (primitive) => `list[${primitive}]`);
    expect(shapeOf(classNamed(ir, "CDFExternalReferences"))).toEqual({ file: "file?", sequence: "sequence?", timeseries: "timeseries?" });
    expect(shapeOf(classNamed(ir, "CDFExternalReferencesListed"))).toEqual({
      files: "list[file]?",
      sequences: "list[sequence]?",
      timeseries: "list[timeseries]?",
    });
    const defaults = classNamed(ir, "PrimitiveWithDefaults").properties;
    expect(defaults.find((property) => property.identifier === "autoIncrementInt32")?.autoIncrement).toBe(true);
    expect(defaults.find((property) => property.identifier === "autoIncrementInt32")?.requiredOnWrite).toBe(false);
    expect(defaults.find((property) => property.identifier === "defaultString")?.defaultValue).toBeDefined();
  });

  test("Omni: every connection kind with its cardinality and direction", async () => {
    const ir = await irOf(["Omni"]);
    expect(shapeOf(classNamed(ir, "ConnectionItemA"))).toEqual({
      name: "string?",
      otherDirect: "ref(ConnectionItemC)? direct one outwards",
      outwards: "list[ref(ConnectionItemB)] edge many outwards",
      selfDirect: "ref(ConnectionItemA)? direct one outwards",
    });
    expect(shapeOf(classNamed(ir, "ConnectionItemB"))).toEqual({
      inwards: "list[ref(ConnectionItemA)] edge many inwards",
      name: "string?",
      selfEdge: "list[ref(ConnectionItemB)] edge many outwards",
    });
    expect(shapeOf(classNamed(ir, "ConnectionItemD"))).toEqual({
      directMulti: "list[ref(ConnectionItemE)]? direct many outwards",
      directSingle: "ref(ConnectionItemE)? direct one outwards",
      name: "string?",
      outwardsSingle: "ref(ConnectionItemE)? edge one outwards",
    });
    expect(shapeOf(classNamed(ir, "ConnectionItemE"))).toEqual({
      directListNoSource: "list[ref(untyped)]? direct many outwards",
      directNoSource: "ref(untyped)? direct one outwards",
      directReverseMulti: "list[ref(ConnectionItemD)] reverse many inwards",
      directReverseSingle: "ref(ConnectionItemD)? reverse one inwards",
      inwardsSingle: "ref(ConnectionItemD)? edge one inwards",
      inwardsSingleProperty: "ref(ConnectionItemF)? edge one inwards",
      name: "string?",
    });
    expect(shapeOf(classNamed(ir, "ConnectionItemF"))).toEqual({
      directList: "list[ref(ConnectionItemD)]? direct many outwards",
      name: "string?",
      outwardsMulti: "list[ref(ConnectionItemG)] edge many outwards",
      outwardsSingle: "ref(ConnectionItemE)? edge one outwards",
    });
    expect(shapeOf(classNamed(ir, "ConnectionItemG"))).toEqual({
      inwardsMultiProperty: "list[ref(ConnectionItemF)] edge many inwards",
      name: "string?",
    });
    const itemE = classNamed(ir, "ConnectionItemE").properties;
    const relationshipOf = (identifier: string) => itemE.find((property) => property.identifier === identifier)?.relationship;
    // Reverse through a list direct relation (ConnectionItemD.directMulti) and through a single one.
    expect(relationshipOf("directReverseMulti")?.through).toMatchObject({
      property: "directMulti",
      class: "sp_pygen_models/ConnectionItemD/1",
      isList: true,
    });
    expect(relationshipOf("directReverseSingle")?.through).toMatchObject({ property: "directSingle", isList: false });
    // Edges with properties read them through ConnectionEdgeA, an edge view.
    expect(relationshipOf("inwardsSingleProperty")?.edge).toMatchObject({
      type: { externalId: "multiProperty" },
      propertiesClass: "sp_pygen_models/ConnectionEdgeA/1",
    });
    expect(relationshipOf("inwardsSingle")?.edge?.propertiesClass).toBeUndefined();
    expect(classNamed(ir, "ConnectionEdgeA").usedFor).toBe("edge");
  });

  test("Omni: names keep acronyms, escape date and json, and follow the CDF identifier rather than the display name", async () => {
    const ir = await irOf(["Omni"]);
    expect(classNamed(ir, "CDFExternalReferences").names.className).toBe("CDFExternalReferences");
    const nullable = classNamed(ir, "PrimitiveNullable").properties;
    expect(nullable.map((property) => property.name)).toEqual([
      "boolean",
      "date_",
      "float_32",
      "float_64",
      "int_32",
      "int_64",
      "json_",
      "text",
      "timestamp",
    ]);
    // boolean's display name is "text"; the field still comes from the identifier.
    expect(nullable.find((property) => property.identifier === "boolean")?.displayName).toBe("text");
    const itemH = classNamed(ir, "ConnectionItemH").properties;
    expect(itemH.find((property) => property.identifier === "directParentMulti")?.name).toBe("direct_parent_multi");
  });

  test("Omni with inheritance kept: Implementation1 extends SubInterface and MainInterface and declares only its own values", async () => {
    const ir = await irOf(["Omni"], "keep");
    const implementation = classNamed(ir, "Implementation1");
    expect(implementation.parents).toEqual(["sp_pygen_models/SubInterface/1", "sp_pygen_models/MainInterface/1"]);
    expect(implementation.properties.map((property) => property.identifier)).toEqual(["value1", "value2"]);
    expect(classNamed(ir, "SubInterface").properties.map((property) => property.identifier)).toEqual(["subValue"]);
  });

  test("OmniMulti A, B and C: shared views once, modules per model, Implementation1 by version", async () => {
    const ir = await irOf(["OmniMultiA", "OmniMultiB", "OmniMultiC"]);
    expect(ir.classes.map((irClass) => `${irClass.id} ${irClass.names.className}`)).toEqual([
      "pygen-models-other/Implementation1/1 Implementation1V1",
      "pygen-models/Implementation1/2 Implementation1V2",
      "pygen-models/MainInterface/1 MainInterface",
      "pygen-models/SubInterface/1 SubInterface",
    ]);
    expect(ir.modules.map((module) => [module.names.moduleAttribute, module.classes.length])).toEqual([
      ["omni_multi_a", 2],
      ["omni_multi_b", 3],
      ["omni_multi_c", 1],
    ]);
    expect(classNamed(ir, "MainInterface").names.fileName).toBe("main_interface");
    expect(ir.classes.find((irClass) => irClass.id === "pygen-models/Implementation1/2")?.names.fileName).toBe("implementation_1_v2");
  });

  test("Pumps: the class names stay apart and the variables take literal names", async () => {
    const ir = await irOf(["Pumps"]);
    expect(
      ir.classes.map((irClass) => [
        irClass.names.className,
        irClass.names.variable,
        irClass.names.variableList,
        irClass.names.clientAttribute,
      ]),
    ).toEqual([
      ["Pump", "pump", "pump_list", "pump"],
      ["Pumps", "pumps", "pumps_list", "pumps"],
    ]);
  });

  test("WindTurbine: an enum, edges with properties both ways, the swapped reverse relations kept as declared", async () => {
    const ir = await irOf(["WindTurbine"]);
    expect(shapeOf(classNamed(ir, "SensorTimeSeries")).type).toBe("enum(string|numeric)");
    const type = classNamed(ir, "SensorTimeSeries").properties.find((property) => property.identifier === "type");
    expect(type?.name).toBe("type_");
    expect(type?.filters).toEqual([{ operator: "equals", name: "type_" }]);
    expect(shapeOf(classNamed(ir, "WindTurbine"))).toMatchObject({
      metmast: "list[ref(Metmast)] edge many outwards",
      blades: "list[ref(Blade)]? direct many outwards",
      powerCurve: "sequence?",
    });
    expect(shapeOf(classNamed(ir, "Metmast")).wind_turbines).toBe("list[ref(WindTurbine)] edge many inwards");
    const metmastEdge = classNamed(ir, "WindTurbine").properties.find((property) => property.identifier === "metmast")?.relationship?.edge;
    expect(metmastEdge?.propertiesClass).toBe("sp_pygen_power/Distance/1");
    const generatorNacelle = classNamed(ir, "Generator").properties.find((property) => property.identifier === "nacelle")?.relationship;
    expect(generatorNacelle).toMatchObject({
      kind: "reverse",
      cardinality: "one",
      target: "sp_pygen_power/Nacelle/1",
      through: { property: "main_shaft" },
    });
    expect(shapeOf(classNamed(ir, "Nacelle")).acc_from_back_side_x).toBe("ref(untyped)? direct one outwards");
  });

  test("every shared model gives unique names in every namespace", async () => {
    for (const name of sharedModelNames()) {
      const ir = await irOf([name]);
      for (const slot of ["className", "writeClassName", "listClassName", "apiClassName", "fileName", "clientAttribute"] as const) {
        const names = ir.classes.map((irClass) => irClass.names[slot]);
        expect({ name, slot, unique: new Set(names).size }).toEqual({ name, slot, unique: names.length });
      }
      for (const irClass of ir.classes) {
        const fields = irClass.properties.map((property) => property.name);
        expect(new Set(fields).size).toBe(fields.length);
      }
    }
  });
});
