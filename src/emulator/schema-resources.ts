/**
 * Spaces, containers, views and data models: apply (upsert with no-op detection), list (cursor paging,
 * includeGlobal, allVersions, inlineViews, space), byids and delete (dms-api.md §4–§6).
 */
import * as v from "valibot";
import { badRequest, conflict, parseRequest } from "./api-error.ts";
import type { Handler, RequestContext } from "./context.ts";
import { canonicalJson } from "./json-values.ts";
import {
  RESERVED_PROPERTY_IDS,
  RESERVED_SCHEMA_EXTERNAL_IDS,
  RESERVED_SPACES,
  SCHEMA_LIST_DEFAULT_LIMIT,
  SCHEMA_LIST_MAX_LIMIT,
} from "./limits.ts";
import { pageAfter } from "./paging.ts";
import {
  type ContainerCreate,
  ContainerCreateSchema,
  type DataModelCreate,
  DataModelCreateSchema,
  itemsOf,
  OptionallyVersionedIdsSchema,
  SpaceCreateSchema,
  SpaceExternalIdsSchema,
  SpaceIdsSchema,
  VersionedIdsSchema,
  type ViewCreate,
  ViewCreateSchema,
} from "./requests.ts";
import {
  type Change,
  containerKey,
  type ProjectState,
  type SchemaKind,
  type StoredContainer,
  type StoredDataModel,
  type StoredSpace,
  type StoredView,
  type ViewPropertyDefinition,
  viewKey,
} from "./store.ts";
import { checkPropertyValue, isListType } from "./values.ts";
import { requireContainer, resolveView, viewRef, viewToApi } from "./views.ts";

type Timestamps = "createdTime" | "lastUpdatedTime";
type Stored = StoredSpace | StoredContainer | StoredView | StoredDataModel;

/** Keeps the stored item when nothing changed (so `lastUpdatedTime` does not move), else stamps the new one. */
function stamp<T extends Stored>(context: RequestContext, kind: SchemaKind, key: string, definition: Omit<T, Timestamps>): T {
  const existing = context.state.schemaMap(kind).get(key) as T | undefined;
  if (existing) {
    const { createdTime: _created, lastUpdatedTime: _updated, ...previous } = existing;
    if (canonicalJson(previous) === canonicalJson(definition)) return existing;
  }
  const now = context.store.now();
  return { ...definition, createdTime: existing?.createdTime ?? now, lastUpdatedTime: now } as T;
}

function rejectDuplicates(keys: string[], what: string): void {
  const duplicated = keys.filter((key, index) => keys.indexOf(key) !== index);
  if (duplicated.length > 0) throw badRequest(`Duplicate ${what} in the request: ${duplicated.join(", ")}`, { duplicated });
}

export function requireSpaces(state: ProjectState, spaces: string[], pending: Set<string> = new Set()): void {
  const missing = [...new Set(spaces)].filter((space) => !state.spaces.has(space) && !pending.has(space));
  if (missing.length > 0) {
    throw badRequest(`One or more spaces do not exist: ${missing.join(", ")}`, { missing: missing.map((space) => ({ space })) });
  }
}

// ── Spaces ─────────────────────────────────────────────────────────────────────────────────────────────────

const spaceToApi = (space: StoredSpace) => ({ ...space, isGlobal: false });

export const applySpaces: Handler = (context) => {
  const { items } = parseRequest(itemsOf(SpaceCreateSchema, 100), context.body);
  rejectDuplicates(
    items.map((item) => item.space),
    "spaces",
  );
  const reserved = items.filter((item) => RESERVED_SPACES.has(item.space)).map((item) => item.space);
  if (reserved.length > 0) throw badRequest(`Space identifiers are reserved: ${reserved.join(", ")}`);
  const stored = items.map((item) => stamp<StoredSpace>(context, "space", item.space, item));
  context.store.commit(
    context.state,
    stored.map((value) => ({ kind: "space", key: value.space, value })),
  );
  return { items: stored.map(spaceToApi) };
};

export const listSpaces: Handler = (context) => listPage(context, [...context.state.spaces.entries()], spaceToApi);

export const spacesByIds: Handler = (context) => {
  const { items } = parseRequest(SpaceIdsSchema, context.body);
  return { items: items.flatMap(({ space }) => context.state.spaces.get(space) ?? []).map(spaceToApi) };
};

export const deleteSpaces: Handler = (context) => {
  const { items } = parseRequest(SpaceIdsSchema, context.body);
  const { state } = context;
  const existing = items.filter(({ space }) => state.spaces.has(space));
  for (const { space } of existing) {
    const inUse =
      [...state.containers.values(), ...state.views.values(), ...state.dataModels.values()].some((item) => item.space === space) ||
      [...state.instances.values()].some((instance) => instance.space === space && instance.deletedTime === undefined);
    if (inUse) throw badRequest(`Space '${space}' is not empty: delete its data models, views, containers and instances first`);
  }
  context.store.commit(
    state,
    existing.map(({ space }) => ({ kind: "space", key: space, remove: true })),
  );
  return { items: existing.map(({ space }) => ({ space })) };
};

// ── Containers ─────────────────────────────────────────────────────────────────────────────────────────────

function containerToApi(container: StoredContainer): Record<string, unknown> {
  const withState = (record: Record<string, Record<string, unknown>>) =>
    Object.fromEntries(Object.entries(record).map(([id, item]) => [id, { ...item, state: "current" }]));
  return {
    ...container,
    properties: Object.fromEntries(
      Object.entries(container.properties).map(([id, property]) => [
        id,
        { ...property, constraintState: property.nullable === false ? { nullability: "current" } : {} },
      ]),
    ),
    constraints: withState(container.constraints),
    indexes: withState(container.indexes),
    isGlobal: false,
  };
}

function checkContainer(item: ContainerCreate, existing: StoredContainer | undefined): Omit<StoredContainer, Timestamps> {
  const label = `${item.space}:${item.externalId}`;
  if (RESERVED_SCHEMA_EXTERNAL_IDS.has(item.externalId)) throw badRequest(`Container external id '${item.externalId}' is reserved`);
  if (existing && existing.usedFor !== item.usedFor) throw conflict(`Cannot change usedFor of container '${label}'`);
  const properties: StoredContainer["properties"] = {};
  for (const [id, property] of Object.entries(item.properties)) {
    const where = `${label}.${id}`;
    if (RESERVED_PROPERTY_IDS.has(id)) throw badRequest(`Property identifier '${id}' of container '${label}' is reserved`);
    // The view hint belongs to views; a container's direct relation type carries only its target constraint.
    const { source: _hint, ...type } = property.type as typeof property.type & { source?: unknown };
    if (property.autoIncrement && type.type !== "int32" && type.type !== "int64") {
      throw badRequest(`Property '${where}': autoIncrement is only allowed for int32 and int64`);
    }
    if (type.type !== "enum" && type.maxListSize !== undefined && !type.list) {
      throw badRequest(`Property '${where}': maxListSize is only allowed for list properties`);
    }
    if (type.type === "enum" && type.unknownValue !== undefined && !Object.hasOwn(type.values, type.unknownValue)) {
      throw badRequest(`Property '${where}': unknownValue '${type.unknownValue}' is not one of the enum values`);
    }
    // Defaults are stored in checked form (e.g. timestamps normalised) because instances receive them as they are.
    const defaultValue =
      property.defaultValue === undefined || property.defaultValue === null
        ? undefined
        : checkPropertyValue(type as typeof property.type, property.defaultValue, where);
    const previous = existing?.properties[id];
    if (previous && (previous.type.type !== type.type || isListType(previous.type) !== isListType(type as typeof property.type))) {
      throw conflict(`Cannot change the type of property '${where}' from ${previous.type.type} to ${type.type}`);
    }
    const { constraintState: _state, ...definition } = property;
    properties[id] = { ...definition, type: type as typeof property.type, defaultValue };
  }
  // Responses always carry the discriminator; a request may leave it out when it is the default.
  const withDiscriminator = (
    record: Record<string, Record<string, unknown>>,
    field: string,
    fallback: (item: Record<string, unknown>) => string,
  ) => Object.fromEntries(Object.entries(record).map(([id, entry]) => [id, { [field]: fallback(entry), ...entry }]));
  return {
    space: item.space,
    externalId: item.externalId,
    name: item.name,
    description: item.description,
    usedFor: item.usedFor,
    properties,
    constraints: withDiscriminator(item.constraints, "constraintType", (entry) => ("require" in entry ? "requires" : "uniqueness")),
    indexes: withDiscriminator(item.indexes, "indexType", () => "btree"),
  };
}

export function prepareContainers(context: RequestContext, items: ContainerCreate[]): StoredContainer[] {
  rejectDuplicates(
    items.map((item) => containerKey(item.space, item.externalId)),
    "containers",
  );
  requireSpaces(
    context.state,
    items.map((item) => item.space),
  );
  return items.map((item) => {
    const key = containerKey(item.space, item.externalId);
    return stamp<StoredContainer>(context, "container", key, checkContainer(item, context.state.containers.get(key)));
  });
}

export const applyContainers: Handler = (context) => {
  const { items } = parseRequest(itemsOf(ContainerCreateSchema, 100), context.body);
  const stored = prepareContainers(context, items);
  context.store.commit(
    context.state,
    stored.map((value) => ({ kind: "container", key: containerKey(value.space, value.externalId), value })),
  );
  return { items: stored.map(containerToApi) };
};

export const listContainers: Handler = (context) => {
  const usedFor = context.query.getAll("usedFor");
  const entries = [...context.state.containers.entries()].filter(
    ([, container]) => usedFor.length === 0 || usedFor.includes(container.usedFor),
  );
  return listPage(context, bySpaceParameter(context, entries), containerToApi);
};

export const containersByIds: Handler = (context) => {
  const { items } = parseRequest(SpaceExternalIdsSchema, context.body);
  return {
    items: items.flatMap((id) => context.state.containers.get(containerKey(id.space, id.externalId)) ?? []).map(containerToApi),
  };
};

export const deleteContainers: Handler = (context) => {
  const { items } = parseRequest(SpaceExternalIdsSchema, context.body);
  const { state } = context;
  const existing = items.filter((id) => state.containers.has(containerKey(id.space, id.externalId)));
  const keys = existing.map((id) => containerKey(id.space, id.externalId));
  // Deleting a container deletes the data instances hold in it.
  const changes: Change[] = keys.map((key) => ({ kind: "container", key, remove: true }));
  for (const instance of state.instances.values()) {
    if (!keys.some((key) => key in instance.data)) continue;
    const data = Object.fromEntries(Object.entries(instance.data).filter(([key]) => !keys.includes(key)));
    changes.push({ kind: "instance", value: { ...instance, data } });
  }
  context.store.commit(state, changes);
  return { items: existing };
};

// ── Views ──────────────────────────────────────────────────────────────────────────────────────────────────

function toStoredProperty(property: ViewCreate["properties"][string]): ViewPropertyDefinition {
  if ("container" in property) return { kind: "mapped", ...property };
  if ("through" in property) return { kind: "reverse", ...property };
  return { kind: "edge", ...property };
}

/** Checks views against the state plus the containers and views being created in the same request. */
export function prepareViews(context: RequestContext, items: ViewCreate[], pendingContainers: StoredContainer[] = []): StoredView[] {
  const { state } = context;
  rejectDuplicates(
    items.map((item) => viewKey(item.space, item.externalId, item.version)),
    "views",
  );
  requireSpaces(
    state,
    items.map((item) => item.space),
  );
  const pendingViews = new Set(items.map((item) => viewKey(item.space, item.externalId, item.version)));
  const containers = new Map(pendingContainers.map((container) => [containerKey(container.space, container.externalId), container]));
  return items.map((item) => {
    const label = `${item.space}:${item.externalId}/${item.version}`;
    if (RESERVED_SCHEMA_EXTERNAL_IDS.has(item.externalId)) throw badRequest(`View external id '${item.externalId}' is reserved`);
    const missingParents = item.implements.filter((parent) => {
      const key = viewKey(parent.space, parent.externalId, parent.version);
      return !state.views.has(key) && !pendingViews.has(key);
    });
    if (missingParents.length > 0) {
      throw badRequest(
        `One or more views do not exist: ${missingParents.map((ref) => `${ref.space}:${ref.externalId}/${ref.version}`).join(", ")}`,
      );
    }
    for (const [id, property] of Object.entries(item.properties)) {
      if (!("container" in property)) continue;
      const key = containerKey(property.container.space, property.container.externalId);
      const container = containers.get(key) ?? state.containers.get(key);
      if (!container) {
        throw badRequest(`Cannot update view '${label}', Referenced container does not exist: ${key}`);
      }
      const containerProperty = container.properties[property.containerPropertyIdentifier];
      if (!containerProperty) {
        throw badRequest(
          `View '${label}' property '${id}' maps '${property.containerPropertyIdentifier}', which container '${key}' does not have`,
        );
      }
      if (property.source && containerProperty.type.type !== "direct") {
        throw badRequest(`View '${label}' property '${id}': source is only allowed on direct relations`);
      }
    }
    const properties = Object.fromEntries(Object.entries(item.properties).map(([id, property]) => [id, toStoredProperty(property)]));
    const definition: Omit<StoredView, Timestamps> = {
      space: item.space,
      externalId: item.externalId,
      version: item.version,
      name: item.name,
      description: item.description,
      filter: item.filter,
      implements: item.implements,
      properties,
    };
    return stamp<StoredView>(context, "view", viewKey(item.space, item.externalId, item.version), definition);
  });
}

function viewChanges(views: StoredView[]): Change[] {
  return views.map((value) => ({ kind: "view", key: viewKey(value.space, value.externalId, value.version), value }));
}

const includeInherited = (context: RequestContext) => context.query.get("includeInheritedProperties") !== "false";

export const applyViews: Handler = (context) => {
  const { items } = parseRequest(itemsOf(ViewCreateSchema, 100), context.body);
  const stored = prepareViews(context, items);
  context.store.commit(context.state, viewChanges(stored));
  return { items: stored.map((view) => viewToApi(context.state, resolveView(context.state, view))) };
};

export const listViews: Handler = (context) => {
  const entries = latestVersions(context, bySpaceParameter(context, [...context.state.views.entries()]));
  return listPage(context, entries, (view) => viewToApi(context.state, resolveView(context.state, view, includeInherited(context))));
};

export const viewsByIds: Handler = (context) => {
  const { items } = parseRequest(OptionallyVersionedIdsSchema, context.body);
  return {
    items: versionsOf<StoredView>(context.state.views, items).map((view) =>
      viewToApi(context.state, resolveView(context.state, view, includeInherited(context))),
    ),
  };
};

export const deleteViews: Handler = (context) => deleteVersioned(context, "view");

// ── Data models ────────────────────────────────────────────────────────────────────────────────────────────

function dataModelToApi(context: RequestContext, model: StoredDataModel): Record<string, unknown> {
  if (context.query.get("inlineViews") !== "true") return { ...model, isGlobal: false };
  const views = model.views.flatMap((ref) => context.state.views.get(viewKey(ref.space, ref.externalId, ref.version)) ?? []);
  return { ...model, isGlobal: false, views: views.map((view) => viewToApi(context.state, resolveView(context.state, view))) };
}

/** Data models, with the views they define inline created or updated in the same commit. */
export function prepareDataModels(context: RequestContext, items: DataModelCreate[], pendingViews: StoredView[] = []): Change[] {
  rejectDuplicates(
    items.map((item) => viewKey(item.space, item.externalId, item.version)),
    "data models",
  );
  requireSpaces(
    context.state,
    items.map((item) => item.space),
  );
  const inlineViews = items.flatMap((item) => item.views.filter((view): view is ViewCreate => !("type" in view)));
  const views = [...pendingViews, ...prepareViews(context, inlineViews)];
  const known = new Set(views.map((view) => viewKey(view.space, view.externalId, view.version)));
  const models = items.map((item) => {
    const refs = item.views.map(viewRef);
    const missing = refs.filter(
      (ref) =>
        !context.state.views.has(viewKey(ref.space, ref.externalId, ref.version)) &&
        !known.has(viewKey(ref.space, ref.externalId, ref.version)),
    );
    if (missing.length > 0)
      throw badRequest(
        `One or more views do not exist: ${missing.map((ref) => `${ref.space}:${ref.externalId}/${ref.version}`).join(", ")}`,
      );
    const definition: Omit<StoredDataModel, Timestamps> = { ...item, views: refs };
    return stamp<StoredDataModel>(context, "dataModel", viewKey(item.space, item.externalId, item.version), definition);
  });
  return [
    ...viewChanges(views.slice(pendingViews.length)),
    ...models.map((value): Change => ({ kind: "dataModel", key: viewKey(value.space, value.externalId, value.version), value })),
  ];
}

export const applyDataModels: Handler = (context) => {
  const { items } = parseRequest(itemsOf(DataModelCreateSchema, 100), context.body);
  const changes = prepareDataModels(context, items);
  context.store.commit(context.state, changes);
  return {
    items: changes.flatMap((change) =>
      change.kind === "dataModel" && "value" in change ? [dataModelToApi(context, change.value as StoredDataModel)] : [],
    ),
  };
};

export const listDataModels: Handler = (context) => {
  const entries = latestVersions(context, bySpaceParameter(context, [...context.state.dataModels.entries()]));
  return listPage(context, entries, (model) => dataModelToApi(context, model));
};

export const dataModelsByIds: Handler = (context) => {
  const { items } = parseRequest(OptionallyVersionedIdsSchema, context.body);
  return { items: versionsOf<StoredDataModel>(context.state.dataModels, items).map((model) => dataModelToApi(context, model)) };
};

export const deleteDataModels: Handler = (context) => deleteVersioned(context, "dataModel");

// ── Shared list/byids/delete mechanics ─────────────────────────────────────────────────────────────────────

const ListParametersSchema = v.object({
  limit: v.optional(
    v.pipe(v.string(), v.transform(Number), v.integer("limit must be an integer"), v.minValue(1), v.maxValue(SCHEMA_LIST_MAX_LIMIT)),
    String(SCHEMA_LIST_DEFAULT_LIMIT),
  ),
  cursor: v.optional(v.string()),
  includeGlobal: v.optional(v.picklist(["true", "false"])),
  allVersions: v.optional(v.picklist(["true", "false"])),
  inlineViews: v.optional(v.picklist(["true", "false"])),
  includeInheritedProperties: v.optional(v.picklist(["true", "false"])),
  space: v.optional(v.string()),
});

/** One page of a schema list, in identifier order. No global (Cognite-provided) items exist in the emulator. */
function listPage<T>(context: RequestContext, entries: [string, T][], toApi: (item: T) => unknown) {
  const parameters = parseRequest(
    ListParametersSchema,
    Object.fromEntries([...context.query.entries()].filter(([key]) => key !== "usedFor")),
  );
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const { page, nextCursor } = pageAfter(
    entries,
    parameters.cursor,
    Number(parameters.limit),
    ([key]) => key,
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  return { items: page.map(([, item]) => toApi(item)), nextCursor };
}

function bySpaceParameter<T extends { space: string }>(context: RequestContext, entries: [string, T][]): [string, T][] {
  const space = context.query.get("space");
  return space === null ? entries : entries.filter(([, item]) => item.space === space);
}

/** Without allVersions=true, only the newest version (by createdTime) of each view or data model is listed. */
function latestVersions<T extends StoredView | StoredDataModel>(context: RequestContext, entries: [string, T][]): [string, T][] {
  if (context.query.get("allVersions") === "true") return entries;
  const latest = new Map<string, [string, T]>();
  for (const entry of entries) {
    const id = containerKey(entry[1].space, entry[1].externalId);
    const current = latest.get(id);
    if (!current || entry[1].createdTime >= current[1].createdTime) latest.set(id, entry);
  }
  return [...latest.values()];
}

/** byids for versioned resources: an id without a version names all its versions. */
function versionsOf<T extends StoredView | StoredDataModel>(
  map: Map<string, T>,
  ids: { space: string; externalId: string; version?: string }[],
): T[] {
  return ids.flatMap((id) => {
    if (id.version !== undefined) return map.get(viewKey(id.space, id.externalId, id.version)) ?? [];
    return [...map.values()].filter((item): item is T => item.space === id.space && item.externalId === id.externalId);
  });
}

function deleteVersioned(context: RequestContext, kind: "view" | "dataModel") {
  const { items } = parseRequest(VersionedIdsSchema, context.body);
  const map = context.state.schemaMap(kind);
  const existing = items.filter((id) => map.has(viewKey(id.space, id.externalId, id.version)));
  context.store.commit(
    context.state,
    existing.map((id) => ({ kind, key: viewKey(id.space, id.externalId, id.version), remove: true })),
  );
  return { items: existing };
}

/** Container sub-objects (indexes, constraints): deleting removes them; retrying is a no-op as they never fail here. */
export function containerSubObjects(field: "indexes" | "constraints" | "properties", remove: boolean): Handler {
  const ItemsSchema = itemsOf(v.strictObject({ space: v.string(), containerExternalId: v.string(), identifier: v.string() }), 10);
  return (context) => {
    const { items } = parseRequest(ItemsSchema, context.body);
    const found = items.filter((item) => {
      const container = context.state.containers.get(containerKey(item.space, item.containerExternalId));
      return container !== undefined && Object.hasOwn(container[field], item.identifier);
    });
    if (remove) {
      const updated = new Map<string, StoredContainer>();
      for (const item of found) {
        const key = containerKey(item.space, item.containerExternalId);
        const container = updated.get(key) ?? requireContainer(context.state, { space: item.space, externalId: item.containerExternalId });
        const { [item.identifier]: _removed, ...rest } = container[field];
        updated.set(key, { ...container, [field]: rest, lastUpdatedTime: context.store.now() });
      }
      context.store.commit(
        context.state,
        [...updated].map(([key, value]): Change => ({ kind: "container", key, value })),
      );
    }
    return { items: found };
  };
}
