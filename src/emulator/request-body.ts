/**
 * Reads a request's JSON body within the body cap. Bodies are read as streams and gzip bodies are inflated as
 * streams, counting as they go, so a body that is (or inflates to) more than the cap is refused with a 413 once
 * the cap is passed, never held in memory whole: a 2 MB gzip bomb that inflates to gigabytes costs the emulator
 * no more than the cap.
 */
import { parseJson } from "../data-formats.ts";
import { ParseError } from "../errors.ts";
import { DmsApiError } from "./api-error.ts";
import { MAX_BODY_BYTES } from "./limits.ts";

const tooLarge = (what: string) => new DmsApiError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes${what}`);

/** The stream's bytes, or a 413 as soon as they pass the cap (the rest of the stream is cancelled, not read). */
async function collect(stream: ReadableStream<Uint8Array>, what: string): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(what);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

async function inflate(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  try {
    // The DOM typings let DecompressionStream take any BufferSource; it is a byte-to-byte transform here.
    const gunzip = new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>;
    return await collect(body.pipeThrough(gunzip), " once gzip-decoded");
  } catch (error) {
    if (error instanceof DmsApiError) throw error;
    throw new DmsApiError(400, "The request body is not valid gzip");
  }
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > MAX_BODY_BYTES) throw tooLarge("");
  const encoding = request.headers.get("content-encoding")?.toLowerCase();
  if (encoding && encoding !== "gzip" && encoding !== "identity") throw new DmsApiError(415, `Unsupported Content-Encoding: ${encoding}`);
  const body = request.body;
  const bytes = body === null ? new Uint8Array() : encoding === "gzip" ? await inflate(body) : await collect(body, "");
  if (bytes.byteLength === 0) throw new DmsApiError(400, "The request needs a JSON body");
  try {
    return parseJson(new TextDecoder().decode(bytes), "request body");
  } catch (error) {
    throw new DmsApiError(400, error instanceof ParseError ? `Invalid JSON in the request body: ${error.message}` : "Invalid request body");
  }
}
