/**
 * Data models whose names collide with everything a generated SDK already spells: Python keywords and soft
 * keywords, builtins, pydantic members, the runtime's base classes and their members, select() step members, API
 * parameters, runtime class names, the client and the data model themselves. The Python checks generate an SDK from
 * them (test/python/generate-sdks.ts) and test/python/e2e/test_hostile_sdk.py builds, dumps and parses instances and select() chains with it.
 */
import type { DataModel, ViewProperty } from "../../src/client/models.ts";
import { direct, edge, enumOf, model, primitive, ref, reverse, text, view } from "./model-builder.ts";

/** Property identifiers spelled like something the generated class or its runtime base already has. */
export const HOSTILE_PROPERTY_NAMES = [
  // keywords and soft keywords
  "class",
  "def",
  "None",
  "True",
  "from",
  "import",
  "lambda",
  "match",
  "case",
  "type",
  "async",
  "await",
  // builtins
  "list",
  "dict",
  "str",
  "int",
  "id",
  "print",
  "object",
  "property",
  // pydantic members
  "model_config",
  "model_fields",
  "schema",
  "copy",
  "json",
  "dict_",
  "validate",
  "construct",
  // runtime base members
  "end_node",
  "start_node",
  "edge_type",
  "existing_version",
  "data_record",
  "as_write",
  "dump",
  "as_id",
  "instance_type",
  "node_type",
  "external_id",
  "deleted_time",
  "created_time",
  "last_updated_time",
  // select() step members
  "where",
  "limit",
  "list_root",
  "select",
  // API parameters
  "filter",
  "sort_by",
  "retrieve_connections",
  "as_child_class",
  "chunk_size",
  "cursor",
  "direction",
  // the builtin every API method calls to hand its filter keywords to the runtime
  "locals",
  // differ only by case or by _ / -
  "flowRate",
  "FlowRate",
  "flow_rate",
  "flow-rate",
  "2fast",
];

/** Connection identifiers, likewise hostile. */
const connectionNames = ["match", "sources", "space_", "limit", "retrieve_connections", "dump"];

const hostileProperties = (): Record<string, ViewProperty> =>
  Object.fromEntries(
    HOSTILE_PROPERTY_NAMES.map((name) => [
      name,
      name === "2fast" ? primitive("int64") : name.endsWith("_time") ? primitive("timestamp") : text(),
    ]),
  );

// As long as CDF allows (255): its names are cut and end in a hash.
const longView = `V${"ery".repeat(82)}LongView`;
// Property identifiers may be as long (255): the field and its filters are cut the same way.
const longProperty = `a${"Really".repeat(39)}LongPropertyName`;

export const hostileModel: DataModel = model(
  [
    view("NodeRead", {
      ...hostileProperties(),
      [connectionNames[0] as string]: direct("Connection"),
      [connectionNames[1] as string]: edge("EdgeRead", { edgeSource: "ViewAPI" }),
      [connectionNames[2] as string]: reverse("Connection", "owner"),
      [connectionNames[3] as string]: edge("NodeRead", { single: true, direction: "inwards" }),
      [connectionNames[4] as string]: direct("NodeQuery", { list: true }),
      [connectionNames[5] as string]: edge("DataModelAPIs", { edgeSource: "HostileClient" }),
    }),
    view("Connection", { owner: direct("NodeRead"), type: text(), where: text() }),
    view("EdgeRead", { class: text(), limit: primitive("int32") }),
    // Edge-only and usedFor=all views holding connection properties.
    view("ViewAPI", { end_node: text(), weight: primitive("float64") }, { usedFor: "edge" }),
    view("HostileClient", { list: direct("NodeRead"), start_node: text(), match: text() }, { usedFor: "all" }),
    // Only connections.
    view("NodeQuery", { parent: direct("NodeQuery"), children: reverse("NodeQuery", "parent"), items: edge("EdgeRead") }),
    view("DataModelAPIs", { Hostile: text() }),
    // Named like the data model.
    view("Hostile", { value: text() }),
    // Named like what generated modules import from typing and typing_extensions.
    view("Unpack", { value: text(), next: direct("Iterator") }),
    view("Iterator", { value: text() }),
    view("TypeVar", { items: direct("Unpack", { list: true }) }),
    // An interface chain: the child redefines a property's type.
    view("Base", { kind: text(), count: primitive("int32") }),
    view("Middle", { kind: text(), count: primitive("int32"), extra: text() }, { implements: [ref("Base")] }),
    // As CDF lists them, a view's properties include those it inherits.
    view("Leaf", { count: primitive("float64"), kind: direct("Base"), extra: text() }, { implements: [ref("Middle")] }),
    view(longView, { value: text(), status: enumOf(["on", "off"]), next: direct(longView, { list: true }), [longProperty]: text() }),
    view("flowRate", { value: text() }),
    view("FlowRate", { value: text() }),
  ],
  { externalId: "Hostile" },
);

/** A second model whose external id is spelled like a view attribute of the first (its group name clashes). */
export const hostileGroupModel: DataModel = model(
  [
    view("NodeRead", { value: text() }, { space: "sp_other" }),
    view("Other", { node_read: text(), hostile: text() }, { space: "sp_other" }),
  ],
  {
    externalId: "node_read",
    space: "sp_other",
  },
);

/** A data model whose external id is as long as CDF allows: its group names are cut and end in a hash. */
export const longIdModel: DataModel = model([view("Gauge", { value: text() }, { space: "sp_long" })], {
  externalId: `M${"odel".repeat(63)}Id`,
  space: "sp_long",
});

/**
 * Views whose modules in the flat layout (flat_structure) would take each other's names or the package's own
 * (`_client`, `_query`, `_runtime`): `PumpApi`'s data classes and `Pump`'s API are both `_pump_api` unplanned.
 * They connect to each other, so modules import the renamed ones, and one extends another.
 */
export const moduleNameModel: DataModel = model(
  [
    view("Client", { name: text(), query: direct("Query"), pumps: edge("Pump") }),
    view("Query", { text: text(), client: direct("Client") }),
    view("Runtime", { version: text() }),
    view("Pump", { name: text(), api: direct("PumpApi") }),
    // As CDF lists them, a view's properties include those it inherits.
    view("PumpApi", { name: text(), api: direct("PumpApi"), url: text(), runtime: direct("Runtime") }, { implements: [ref("Pump")] }),
    view("Init", { value: text() }),
  ],
  { externalId: "ModuleNames" },
);
