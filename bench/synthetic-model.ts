/**
 * A synthetic data model of any size, for benchmarks: views with every property type, direct relations, edges
 * (some with properties), reverse relations and implements chains, all pointing at views that exist. The same size
 * gives the same model, so runs compare.
 */
import type { DataModel, MappedProperty, PropertyType, View, ViewProperty, ViewReference } from "../src/client/models.ts";

const SPACE = "sp_synthetic";

const reference = (index: number): ViewReference => ({ type: "view", space: SPACE, externalId: `Entity${index}`, version: "1" });

function mapped(type: PropertyType, nullable = true): MappedProperty {
  return {
    kind: "mapped",
    container: { type: "container", space: SPACE, externalId: "Container" },
    containerPropertyIdentifier: "value",
    type,
    nullable,
    immutable: false,
    autoIncrement: false,
  };
}

function propertiesOf(index: number, viewCount: number): Record<string, ViewProperty> {
  const next = (index + 1) % viewCount;
  const previous = (index + viewCount - 1) % viewCount;
  return {
    name: mapped({ type: "text", list: false }, false),
    description: mapped({ type: "text", list: false }),
    aliases: mapped({ type: "text", list: true }),
    isActive: mapped({ type: "boolean", list: false }),
    count: mapped({ type: "int32", list: false }),
    serialNumber: mapped({ type: "int64", list: false }),
    ratio: mapped({ type: "float32", list: false }),
    measuredValue: mapped({ type: "float64", list: false, unit: { externalId: "length:m" } }),
    readings: mapped({ type: "float64", list: true }),
    installedAt: mapped({ type: "timestamp", list: false }),
    commissioned: mapped({ type: "date", list: false }),
    metadata: mapped({ type: "json", list: false }),
    status: mapped({ type: "enum", values: { running: {}, stopped: {}, unknown: {} }, unknownValue: "unknown" }),
    series: mapped({ type: "timeseries", list: false }),
    document: mapped({ type: "file", list: false }),
    curve: mapped({ type: "sequence", list: false }),
    parent: mapped({ type: "direct", list: false, source: reference(previous) }),
    related: mapped({ type: "direct", list: true, source: reference(next) }),
    children: {
      kind: "reverse",
      connectionType: "multi_reverse_direct_relation",
      source: reference(next),
      through: { source: reference(next), identifier: "parent" },
    },
    linkedTo: {
      kind: "edge",
      connectionType: "multi_edge_connection",
      type: { space: SPACE, externalId: `Entity${index}.linkedTo` },
      source: reference(next),
      direction: "outwards",
    },
  };
}

/** `viewCount` views; every tenth implements the one before it, like interface hierarchies in real models. */
export function syntheticModel(viewCount: number): DataModel {
  const views: View[] = Array.from({ length: viewCount }, (_, index) => ({
    space: SPACE,
    externalId: `Entity${index}`,
    version: "1",
    implements: index % 10 === 9 ? [reference(index - 1)] : [],
    writable: true,
    usedFor: "node",
    isGlobal: false,
    properties: propertiesOf(index, viewCount),
  }));
  return { space: SPACE, externalId: "Synthetic", version: "1", isGlobal: false, views };
}
