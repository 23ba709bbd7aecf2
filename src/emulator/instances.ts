/**
 * Instances: apply (nodes and edges, patch or replace, type checks against the containers, version
 * conflicts, auto-created direct-relation targets and edge ends, no-op detection), list, byids and delete
 * (soft, cascading from nodes to their edges) — dms-api.md §7.1–§7.6.
 */
import type { PropertyType } from "../client/models.ts";
import { badRequest, conflict, parseRequest } from "./api-error.ts";
import type { Handler, RequestContext } from "./context.ts";
import { compileFilter } from "./filters.ts";
import { instanceToApi, projectSources, typingOf } from "./instance-output.ts";
import { canonicalJson } from "./json-values.ts";
import {
  type InstanceApply,
  InstanceApplySchema,
  InstanceByIdsSchema,
  InstanceDeleteSchema,
  InstanceListSchema,
  type InstanceWrite,
} from "./requests.ts";
import { requireSpaces } from "./schema-resources.ts";
import { pageInstances } from "./sorting.ts";
import {
  type Change,
  containerKey,
  type EmulatorStore,
  instanceKey,
  type ProjectState,
  type StoredContainer,
  type StoredInstance,
} from "./store.ts";
import { checkPropertyValue, isListType } from "./values.ts";
import { type ResolvedView, requireContainer, requireView, resolveView } from "./views.ts";

type InstanceId = { instanceType: "node" | "edge"; space: string; externalId: string };
type Reference = { space: string; externalId: string };
const describeId = (id: Reference) => `${id.space}:${id.externalId}`;

/** Instances changed by one request, on top of the project state, until they are committed together. */
class InstanceBatch {
  private readonly pending = new Map<string, StoredInstance>();
  private readonly autoIncrementNext = new Map<string, number>();

  constructor(
    readonly state: ProjectState,
    readonly store: EmulatorStore,
  ) {}

  get(space: string, externalId: string): StoredInstance | undefined {
    const pending = this.pending.get(instanceKey(space, externalId));
    if (pending) return pending.deletedTime === undefined ? pending : undefined;
    return this.state.liveInstance(space, externalId);
  }

  put(instance: StoredInstance): void {
    this.pending.set(instanceKey(instance.space, instance.externalId), instance);
  }

  /** A bare node (no properties), as CDF creates for missing direct-relation targets and edge ends. */
  createBareNode(ref: Reference): void {
    const now = this.store.now();
    const sequence = this.store.nextSequence();
    this.put({
      instanceType: "node",
      ...ref,
      version: 1,
      createdTime: now,
      lastUpdatedTime: now,
      data: {},
      seq: sequence,
      changeSeq: sequence,
    });
  }

  /** The next value of an autoIncrement property: one above the largest stored or written so far. */
  nextAutoIncrement(key: string, propertyId: string): number {
    const next = this.autoIncrementFloor(key, propertyId);
    this.autoIncrementNext.set(`${key}.${propertyId}`, next + 1);
    return next;
  }

  /** An explicitly written value raises the floor, so later generated values stay above it. */
  observeAutoIncrement(key: string, propertyId: string, value: unknown): void {
    if (typeof value !== "number" && typeof value !== "bigint") return;
    const floor = this.autoIncrementFloor(key, propertyId);
    if (value >= floor) this.autoIncrementNext.set(`${key}.${propertyId}`, Number(value) + 1);
  }

  private autoIncrementFloor(key: string, propertyId: string): number {
    const counter = `${key}.${propertyId}`;
    let next = this.autoIncrementNext.get(counter);
    if (next === undefined) {
      next = 1;
      for (const instance of this.state.instances.values()) {
        const value = instance.data[key]?.[propertyId];
        if ((typeof value === "number" || typeof value === "bigint") && value >= next) next = Number(value) + 1;
      }
      this.autoIncrementNext.set(counter, next);
    }
    return next;
  }

  changes(): Change[] {
    return [...this.pending.values()].map((value) => ({ kind: "instance", value }));
  }
}

/** What one write source sets: values per container, and which containers it gives the instance data in. */
interface SourceWrites {
  containers: StoredContainer[];
  values: Map<string, Record<string, unknown>>;
}

function resolveWrites(context: { state: ProjectState; views: Map<string, ResolvedView> }, item: InstanceWrite): SourceWrites {
  const { state } = context;
  const containers = new Map<string, StoredContainer>();
  const values = new Map<string, Record<string, unknown>>();
  const set = (container: StoredContainer, propertyId: string, value: unknown) => {
    const key = containerKey(container.space, container.externalId);
    const row = values.get(key) ?? {};
    row[propertyId] = value;
    values.set(key, row);
  };
  const checkUsedFor = (container: StoredContainer, what: string) => {
    if (container.usedFor !== "all" && container.usedFor !== item.instanceType) {
      throw badRequest(
        `Cannot write ${item.instanceType} ${describeId(item)} through ${what}: container ${container.space}:${container.externalId} is for ${container.usedFor}s`,
      );
    }
  };
  for (const { source, properties = {} } of item.sources ?? []) {
    if (source.type === "container") {
      const container = requireContainer(state, source);
      checkUsedFor(container, `container ${source.space}:${source.externalId}`);
      containers.set(containerKey(container.space, container.externalId), container);
      for (const [id, value] of Object.entries(properties)) {
        if (!container.properties[id]) throw badRequest(`Unknown property '${id}' in container ${source.space}:${source.externalId}`);
        set(container, id, value);
      }
      continue;
    }
    const viewId = `${source.space}:${source.externalId}/${source.version}`;
    let view = context.views.get(viewId);
    if (!view) {
      view = resolveView(state, requireView(state, source));
      context.views.set(viewId, view);
    }
    for (const container of view.mappedContainers) {
      checkUsedFor(container, `view ${viewId}`);
      containers.set(containerKey(container.space, container.externalId), container);
    }
    for (const [id, value] of Object.entries(properties)) {
      const property = view.properties[id];
      if (!property) throw badRequest(`Unknown property '${id}' in view ${viewId}`);
      if (property.kind !== "mapped") throw badRequest(`Property '${id}' of view ${viewId} is a connection and cannot be written`);
      const container = view.mappedContainers.find(
        (candidate) => candidate.space === property.container.space && candidate.externalId === property.container.externalId,
      );
      if (container) set(container, property.containerPropertyIdentifier, value);
    }
  }
  return { containers: [...containers.values()], values };
}

/** Direct relations an instance points at, with the container the target must have data in (if constrained). */
interface RelationTarget {
  ref: Reference;
  requiredContainer?: { space: string; externalId: string };
  where: string;
}

function buildData(
  batch: InstanceBatch,
  item: InstanceWrite,
  existing: StoredInstance | undefined,
  writes: SourceWrites,
  replace: boolean,
  targets: RelationTarget[],
): StoredInstance["data"] {
  const data: StoredInstance["data"] = { ...existing?.data };
  for (const container of writes.containers) {
    const key = containerKey(container.space, container.externalId);
    const previous = existing?.data[key];
    const fresh = replace || previous === undefined;
    const row: Record<string, unknown> = fresh ? {} : { ...previous };
    const given = writes.values.get(key) ?? {};
    for (const [id, property] of Object.entries(container.properties)) {
      const where = `${container.space}:${container.externalId}.${id}`;
      if (Object.hasOwn(given, id)) {
        const value = given[id];
        if (value === null || value === undefined) {
          if (!property.nullable) throw badRequest(`Property '${where}' is not nullable; it cannot be set to null`);
          delete row[id];
        } else {
          row[id] = checkPropertyValue(property.type, value, where);
          if (property.autoIncrement) batch.observeAutoIncrement(key, id, row[id]);
        }
      } else if (fresh && property.defaultValue !== undefined && property.defaultValue !== null) {
        row[id] = property.defaultValue;
      }
      if (row[id] === undefined && fresh && property.autoIncrement) row[id] = batch.nextAutoIncrement(key, id);
      if (row[id] === undefined && !property.nullable) {
        throw badRequest(
          `Missing required property '${id}' of container ${container.space}:${container.externalId} for ${describeId(item)}`,
        );
      }
      if (property.immutable && previous?.[id] !== undefined && canonicalJson(previous[id]) !== canonicalJson(row[id])) {
        throw badRequest(`Property '${where}' is immutable and already has a value`);
      }
      collectTargets(property.type, row[id], where, targets);
    }
    data[key] = row;
  }
  return data;
}

function collectTargets(type: PropertyType, value: unknown, where: string, into: RelationTarget[]): void {
  if (type.type !== "direct" || value === undefined) return;
  const refs = (isListType(type) ? value : [value]) as Reference[];
  for (const ref of refs) into.push({ ref, requiredContainer: type.container, where });
}

function isVersionConflict(existing: StoredInstance | undefined, existingVersion: number | undefined): boolean {
  if (existingVersion === undefined || existing === undefined) return false;
  return existingVersion === 0 || existing.version > existingVersion;
}

/** Applies one item; undefined when it was skipped for a version conflict. */
function applyItem(
  batch: InstanceBatch,
  request: InstanceApply,
  item: InstanceWrite,
  views: Map<string, ResolvedView>,
  targets: RelationTarget[],
): StoredInstance | undefined {
  const existing = batch.get(item.space, item.externalId);
  if (existing && existing.instanceType !== item.instanceType) {
    throw badRequest(`${describeId(item)} already exists as a ${existing.instanceType}; it cannot be written as a ${item.instanceType}`);
  }
  if (isVersionConflict(existing, item.existingVersion)) {
    if (request.skipOnVersionConflict) return undefined;
    throw conflict(
      `Ingestion conflict: ${describeId(item)} has version ${existing?.version}, the request expected ${item.existingVersion}`,
    );
  }
  const writes = resolveWrites({ state: batch.state, views }, item);
  const data = buildData(batch, item, existing, writes, request.replace, targets);
  const next = {
    type: item.type ?? (request.replace ? undefined : existing?.type),
    startNode: item.instanceType === "edge" ? item.startNode : undefined,
    endNode: item.instanceType === "edge" ? item.endNode : undefined,
    data,
  };
  if (
    existing &&
    canonicalJson({ type: existing.type, startNode: existing.startNode, endNode: existing.endNode, data: existing.data }) ===
      canonicalJson(next)
  ) {
    return existing;
  }
  const now = batch.store.now();
  const sequence = batch.store.nextSequence();
  const updated: StoredInstance = {
    instanceType: item.instanceType,
    space: item.space,
    externalId: item.externalId,
    version: existing ? existing.version + 1 : 1,
    ...next,
    createdTime: existing?.createdTime ?? now,
    lastUpdatedTime: now,
    seq: existing?.seq ?? sequence,
    changeSeq: sequence,
  };
  batch.put(updated);
  return updated;
}

/** Missing direct-relation targets and edge ends are created as bare nodes when the request allows it. */
function resolveTargets(batch: InstanceBatch, request: InstanceApply, targets: RelationTarget[]): void {
  for (const { ref, requiredContainer, where } of targets) {
    const target = batch.get(ref.space, ref.externalId);
    if (requiredContainer) {
      if (!target || !(containerKey(requiredContainer.space, requiredContainer.externalId) in target.data)) {
        throw badRequest(
          `Direct relation '${where}' must point at a node with data in container ${requiredContainer.space}:${requiredContainer.externalId}; ${describeId(ref)} has none`,
        );
      }
      continue;
    }
    if (target) continue;
    if (!request.autoCreateDirectRelations)
      throw badRequest(
        `Direct relation '${where}' points at ${describeId(ref)}, which does not exist (autoCreateDirectRelations is false)`,
      );
    if (!batch.state.spaces.has(ref.space)) throw badRequest(`One or more spaces do not exist: ${ref.space}`);
    batch.createBareNode(ref);
  }
  for (const item of request.items) {
    if (item.instanceType !== "edge") continue;
    for (const [end, allowed] of [
      [item.startNode, request.autoCreateStartNodes],
      [item.endNode, request.autoCreateEndNodes],
    ] as const) {
      const node = batch.get(end.space, end.externalId);
      if (node?.instanceType === "node") continue;
      if (node || !allowed) {
        const which = end === item.startNode ? "Start" : "End";
        throw badRequest(
          `${which} node ${describeId(end)} of edge ${describeId(item)} does not exist (set autoCreate${which}Nodes to create it)`,
        );
      }
      if (!batch.state.spaces.has(end.space)) throw badRequest(`One or more spaces do not exist: ${end.space}`);
      batch.createBareNode(end);
    }
  }
}

/** Soft-deletes instances (and the edges of deleted nodes); returns the ids actually deleted. */
function deleteFromBatch(batch: InstanceBatch, ids: (InstanceId & { existingVersion?: number })[]): InstanceId[] {
  const deleted: InstanceId[] = [];
  const deletedNodes = new Set<string>();
  const now = batch.store.now();
  const markDeleted = (instance: StoredInstance) =>
    batch.put({ ...instance, deletedTime: now, lastUpdatedTime: now, changeSeq: batch.store.nextSequence() });
  for (const id of ids) {
    const instance = batch.get(id.space, id.externalId);
    if (!instance || instance.instanceType !== id.instanceType) continue;
    if (id.existingVersion !== undefined && instance.version > id.existingVersion) {
      throw conflict(`Ingestion conflict: ${describeId(id)} has version ${instance.version}, the request expected ${id.existingVersion}`);
    }
    markDeleted(instance);
    deleted.push({ instanceType: id.instanceType, space: id.space, externalId: id.externalId });
    if (id.instanceType === "node") deletedNodes.add(instanceKey(id.space, id.externalId));
  }
  if (deletedNodes.size > 0) {
    for (const edge of batch.state.instances.values()) {
      if (edge.instanceType !== "edge" || edge.deletedTime !== undefined || !batch.get(edge.space, edge.externalId)) continue;
      const touches = [edge.startNode, edge.endNode].some((end) => end && deletedNodes.has(instanceKey(end.space, end.externalId)));
      if (touches) markDeleted(edge);
    }
  }
  return deleted;
}

const slim = (instance: StoredInstance, wasModified: boolean) => ({
  instanceType: instance.instanceType,
  space: instance.space,
  externalId: instance.externalId,
  version: instance.version,
  wasModified,
  createdTime: instance.createdTime,
  lastUpdatedTime: instance.lastUpdatedTime,
});

/** The apply endpoint's work, also used to seed instances from a file. */
export function applyInstanceRequest(context: Pick<RequestContext, "state" | "store">, request: InstanceApply) {
  const { state, store } = context;
  const keys = request.items.map((item) => instanceKey(item.space, item.externalId));
  const duplicated = request.items.filter((_, index) => keys.indexOf(keys[index] as string) !== index);
  if (duplicated.length > 0) {
    throw badRequest(`Duplicate instances in the request: ${duplicated.map(describeId).join(", ")}`, {
      duplicated: duplicated.map((item) => ({ instanceType: item.instanceType, space: item.space, externalId: item.externalId })),
    });
  }
  requireSpaces(
    state,
    [...request.items, ...request.delete].map((item) => item.space),
  );
  const batch = new InstanceBatch(state, store);
  const views = new Map<string, ResolvedView>();
  const targets: RelationTarget[] = [];
  const results = request.items.map((item) => {
    const before = batch.get(item.space, item.externalId);
    const after = applyItem(batch, request, item, views, targets);
    return after && slim(after, after !== before);
  });
  resolveTargets(batch, request, targets);
  const deleted = deleteFromBatch(batch, request.delete);
  store.commit(state, batch.changes());
  return { items: results.filter((result) => result !== undefined), deleted };
}

export const applyInstances: Handler = (context) => applyInstanceRequest(context, parseRequest(InstanceApplySchema, context.body));

export const deleteInstances: Handler = (context) => {
  const { items } = parseRequest(InstanceDeleteSchema, context.body);
  requireSpaces(
    context.state,
    items.map((item) => item.space),
  );
  const batch = new InstanceBatch(context.state, context.store);
  const deleted = deleteFromBatch(batch, items);
  context.store.commit(context.state, batch.changes());
  return { items: deleted };
};

/** Live instances of one kind, in creation order. */
export function* liveInstances(state: ProjectState, instanceType?: "node" | "edge"): Generator<StoredInstance> {
  for (const instance of state.instances.values()) {
    if (instance.deletedTime === undefined && (instanceType === undefined || instance.instanceType === instanceType)) yield instance;
  }
}

export const listInstances: Handler = (context) => {
  const request = parseRequest(InstanceListSchema, context.body);
  const { state } = context;
  const projections = projectSources(state, request.sources);
  const filter = request.filter ? compileFilter(request.filter, { state }) : () => true;
  const matches = (instance: StoredInstance) => projections.every((projection) => projection.belongs(instance)) && filter(instance);
  const { page, nextCursor } = pageInstances(
    state,
    liveInstances(state, request.instanceType),
    matches,
    request.sort,
    request.cursor,
    request.limit,
  );
  return {
    items: page.map((instance) => instanceToApi(instance, projections)),
    typing: request.includeTyping ? typingOf(projections) : undefined,
    nextCursor,
  };
};

export const instancesByIds: Handler = (context) => {
  const request = parseRequest(InstanceByIdsSchema, context.body);
  const { state } = context;
  const projections = projectSources(state, request.sources);
  const found = request.items.flatMap((id) => {
    const instance = state.liveInstance(id.space, id.externalId);
    if (!instance || instance.instanceType !== id.instanceType) return [];
    return projections.every((projection) => projection.belongs(instance)) ? [instance] : [];
  });
  return {
    items: found.map((instance) => instanceToApi(instance, projections)),
    typing: request.includeTyping ? typingOf(projections) : undefined,
  };
};
