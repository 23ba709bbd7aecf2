/**
 * Test harness for the generation service: starts it in-process on a free loopback port with a temporary data
 * folder, captures its JSON log lines, and talks to it over real HTTP.
 */
import { afterAll, beforeAll } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningService, type ServiceOptions, startService } from "../../src/service/server.ts";
import { EXAMPLE_MODEL_NAME } from "../../src/sources.ts";

export const API_KEY = "test-key-0123456789";
export const EXAMPLE_MODEL_TEXT = await Bun.file(join(import.meta.dir, "..", "..", EXAMPLE_MODEL_NAME)).text();

export interface TestService {
  service: RunningService;
  url: string;
  logs: string[];
  dataDir: string;
}

export function serviceOptions(overrides: Partial<ServiceOptions> & { logs: string[]; dataDir: string }): ServiceOptions {
  const { logs, ...rest } = overrides;
  return {
    host: "127.0.0.1",
    port: 0,
    workers: 1,
    apiKeys: [API_KEY],
    noAuth: false,
    maxBodyBytes: 2 * 1024 * 1024,
    maxModelBytes: 4 * 1024 * 1024,
    jobTimeoutMs: 60_000,
    rateLimitPerMinute: 0,
    resultTtlMs: 3_600_000,
    urls: { allowedHosts: ["*.cognitedata.com"], allowLoopback: false },
    lockMs: 30_000,
    log: {
      info: (msg, fields) => logs.push(JSON.stringify({ level: "info", msg, ...fields })),
      warn: (msg, fields) => logs.push(JSON.stringify({ level: "warn", msg, ...fields })),
      error: (msg, fields) => logs.push(JSON.stringify({ level: "error", msg, ...fields })),
    },
    ...rest,
  };
}

/** One service for the test file (beforeAll), stopped and its data folder removed afterwards. */
export function useService(overrides: Partial<ServiceOptions> = {}): TestService {
  const holder = { logs: [] as string[] } as TestService;
  beforeAll(async () => {
    holder.dataDir = mkdtempSync(join(tmpdir(), "pygen-serve-"));
    holder.service = await startService(serviceOptions({ ...overrides, logs: holder.logs, dataDir: holder.dataDir }));
    holder.url = holder.service.url;
  });
  afterAll(async () => {
    await holder.service?.stop(1_000);
    rmSync(holder.dataDir, { recursive: true, force: true });
  });
  return holder;
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON response fields.
  body: any;
  text: string;
}

export async function call(url: string, init: RequestInit & { key?: string | null } = {}): Promise<Answer> {
  const { key = API_KEY, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (key !== null) headers.set("authorization", `Bearer ${key}`);
  if (rest.body !== undefined) headers.set("content-type", "application/json");
  const response = await fetch(url, { ...rest, headers });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export const post = (url: string, body: unknown, key: string | null = API_KEY) =>
  call(url, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), key });

/** Polls a job until it completed or failed. */
export async function waitForJob(base: string, jobId: string, key: string = API_KEY, timeoutMs = 30_000): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await call(`${base}/generate/${jobId}`, { key });
    if (answer.status !== 200 || answer.body.status === "completed" || answer.body.status === "failed") return answer;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${answer.body.status} after ${timeoutMs} ms`);
    await Bun.sleep(50);
  }
}

/** Submits the example model and returns the job id. */
export async function submitExample(base: string, extra: Record<string, unknown> = {}, key: string = API_KEY): Promise<string> {
  const answer = await post(`${base}/generate`, { model: EXAMPLE_MODEL_TEXT, ...extra }, key);
  if (answer.status !== 202) throw new Error(`POST /generate answered ${answer.status}: ${answer.text}`);
  return answer.body.job_id;
}
