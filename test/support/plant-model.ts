/** A small plant model that uses every property type and connection kind, for the IR tests. */
import type { DataModel } from "../../src/client/models.ts";
import { direct, edge, enumOf, mapped, model, primitive, ref, reverse, text, view } from "./model-builder.ts";

export function plantModel(): DataModel {
  return model([
    view("Asset", { name: text({ nullable: false }), tags: mapped({ type: "text", list: true, maxListSize: 10 }) }),
    view(
      "Pump",
      {
        name: text({ nullable: false }),
        tags: mapped({ type: "text", list: true, maxListSize: 10 }),
        head: mapped({ type: "float64", list: false, unit: { externalId: "length:m" } }),
        running: primitive("boolean"),
        installed: primitive("date"),
        updated: primitive("timestamp"),
        config: primitive("json"),
        starts: mapped({ type: "int32", list: false }, { nullable: false, autoIncrement: true }),
        serial: mapped({ type: "int64", list: false }, { nullable: false, defaultValue: 0 }),
        ratio: primitive("float32"),
        readings: primitive("float64", true),
        state: enumOf(["open", "closed", "class"], "open"),
        pressure: mapped({ type: "timeseries", list: false }),
        manual: mapped({ type: "file", list: false }),
        curves: mapped({ type: "sequence", list: true }),
        station: direct("Station"),
        spares: direct("Pump", { list: true }),
        anything: direct(),
        feeds: edge("Tank", { edgeSource: "Flow" }),
        mainTank: edge("Tank", { single: true, direction: "inwards" }),
      },
      { implements: [ref("Asset")] },
    ),
    view("Station", {
      name: text(),
      pumps: reverse("Pump", "station"),
      firstPump: reverse("Pump", "station", { single: true }),
      spareFor: reverse("Pump", "spares"),
    }),
    view("Tank", { volume: primitive("float64") }),
    view("Flow", { rate: primitive("float64") }, { usedFor: "edge" }),
  ]);
}
