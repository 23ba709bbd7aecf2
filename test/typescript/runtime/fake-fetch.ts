/** A scripted `fetch` and instant timing, so HTTP tests run without network or waiting. */
import type { Timing } from "../../../templates/typescript/runtime/index.ts";

export interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export type Reply = Response | Error | ((call: Call) => Response | Error | Promise<Response | Error>);

export function fakeFetch(replies: Reply[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const queue = [...replies];
  const fetchImpl = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const headers = { ...(init.headers as Record<string, string>) };
    const call: Call = { url: String(input), method: init.method ?? "GET", headers, body: await bodyText(init.body, headers) };
    calls.push(call);
    const next = queue.shift();
    if (next === undefined) throw new Error(`unexpected request ${call.method} ${call.url}`);
    const reply = typeof next === "function" ? await next(call) : next;
    if (reply instanceof Error) throw reply;
    return reply;
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

/** The request body as text; a gzip-compressed one is decompressed, as a server would. */
async function bodyText(body: RequestInit["body"], headers: Record<string, string>): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  const bytes = new Uint8Array(await new Response(body as ConstructorParameters<typeof Response>[0]).arrayBuffer());
  return new TextDecoder().decode(headers["content-encoding"] === "gzip" ? Bun.gunzipSync(bytes) : bytes);
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** Timing whose sleeps only advance a virtual clock, recorded in `slept`. */
export function fakeTiming(random = 1): Timing & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    random: () => random,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}
