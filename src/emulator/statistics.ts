/** Project and per-space usage with CDF's default limits (dms-api.md §10.5, §11). */
import { parseRequest } from "./api-error.ts";
import type { Handler } from "./context.ts";
import { CDF_CONCURRENCY_LIMITS } from "./faults.ts";
import { SpaceIdsSchema } from "./requests.ts";
import type { ProjectState } from "./store.ts";

function instanceCounts(state: ProjectState, space?: string) {
  const counts = { nodes: 0, softDeletedNodes: 0, edges: 0, softDeletedEdges: 0 };
  for (const instance of state.instances.values()) {
    if (space !== undefined && instance.space !== space) continue;
    const deleted = instance.deletedTime !== undefined;
    if (instance.instanceType === "node") counts[deleted ? "softDeletedNodes" : "nodes"] += 1;
    else counts[deleted ? "softDeletedEdges" : "edges"] += 1;
  }
  return counts;
}

export const projectStatistics: Handler = ({ state }) => {
  const counts = instanceCounts(state);
  const containerProperties = [...state.containers.values()].reduce(
    (total, container) => total + Object.keys(container.properties).length,
    0,
  );
  return {
    spaces: { count: state.spaces.size, limit: 100 },
    containers: { count: state.containers.size, limit: 1000 },
    views: { count: state.views.size, limit: 2000 },
    dataModels: { count: state.dataModels.size, limit: 500 },
    containerProperties: { count: containerProperties, limit: 25000 },
    instances: {
      ...counts,
      instances: counts.nodes + counts.edges,
      instancesLimit: 5_000_000,
      softDeletedInstances: counts.softDeletedNodes + counts.softDeletedEdges,
      softDeletedInstancesLimit: 10_000_000,
    },
    concurrentReadLimit: CDF_CONCURRENCY_LIMITS.query,
    concurrentWriteLimit: CDF_CONCURRENCY_LIMITS.apply,
    concurrentDeleteLimit: CDF_CONCURRENCY_LIMITS.delete,
  };
};

function statisticsOf(state: ProjectState, space: string) {
  const count = (items: Iterable<{ space: string }>) => [...items].filter((item) => item.space === space).length;
  return {
    space,
    containers: count(state.containers.values()),
    views: count(state.views.values()),
    dataModels: count(state.dataModels.values()),
    ...instanceCounts(state, space),
  };
}

export const spaceStatistics: Handler = ({ state }) => ({ items: [...state.spaces.keys()].map((space) => statisticsOf(state, space)) });

export const spaceStatisticsByIds: Handler = (context) => {
  const { items } = parseRequest(SpaceIdsSchema, context.body);
  return { items: items.filter(({ space }) => context.state.spaces.has(space)).map(({ space }) => statisticsOf(context.state, space)) };
};
