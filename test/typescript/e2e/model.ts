/**
 * The small model the end-to-end tests seed the emulator with: stations with pumps (an outwards edge field), and
 * pumps pointing back at their station (a direct relation). Each view stores its properties in its own container.
 */
import type { MappedProperty } from "../../../src/client/models.ts";
import { direct, edge, model, primitive, SPACE, text, view } from "../../support/model-builder.ts";

function stored(container: string, properties: Record<string, MappedProperty>): Record<string, MappedProperty> {
  return Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [
      name,
      { ...property, container: { type: "container", space: SPACE, externalId: container }, containerPropertyIdentifier: name },
    ]),
  );
}

export const MODEL = model([
  view("Station", { ...stored("Station", { name: text({ nullable: false }) }), pumps: edge("Pump") }),
  view(
    "Pump",
    stored("Pump", {
      name: text({ nullable: false }),
      flowRate: primitive("float64"),
      serial: primitive("int64"),
      installed: primitive("timestamp"),
      serviced: primitive("date"),
      station: direct("Station"),
    }),
  ),
]);
