/**
 * DataModel → IR: what the models say, in IR terms, with CDF identifiers and no generated names yet. Views shared
 * by several models become one class. The parser trusts nothing: it is meant to run on the validator's filtered
 * model, but given anything else it still returns an IR (properties of unknown types are skipped, links to views
 * outside the model are kept as plain view ids), because generation must never crash on an incomplete model.
 */
import type { DataModel, MappedProperty, PropertyType, View, ViewProperty, ViewReference } from "../client/models.ts";
import { ModelIndex, viewKey } from "./model-index.ts";
import { CLASS_NAME_SLOTS, MODULE_NAME_SLOTS } from "./naming.ts";
import type { IRClass, IRMethod, IRModel, IRModule, IRPrimitive, IRProperty, IRRelationship, IRType, ViewId } from "./types.ts";
import { compareText } from "./unique-names.ts";

export function parseModels(models: readonly DataModel[]): IRModel {
  const index = new ModelIndex(models);
  const classes = [...index.views].sort((a, b) => compareText(viewKey(a), viewKey(b))).map((view) => parseView(view, index));
  const modules = uniqueModels(models).map(
    (model): IRModule => ({
      id: viewKey(model),
      dataModel: viewIdOf(model),
      displayName: model.name,
      description: model.description,
      names: emptyNames(MODULE_NAME_SLOTS),
      classes: [...new Set(model.views.filter((view) => index.has(view)).map(viewKey))],
    }),
  );
  return { modules, classes, inheritance: "flatten" };
}

function uniqueModels(models: readonly DataModel[]): DataModel[] {
  const seen = new Set<string>();
  return models.filter((model) => !seen.has(viewKey(model)) && seen.add(viewKey(model)));
}

function viewIdOf(view: { space: string; externalId: string; version: string }): ViewId {
  return { space: view.space, externalId: view.externalId, version: view.version };
}

function emptyNames<Slot extends string>(slots: readonly Slot[]): Record<Slot, string> {
  return Object.fromEntries(slots.map((slot) => [slot, ""])) as Record<Slot, string>;
}

function parseView(view: View, index: ModelIndex): IRClass {
  const id = viewKey(view);
  const properties: IRProperty[] = [];
  for (const [identifier, property] of Object.entries(view.properties)) {
    // Every property is the view's own until the transformer resolves inheritance.
    const parsed = parseProperty(identifier, property, id);
    if (parsed !== undefined) properties.push(parsed);
  }
  return {
    id,
    view: viewIdOf(view),
    displayName: view.name,
    description: view.description,
    // Record views are dropped by the validator; read one as a node view rather than fail.
    usedFor: view.usedFor === "record" ? "node" : view.usedFor,
    writable: view.writable,
    filter: view.filter,
    names: emptyNames(CLASS_NAME_SLOTS),
    parents: view.implements.filter((parent) => index.has(parent)).map(viewKey),
    externalParents: view.implements.filter((parent) => !index.has(parent)).map(viewIdOf),
    properties,
    methods: methodsFor(view.writable, properties),
  };
}

// ── Properties ──────────────────────────────────────────────────────────────────────────────────────────────

function parseProperty(identifier: string, property: ViewProperty, declaredBy: string): IRProperty | undefined {
  const common = { identifier, name: "", displayName: property.name, description: property.description, filters: [], declaredBy };
  if (property.kind === "mapped") {
    const type = parseMappedType(property.type);
    if (type === undefined) return undefined;
    return {
      ...common,
      kind: "data",
      type: property.nullable ? { kind: "nullable", inner: type } : type,
      requiredOnWrite: !property.nullable && property.defaultValue === undefined && !property.autoIncrement,
      immutable: property.immutable,
      autoIncrement: property.autoIncrement,
      defaultValue: property.defaultValue,
      container: {
        space: property.container.space,
        externalId: property.container.externalId,
        property: property.containerPropertyIdentifier,
      },
      unit: "unit" in property.type ? property.type.unit : undefined,
      relationship: property.type.type === "direct" ? directRelationship(property) : undefined,
    };
  }
  const relationship = property.kind === "edge" ? edgeRelationship(property) : reverseRelationship(property);
  const reference: IRType = { kind: "nodeReference", targetView: relationship.targetView };
  return {
    ...common,
    kind: "connection",
    type: relationship.cardinality === "many" ? { kind: "list", element: reference } : { kind: "nullable", inner: reference },
    requiredOnWrite: false,
    immutable: false,
    autoIncrement: false,
    relationship,
  };
}

const PRIMITIVES: Readonly<Record<string, IRPrimitive>> = {
  text: "string",
  boolean: "boolean",
  int32: "int32",
  int64: "int64",
  float32: "float32",
  float64: "float64",
  timestamp: "timestamp",
  date: "date",
  json: "json",
};

/** The element type, wrapped in a list when the property is one; undefined for a type the IR does not know. */
function parseMappedType(type: PropertyType | undefined): IRType | undefined {
  if (type === undefined || type === null) return undefined;
  const element = parseElementType(type);
  if (element === undefined || type.type === "enum" || !type.list) return element;
  return type.maxListSize === undefined ? { kind: "list", element } : { kind: "list", element, maxSize: type.maxListSize };
}

function parseElementType(type: PropertyType): IRType | undefined {
  switch (type.type) {
    case "enum": {
      const values = Object.entries(type.values ?? {}).map(([value, details]) => ({
        value,
        name: "",
        displayName: details?.name,
        description: details?.description,
      }));
      // An enum without values still holds text; the validator reports it.
      return values.length === 0 ? { kind: "primitive", primitive: "string" } : { kind: "enum", values, unknownValue: type.unknownValue };
    }
    case "timeseries":
    case "file":
    case "sequence":
      return { kind: "cdfReference", resource: type.type };
    case "direct":
      return { kind: "nodeReference", targetView: type.source && viewIdOf(type.source) };
    default: {
      const primitive = PRIMITIVES[(type as { type: string }).type];
      return primitive === undefined ? undefined : { kind: "primitive", primitive };
    }
  }
}

function directRelationship(property: MappedProperty): IRRelationship {
  const isList = property.type.type === "direct" && property.type.list;
  const source = property.type.type === "direct" ? property.type.source : undefined;
  return { kind: "direct", cardinality: isList ? "many" : "one", direction: "outwards", targetView: source && viewIdOf(source) };
}

function edgeRelationship(property: Extract<ViewProperty, { kind: "edge" }>): IRRelationship {
  return {
    kind: "edge",
    cardinality: property.connectionType === "single_edge_connection" ? "one" : "many",
    direction: property.direction,
    targetView: viewIdOf(property.source),
    edge: {
      type: { space: property.type.space, externalId: property.type.externalId },
      propertiesView: property.edgeSource && viewIdOf(property.edgeSource),
    },
  };
}

function reverseRelationship(property: Extract<ViewProperty, { kind: "reverse" }>): IRRelationship {
  const through = property.through.source;
  return {
    kind: "reverse",
    cardinality: property.connectionType === "single_reverse_direct_relation" ? "one" : "many",
    direction: "inwards",
    targetView: viewIdOf(property.source),
    through: {
      source: through.type === "view" ? viewIdOf(through as ViewReference) : { space: through.space, externalId: through.externalId },
      sourceKind: through.type,
      property: property.through.identifier,
      isList: property.targetsList ?? false,
    },
  };
}

// ── Methods ─────────────────────────────────────────────────────────────────────────────────────────────────

const NUMERIC: ReadonlySet<IRPrimitive> = new Set(["int32", "int64", "float32", "float64"]);
const GROUPABLE: ReadonlySet<IRPrimitive> = new Set(["string", "boolean", "int32", "int64", "float32", "float64"]);

/** The value type under `nullable`, or undefined for lists and connections, which no aggregate can use. */
function scalarOf(property: IRProperty): IRType | undefined {
  if (property.kind !== "data") return undefined;
  const type = property.type.kind === "nullable" ? property.type.inner : property.type;
  return type.kind === "list" ? undefined : type;
}

function identifiersWhere(properties: IRProperty[], test: (type: IRType) => boolean): string[] {
  return properties
    .filter((property) => {
      const type = scalarOf(property);
      return type !== undefined && test(type);
    })
    .map((property) => property.identifier);
}

/** DMS search works on text; aggregate groups by scalars; histogram needs numbers (dms-api §7.7, §7.8). */
function methodsFor(writable: boolean, properties: IRProperty[]): IRMethod[] {
  const isPrimitive = (allowed: ReadonlySet<IRPrimitive>) => (type: IRType) => type.kind === "primitive" && allowed.has(type.primitive);
  const text = identifiersWhere(properties, isPrimitive(new Set(["string"])));
  const numeric = identifiersWhere(properties, isPrimitive(NUMERIC));
  const groupable = identifiersWhere(
    properties,
    (type) => isPrimitive(GROUPABLE)(type) || type.kind === "enum" || type.kind === "nodeReference",
  );
  const methods: IRMethod[] = [
    { name: "list", properties: [] },
    { name: "retrieve", properties: [] },
    { name: "iterate", properties: [] },
    { name: "aggregate", properties: groupable },
  ];
  if (text.length > 0) methods.push({ name: "search", properties: text });
  if (numeric.length > 0) methods.push({ name: "histogram", properties: numeric });
  if (writable) methods.push({ name: "upsert", properties: [] });
  methods.push({ name: "delete", properties: [] });
  return methods;
}
