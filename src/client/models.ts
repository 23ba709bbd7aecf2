/**
 * The shapes of CDF's data-modeling (DMS) API as valibot schemas, with the TypeScript types they produce.
 *
 * Read shapes (what the API returns, and what the Python SDK dumps into model files) are lenient where real
 * payloads differ: nulls for absent values, container references without `type`, and the direct-relation view
 * hint either beside `type` (SDK dumps, create shape) or inside it (API reads). Both are normalised here so the
 * rest of pygen sees one canonical shape. Request shapes (what a client sends) are what the API documents.
 * Reference: ../shared/reference/dms-api.md §3, §5–§8, §10.
 */
import * as v from "valibot";

// ── Identifiers (dms-api.md §3.1) ──────────────────────────────────────────────────────────────────────────

export const SPACE_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$/;
export const SCHEMA_EXTERNAL_ID_PATTERN = /^[a-zA-Z]([a-zA-Z0-9_]{0,253}[a-zA-Z0-9])?$/;
export const VERSION_PATTERN = /^[a-zA-Z0-9]([.a-zA-Z0-9_-]{0,41}[a-zA-Z0-9])?$/;
export const PROPERTY_IDENTIFIER_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,253}[a-zA-Z0-9]?$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly the character the API forbids.
export const INSTANCE_EXTERNAL_ID_PATTERN = /^[^\x00]{1,256}$/;

const spaceId = v.pipe(v.string(), v.regex(SPACE_PATTERN, "must be a valid space identifier (dms-api §3.1)"));
const schemaExternalId = v.pipe(
  v.string(),
  v.regex(SCHEMA_EXTERNAL_ID_PATTERN, "must start with a letter and contain only letters, digits and _"),
);
/** Versions are strings, but YAML dumps often hold `version: 1`; a number is read as its decimal text. */
const version = v.pipe(
  v.union([v.string(), v.pipe(v.number(), v.integer())], "must be a string or an integer"),
  v.transform(String),
  v.regex(VERSION_PATTERN, "must be a valid version (letters, digits, '.', '_', '-')"),
);
const instanceExternalId = v.pipe(v.string(), v.regex(INSTANCE_EXTERNAL_ID_PATTERN, "must be 1-256 characters without NUL"));
const epochMs = v.pipe(v.number(), v.integer());
/** An optional field with a default, which real payloads also spell as `null`. */
const orDefault = <T extends v.GenericSchema>(schema: T, fallback: v.InferOutput<T>) =>
  v.optional(
    v.pipe(
      v.nullable(schema),
      v.transform((value): v.InferOutput<T> => value ?? fallback),
    ),
    fallback,
  );
/** An optional field that real payloads also spell as `null`; both read as absent. */
const maybe = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(
    v.nullish(schema),
    v.transform((value): v.InferOutput<T> | undefined => value ?? undefined),
  );

// ── References (§3.2) ──────────────────────────────────────────────────────────────────────────────────────

export const ViewReferenceSchema = v.pipe(
  v.object({
    type: v.optional(v.literal("view")),
    space: spaceId,
    externalId: schemaExternalId,
    version,
  }),
  v.transform((ref) => ({ type: "view" as const, space: ref.space, externalId: ref.externalId, version: ref.version })),
);
export type ViewReference = v.InferOutput<typeof ViewReferenceSchema>;

export const ContainerReferenceSchema = v.pipe(
  v.object({
    type: v.optional(v.literal("container")),
    space: spaceId,
    externalId: schemaExternalId,
  }),
  v.transform((ref) => ({ type: "container" as const, space: ref.space, externalId: ref.externalId })),
);
export type ContainerReference = v.InferOutput<typeof ContainerReferenceSchema>;

export const DirectRelationReferenceSchema = v.object({ space: spaceId, externalId: instanceExternalId });
export type DirectRelationReference = v.InferOutput<typeof DirectRelationReferenceSchema>;

export const InstanceIdSchema = v.object({
  instanceType: v.picklist(["node", "edge"]),
  space: spaceId,
  externalId: instanceExternalId,
});
export type InstanceId = v.InferOutput<typeof InstanceIdSchema>;

// ── Filters (§8) ───────────────────────────────────────────────────────────────────────────────────────────

export type PropertyPath = string[];
export type ParameterValue = { parameter: string };
export type PropertyValueReference = { property: string[] };
/** A raw JSON value (int64 beyond 2^53 arrives as bigint), a property reference or a query parameter. */
export type FilterValue = unknown;
export type RangeBounds = { gt?: FilterValue; gte?: FilterValue; lt?: FilterValue; lte?: FilterValue };

export type Filter =
  | { and: Filter[] }
  | { or: Filter[] }
  | { not: Filter }
  | { equals: { property: PropertyPath; value: FilterValue } }
  | { in: { property: PropertyPath; values: FilterValue } }
  | { range: { property: PropertyPath } & RangeBounds }
  | { prefix: { property: PropertyPath; value: FilterValue } }
  | { exists: { property: PropertyPath } }
  | { containsAny: { property: PropertyPath; values: FilterValue } }
  | { containsAll: { property: PropertyPath; values: FilterValue } }
  | { matchAll: Record<string, never> }
  | { nested: { scope: PropertyPath; filter: Filter } }
  | { overlaps: { startProperty: PropertyPath; endProperty: PropertyPath } & RangeBounds }
  | { hasData: (ViewReference | ContainerReference)[] }
  | { instanceReferences: DirectRelationReference[] }
  /** A filter kind this version of pygen does not know; kept as it is so it round-trips (dms-api §8.3). */
  | { invalid: Record<string, unknown> };

export const FILTER_KINDS = [
  "and",
  "or",
  "not",
  "equals",
  "in",
  "range",
  "prefix",
  "exists",
  "containsAny",
  "containsAll",
  "matchAll",
  "nested",
  "overlaps",
  "hasData",
  "instanceReferences",
  "invalid",
] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];

const propertyPath = v.pipe(v.array(v.string()), v.minLength(2, "must have 2 to 4 parts"), v.maxLength(4, "must have 2 to 4 parts"));
const anyValue = v.unknown();
const rangeBound = v.union([v.string(), v.number(), v.bigint(), v.object({ property: propertyPath }), v.object({ parameter: v.string() })]);
const rangeBounds = {
  gt: v.optional(rangeBound),
  gte: v.optional(rangeBound),
  lt: v.optional(rangeBound),
  lte: v.optional(rangeBound),
};
const rangeBoundsCheck = <T extends RangeBounds>() =>
  v.check(
    (range: T) => !(range.gt !== undefined && range.gte !== undefined) && !(range.lt !== undefined && range.lte !== undefined),
    "gt and gte (or lt and lte) must not be used together",
  );
const filterList: v.GenericSchema<Filter[]> = v.pipe(v.array(v.lazy(() => FilterSchema)), v.minLength(1, "must hold at least one filter"));

/** One schema per filter kind: the body under the filter's single key. */
const FILTER_BODY_SCHEMAS: Record<FilterKind, v.GenericSchema> = {
  and: filterList,
  or: filterList,
  not: v.lazy(() => FilterSchema),
  equals: v.object({ property: propertyPath, value: anyValue }),
  in: v.object({ property: propertyPath, values: anyValue }),
  range: v.pipe(v.object({ property: propertyPath, ...rangeBounds }), rangeBoundsCheck()),
  prefix: v.object({ property: propertyPath, value: anyValue }),
  exists: v.object({ property: propertyPath }),
  containsAny: v.object({ property: propertyPath, values: anyValue }),
  containsAll: v.object({ property: propertyPath, values: anyValue }),
  matchAll: v.strictObject({}, "must be an empty object"),
  nested: v.object({ scope: propertyPath, filter: v.lazy(() => FilterSchema) }),
  overlaps: v.pipe(v.object({ startProperty: propertyPath, endProperty: propertyPath, ...rangeBounds }), rangeBoundsCheck()),
  hasData: v.array(v.union([ViewReferenceSchema, ContainerReferenceSchema])),
  instanceReferences: v.array(DirectRelationReferenceSchema),
  invalid: v.record(v.string(), v.unknown()),
};

function isFilterKind(key: string): key is FilterKind {
  return Object.hasOwn(FILTER_BODY_SCHEMAS, key);
}

/** A filter is an object with exactly one key naming its kind; the body is checked against that kind's schema. */
export const FilterSchema: v.GenericSchema<Filter> = v.lazy((input) => {
  const keys = input !== null && typeof input === "object" && !Array.isArray(input) ? Object.keys(input) : [];
  const kind = keys.length === 1 ? keys[0] : undefined;
  if (kind === undefined || !isFilterKind(kind)) {
    return v.pipe(
      v.unknown(),
      v.check(() => false, `must be an object with exactly one filter key (${FILTER_KINDS.join(", ")})${kind ? `, not "${kind}"` : ""}`),
    ) as unknown as v.GenericSchema<Filter>;
  }
  return v.object({ [kind]: FILTER_BODY_SCHEMAS[kind] }) as unknown as v.GenericSchema<Filter>;
});

// ── Property types (§5.3) ──────────────────────────────────────────────────────────────────────────────────

export const PRIMITIVE_TYPES = ["boolean", "int32", "int64", "float32", "float64", "timestamp", "date", "json"] as const;
export const CDF_REFERENCE_TYPES = ["timeseries", "file", "sequence"] as const;

const listOptions = {
  list: orDefault(v.boolean(), false),
  maxListSize: maybe(v.pipe(v.number(), v.integer(), v.minValue(1))),
};

const TextTypeSchema = v.object({
  type: v.literal("text"),
  ...listOptions,
  maxTextSize: maybe(v.pipe(v.number(), v.integer(), v.minValue(1))),
  collation: maybe(v.string()),
});
const PrimitiveTypeSchema = v.object({
  type: v.picklist(PRIMITIVE_TYPES),
  ...listOptions,
  unit: maybe(v.object({ externalId: v.string(), sourceUnit: maybe(v.string()) })),
});
const CdfReferenceTypeSchema = v.object({ type: v.picklist(CDF_REFERENCE_TYPES), ...listOptions });
const DirectTypeSchema = v.object({
  type: v.literal("direct"),
  ...listOptions,
  container: maybe(ContainerReferenceSchema),
  /** The target view hint; present here in API reads, beside `type` in SDK dumps (normalised by the view schema). */
  source: maybe(ViewReferenceSchema),
});
/**
 * How identifiers are checked. API shapes check them as CDF does; model files read them as text, so that one bad
 * identifier is reported (and its part left out) by the validator instead of refusing the whole file.
 */
interface IdentifierChecks {
  space: v.GenericSchema<unknown, string>;
  externalId: v.GenericSchema<unknown, string>;
  propertyKey: v.GenericSchema<string, string>;
  enumKey: v.GenericSchema<string, string>;
  /** CDF wants at least one value; model files leave that to the validator (ENUM_WITHOUT_VALUES). */
  enumNeedsValues: boolean;
}

const ENUM_KEY_PATTERN = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

const STRICT_IDENTIFIERS: IdentifierChecks = {
  space: spaceId,
  externalId: schemaExternalId,
  propertyKey: v.pipe(v.string(), v.regex(PROPERTY_IDENTIFIER_PATTERN, "invalid property identifier")),
  enumKey: v.pipe(v.string(), v.regex(ENUM_KEY_PATTERN, "enum value keys must be identifiers")),
  enumNeedsValues: true,
};

const TEXT_IDENTIFIERS: IdentifierChecks = {
  space: v.string(),
  externalId: v.string(),
  propertyKey: v.string(),
  enumKey: v.string(),
  enumNeedsValues: false,
};

function enumTypeSchema(ids: IdentifierChecks) {
  const values = v.record(ids.enumKey, v.nullish(v.object({ name: maybe(v.string()), description: maybe(v.string()) }), {}));
  return v.object({
    type: v.literal("enum"),
    values: ids.enumNeedsValues
      ? v.pipe(
          values,
          v.check((entries) => Object.keys(entries).length >= 1, "an enum needs at least one value"),
        )
      : values,
    unknownValue: maybe(v.string()),
  });
}

export const PROPERTY_TYPE_NAMES = ["text", ...PRIMITIVE_TYPES, ...CDF_REFERENCE_TYPES, "direct", "enum"] as const;

function propertyTypeSchema(ids: IdentifierChecks) {
  return v.variant(
    "type",
    [TextTypeSchema, PrimitiveTypeSchema, CdfReferenceTypeSchema, DirectTypeSchema, enumTypeSchema(ids)],
    (issue) => `unknown property type ${issue.received}; expected one of ${PROPERTY_TYPE_NAMES.join(", ")}`,
  );
}

export const PropertyTypeSchema = propertyTypeSchema(STRICT_IDENTIFIERS);
export type PropertyType = v.InferOutput<typeof PropertyTypeSchema>;
export type PropertyTypeName = PropertyType["type"];

// ── Spaces and containers (§5) ─────────────────────────────────────────────────────────────────────────────

const timestamps = { createdTime: maybe(epochMs), lastUpdatedTime: maybe(epochMs), isGlobal: orDefault(v.boolean(), false) };
const naming = {
  name: maybe(v.pipe(v.string(), v.maxLength(255, "must be at most 255 characters"))),
  description: maybe(v.pipe(v.string(), v.maxLength(1024, "must be at most 1024 characters"))),
};

export const SpaceSchema = v.object({ space: spaceId, ...naming, ...timestamps });
export type Space = v.InferOutput<typeof SpaceSchema>;

export const ContainerPropertySchema = v.object({
  type: PropertyTypeSchema,
  nullable: orDefault(v.boolean(), true),
  immutable: orDefault(v.boolean(), false),
  autoIncrement: orDefault(v.boolean(), false),
  defaultValue: maybe(v.unknown()),
  ...naming,
});
export type ContainerProperty = v.InferOutput<typeof ContainerPropertySchema>;

export const ContainerSchema = v.object({
  space: spaceId,
  externalId: schemaExternalId,
  ...naming,
  usedFor: v.optional(v.picklist(["node", "edge", "all", "record"]), "node"),
  properties: v.record(STRICT_IDENTIFIERS.propertyKey, ContainerPropertySchema),
  constraints: maybe(v.record(v.string(), v.record(v.string(), v.unknown()))),
  indexes: maybe(v.record(v.string(), v.record(v.string(), v.unknown()))),
  ...timestamps,
});
export type Container = v.InferOutput<typeof ContainerSchema>;

// ── Views (§6.1, §6.2) ─────────────────────────────────────────────────────────────────────────────────────

const mappedPropertySchema = (ids: IdentifierChecks) =>
  v.pipe(
    v.object({
      container: ContainerReferenceSchema,
      containerPropertyIdentifier: v.string(),
      type: propertyTypeSchema(ids),
      nullable: orDefault(v.boolean(), true),
      immutable: orDefault(v.boolean(), false),
      autoIncrement: orDefault(v.boolean(), false),
      defaultValue: maybe(v.unknown()),
      source: maybe(ViewReferenceSchema),
      ...naming,
    }),
    v.transform(({ source, ...property }) => {
      // One place for the direct-relation view hint: inside `type`, as the API reads it.
      if (property.type.type === "direct" && property.type.source === undefined && source !== undefined) {
        return { ...property, kind: "mapped" as const, type: { ...property.type, source } };
      }
      return { ...property, kind: "mapped" as const };
    }),
  );
export type MappedProperty = v.InferOutput<ReturnType<typeof mappedPropertySchema>>;

export const EDGE_CONNECTION_TYPES = ["single_edge_connection", "multi_edge_connection"] as const;
export const REVERSE_CONNECTION_TYPES = ["single_reverse_direct_relation", "multi_reverse_direct_relation"] as const;

/**
 * What a missing key of an edge connection means. Its `type` is the edge type (the node that names the kind of
 * edge), which a bare "type is missing" would have read as the data type of a property.
 */
const MISSING_EDGE_KEYS: Record<string, string> = {
  type: "the edge type is missing: an edge connection names the kind of its edges with type: { space, externalId }, a node reference such as { space: my_space, externalId: Pump.feeds }, not a data type",
  source: "the view at the other end of the edges is missing: add source: { space, externalId, version }",
};

/** A missing key's issue (the object schema reports it with the key, quoted, as what it expected). */
function missingKey(issue: v.BaseIssue<unknown>): string | undefined {
  return issue.input === undefined && issue.expected?.startsWith('"') ? issue.expected.slice(1, -1) : undefined;
}

/**
 * valibot's words for a key said plainly, after the path that names it: 'Invalid key: Expected "x" but received
 * undefined' is "is missing", 'Expected never but received "x"' (a strict object's unknown key) "is not a known key".
 */
export function readableIssueMessage(issue: v.BaseIssue<unknown>): string {
  if (/^Invalid key: Expected "[^"]*" but received undefined$/.test(issue.message)) return "is missing";
  if (/^Invalid key: Expected never but received /.test(issue.message)) return "is not a known key (check its spelling)";
  return issue.message;
}

const EdgeConnectionSchema = v.pipe(
  v.object(
    {
      connectionType: v.optional(v.picklist(EDGE_CONNECTION_TYPES), "multi_edge_connection"),
      type: DirectRelationReferenceSchema,
      source: ViewReferenceSchema,
      edgeSource: maybe(ViewReferenceSchema),
      direction: orDefault(v.picklist(["outwards", "inwards"]), "outwards"),
      ...naming,
    },
    (issue) => MISSING_EDGE_KEYS[missingKey(issue) ?? ""] ?? issue.message,
  ),
  v.transform((edge) => ({ ...edge, kind: "edge" as const, direction: edge.direction ?? "outwards" })),
);
export type EdgeConnection = v.InferOutput<typeof EdgeConnectionSchema>;

const ReverseDirectRelationSchema = v.pipe(
  v.object({
    connectionType: v.picklist(REVERSE_CONNECTION_TYPES),
    source: ViewReferenceSchema,
    through: v.object({
      source: v.union([ViewReferenceSchema, ContainerReferenceSchema], "must be a view or container reference"),
      identifier: v.string(),
    }),
    targetsList: maybe(v.boolean()),
    ...naming,
  }),
  v.transform((reverse) => ({ ...reverse, kind: "reverse" as const })),
);
export type ReverseDirectRelation = v.InferOutput<typeof ReverseDirectRelationSchema>;

export type ViewProperty = MappedProperty | EdgeConnection | ReverseDirectRelation;

/** A view property is told apart by shape: a connectionType makes it a connection, otherwise it is mapped. */
function viewPropertySchema(ids: IdentifierChecks): v.GenericSchema<unknown, ViewProperty> {
  const mapped = mappedPropertySchema(ids);
  return v.lazy((input) => {
    const connectionType = input !== null && typeof input === "object" ? (input as Record<string, unknown>).connectionType : undefined;
    if (typeof connectionType === "string" && (REVERSE_CONNECTION_TYPES as readonly string[]).includes(connectionType)) {
      return ReverseDirectRelationSchema;
    }
    const looksLikeEdge = input !== null && typeof input === "object" && !("container" in input) && "source" in input;
    return connectionType !== undefined || looksLikeEdge ? EdgeConnectionSchema : mapped;
  });
}

export const ViewPropertySchema = viewPropertySchema(STRICT_IDENTIFIERS);
/** A view property of a model file: its enum value keys are read as text and checked by the validator. */
export const ModelFileViewPropertySchema = viewPropertySchema(TEXT_IDENTIFIERS);

function viewSchema<T>(ids: IdentifierChecks, property: v.GenericSchema<unknown, T>) {
  return v.object({
    space: ids.space,
    externalId: ids.externalId,
    version,
    ...naming,
    filter: maybe(FilterSchema),
    implements: orDefault(v.array(ViewReferenceSchema), []),
    writable: orDefault(v.boolean(), true),
    queryable: maybe(v.boolean()),
    usedFor: orDefault(v.picklist(["node", "edge", "all", "record"]), "node"),
    mappedContainers: maybe(v.array(ContainerReferenceSchema)),
    properties: orDefault(v.record(ids.propertyKey, property), {} as Record<string, T>),
    ...timestamps,
  });
}

export const ViewSchema = viewSchema(STRICT_IDENTIFIERS, ViewPropertySchema);
export type View = v.InferOutput<typeof ViewSchema>;
/**
 * A view of a model file with its identifiers as text and its properties unread: each property is read on its
 * own (ModelFileViewPropertySchema), so one broken property leaves out that property, not the view or the file.
 */
export const ModelFileViewSchema = viewSchema(TEXT_IDENTIFIERS, v.unknown());

// ── Data models (§6.3) ─────────────────────────────────────────────────────────────────────────────────────

const dataModelHeader = {
  space: spaceId,
  externalId: schemaExternalId,
  version,
  ...naming,
  ...timestamps,
};

/** A data model as the API returns it with `inlineViews=true`: every view is a full view. */
export const DataModelSchema = v.object({
  ...dataModelHeader,
  views: orDefault(v.array(ViewSchema), []),
});
/**
 * What a model file must hold to be a data model at all: its identity and a list of views. Each view is read on its
 * own (ModelFileViewSchema); a view or property that cannot be read is left out and listed in `rejected`.
 */
export const ModelFileSchema = v.object({
  ...dataModelHeader,
  views: orDefault(v.array(v.unknown()), []),
});

/** A part of a model file that could not be read: left out of the model, reported by the validator as an error. */
export interface RejectedPart {
  /** The view it belongs to, as far as its identifiers could be read. */
  view: { space?: string; externalId?: string; version?: string };
  /** The property, when only one property of the view is left out. */
  property?: string;
  /** Where in the file, e.g. `views[3] (Pump).properties.flow.type.type`. */
  path: string;
  /** What is wrong, one line per schema issue. */
  problems: string[];
  /** The property's type is one this version of pygen does not know (rather than a malformed part). */
  unknownType?: string;
}

export type DataModel = v.InferOutput<typeof DataModelSchema> & {
  /** Parts of a model file left out because they could not be read (model files only; see RejectedPart). */
  rejected?: RejectedPart[];
};

/** A data model as the API returns it by default: views are references only. */
export const DataModelReferencesSchema = v.object({
  ...dataModelHeader,
  views: orDefault(v.array(ViewReferenceSchema), []),
});
export type DataModelReferences = v.InferOutput<typeof DataModelReferencesSchema>;

// ── Instances (§7.1, §7.2) ─────────────────────────────────────────────────────────────────────────────────

/** Property values stay unknown JSON here: their types come from the containers, checked by their consumers. */
const propertyValues = v.record(v.string(), v.unknown());
const groupedProperties = maybe(v.record(v.string(), v.record(v.string(), propertyValues)));
const instanceHeader = {
  space: spaceId,
  externalId: instanceExternalId,
  version: v.pipe(v.number(), v.integer()),
  createdTime: epochMs,
  lastUpdatedTime: epochMs,
  deletedTime: maybe(epochMs),
  properties: groupedProperties,
};

export const NodeSchema = v.object({
  instanceType: v.literal("node"),
  ...instanceHeader,
  type: maybe(DirectRelationReferenceSchema),
});
export type Node = v.InferOutput<typeof NodeSchema>;

export const EdgeSchema = v.object({
  instanceType: v.literal("edge"),
  ...instanceHeader,
  type: DirectRelationReferenceSchema,
  startNode: DirectRelationReferenceSchema,
  endNode: DirectRelationReferenceSchema,
});
export type Edge = v.InferOutput<typeof EdgeSchema>;

export const InstanceSchema = v.variant("instanceType", [NodeSchema, EdgeSchema]);
export type Instance = v.InferOutput<typeof InstanceSchema>;

export const SourceDataSchema = v.object({
  source: v.union([ViewReferenceSchema, ContainerReferenceSchema]),
  properties: maybe(propertyValues),
});
export type SourceData = v.InferOutput<typeof SourceDataSchema>;

const instanceWriteHeader = {
  space: spaceId,
  externalId: instanceExternalId,
  existingVersion: maybe(v.pipe(v.number(), v.integer(), v.minValue(0))),
  sources: maybe(v.pipe(v.array(SourceDataSchema), v.maxLength(100, "at most 100 sources per instance"))),
};

export const NodeWriteSchema = v.object({
  instanceType: v.literal("node"),
  ...instanceWriteHeader,
  type: maybe(DirectRelationReferenceSchema),
});
export type NodeWrite = v.InferOutput<typeof NodeWriteSchema>;

export const EdgeWriteSchema = v.object({
  instanceType: v.literal("edge"),
  ...instanceWriteHeader,
  type: DirectRelationReferenceSchema,
  startNode: DirectRelationReferenceSchema,
  endNode: DirectRelationReferenceSchema,
});
export type EdgeWrite = v.InferOutput<typeof EdgeWriteSchema>;

export const InstanceWriteSchema = v.variant("instanceType", [NodeWriteSchema, EdgeWriteSchema]);
export type InstanceWrite = v.InferOutput<typeof InstanceWriteSchema>;

// ── Errors (§10.1) ─────────────────────────────────────────────────────────────────────────────────────────

export const ErrorBodySchema = v.object({
  error: v.looseObject({
    code: v.pipe(v.number(), v.integer()),
    message: v.string(),
    missing: maybe(v.array(v.unknown())),
    duplicated: maybe(v.array(v.unknown())),
    isAutoRetryable: maybe(v.boolean()),
  }),
});
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;

// ── Lists (§3.3) ───────────────────────────────────────────────────────────────────────────────────────────

export const itemsSchema = <T extends v.GenericSchema>(item: T) => v.object({ items: v.array(item), nextCursor: maybe(v.string()) });
