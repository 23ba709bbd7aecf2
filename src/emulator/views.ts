/**
 * How a view's properties resolve, the way CDF does it: inherited properties come from the views it implements
 * (a later entry of `implements` wins over an earlier one, the view's own properties win over all), and a mapped
 * property takes its type, nullability and defaults from the container property it maps.
 */
import type { ViewReference } from "../client/models.ts";
import { badRequest } from "./api-error.ts";
import {
  type ContainerRef,
  containerKey,
  type ProjectState,
  type StoredContainer,
  type StoredContainerProperty,
  type StoredView,
  type ViewPropertyDefinition,
  viewKey,
} from "./store.ts";
import { isListType } from "./values.ts";

export type ResolvedProperty =
  | (Extract<ViewPropertyDefinition, { kind: "mapped" }> & { containerProperty: StoredContainerProperty })
  | Exclude<ViewPropertyDefinition, { kind: "mapped" }>;
export type ResolvedMappedProperty = Extract<ResolvedProperty, { kind: "mapped" }>;

export interface ResolvedView {
  view: StoredView;
  properties: Record<string, ResolvedProperty>;
  mappedContainers: StoredContainer[];
}

export const viewRef = (view: { space: string; externalId: string; version: string }): ViewReference => ({
  type: "view",
  space: view.space,
  externalId: view.externalId,
  version: view.version,
});

export const containerRef = (container: { space: string; externalId: string }): ContainerRef => ({
  type: "container",
  space: container.space,
  externalId: container.externalId,
});

export const viewLabel = (view: { externalId: string; version: string }): string => `${view.externalId}/${view.version}`;

/** The stored view a reference names; a missing one is CDF's 400 "One or more views do not exist". */
export function requireView(state: ProjectState, ref: { space: string; externalId: string; version: string }): StoredView {
  const view = state.views.get(viewKey(ref.space, ref.externalId, ref.version));
  if (!view) throw badRequest(`One or more views do not exist: ${ref.space}:${viewLabel(ref)}`, { missing: [viewRef(ref)] });
  return view;
}

export function requireContainer(state: ProjectState, ref: { space: string; externalId: string }): StoredContainer {
  const container = state.containers.get(containerKey(ref.space, ref.externalId));
  if (!container) {
    throw badRequest(`One or more containers do not exist: ${ref.space}:${ref.externalId}`, { missing: [containerRef(ref)] });
  }
  return container;
}

export function resolveView(state: ProjectState, view: StoredView, includeInherited = true): ResolvedView {
  const properties: Record<string, ResolvedProperty> = {};
  if (includeInherited) collectInherited(state, view, properties, new Set([viewKey(view.space, view.externalId, view.version)]));
  Object.assign(properties, resolveOwn(state, view));
  const mapped = new Map<string, StoredContainer>();
  for (const property of Object.values(properties)) {
    if (property.kind !== "mapped") continue;
    const key = containerKey(property.container.space, property.container.externalId);
    const container = state.containers.get(key);
    if (container) mapped.set(key, container);
  }
  return { view, properties, mappedContainers: [...mapped.values()] };
}

function collectInherited(state: ProjectState, view: StoredView, into: Record<string, ResolvedProperty>, seen: Set<string>): void {
  for (const parentRef of view.implements) {
    const key = viewKey(parentRef.space, parentRef.externalId, parentRef.version);
    const parent = state.views.get(key);
    if (!parent || seen.has(key)) continue;
    seen.add(key);
    collectInherited(state, parent, into, seen);
    Object.assign(into, resolveOwn(state, parent));
  }
}

function resolveOwn(state: ProjectState, view: StoredView): Record<string, ResolvedProperty> {
  const resolved: Record<string, ResolvedProperty> = {};
  for (const [id, property] of Object.entries(view.properties)) {
    if (property.kind !== "mapped") {
      resolved[id] = property;
      continue;
    }
    const containerProperty = state.containers.get(containerKey(property.container.space, property.container.externalId))?.properties[
      property.containerPropertyIdentifier
    ];
    // A property whose container (or container property) was deleted no longer resolves; CDF hides it too.
    if (containerProperty) resolved[id] = { ...property, containerProperty };
  }
  return resolved;
}

/** Nodes, edges or both, from the containers a view maps. */
function viewUsedFor(resolved: ResolvedView): "node" | "edge" | "all" {
  const kinds = new Set(resolved.mappedContainers.map((container) => container.usedFor));
  if (kinds.size === 0) return "node";
  if (kinds.size === 1) return [...kinds][0] as "node" | "edge" | "all";
  return "all";
}

/** A view is writable when it maps every property of its containers that must be given a value. */
function isWritable(resolved: ResolvedView): boolean {
  const mapped = new Set(
    Object.values(resolved.properties)
      .filter((property): property is ResolvedMappedProperty => property.kind === "mapped")
      .map(
        (property) => `${containerKey(property.container.space, property.container.externalId)}.${property.containerPropertyIdentifier}`,
      ),
  );
  return resolved.mappedContainers.every((container) =>
    Object.entries(container.properties).every(
      ([id, property]) =>
        property.nullable ||
        property.autoIncrement ||
        property.defaultValue !== undefined ||
        mapped.has(`${containerKey(container.space, container.externalId)}.${id}`),
    ),
  );
}

/** The read shape of a mapped property: the view hint of a direct relation goes inside `type` (dms-api §6.2). */
export function mappedPropertyToApi(id: string, property: ResolvedMappedProperty): Record<string, unknown> {
  const { containerProperty } = property;
  return {
    container: containerRef(property.container),
    containerPropertyIdentifier: property.containerPropertyIdentifier,
    type: property.source ? { ...containerProperty.type, source: property.source } : containerProperty.type,
    nullable: containerProperty.nullable,
    immutable: containerProperty.immutable,
    autoIncrement: containerProperty.autoIncrement,
    defaultValue: containerProperty.defaultValue,
    name: property.name ?? containerProperty.name ?? id,
    description: property.description ?? containerProperty.description,
    constraintState: {},
  };
}

function propertyToApi(state: ProjectState, id: string, property: ResolvedProperty): Record<string, unknown> {
  switch (property.kind) {
    case "mapped":
      return mappedPropertyToApi(id, property);
    case "edge": {
      const { kind: _kind, ...edge } = property;
      return { ...edge, name: edge.name ?? id };
    }
    case "reverse": {
      const { kind: _kind, ...reverse } = property;
      return { ...reverse, name: reverse.name ?? id, targetsList: reverseTargetsList(state, property) };
    }
  }
}

/** Whether the direct relation a reverse relation goes through holds a list. */
function reverseTargetsList(state: ProjectState, property: Extract<ResolvedProperty, { kind: "reverse" }>): boolean {
  const { source, identifier } = property.through;
  if (source.type === "container") {
    const through = state.containers.get(containerKey(source.space, source.externalId))?.properties[identifier];
    return through ? isListType(through.type) : false;
  }
  const view = state.views.get(viewKey(source.space, source.externalId, source.version));
  const through = view ? resolveView(state, view).properties[identifier] : undefined;
  return through?.kind === "mapped" ? isListType(through.containerProperty.type) : false;
}

export function viewToApi(state: ProjectState, resolved: ResolvedView): Record<string, unknown> {
  const { view } = resolved;
  const properties = Object.fromEntries(
    Object.entries(resolved.properties).map(([id, property]) => [id, propertyToApi(state, id, property)]),
  );
  return {
    space: view.space,
    externalId: view.externalId,
    version: view.version,
    name: view.name,
    description: view.description,
    filter: view.filter,
    implements: view.implements,
    writable: isWritable(resolved),
    queryable: view.filter !== undefined || resolved.mappedContainers.length > 0,
    usedFor: viewUsedFor(resolved),
    isGlobal: false,
    createdTime: view.createdTime,
    lastUpdatedTime: view.lastUpdatedTime,
    mappedContainers: resolved.mappedContainers.map(containerRef),
    properties,
  };
}
