/**
 * The request bodies the emulator accepts, validated strictly as CDF does: unknown fields are rejected, item
 * counts and limits are enforced (dms-api.md §10.4), identifiers must match their patterns (§3.1). Shapes shared
 * with the rest of pygen (filters, property types) come from the client's schemas.
 */
import * as v from "valibot";
import {
  FilterSchema,
  INSTANCE_EXTERNAL_ID_PATTERN,
  PROPERTY_IDENTIFIER_PATTERN,
  PropertyTypeSchema,
  REVERSE_CONNECTION_TYPES,
  SCHEMA_EXTERNAL_ID_PATTERN,
  SPACE_PATTERN,
  VERSION_PATTERN,
} from "../client/models.ts";

const spaceId = v.pipe(v.string(), v.regex(SPACE_PATTERN, "invalid space identifier"));
const schemaExternalId = v.pipe(v.string(), v.regex(SCHEMA_EXTERNAL_ID_PATTERN, "invalid external id"));
const version = v.pipe(v.string(), v.regex(VERSION_PATTERN, "invalid version"));
const instanceExternalId = v.pipe(v.string(), v.regex(INSTANCE_EXTERNAL_ID_PATTERN, "must be 1-256 characters without NUL"));
const propertyId = v.pipe(v.string(), v.regex(PROPERTY_IDENTIFIER_PATTERN, "invalid property identifier"));
const name = v.optional(v.pipe(v.string(), v.maxLength(255, "name size must be between 0 and 255")));
const description = v.optional(v.pipe(v.string(), v.maxLength(1024, "description size must be between 0 and 1024")));
const bounded = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const listOf = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.minLength(1, "must hold at least one item"), v.maxLength(max, `size must be between 1 and ${max}`));

const ViewRefSchema = v.strictObject({ type: v.literal("view"), space: spaceId, externalId: schemaExternalId, version });
const ContainerRefSchema = v.strictObject({ type: v.literal("container"), space: spaceId, externalId: schemaExternalId });
const sourceRef = v.variant("type", [ViewRefSchema, ContainerRefSchema]);
const DirectRelationSchema = v.strictObject({ space: spaceId, externalId: instanceExternalId });
export const InstanceIdSchema = v.strictObject({
  instanceType: v.picklist(["node", "edge"]),
  space: spaceId,
  externalId: instanceExternalId,
});

// ── Spaces, containers, views, data models ────────────────────────────────────────────────────────────────

export const SpaceCreateSchema = v.strictObject({ space: spaceId, name, description });
export const SpaceIdsSchema = v.strictObject({ items: listOf(v.strictObject({ space: spaceId }), 100) });

const ContainerPropertyCreateSchema = v.strictObject({
  type: PropertyTypeSchema,
  nullable: v.optional(v.boolean(), true),
  immutable: v.optional(v.boolean(), false),
  autoIncrement: v.optional(v.boolean(), false),
  defaultValue: v.optional(v.unknown()),
  name,
  description,
  // Read-only state that cognite-sdk sends back in its write objects; CDF accepts and ignores it.
  constraintState: v.optional(v.unknown()),
});

export const ContainerCreateSchema = v.strictObject({
  space: spaceId,
  externalId: schemaExternalId,
  name,
  description,
  usedFor: v.optional(v.picklist(["node", "edge", "all"]), "node"),
  properties: v.pipe(
    v.record(propertyId, ContainerPropertyCreateSchema),
    v.check((properties) => Object.keys(properties).length >= 1, "a container needs at least one property"),
    v.check((properties) => Object.keys(properties).length <= 100, "a container has at most 100 properties"),
  ),
  constraints: v.optional(v.record(v.string(), v.record(v.string(), v.unknown())), {}),
  indexes: v.optional(v.record(v.string(), v.record(v.string(), v.unknown())), {}),
});
export type ContainerCreate = v.InferOutput<typeof ContainerCreateSchema>;

const MappedPropertyCreateSchema = v.strictObject({
  container: ContainerRefSchema,
  containerPropertyIdentifier: propertyId,
  name,
  description,
  source: v.optional(ViewRefSchema),
});
const EdgeConnectionCreateSchema = v.strictObject({
  connectionType: v.optional(v.picklist(["single_edge_connection", "multi_edge_connection"]), "multi_edge_connection"),
  type: DirectRelationSchema,
  source: ViewRefSchema,
  edgeSource: v.optional(ViewRefSchema),
  direction: v.optional(v.picklist(["outwards", "inwards"]), "outwards"),
  name,
  description,
});
const ReverseDirectRelationCreateSchema = v.strictObject({
  connectionType: v.picklist(REVERSE_CONNECTION_TYPES),
  source: ViewRefSchema,
  through: v.strictObject({ source: sourceRef, identifier: propertyId }),
  name,
  description,
});

/** Told apart by shape, as CDF does: a reverse connectionType, an edge (no container), or a mapped property. */
const ViewPropertyCreateSchema = v.lazy((input) => {
  const fields = input !== null && typeof input === "object" ? (input as Record<string, unknown>) : {};
  if ((REVERSE_CONNECTION_TYPES as readonly unknown[]).includes(fields.connectionType)) return ReverseDirectRelationCreateSchema;
  if ("connectionType" in fields || !("container" in fields)) return EdgeConnectionCreateSchema;
  return MappedPropertyCreateSchema;
});

export const ViewCreateSchema = v.strictObject({
  space: spaceId,
  externalId: schemaExternalId,
  version,
  name,
  description,
  filter: v.optional(FilterSchema),
  implements: v.optional(v.pipe(v.array(ViewRefSchema), v.maxLength(10, "a view implements at most 10 views")), []),
  properties: v.optional(
    v.pipe(
      v.record(propertyId, ViewPropertyCreateSchema),
      v.check((properties) => Object.keys(properties).length <= 300, "a view has at most 300 properties"),
    ),
    {},
  ),
});
export type ViewCreate = v.InferOutput<typeof ViewCreateSchema>;

/** A data model lists its views as references or, to create them in the same call, as full definitions. */
const DataModelViewSchema = v.lazy((input) =>
  input !== null && typeof input === "object" && "type" in input ? ViewRefSchema : ViewCreateSchema,
);

export const DataModelCreateSchema = v.strictObject({
  space: spaceId,
  externalId: schemaExternalId,
  version,
  name,
  description,
  views: v.optional(v.pipe(v.array(DataModelViewSchema), v.maxLength(100, "a data model has at most 100 views")), []),
});
export type DataModelCreate = v.InferOutput<typeof DataModelCreateSchema>;

export const itemsOf = <T extends v.GenericSchema>(item: T, max: number) => v.strictObject({ items: listOf(item, max) });
export const SpaceExternalIdsSchema = itemsOf(v.strictObject({ space: spaceId, externalId: schemaExternalId }), 100);
export const VersionedIdsSchema = itemsOf(v.strictObject({ space: spaceId, externalId: schemaExternalId, version }), 100);
export const OptionallyVersionedIdsSchema = itemsOf(
  v.strictObject({ space: spaceId, externalId: schemaExternalId, version: v.optional(version) }),
  100,
);

// ── Instances ──────────────────────────────────────────────────────────────────────────────────────────────

const SourceDataSchema = v.strictObject({ source: sourceRef, properties: v.optional(v.record(propertyId, v.unknown())) });
const writeHeader = {
  space: spaceId,
  externalId: instanceExternalId,
  existingVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  sources: v.optional(v.pipe(v.array(SourceDataSchema), v.maxLength(100, "at most 100 sources per instance"))),
};
const NodeWriteSchema = v.strictObject({ instanceType: v.literal("node"), ...writeHeader, type: v.optional(DirectRelationSchema) });
const EdgeWriteSchema = v.strictObject({
  instanceType: v.literal("edge"),
  ...writeHeader,
  type: DirectRelationSchema,
  startNode: DirectRelationSchema,
  endNode: DirectRelationSchema,
});
export const InstanceWriteSchema = v.variant("instanceType", [NodeWriteSchema, EdgeWriteSchema]);
export type InstanceWrite = v.InferOutput<typeof InstanceWriteSchema>;

export const InstanceApplySchema = v.pipe(
  v.strictObject({
    items: v.pipe(v.array(InstanceWriteSchema), v.maxLength(1000, "size must be between 0 and 1000")),
    delete: v.optional(v.array(v.strictObject({ ...InstanceIdSchema.entries, existingVersion: v.optional(v.number()) })), []),
    autoCreateDirectRelations: v.optional(v.boolean(), true),
    autoCreateStartNodes: v.optional(v.boolean(), false),
    autoCreateEndNodes: v.optional(v.boolean(), false),
    skipOnVersionConflict: v.optional(v.boolean(), false),
    replace: v.optional(v.boolean(), false),
  }),
  v.check((request) => request.items.length + request.delete.length <= 1000, "items and delete together hold at most 1000 instances"),
);
export type InstanceApply = v.InferOutput<typeof InstanceApplySchema>;

const propertyPath = v.pipe(v.array(v.string()), v.minLength(1), v.maxLength(4));
const SortSchema = v.strictObject({
  property: propertyPath,
  direction: v.optional(v.picklist(["ascending", "descending"]), "ascending"),
  nullsFirst: v.optional(v.boolean(), false),
});
const sorts = v.optional(v.pipe(v.array(SortSchema), v.maxLength(5, "at most 5 sort specifications")), []);
const TargetUnitSchema = v.strictObject({
  property: v.string(),
  unit: v.union([v.strictObject({ externalId: v.string() }), v.strictObject({ unitSystemName: v.string() })]),
});
const targetUnits = v.optional(v.array(TargetUnitSchema));
const SourceSelectorSchema = v.strictObject({ source: ViewRefSchema, targetUnits });
const instanceType = v.optional(v.picklist(["node", "edge"]), "node");
const debug = v.optional(v.record(v.string(), v.unknown()));

export const InstanceListSchema = v.strictObject({
  instanceType,
  sources: v.optional(v.pipe(v.array(SourceSelectorSchema), v.maxLength(10, "at most 10 sources")), []),
  filter: v.optional(FilterSchema),
  sort: sorts,
  limit: v.optional(bounded(1, 1000), 1000),
  cursor: v.optional(v.nullable(v.string())),
  includeTyping: v.optional(v.boolean(), false),
  debug,
});

export const InstanceByIdsSchema = v.strictObject({
  items: listOf(InstanceIdSchema, 1000),
  sources: v.optional(v.pipe(v.array(SourceSelectorSchema), v.maxLength(10, "at most 10 sources")), []),
  includeTyping: v.optional(v.boolean(), false),
});

export const InstanceDeleteSchema = v.strictObject({ items: listOf(InstanceIdSchema, 1000) });

const searchFields = {
  view: ViewRefSchema,
  instanceType,
  query: v.optional(v.string()),
  properties: v.optional(v.pipe(v.array(v.string()), v.maxLength(200))),
  operator: v.optional(v.picklist(["AND", "OR"]), "OR"),
  filter: v.optional(FilterSchema),
  targetUnits,
  includeTyping: v.optional(v.boolean(), false),
};

export const SearchSchema = v.strictObject({
  ...searchFields,
  sort: v.optional(
    v.pipe(
      v.array(v.strictObject({ property: propertyPath, direction: v.optional(v.picklist(["ascending", "descending"]), "ascending") })),
      v.maxLength(5),
    ),
    [],
  ),
  limit: v.optional(bounded(1, 1000), 1000),
});
export type SearchRequest = v.InferOutput<typeof SearchSchema>;

const propertyOnly = v.strictObject({ property: v.string() });
const AggregateSchema = v.union([
  v.strictObject({ count: v.strictObject({ property: v.optional(v.string()) }) }),
  v.strictObject({ avg: propertyOnly }),
  v.strictObject({ min: propertyOnly }),
  v.strictObject({ max: propertyOnly }),
  v.strictObject({ sum: propertyOnly }),
  v.strictObject({ histogram: v.strictObject({ property: v.string(), interval: v.pipe(v.number(), v.gtValue(0)) }) }),
]);
export type Aggregate = v.InferOutput<typeof AggregateSchema>;

export const AggregateRequestSchema = v.strictObject({
  ...searchFields,
  groupBy: v.optional(v.pipe(v.array(v.string()), v.minLength(1), v.maxLength(5, "at most 5 groupBy properties"))),
  aggregates: v.optional(v.pipe(v.array(AggregateSchema), v.maxLength(5, "at most 5 aggregates")), []),
  limit: v.optional(bounded(1, 1000), 100),
});

// ── Query and sync (§7.9, §7.10) ───────────────────────────────────────────────────────────────────────────

const through = v.union([
  v.strictObject({ source: sourceRef, identifier: propertyId }),
  v.pipe(
    v.strictObject({ view: ViewRefSchema, identifier: propertyId }),
    v.transform(({ view, identifier }) => ({ source: view, identifier })),
  ),
]);
const chaining = {
  from: v.optional(v.string()),
  chainTo: v.optional(v.picklist(["source", "destination"]), "destination"),
  filter: v.optional(FilterSchema),
};
const NodeTraversalSchema = v.strictObject({
  ...chaining,
  through: v.optional(through),
  direction: v.optional(v.picklist(["outwards", "inwards"])),
});
const edgeTraversal = {
  ...chaining,
  maxDistance: v.optional(bounded(1, 1000)),
  direction: v.optional(v.picklist(["outwards", "inwards"]), "outwards"),
  nodeFilter: v.optional(FilterSchema),
  terminationFilter: v.optional(FilterSchema),
};
const EdgeTraversalSchema = v.strictObject({ ...edgeTraversal, limitEach: v.optional(bounded(1, 2000)) });
export type NodeTraversal = v.InferOutput<typeof NodeTraversalSchema>;
export type EdgeTraversal = v.InferOutput<typeof EdgeTraversalSchema>;

export type SetOperation =
  | { unionAll: (SetOperation | string)[]; except?: string[]; limit?: number }
  | { union: (SetOperation | string)[]; except?: string[]; limit?: number }
  | { intersection: (SetOperation | string)[]; except?: string[]; limit?: number };

const setOperand: v.GenericSchema<SetOperation | string> = v.union([v.string(), v.lazy(() => SetOperationSchema)]);
const setTail = { except: v.optional(v.array(v.string())), limit: v.optional(bounded(1, 10000)) };
const SetOperationSchema: v.GenericSchema<SetOperation> = v.union([
  v.strictObject({ unionAll: v.pipe(v.array(setOperand), v.minLength(1)), ...setTail }),
  v.strictObject({ union: v.pipe(v.array(setOperand), v.minLength(1)), ...setTail }),
  v.strictObject({ intersection: v.pipe(v.array(setOperand), v.minLength(1)), ...setTail }),
]) as v.GenericSchema<SetOperation>;

/** Picks the schema by the expression's key, so errors point inside it rather than at a failed union. */
const byExpressionKind = <N extends v.GenericSchema, E extends v.GenericSchema, O extends v.GenericSchema>(nodes: N, edges: E, other: O) =>
  v.lazy((input) => {
    if (input !== null && typeof input === "object" && "nodes" in input) return nodes;
    return input !== null && typeof input === "object" && "edges" in input ? edges : other;
  }) as v.GenericSchema<unknown, v.InferOutput<N> | v.InferOutput<E> | v.InferOutput<O>>;

const QueryExpressionSchema = byExpressionKind(
  v.strictObject({ nodes: NodeTraversalSchema, sort: sorts, limit: v.optional(bounded(1, 10000), 100) }),
  v.strictObject({ edges: EdgeTraversalSchema, sort: sorts, postSort: sorts, limit: v.optional(bounded(1, 10000), 100) }),
  SetOperationSchema,
);
export type QueryExpression = v.InferOutput<typeof QueryExpressionSchema>;

const SelectSourceSchema = v.strictObject({
  source: ViewRefSchema,
  properties: v.pipe(v.array(v.string(), "properties must not be null"), v.minLength(1)),
  targetUnits,
});
const selectSources = v.optional(v.pipe(v.array(SelectSourceSchema), v.maxLength(10)), []);
const names = <T extends v.GenericSchema>(value: T) =>
  v.pipe(
    v.record(v.string(), value),
    v.check((record) => Object.keys(record).length <= 50, "at most 50 result set expressions"),
  );

export const QueryRequestSchema = v.strictObject({
  with: v.pipe(
    names(QueryExpressionSchema),
    v.check((record) => Object.keys(record).length >= 1, "with needs at least one result set expression"),
  ),
  select: names(v.strictObject({ sources: selectSources, sort: sorts, limit: v.optional(bounded(1, 10000)) })),
  cursors: v.optional(v.record(v.string(), v.nullable(v.string())), {}),
  parameters: v.optional(v.record(v.string(), v.unknown()), {}),
  includeTyping: v.optional(v.boolean(), false),
  debug,
});

const syncTail = {
  limit: v.optional(bounded(1, 2000), 100),
  skipAlreadyDeleted: v.optional(v.boolean(), true),
  mode: v.optional(v.picklist(["onePhase", "twoPhase", "noBackfill"]), "onePhase"),
  backfillSort: sorts,
};
const SyncNodesSchema = v.strictObject({ nodes: NodeTraversalSchema, ...syncTail });
const SyncExpressionSchema = byExpressionKind(
  SyncNodesSchema,
  v.strictObject({ edges: v.strictObject(edgeTraversal), ...syncTail }),
  SyncNodesSchema,
);
export type SyncExpression = v.InferOutput<typeof SyncExpressionSchema>;

export const SyncRequestSchema = v.strictObject({
  with: v.pipe(
    names(SyncExpressionSchema),
    v.check((record) => Object.keys(record).length >= 1, "with needs at least one result set expression"),
  ),
  select: names(v.strictObject({ sources: selectSources })),
  cursors: v.optional(v.record(v.string(), v.nullable(v.string())), {}),
  parameters: v.optional(v.record(v.string(), v.unknown()), {}),
  includeTyping: v.optional(v.boolean(), false),
  allowExpiredCursorsAndAcceptMissedDeletes: v.optional(v.boolean(), false),
  debug,
});
