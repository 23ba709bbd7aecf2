/**
 * Small data models written in code for validator and IR tests. Each helper fills in what CDF would (defaults for
 * nullable, immutable, …) so a test states only what it is about. The objects are built directly, without the
 * valibot schemas, so tests can also hold what the schemas would refuse (hostile identifiers, unknown types).
 */
import type {
  DataModel,
  EdgeConnection,
  MappedProperty,
  PropertyType,
  ReverseDirectRelation,
  View,
  ViewProperty,
  ViewReference,
} from "../../src/client/models.ts";

export const SPACE = "sp_test";

export function ref(externalId: string, options: { space?: string; version?: string } = {}): ViewReference {
  return { type: "view", space: options.space ?? SPACE, externalId, version: options.version ?? "1" };
}

export function view(
  externalId: string,
  properties: Record<string, ViewProperty> = {},
  options: Partial<Omit<View, "externalId" | "properties">> = {},
): View {
  return {
    space: SPACE,
    externalId,
    version: "1",
    implements: [],
    writable: true,
    usedFor: "node",
    isGlobal: false,
    ...options,
    properties,
  };
}

export function model(views: View[], options: Partial<Omit<DataModel, "views">> = {}): DataModel {
  return { space: SPACE, externalId: "TestModel", version: "1", isGlobal: false, ...options, views };
}

export function mapped(type: PropertyType, options: Partial<Omit<MappedProperty, "type" | "kind">> = {}): MappedProperty {
  return {
    kind: "mapped",
    container: { type: "container", space: SPACE, externalId: "Container" },
    containerPropertyIdentifier: "property",
    type,
    nullable: true,
    immutable: false,
    autoIncrement: false,
    ...options,
  };
}

export const text = (options: Partial<Omit<MappedProperty, "type" | "kind">> = {}) => mapped({ type: "text", list: false }, options);

export function primitive(
  type: Exclude<PropertyType["type"], "text" | "direct" | "enum" | "timeseries" | "file" | "sequence">,
  list = false,
): MappedProperty {
  return mapped({ type, list });
}

export function direct(target?: string | ViewReference, options: { list?: boolean } = {}): MappedProperty {
  const source = typeof target === "string" ? ref(target) : target;
  return mapped({ type: "direct", list: options.list ?? false, source });
}

export function enumOf(values: string[], unknownValue?: string): MappedProperty {
  return mapped({ type: "enum", values: Object.fromEntries(values.map((value) => [value, {}])), unknownValue });
}

export function edge(
  target: string | ViewReference,
  options: { single?: boolean; direction?: "outwards" | "inwards"; edgeSource?: string | ViewReference } = {},
): EdgeConnection {
  const edgeSource = typeof options.edgeSource === "string" ? ref(options.edgeSource) : options.edgeSource;
  return {
    kind: "edge",
    connectionType: options.single ? "single_edge_connection" : "multi_edge_connection",
    type: { space: SPACE, externalId: `type_${typeof target === "string" ? target : target.externalId}` },
    source: typeof target === "string" ? ref(target) : target,
    edgeSource,
    direction: options.direction ?? "outwards",
  };
}

export function reverse(
  source: string | ViewReference,
  throughProperty: string,
  options: { single?: boolean } = {},
): ReverseDirectRelation {
  const sourceReference = typeof source === "string" ? ref(source) : source;
  return {
    kind: "reverse",
    connectionType: options.single ? "single_reverse_direct_relation" : "multi_reverse_direct_relation",
    source: sourceReference,
    through: { source: sourceReference, identifier: throughProperty },
  };
}
