/**
 * The emulator's HTTP server: Bun.serve on 127.0.0.1, CDF's URL layout, and the request pipeline every
 * endpoint shares — request id, latency, auth, injected faults, concurrency limits, gzip bodies, size limits,
 * lossless JSON, CDF-shaped errors. `startEmulator` is the programmatic entry point (tests and the CLI).
 */
import type { Server } from "bun";
import { stringifyJson } from "../data-formats.ts";
import { EmulatorStartupError, ParseError } from "../errors.ts";
import { DmsApiError } from "./api-error.ts";
import { Authenticator, type AuthOptions } from "./auth.ts";
import type { Handler } from "./context.ts";
import { CDF_CONCURRENCY_LIMITS, ConcurrencyLimiter, concurrencyCategory, FaultInjector, type FaultOptions } from "./faults.ts";
import { graphqlRequest } from "./graphql/endpoint.ts";
import { MAX_HEADER_BYTES } from "./limits.ts";
import { readJsonBody } from "./request-body.ts";
import { ROUTES } from "./routes.ts";
import { seedInstances, seedModels } from "./seed.ts";
import { EmulatorStore } from "./store.ts";

export interface EmulatorOptions extends AuthOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** SQLite file to keep state in across restarts; in memory when absent. */
  db?: string;
  faults?: FaultOptions;
  /** Delay added before every response. */
  latencyMs?: number;
  /** Enforce CDF's per-project concurrency limits (429 beyond them). */
  concurrencyLimits?: boolean;
  /** Project that --model and --instances seed. */
  project?: string;
  modelFiles?: string[];
  instanceFiles?: string[];
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: the base URL a CDF client is configured with. */
  url: string;
  port: number;
  /** The OAuth2 token endpoint, when client credentials were configured. */
  tokenUrl?: string;
  project: string;
  stop(): Promise<void>;
}

const DEFAULT_PROJECT = "emulator";
const API_PATH = /^\/api\/v1\/projects\/([^/]+)\/models\/(.+?)\/?$/;
const GRAPHQL_PATH = /^\/api\/v1\/projects\/([^/]+)\/userapis\/spaces\/([^/]+)\/datamodels\/([^/]+)\/versions\/([^/]+)\/graphql\/?$/;
const TOKEN_PATH = "/oauth2/token";
/**
 * Bun's own body limit answers an empty 413; the emulator enforces its cap itself (request-body.ts) with a
 * CDF-shaped error, so Bun's is set out of the way.
 */
const UNCAPPED_BY_BUN = Number.MAX_SAFE_INTEGER;

function json(body: unknown, status: number, requestId: string, headers: Record<string, string> = {}): Response {
  return new Response(stringifyJson(body), {
    status,
    headers: { "content-type": "application/json", "x-request-id": requestId, ...headers },
  });
}

function errorResponse(error: DmsApiError, requestId: string): Response {
  const retryable = error.status === 429 || error.status === 503;
  return json(error.body(), error.status, requestId, retryable ? { "cdf-is-auto-retryable": "true" } : {});
}

function refuseOversizedHead(request: Request): void {
  let size = 0;
  request.headers.forEach((value, name) => {
    size += name.length + value.length + 4;
  });
  if (size > MAX_HEADER_BYTES) throw new DmsApiError(431, `The request headers are larger than ${MAX_HEADER_BYTES} bytes`);
}

class RequestPipeline {
  private readonly auth: Authenticator;
  private readonly faults: FaultInjector;
  private readonly limiter?: ConcurrencyLimiter;

  constructor(
    private readonly store: EmulatorStore,
    private readonly options: EmulatorOptions,
  ) {
    this.auth = new Authenticator(options);
    this.faults = new FaultInjector(options.faults ?? {});
    if (options.concurrencyLimits) this.limiter = new ConcurrencyLimiter(CDF_CONCURRENCY_LIMITS);
  }

  /** Latency is added after the work, while the request still holds its concurrency slot, like a slow server. */
  async handle(request: Request): Promise<Response> {
    const heldSlots: (() => void)[] = [];
    try {
      const response = await this.respond(request, heldSlots);
      if (this.options.latencyMs) await Bun.sleep(this.options.latencyMs);
      return response;
    } finally {
      for (const release of heldSlots) release();
    }
  }

  private async respond(request: Request, heldSlots: (() => void)[]): Promise<Response> {
    const requestId = crypto.randomUUID();
    const url = new URL(request.url);
    if (url.pathname === TOKEN_PATH && this.auth.servesTokens) {
      if (request.method !== "POST") return errorResponse(new DmsApiError(405, "The token endpoint only accepts POST"), requestId);
      const response = await this.auth.issueToken(request);
      response.headers.set("x-request-id", requestId);
      return response;
    }
    try {
      refuseOversizedHead(request);
      return json(await this.serveApi(request, url, heldSlots), 200, requestId);
    } catch (error) {
      if (error instanceof DmsApiError) return errorResponse(error, requestId);
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(new DmsApiError(500, `Internal error in the emulator: ${message}`), requestId);
    }
  }

  /** The project, the route (for limits), its name in messages and the endpoints of a path. */
  private resolve(pathname: string) {
    const graphql = GRAPHQL_PATH.exec(pathname);
    if (graphql) {
      const [, project = "", space = "", externalId = "", version = ""] = graphql.map((part) => decodeURIComponent(part));
      const serve: Handler = (context) => graphqlRequest(context, { space, externalId, version });
      return { project, route: "graphql", label: "the GraphQL endpoint", endpoint: { POST: serve } };
    }
    const match = API_PATH.exec(pathname);
    if (!match) {
      throw new DmsApiError(
        404,
        `Unknown path ${pathname}: the API lives under /api/v1/projects/{project}/models/ and /api/v1/projects/{project}/userapis/`,
      );
    }
    const [, project = "", route = ""] = match;
    const endpoint = Object.hasOwn(ROUTES, route) ? ROUTES[route] : undefined;
    return { project: decodeURIComponent(project), route, label: `/models/${route}`, endpoint };
  }

  private async serveApi(request: Request, url: URL, heldSlots: (() => void)[]): Promise<unknown> {
    const { project, route, label, endpoint } = this.resolve(url.pathname);
    if (!this.auth.accepts(request.headers.get("authorization"))) throw new DmsApiError(401, "Could not authenticate.");
    if (!endpoint) throw new DmsApiError(404, `Unknown endpoint ${label}`);
    const method = request.method as "GET" | "POST";
    const handler = endpoint[method];
    if (!handler) throw new DmsApiError(405, `${request.method} is not allowed on ${label}`);
    const fault = this.faults.nextFault();
    if (fault !== undefined) throw new DmsApiError(fault, `Injected fault (${fault}) for reliability testing`);
    const category = concurrencyCategory(route);
    if (this.limiter && category) {
      const release = this.limiter.tryAcquire(project, category);
      if (!release) {
        throw new DmsApiError(
          429,
          `Too many concurrent ${category} requests for project ${project} (limit ${this.limiter.limitOf(category)})`,
        );
      }
      heldSlots.push(release);
    }
    const body = method === "POST" ? await readJsonBody(request) : undefined;
    const result = await handler({ store: this.store, state: this.store.project(project), body, query: url.searchParams });
    const lost = this.faults.nextFaultAfterApply();
    if (lost !== undefined) throw new DmsApiError(lost, `Injected fault (${lost}) after the request was applied, for reliability testing`);
    return result;
  }
}

function openStore(path: string | undefined): EmulatorStore {
  try {
    return new EmulatorStore(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmulatorStartupError(`cannot open the emulator database ${path}: ${reason}`, { cause: error });
  }
}

function listen(pipeline: RequestPipeline, port: number): Server<undefined> {
  try {
    return Bun.serve({ hostname: "127.0.0.1", port, maxRequestBodySize: UNCAPPED_BY_BUN, fetch: (request) => pipeline.handle(request) });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === "EADDRINUSE" ? "the port is already in use" : error instanceof Error ? error.message : String(error);
    throw new EmulatorStartupError(`cannot listen on 127.0.0.1:${port}: ${reason}`, { cause: error });
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store = openStore(options.db);
  const project = options.project ?? DEFAULT_PROJECT;
  try {
    for (const file of options.modelFiles ?? []) await seedModels(store, project, file);
    for (const file of options.instanceFiles ?? []) await seedInstances(store, project, file);
  } catch (error) {
    store.close();
    if (error instanceof DmsApiError) throw new ParseError(`cannot seed the emulator: ${error.message}`, { cause: error });
    throw error;
  }
  const pipeline = new RequestPipeline(store, options);
  let server: Server<undefined>;
  try {
    server = listen(pipeline, options.port ?? 0);
  } catch (error) {
    store.close();
    throw error;
  }
  const url = `http://127.0.0.1:${server.port}`;
  return {
    url,
    port: server.port ?? 0,
    tokenUrl: options.clientId !== undefined && options.clientSecret !== undefined ? `${url}${TOKEN_PATH}` : undefined,
    project,
    async stop() {
      await server.stop(true);
      store.close();
    },
  };
}
