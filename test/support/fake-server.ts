/**
 * A scriptable HTTP server on 127.0.0.1 for testing the client's transport behaviour (retries, auth, headers)
 * where the emulator's real semantics do not matter. Each test sets `handle` to answer requests.
 */
import type { Server } from "bun";

export interface RecordedRequest {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: string;
}

export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  handle: (request: RecordedRequest) => Response | Promise<Response> = () => Response.json({});
  private readonly server: Server<undefined>;

  constructor() {
    this.server = Bun.serve({
      hostname: "127.0.0.1",
      port: 0,
      fetch: async (request) => {
        const url = new URL(request.url);
        const raw = new Uint8Array(await request.arrayBuffer());
        const body =
          request.headers.get("content-encoding") === "gzip"
            ? new TextDecoder().decode(Bun.gunzipSync(raw))
            : new TextDecoder().decode(raw);
        const recorded = { method: request.method, path: url.pathname, search: url.search, headers: request.headers, body };
        this.requests.push(recorded);
        this.inFlight += 1;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        try {
          return await this.handle(recorded);
        } finally {
          this.inFlight -= 1;
        }
      },
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.server.port}`;
  }

  reset(): void {
    this.requests.length = 0;
    this.maxInFlight = 0;
    this.handle = () => Response.json({});
  }

  stop(): void {
    this.server.stop(true);
  }
}

/** A CDF-shaped error response. */
export function cdfError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code: status, message } }, { status, headers: { "x-request-id": `req-${status}`, ...headers } });
}
