/**
 * Instances in the API's read shape: base fields, then property values grouped by the view's space and
 * `externalId/version` (dms-api.md §7.1), for the views the request selected; plus `typing` when asked.
 */
import type { ViewReference } from "../client/models.ts";
import { type InstancePredicate, viewMembership } from "./filters.ts";
import { containerKey, type ProjectState, type StoredInstance } from "./store.ts";
import { mappedPropertyToApi, type ResolvedMappedProperty, type ResolvedView, requireView, resolveView, viewLabel } from "./views.ts";

/** A view to read instances through, the properties wanted from it (undefined = all), and who belongs to it. */
export interface SourceProjection {
  view: ResolvedView;
  properties: [string, ResolvedMappedProperty][];
  belongs: InstancePredicate;
}

export function projectSources(state: ProjectState, sources: { source: ViewReference; properties?: string[] }[]): SourceProjection[] {
  return sources.map(({ source, properties }) => {
    const view = resolveView(state, requireView(state, source));
    const all = properties === undefined || properties.includes("*");
    const mapped = Object.entries(view.properties).filter(
      (entry): entry is [string, ResolvedMappedProperty] => entry[1].kind === "mapped" && (all || properties.includes(entry[0])),
    );
    return { view, properties: mapped, belongs: viewMembership(state, source) };
  });
}

export function instanceToApi(instance: StoredInstance, projections: SourceProjection[]): Record<string, unknown> {
  const properties: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const { view, properties: selected, belongs } of projections) {
    if (!belongs(instance)) continue;
    const values: Record<string, unknown> = {};
    for (const [id, property] of selected) {
      const value =
        instance.data[containerKey(property.container.space, property.container.externalId)]?.[property.containerPropertyIdentifier];
      if (value !== undefined && value !== null) values[id] = value;
    }
    properties[view.view.space] ??= {};
    (properties[view.view.space] as Record<string, Record<string, unknown>>)[viewLabel(view.view)] = values;
  }
  const base: Record<string, unknown> = {
    instanceType: instance.instanceType,
    space: instance.space,
    externalId: instance.externalId,
    version: instance.version,
    createdTime: instance.createdTime,
    lastUpdatedTime: instance.lastUpdatedTime,
  };
  if (instance.type) base.type = instance.type;
  if (instance.instanceType === "edge") Object.assign(base, { startNode: instance.startNode, endNode: instance.endNode });
  if (instance.deletedTime !== undefined) base.deletedTime = instance.deletedTime;
  base.properties = properties;
  return base;
}

/** Type information for the selected properties, nested like `properties`. */
export function typingOf(projections: SourceProjection[]): Record<string, Record<string, Record<string, unknown>>> {
  const typing: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const { view, properties } of projections) {
    typing[view.view.space] ??= {};
    (typing[view.view.space] as Record<string, Record<string, unknown>>)[viewLabel(view.view)] = Object.fromEntries(
      properties.map(([id, property]) => {
        const { container: _container, containerPropertyIdentifier: _identifier, ...typeInfo } = mappedPropertyToApi(id, property);
        return [id, typeInfo];
      }),
    );
  }
  return typing;
}
