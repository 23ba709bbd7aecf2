/**
 * PygenClient: pygen's own client for CDF's data-modeling API — the schema resources, instances and a query
 * builder over one HTTP client. `await using client = PygenClient.fromEnvironment()` closes it at scope end.
 */
import { ClientError } from "../errors.ts";
import { connectionFromEnvironment } from "./auth.ts";
import { HttpClient, type HttpClientOptions } from "./http.ts";
import { InstancesAPI } from "./instances.ts";
import type { Logger } from "./logging.ts";
import type { ViewReference } from "./models.ts";
import { QueryBuilder } from "./query-builder.ts";
import { createSchemaAPIs } from "./resources.ts";

export type PygenClientOptions = HttpClientOptions;

export class PygenClient implements AsyncDisposable {
  readonly spaces;
  readonly containers;
  readonly views;
  readonly dataModels;
  readonly instances: InstancesAPI;
  readonly http: HttpClient;

  constructor(options: PygenClientOptions) {
    this.http = new HttpClient(options);
    const schema = createSchemaAPIs(this.http);
    this.spaces = schema.spaces;
    this.containers = schema.containers;
    this.views = schema.views;
    this.dataModels = schema.dataModels;
    this.instances = new InstancesAPI(this.http);
  }

  /** Connects with CDF_* environment variables (see client/auth.ts). */
  static fromEnvironment(
    overrides: Partial<PygenClientOptions> & { env?: Record<string, string | undefined>; logger?: Logger } = {},
  ): PygenClient {
    const { env, ...options } = overrides;
    const connection = connectionFromEnvironment(env ?? process.env, options.logger);
    return new PygenClient({ ...connection, ...options });
  }

  /** A query over one view: `view` is "ExternalId/version" or a reference. */
  queryBuilder(space: string, view: string | Omit<ViewReference, "type" | "space">, instanceType: "node" | "edge" = "node"): QueryBuilder {
    const [externalId, version] = typeof view === "string" ? view.split("/") : [view.externalId, view.version];
    if (!externalId || !version) throw new ClientError(`view must be "ExternalId/version", got "${String(view)}"`);
    return new QueryBuilder(this.instances, { type: "view", space, externalId, version }, instanceType);
  }

  /** Refuses further requests; requests already sent complete. */
  close(): void {
    this.http.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
  }
}
