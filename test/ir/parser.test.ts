import { describe, expect, test } from "bun:test";
import type { PropertyType } from "../../src/client/models.ts";
import { type IRPrimitive, parseModels } from "../../src/ir/index.ts";
import { mapped, model, text, view } from "../support/model-builder.ts";
import { plantModel } from "../support/plant-model.ts";

describe("parseModels", () => {
  const ir = parseModels([plantModel()]);
  const pump = ir.classes.find((irClass) => irClass.view.externalId === "Pump");
  const typeOf = (identifier: string) => pump?.properties.find((property) => property.identifier === identifier)?.type;

  test("one class per view, in view-id order, with CDF identifiers and no names yet", () => {
    expect(ir.classes.map((irClass) => irClass.id)).toEqual([
      "sp_test/Asset/1",
      "sp_test/Flow/1",
      "sp_test/Pump/1",
      "sp_test/Station/1",
      "sp_test/Tank/1",
    ]);
    expect(pump?.view).toEqual({ space: "sp_test", externalId: "Pump", version: "1" });
    expect(pump?.names.className).toBe("");
    expect(ir.language).toBeUndefined();
  });

  test("primitive types, nullability and lists", () => {
    expect(typeOf("name")).toEqual({ kind: "primitive", primitive: "string" });
    expect(typeOf("tags")).toEqual({
      kind: "nullable",
      inner: { kind: "list", element: { kind: "primitive", primitive: "string" }, maxSize: 10 },
    });
    expect(typeOf("running")).toEqual({ kind: "nullable", inner: { kind: "primitive", primitive: "boolean" } });
    expect(typeOf("readings")).toEqual({ kind: "nullable", inner: { kind: "list", element: { kind: "primitive", primitive: "float64" } } });
    const nullablePrimitives: [string, IRPrimitive][] = [
      ["installed", "date"],
      ["updated", "timestamp"],
      ["config", "json"],
      ["ratio", "float32"],
      ["head", "float64"],
    ];
    for (const [identifier, primitive] of nullablePrimitives) {
      expect(typeOf(identifier)).toEqual({ kind: "nullable", inner: { kind: "primitive", primitive } });
    }
    expect(typeOf("starts")).toEqual({ kind: "primitive", primitive: "int32" });
    expect(typeOf("serial")).toEqual({ kind: "primitive", primitive: "int64" });
  });

  test("write requirements, defaults, units and containers", () => {
    const property = (identifier: string) => pump?.properties.find((candidate) => candidate.identifier === identifier);
    expect(property("name")?.requiredOnWrite).toBe(true);
    expect(property("starts")?.requiredOnWrite).toBe(false);
    expect(property("serial")?.requiredOnWrite).toBe(false);
    expect(property("serial")?.defaultValue).toBe(0);
    expect(property("head")?.unit).toEqual({ externalId: "length:m" });
    expect(property("head")?.container).toEqual({ space: "sp_test", externalId: "Container", property: "property" });
  });

  test("enums, CDF resource references and node references", () => {
    expect(typeOf("state")).toEqual({
      kind: "nullable",
      inner: {
        kind: "enum",
        unknownValue: "open",
        values: [
          { value: "open", name: "", displayName: undefined, description: undefined },
          { value: "closed", name: "", displayName: undefined, description: undefined },
          { value: "class", name: "", displayName: undefined, description: undefined },
        ],
      },
    });
    expect(typeOf("pressure")).toEqual({ kind: "nullable", inner: { kind: "cdfReference", resource: "timeseries" } });
    expect(typeOf("manual")).toEqual({ kind: "nullable", inner: { kind: "cdfReference", resource: "file" } });
    expect(typeOf("curves")).toEqual({
      kind: "nullable",
      inner: { kind: "list", element: { kind: "cdfReference", resource: "sequence" } },
    });
    expect(typeOf("station")).toEqual({
      kind: "nullable",
      inner: { kind: "nodeReference", targetView: { space: "sp_test", externalId: "Station", version: "1" } },
    });
    expect(typeOf("anything")).toEqual({ kind: "nullable", inner: { kind: "nodeReference", targetView: undefined } });
  });

  test("connections are read-only node references, single as nullable, multi as list", () => {
    const feeds = pump?.properties.find((property) => property.identifier === "feeds");
    expect(feeds?.kind).toBe("connection");
    expect(feeds?.type).toEqual({
      kind: "list",
      element: { kind: "nodeReference", targetView: { space: "sp_test", externalId: "Tank", version: "1" } },
    });
    expect(typeOf("mainTank")).toEqual({
      kind: "nullable",
      inner: { kind: "nodeReference", targetView: { space: "sp_test", externalId: "Tank", version: "1" } },
    });
  });

  test("methods follow the properties: search needs text, histogram numbers, upsert a writable view", () => {
    expect(pump?.methods.map((method) => method.name)).toEqual([
      "list",
      "retrieve",
      "iterate",
      "aggregate",
      "search",
      "histogram",
      "upsert",
      "delete",
    ]);
    expect(pump?.methods.find((method) => method.name === "histogram")?.properties).toEqual(["head", "starts", "serial", "ratio"]);
    expect(pump?.methods.find((method) => method.name === "search")?.properties).toEqual(["name"]);
    const readOnly = parseModels([model([view("Report", { total: mapped({ type: "float64", list: false }) }, { writable: false })])]);
    expect(readOnly.classes[0]?.methods.map((method) => method.name)).toEqual([
      "list",
      "retrieve",
      "iterate",
      "aggregate",
      "histogram",
      "delete",
    ]);
  });

  test("unknown types are skipped and an enum without values reads as text: parsing never throws", () => {
    const broken = parseModels([
      model([
        view("Odd", {
          weird: mapped({ type: "vector" } as unknown as PropertyType),
          missing: mapped(undefined as unknown as PropertyType),
          empty: mapped({ type: "enum", values: {} }),
          name: text(),
        }),
      ]),
    ]);
    expect(broken.classes[0]?.properties.map((property) => [property.identifier, property.type])).toEqual([
      ["empty", { kind: "nullable", inner: { kind: "primitive", primitive: "string" } }],
      ["name", { kind: "nullable", inner: { kind: "primitive", primitive: "string" } }],
    ]);
  });

  test("several models: shared views become one class, each module lists its own", () => {
    const station = view("Station", { name: text() });
    const parsed = parseModels([
      model([station, view("Pump")], { externalId: "Pumps" }),
      model([station, view("Tank")], { externalId: "Tanks" }),
    ]);
    expect(parsed.classes.map((irClass) => irClass.view.externalId)).toEqual(["Pump", "Station", "Tank"]);
    expect(parsed.modules.map((module) => [module.id, module.classes])).toEqual([
      ["sp_test/Pumps/1", ["sp_test/Station/1", "sp_test/Pump/1"]],
      ["sp_test/Tanks/1", ["sp_test/Station/1", "sp_test/Tank/1"]],
    ]);
  });
});
