/** Inspection: which views map a container, and which views and containers an instance has data in (§5.6, §7.11). */
import * as v from "valibot";
import { parseRequest } from "./api-error.ts";
import type { Handler } from "./context.ts";
import { viewMembership } from "./filters.ts";
import { InstanceIdSchema, itemsOf } from "./requests.ts";
import { containerKey } from "./store.ts";
import { containerRef, resolveView, viewRef } from "./views.ts";

const ContainerInspectSchema = v.strictObject({
  inspectionOperations: v.strictObject({
    involvedViews: v.optional(v.strictObject({ allVersions: v.optional(v.boolean()) })),
    totalInvolvedViewCount: v.optional(
      v.strictObject({ allVersions: v.optional(v.boolean()), includeUnavailableViews: v.optional(v.boolean()) }),
    ),
  }),
  ...itemsOf(v.strictObject({ space: v.string(), externalId: v.string() }), 10).entries,
});

export const inspectContainers: Handler = (context) => {
  const request = parseRequest(ContainerInspectSchema, context.body);
  const { state } = context;
  return {
    items: request.items
      .filter((item) => state.containers.has(containerKey(item.space, item.externalId)))
      .map((item) => {
        const key = containerKey(item.space, item.externalId);
        const views = [...state.views.values()].filter((view) =>
          resolveView(state, view).mappedContainers.some((container) => containerKey(container.space, container.externalId) === key),
        );
        const { involvedViews, totalInvolvedViewCount } = request.inspectionOperations;
        return {
          space: item.space,
          externalId: item.externalId,
          inspectionResults: {
            involvedViews: involvedViews ? views.map(viewRef) : undefined,
            involvedViewCount: totalInvolvedViewCount ? views.length : undefined,
          },
        };
      }),
  };
};

const InstanceInspectSchema = v.strictObject({
  inspectionOperations: v.strictObject({
    involvedViews: v.optional(v.strictObject({ allVersions: v.optional(v.boolean()) })),
    involvedContainers: v.optional(v.strictObject({ allVersions: v.optional(v.boolean()) })),
  }),
  ...itemsOf(InstanceIdSchema, 1000).entries,
});

export const inspectInstances: Handler = (context) => {
  const request = parseRequest(InstanceInspectSchema, context.body);
  const { state } = context;
  const views = [...state.views.values()].map((view) => ({ ref: viewRef(view), belongs: viewMembership(state, view) }));
  return {
    items: request.items.flatMap((id) => {
      const instance = state.liveInstance(id.space, id.externalId);
      if (!instance || instance.instanceType !== id.instanceType) return [];
      const { involvedViews, involvedContainers } = request.inspectionOperations;
      return [
        {
          ...id,
          inspectionResults: {
            involvedViews: involvedViews ? views.filter((view) => view.belongs(instance)).map((view) => view.ref) : undefined,
            involvedContainers: involvedContainers
              ? Object.keys(instance.data).flatMap((key) => {
                  const container = state.containers.get(key);
                  return container ? [containerRef(container)] : [];
                })
              : undefined,
          },
        },
      ];
    }),
  };
};
