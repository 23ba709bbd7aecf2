/**
 * The emulator's request limits, against an emulator in its own process so its memory can be read: a gzip bomb
 * is refused once it inflates past the body cap (streaming, not inflated whole), and oversized bodies and request
 * heads get CDF-shaped JSON errors rather than Bun's empty ones.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync, rmSync } from "node:fs";
import { MAX_BODY_BYTES, MAX_HEADER_BYTES } from "../../src/emulator/limits.ts";
import { isolatedBinary } from "../support/binary.ts";
import { type EmulatorProcess, spawnEmulator } from "../support/emulator-process.ts";

/** Peak resident memory of a process, from Linux's /proc (VmHWM). */
function peakRssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("VmHWM:"));
  return Number(line?.match(/(\d+)\s*kB/)?.[1]) * 1024;
}

/** About 2 MB of gzip that inflates to `mebibytes` MiB of zeros, compressed as a stream. */
async function gzipBomb(mebibytes: number): Promise<Uint8Array> {
  const zeros = new Uint8Array(1024 * 1024);
  let sent = 0;
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < mebibytes) controller.enqueue(zeros);
      else controller.close();
    },
  });
  return new Uint8Array(
    await new Response(
      source.pipeThrough(new CompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>),
    ).arrayBuffer(),
  );
}

const onLinux = process.platform === "linux";
let emulator: EmulatorProcess;
const spaces = () => `${emulator.url}/api/v1/projects/p/models/spaces`;

beforeAll(async () => {
  emulator = await spawnEmulator([]);
});
afterAll(() => emulator.stop());

describe("request limits", () => {
  test.if(onLinux)("a gzip bomb (2 MB inflating to 2 GiB) gets a JSON 413 and the emulator stays under 300 MB", async () => {
    const bomb = await gzipBomb(2048);
    expect(bomb.byteLength).toBeLessThan(MAX_BODY_BYTES);
    const response = await fetch(spaces(), {
      method: "POST",
      body: bomb,
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 413, message: expect.stringContaining("once gzip-decoded") } });
    expect(peakRssBytes(emulator.pid)).toBeLessThan(300 * 1024 * 1024);
    // Still serving.
    expect((await fetch(spaces())).status).toBe(200);
  });

  test("a body over the cap gets a JSON 413, with or without a Content-Length", async () => {
    const oversized = new Uint8Array(MAX_BODY_BYTES + 1).fill(32);
    const declared = await fetch(spaces(), { method: "POST", body: oversized, headers: { "content-type": "application/json" } });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: { code: 413, message: `The request body is larger than ${MAX_BODY_BYTES} bytes` } });
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ <= MAX_BODY_BYTES / chunk.byteLength) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await fetch(spaces(), { method: "POST", body: chunked, headers: { "content-type": "application/json" } });
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: { code: number } }).error.code).toBe(413);
  });

  test("request headers over the limit get a JSON 431", async () => {
    const response = await fetch(spaces(), { headers: { "x-padding": "a".repeat(MAX_HEADER_BYTES + 1) } });
    expect(response.status).toBe(431);
    expect(await response.json()).toEqual({
      error: { code: 431, message: `The request headers are larger than ${MAX_HEADER_BYTES} bytes` },
    });
  });
});

describe("the compiled binary", () => {
  let folder: string;
  let binaryEmulator: EmulatorProcess;

  beforeAll(async () => {
    const { binary, dir } = isolatedBinary();
    folder = dir;
    binaryEmulator = await spawnEmulator([], { command: [binary], cwd: dir });
  }, 180_000); // isolatedBinary builds the binary when the sources are newer
  afterAll(async () => {
    await binaryEmulator.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test("lets the emulator answer oversized heads itself, with a JSON 431", async () => {
    const response = await fetch(`${binaryEmulator.url}/api/v1/projects/p/models/spaces`, {
      headers: { "x-padding": "a".repeat(4 * MAX_HEADER_BYTES) },
    });
    expect(response.status).toBe(431);
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(431);
  });
});
