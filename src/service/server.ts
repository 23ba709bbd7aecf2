/**
 * `pygen serve`: the generation service on Bun.serve. Requests are checked (API key, rate limit, size, schema)
 * before any work; generation runs as a queued job on the thread pool; every answer is JSON, errors as
 * `{error: {code, message}}`. Each request and job is logged as one JSON line with its ids.
 */
import { hostname } from "node:os";
import { parseJson, stringifyJson } from "../data-formats.ts";
import { EXIT_CODES, ParseError } from "../errors.ts";
import { runPipeline } from "../pipeline.ts";
import { toJsonReport } from "../validate/index.ts";
import { PYGEN_VERSION } from "../version.ts";
import { tarGz, zip } from "./archive.ts";
import { fetchRequestedModel, parseInlineModel, RequestError } from "./intake.ts";
import { type JobOutcome, type JobPayload, type JobRecord, jobError } from "./jobs.ts";
import type { ServiceLog } from "./log.ts";
import { Metrics } from "./metrics.ts";
import { openApiDocument } from "./openapi.ts";
import { PAGE_HTML } from "./page.ts";
import { GenerationPool } from "./pool.ts";
import type { JobQueue, QueueSettings } from "./queue.ts";
import {
  GenerateRequestSchema,
  type JobStatusResponse,
  OUTPUT_FORMATS,
  type OutputFormat,
  parseRequest,
  SERVICE_LANGUAGES,
  ValidateRequestSchema,
} from "./schemas.ts";
import { ApiKeys, RateLimiter, type UrlPolicy } from "./security.ts";

export interface ServiceOptions {
  host: string;
  port: number;
  /** Embedded queue's folder. */
  dataDir: string;
  /** redis://… to share one queue between instances; embedded when absent. */
  queueUrl?: string;
  /** Generation threads, and jobs this instance runs at once. */
  workers: number;
  /** Empty with `noAuth`; otherwise at least one key. */
  apiKeys: string[];
  noAuth: boolean;
  maxBodyBytes: number;
  maxModelBytes: number;
  jobTimeoutMs: number;
  /** Requests a minute per API key (per client address without keys); 0 turns the limit off. */
  rateLimitPerMinute: number;
  resultTtlMs: number;
  urls: UrlPolicy;
  /** Redis only: how long a job's lock lasts, so how soon a dead instance's job runs elsewhere. */
  lockMs: number;
  log: ServiceLog;
}

export interface RunningService {
  url: string;
  queue: JobQueue;
  /** Stops accepting requests, lets running jobs finish for up to `graceMs`, hands back the rest. */
  stop(graceMs?: number): Promise<void>;
}

/** Names this process in logs and on the Redis jobs it takes. */
const INSTANCE = `${hostname()}:${process.pid}`;

/** The page's own inline script and style, nothing from elsewhere. */
const PAGE_POLICY = "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";
const JOB_ID = /^[A-Za-z0-9-]{1,64}$/;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

interface Context {
  requestId: string;
  /** The route's template, for logs and metrics (never the job id). */
  route: string;
  /** The API key's id (a hash), or `anonymous` without keys. */
  caller: string;
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { log } = options;
  const metrics = new Metrics();
  const keys = new ApiKeys(options.apiKeys);
  const limiter = new RateLimiter(options.rateLimitPerMinute);
  const pool = new GenerationPool(options.workers, options.jobTimeoutMs);

  const run = async (id: string, payload: JobPayload): Promise<JobOutcome> => {
    const started = performance.now();
    log.info("job started", { job_id: id, key: payload.owner });
    const outcome = await pool.run(payload);
    const seconds = (performance.now() - started) / 1000;
    if (outcome.ok) {
      metrics.jobFinished("completed", seconds);
      log.info("job completed", {
        job_id: id,
        duration_ms: Math.round(seconds * 1000),
        files: outcome.files.length,
        warnings: outcome.warnings.length,
      });
    } else if (outcome.errors.some((error) => error.code === "shutting_down")) {
      log.warn("job handed back", { job_id: id });
    } else {
      metrics.jobFinished("failed", seconds);
      log.warn("job failed", { job_id: id, duration_ms: Math.round(seconds * 1000), error: outcome.errors[0]?.code });
    }
    return outcome;
  };
  const settings: QueueSettings = { concurrency: options.workers, resultTtlMs: options.resultTtlMs, run };
  let queue: JobQueue;
  try {
    queue = await openQueue(options, settings);
  } catch (error) {
    pool.close();
    throw error;
  }

  const pruneTimer = setInterval(() => limiter.prune(), 60_000);

  /** Checks the key and the rate limit; the caller's id, or the refusal. */
  const admit = (request: Request, clientAddress: string): string | Response => {
    let caller = "anonymous";
    if (!options.noAuth) {
      const presented = bearer(request.headers.get("authorization")) ?? request.headers.get("x-api-key") ?? "";
      const id = presented ? keys.check(presented) : undefined;
      if (!id)
        return errorResponse(
          401,
          "unauthorized",
          presented ? "the API key is not valid" : "an API key is required (Authorization: Bearer KEY or X-API-Key)",
        );
      caller = id;
    }
    const wait = limiter.take(options.noAuth ? `ip:${clientAddress}` : caller);
    if (wait > 0) {
      const response = errorResponse(429, "rate_limited", `too many requests for this API key; retry in ${wait} s`);
      response.headers.set("retry-after", String(wait));
      return response;
    }
    return caller;
  };

  const handlers = {
    async generate(request: Request, context: Context): Promise<Response> {
      const body = await readJsonBody(request, options.maxBodyBytes);
      const checked = parseRequest(GenerateRequestSchema, body);
      if (!checked.ok) throw new RequestError(400, "invalid_request", checked.messages[0] ?? "invalid request", checked.messages.slice(1));
      const input = checked.value;
      const loaded =
        input.model !== undefined
          ? { origin: "the request's model", models: parseInlineModel(input.model) }
          : await fetchRequestedModel(
              {
                space: input.space as string,
                external_id: input.external_id as string,
                version: input.version as string,
                project: input.project as string,
                cdf_url: input.cdf_url as string,
                cdf_credentials: input.cdf_credentials as NonNullable<typeof input.cdf_credentials>,
              },
              { urls: options.urls, timeoutMs: 30_000 },
            );
      const payload: JobPayload = {
        models: loaded.models,
        origin: loaded.origin,
        language: input.language,
        outputFormat: input.output_format,
        options: input.options,
        generatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
        owner: context.caller,
      };
      const modelBytes = Buffer.byteLength(stringifyJson(payload.models));
      if (modelBytes > options.maxModelBytes) {
        throw new RequestError(
          413,
          "model_too_large",
          `the model is ${modelBytes} bytes as JSON; this service takes at most ${options.maxModelBytes}`,
        );
      }
      const id = crypto.randomUUID();
      await queue.submit(id, payload);
      metrics.jobSubmitted();
      log.info("job queued", {
        request_id: context.requestId,
        job_id: id,
        key: context.caller,
        views: payload.models.reduce((n, m) => n + m.views.length, 0),
      });
      return json(202, { job_id: id, status: "queued" });
    },

    async status(id: string, context: Context): Promise<Response> {
      const job = await findJob(id, context);
      return json(200, statusBody(job));
    },

    async download(id: string, url: URL, context: Context): Promise<Response> {
      const job = await findJob(id, context, true);
      if (job.state !== "completed" || !job.outcome?.ok) {
        const why =
          job.state === "failed"
            ? "the job failed; GET /generate/{job_id} shows its errors"
            : `the job is ${job.state}; try again when it has completed`;
        throw new RequestError(409, "job_not_completed", why);
      }
      const requested = url.searchParams.get("format");
      if (requested !== null && !(OUTPUT_FORMATS as readonly string[]).includes(requested)) {
        throw new RequestError(400, "invalid_request", `format must be one of ${OUTPUT_FORMATS.join(", ")}`);
      }
      return archiveResponse(job.outcome, (requested as OutputFormat | null) ?? job.outputFormat);
    },

    async validate(request: Request): Promise<Response> {
      const body = await readJsonBody(request, options.maxBodyBytes);
      const checked = parseRequest(ValidateRequestSchema, body);
      if (!checked.ok) throw new RequestError(400, "invalid_request", checked.messages[0] ?? "invalid request", checked.messages.slice(1));
      const models = parseInlineModel(checked.value.model);
      // The CLI's verdict: validator and generator in memory, so /validate reports what /generate would.
      const { verdict } = runPipeline({ models, origin: "the request's model" }, { strict: checked.value.strict ?? false });
      const report = toJsonReport(verdict, verdict.isValid ? 0 : EXIT_CODES.validation);
      return new Response(stringifyJson(report), { status: 200, headers: { "content-type": "application/json" } });
    },

    async health(): Promise<Response> {
      const state = await queue.health();
      return json(state.ok ? 200 : 503, { status: state.ok ? "ok" : "degraded", queue: { backend: queue.backend, ...state } });
    },
  };

  /** Jobs of other callers are reported as missing: a job id tells nothing about another key's work. */
  async function findJob(id: string, context: Context, withFiles = false): Promise<JobRecord> {
    const job = JOB_ID.test(id) ? await queue.get(id, withFiles) : undefined;
    if (!job || job.owner !== context.caller)
      throw new RequestError(
        404,
        "job_not_found",
        `no job ${JOB_ID.test(id) ? id : ""} (unknown, or its result expired)`.replace("  ", " "),
      );
    return job;
  }

  async function route(request: Request, url: URL, context: Context, clientAddress: string): Promise<Response> {
    const { pathname } = url;
    const method = request.method;
    const jobMatch = /^\/generate\/([^/]+)(\/download)?$/.exec(pathname);
    const open = ["/", "/favicon.ico", "/health", "/version", "/openapi.json", "/metrics"];
    context.route =
      open.includes(pathname) || pathname === "/generate" || pathname === "/validate"
        ? pathname
        : jobMatch
          ? `/generate/{job_id}${jobMatch[2] ?? ""}`
          : "other";
    const expected =
      context.route === "/generate" || context.route === "/validate" ? "POST" : context.route === "other" ? undefined : "GET";
    if (!expected) return errorResponse(404, "not_found", `no endpoint ${pathname}; GET /openapi.json lists them`);
    if (method !== expected && !(method === "HEAD" && expected === "GET")) {
      const response = errorResponse(405, "method_not_allowed", `${pathname} takes ${expected}`);
      response.headers.set("allow", expected);
      return response;
    }
    switch (context.route) {
      case "/":
        return new Response(PAGE_HTML, { headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": PAGE_POLICY } });
      case "/favicon.ico":
        // Browsers ask for it; no icon, and no 404 in their console.
        return new Response(null, { status: 204 });
      case "/health":
        return handlers.health();
      case "/version":
        return json(200, { version: PYGEN_VERSION, languages: [...SERVICE_LANGUAGES], output_formats: [...OUTPUT_FORMATS] });
      case "/openapi.json":
        return json(200, openApiDocument());
      case "/metrics":
        return new Response(metrics.render(await queue.counts()), { headers: { "content-type": "text/plain; version=0.0.4" } });
    }
    const admitted = admit(request, clientAddress);
    if (admitted instanceof Response) return admitted;
    context.caller = admitted;
    if (context.route === "/generate") return handlers.generate(request, context);
    if (context.route === "/validate") return handlers.validate(request);
    const id = decodeURIComponent(jobMatch?.[1] ?? "");
    return jobMatch?.[2] ? handlers.download(id, url, context) : handlers.status(id, context);
  }

  const server = Bun.serve({
    hostname: options.host,
    port: options.port,
    // A backstop: bodies are counted against maxBodyBytes while they are read, for a JSON error.
    maxRequestBodySize: options.maxBodyBytes + 1024 * 1024,
    idleTimeout: 120,
    async fetch(request, bunServer) {
      const started = performance.now();
      const url = new URL(request.url);
      const given = request.headers.get("x-request-id");
      const context: Context = {
        requestId: given && REQUEST_ID.test(given) ? given : crypto.randomUUID(),
        route: "other",
        caller: "anonymous",
      };
      const clientAddress = bunServer.requestIP(request)?.address ?? "unknown";
      let response: Response;
      try {
        response = await route(request, url, context, clientAddress);
      } catch (error) {
        if (error instanceof RequestError) {
          response = errorResponse(error.status, error.code, error.message, error.details);
        } else {
          const failure = jobError(error);
          log.error("request failed", { request_id: context.requestId, error: failure.message });
          response = errorResponse(500, "internal_error", "internal error; the service log has the details (request id in x-request-id)");
        }
      }
      response.headers.set("x-request-id", context.requestId);
      metrics.request(request.method, context.route, response.status);
      if (context.route !== "/health" && context.route !== "/metrics") {
        log.info("request", {
          request_id: context.requestId,
          method: request.method,
          route: context.route,
          status: response.status,
          duration_ms: Math.round(performance.now() - started),
          key: context.caller,
        });
      }
      return response;
    },
    error() {
      return errorResponse(500, "internal_error", "internal error");
    },
  });

  const address = `http://${server.hostname?.includes(":") ? `[${server.hostname}]` : server.hostname}:${server.port}`;
  log.info("listening", {
    url: address,
    instance: INSTANCE,
    queue: queue.backend,
    workers: options.workers,
    auth: options.noAuth ? "off" : `${keys.size} key(s)`,
  });
  let stopping: Promise<void> | undefined;
  return {
    url: address,
    queue,
    stop(graceMs = 30_000) {
      stopping ??= (async () => {
        log.info("shutting down", { grace_ms: graceMs });
        clearInterval(pruneTimer);
        const closing = server.stop();
        await queue.close(graceMs);
        pool.close();
        await closing;
        log.info("stopped");
      })();
      return stopping;
    },
  };
}

async function openQueue(options: ServiceOptions, settings: QueueSettings): Promise<JobQueue> {
  if (options.queueUrl) {
    // Loaded on use: BullMQ and ioredis are only needed with --queue redis://…
    const { RedisQueue } = await import("./queue-redis.ts");
    return RedisQueue.connect(options.queueUrl, { ...settings, lockMs: options.lockMs, log: options.log, instance: INSTANCE });
  }
  const { SqliteQueue } = await import("./queue-sqlite.ts");
  return new SqliteQueue(options.dataDir, settings);
}

function statusBody(job: JobRecord): JobStatusResponse {
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
  const outcome = job.outcome;
  return {
    job_id: job.id,
    status: job.state,
    language: job.language,
    output_format: job.outputFormat,
    created_at: iso(job.createdAt) as string,
    ...(job.finishedAt !== undefined ? { finished_at: iso(job.finishedAt) } : {}),
    ...(job.state === "completed" ? { download_url: `/generate/${job.id}/download` } : {}),
    ...(job.expiresAt !== undefined ? { expires_at: iso(job.expiresAt) } : {}),
    ...(outcome?.ok ? { summary: outcome.summary } : {}),
    warnings: outcome?.warnings ?? [],
    errors: outcome && !outcome.ok ? outcome.errors : [],
  };
}

async function archiveResponse(outcome: Extract<JobOutcome, { ok: true }>, format: OutputFormat): Promise<Response> {
  const root = outcome.summary.package.replaceAll(".", "_");
  switch (format) {
    case "zip":
      return new Response(zip(root, outcome.files), { headers: attachment("application/zip", `${root}.zip`) });
    case "tarball":
      return new Response(await tarGz(root, outcome.files), { headers: attachment("application/gzip", `${root}.tar.gz`) });
    case "code":
      return json(200, { files: outcome.files });
  }
}

const attachment = (type: string, fileName: string) => ({
  "content-type": type,
  "content-disposition": `attachment; filename="${fileName}"`,
});

function bearer(header: string | null): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function json(status: number, body: unknown): Response {
  return new Response(stringifyJson(body), { status, headers: { "content-type": "application/json" } });
}

function errorResponse(status: number, code: string, message: string, details: string[] = []): Response {
  return json(status, { error: { code, message, ...(details.length > 0 ? { details } : {}) } });
}

/** The body as JSON, read no further than `limit` bytes (a declared or actual size beyond it is a 413). */
async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const tooLarge = () => new RequestError(413, "body_too_large", `the request body is larger than this service's limit of ${limit} bytes`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body) {
      size += chunk.length;
      if (size > limit) throw tooLarge();
      chunks.push(chunk);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  if (text.trim() === "") throw new RequestError(400, "invalid_json", "the request body is empty; send a JSON object");
  try {
    return parseJson(text, "the request body");
  } catch (error) {
    if (error instanceof ParseError) throw new RequestError(400, "invalid_json", error.message);
    throw error;
  }
}
