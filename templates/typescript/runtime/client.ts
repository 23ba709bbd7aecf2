/**
 * The base of a generated client: connection, the instances client, graph upsert and delete, and GraphQL. A
 * generated `PlantClient` extends it and adds one view API per view:
 *
 *     export class PlantClient extends CDFClient {
 *       readonly pump = new PumpAPI(this.instances, this.defaultSpace);
 *       constructor(config: ClientConfig | ClientConfigOptions) { super(config, { space: "sp_plant", model: PLANT_MODEL }); }
 *     }
 */
import { type ClientConfig, type ClientConfigOptions, clientConfig, configFromEnv } from "./config.js";
import { CDFAPIError, isRecord } from "./errors.js";
import { flatten, type Graph, graphItems, isWriteObject, type NodeWrite } from "./graph.js";
import { HttpClient, type HttpOptions } from "./http.js";
import { type NodeRef, nodeId } from "./ids.js";
import { type InstanceRef, type InstanceResult, InstancesClient, type UpsertOptions } from "./instances.js";
import type { ViewMeta } from "./view.js";

export interface DataModelId {
  space: string;
  externalId: string;
  version: string;
}

export interface SdkInfo {
  /** The space new nodes go to when they name none. */
  space: string;
  /** The data model, for GraphQL. */
  model?: DataModelId;
}

/** GraphQL answered with errors (HTTP 200 with `errors`, or an error status). */
export class CDFGraphQLError extends CDFAPIError {
  override name = "CDFGraphQLError";
}

export class CDFClient {
  readonly config: ClientConfig;
  readonly http: HttpClient;
  readonly instances: InstancesClient;
  readonly defaultSpace: string;
  readonly #model: DataModelId | undefined;

  constructor(config: ClientConfig | ClientConfigOptions, sdk: SdkInfo, options: HttpOptions = {}) {
    this.config = "projectUrl" in config ? config : clientConfig(config);
    this.http = new HttpClient(this.config, options);
    this.instances = new InstancesClient(this.http);
    this.defaultSpace = sdk.space;
    this.#model = sdk.model;
  }

  /** The settings of `configFromEnv` (CDF_URL, CDF_PROJECT, CDF_TOKEN or CDF_CLIENT_ID/…). */
  static envConfig(): ClientConfig {
    return configFromEnv();
  }

  /**
   * Writes the write objects and every node and edge they reach (see graph.ts), nodes before edges. Each
   * instance is written once; large graphs go in chunks of 1000, at most 4 at once.
   */
  async upsert(items: NodeWrite | readonly NodeWrite[], meta: ViewMeta, options: UpsertOptions = {}): Promise<InstanceResult[]> {
    const graph = flatten(Array.isArray(items) ? items : [items as NodeWrite], meta, this.defaultSpace);
    // Nodes in a first pass so that no chunk of edges arrives before the nodes it joins.
    const nodes = await this.instances.upsert(graph.nodes.values(), options);
    const edges = graph.edges.size > 0 ? await this.instances.upsert(graph.edges.values(), options) : [];
    return [...nodes, ...edges];
  }

  /**
   * Deletes nodes by reference, or write objects; with `recursive`, write objects delete everything they reach
   * (the nodes and edges `upsert` would write). Returns the instances that existed.
   */
  async delete(
    items: NodeRef | NodeWrite | readonly (NodeRef | NodeWrite)[],
    options: { recursive?: boolean; meta?: ViewMeta } = {},
  ): Promise<InstanceRef[]> {
    const list = Array.isArray(items) ? (items as readonly (NodeRef | NodeWrite)[]) : [items as NodeRef | NodeWrite];
    const refs: InstanceRef[] = [];
    const writes = list.filter(isWriteObject);
    if (options.recursive && writes.length > 0) {
      if (!options.meta) throw new TypeError("a recursive delete needs the view metadata of the write objects");
      const graph: Graph = flatten(writes, options.meta, this.defaultSpace);
      for (const item of graphItems(graph)) refs.push({ instanceType: item.instanceType, space: item.space, externalId: item.externalId });
    }
    for (const item of list) refs.push({ instanceType: "node", ...nodeId(item as NodeRef, this.defaultSpace) });
    return this.instances.delete(refs);
  }

  /**
   * Runs a GraphQL query against the SDK's data model (the first, in an SDK of several) or `model`; returns `data`.
   * Errors raise CDFGraphQLError.
   */
  async graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    model: DataModelId | undefined = this.#model,
  ): Promise<T> {
    if (!model) throw new TypeError("this client was generated without a data model, so it has no GraphQL endpoint");
    const path = `/userapis/spaces/${encodeURIComponent(model.space)}/datamodels/${encodeURIComponent(model.externalId)}/versions/${encodeURIComponent(model.version)}/graphql`;
    let response: unknown;
    try {
      response = await this.http.post(path, { query, variables });
    } catch (error) {
      if (error instanceof CDFAPIError) {
        throw new CDFGraphQLError(error.status, error.apiMessage, {
          requestId: error.requestId,
          body: error.body,
          attempts: error.attempts,
          elapsedMs: error.elapsedMs,
        });
      }
      throw error;
    }
    const errors = isRecord(response) ? response.errors : undefined;
    if (Array.isArray(errors) && errors.length > 0) {
      const message = errors.map((item) => (isRecord(item) && typeof item.message === "string" ? item.message : String(item))).join("; ");
      throw new CDFGraphQLError(200, `POST ${path}: ${message}`, { body: response });
    }
    return (isRecord(response) ? response.data : undefined) as T;
  }
}
