/** The DMS endpoints the emulator serves, by method and path below `/api/v1/projects/{project}/models/`. */
import type { Handler } from "./context.ts";
import { inspectContainers, inspectInstances } from "./inspect.ts";
import { applyInstances, deleteInstances, instancesByIds, listInstances } from "./instances.ts";
import { queryInstances, syncInstances } from "./query.ts";
import {
  applyContainers,
  applyDataModels,
  applySpaces,
  applyViews,
  containerSubObjects,
  containersByIds,
  dataModelsByIds,
  deleteContainers,
  deleteDataModels,
  deleteSpaces,
  deleteViews,
  listContainers,
  listDataModels,
  listSpaces,
  listViews,
  spacesByIds,
  viewsByIds,
} from "./schema-resources.ts";
import { aggregateInstances, searchInstances } from "./search-aggregate.ts";
import { projectStatistics, spaceStatistics, spaceStatisticsByIds } from "./statistics.ts";

export const ROUTES: Record<string, Partial<Record<"GET" | "POST", Handler>>> = {
  spaces: { GET: listSpaces, POST: applySpaces },
  "spaces/byids": { POST: spacesByIds },
  "spaces/delete": { POST: deleteSpaces },
  containers: { GET: listContainers, POST: applyContainers },
  "containers/byids": { POST: containersByIds },
  "containers/delete": { POST: deleteContainers },
  "containers/inspect": { POST: inspectContainers },
  "containers/indexes/delete": { POST: containerSubObjects("indexes", true) },
  "containers/indexes/retry": { POST: containerSubObjects("indexes", false) },
  "containers/constraints/delete": { POST: containerSubObjects("constraints", true) },
  "containers/constraints/retry": { POST: containerSubObjects("constraints", false) },
  "containers/properties/retry": { POST: containerSubObjects("properties", false) },
  views: { GET: listViews, POST: applyViews },
  "views/byids": { POST: viewsByIds },
  "views/delete": { POST: deleteViews },
  datamodels: { GET: listDataModels, POST: applyDataModels },
  "datamodels/byids": { POST: dataModelsByIds },
  "datamodels/delete": { POST: deleteDataModels },
  instances: { POST: applyInstances },
  "instances/list": { POST: listInstances },
  "instances/byids": { POST: instancesByIds },
  "instances/delete": { POST: deleteInstances },
  "instances/search": { POST: searchInstances },
  "instances/aggregate": { POST: aggregateInstances },
  "instances/query": { POST: queryInstances },
  "instances/sync": { POST: syncInstances },
  "instances/inspect": { POST: inspectInstances },
  statistics: { GET: projectStatistics },
  "statistics/spaces": { GET: spaceStatistics },
  "statistics/spaces/byids": { POST: spaceStatisticsByIds },
};
