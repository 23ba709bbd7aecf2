import { describe, expect, test } from "bun:test";
import {
  CDFUpsertError,
  clientConfig,
  flatten,
  graphItems,
  HttpClient,
  InstancesClient,
  type RawInstance,
  Token,
  type ViewMeta,
} from "../../../templates/typescript/runtime/index.ts";
import { type Call, fakeFetch, fakeTiming, json } from "./fake-fetch.ts";

const VIEW = { space: "sp", externalId: "Asset", version: "1" };

/** An instances client whose fake server answers each request with `answer`, counting requests in flight. */
function instances(answer: (call: Call, body: { items: RawInstance[] }) => Response) {
  let inFlight = 0;
  let peak = 0;
  const reply = async (call: Call) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    inFlight -= 1;
    return answer(call, JSON.parse(call.body ?? "{}"));
  };
  const fake = fakeFetch(Array.from({ length: 100 }, () => reply));
  const config = clientConfig({ baseUrl: "http://h", project: "p", credentials: new Token("t"), retry: { maxRetries: 0 } });
  const client = new InstancesClient(new HttpClient(config, { fetch: fake.fetch, timing: fakeTiming() }));
  return { client, calls: fake.calls, peak: () => peak };
}

const node = (externalId: string): RawInstance => ({ instanceType: "node", space: "sp", externalId });
const applied = (items: RawInstance[]) =>
  json({ items: items.map((item) => ({ ...item, version: 1, wasModified: true, createdTime: 0, lastUpdatedTime: 0 })) });

describe("instances", () => {
  test("upsert: duplicates once (the last wins), chunks of 1000, at most 4 in flight", async () => {
    const { client, calls, peak } = instances((_, body) => applied(body.items));
    const items = Array.from({ length: 4500 }, (_, index) => node(`n${index}`));
    const results = await client.upsert([...items, { ...node("n0"), sources: [] }]);
    expect(results).toHaveLength(4500);
    expect(calls.map((call) => (JSON.parse(call.body ?? "{}") as { items: unknown[] }).items.length)).toEqual([
      1000, 1000, 1000, 1000, 500,
    ]);
    expect(peak()).toBe(4);
    expect(JSON.parse(calls[0]?.body ?? "{}").items[0]).toEqual({ ...node("n0"), sources: [] });
  });

  test("a failed chunk: every chunk is still sent, and CDFUpsertError says what was applied", async () => {
    const { client } = instances((_, body) =>
      body.items.some((item) => item.externalId === "n1500") ? json({ error: { message: "bad item" } }, 400) : applied(body.items),
    );
    const error = await client.upsert(Array.from({ length: 3000 }, (_, index) => node(`n${index}`))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CDFUpsertError);
    const upsertError = error as CDFUpsertError;
    expect(upsertError.applied).toHaveLength(2000);
    expect(upsertError.failed.map((item) => item.externalId)).toContain("n1500");
    expect(upsertError.failed).toHaveLength(1000);
    expect(upsertError.results).toHaveLength(2000);
    expect(upsertError.message).toContain("400: POST /models/instances: bad item");
  });

  test("delete: chunks of 1000, at most 2 in flight", async () => {
    const { client, peak } = instances((_, body) => json({ items: body.items }));
    const deleted = await client.delete(Array.from({ length: 5000 }, (_, index) => node(`n${index}`)));
    expect(deleted).toHaveLength(5000);
    expect(peak()).toBe(2);
  });

  test("pages follow cursors, stop at the limit, and resume from a cursor", async () => {
    const { client, calls } = instances((call) => {
      const cursor = (JSON.parse(call.body ?? "{}") as { cursor?: string }).cursor;
      const page = Number(cursor ?? "0");
      return json({ items: [node(`a${page}`), node(`b${page}`)], nextCursor: page < 4 ? String(page + 1) : null });
    });
    const all: string[] = [];
    for await (const page of client.pages(VIEW, { chunkSize: 2 })) all.push(...page.items.map((item) => item.externalId));
    expect(all).toHaveLength(10);
    const resumed: string[] = [];
    for await (const page of client.pages(VIEW, { chunkSize: 2, cursor: "3", limit: 3 }))
      resumed.push(...page.items.map((item) => item.externalId));
    // The fake ignores the limit; the request for the last item asked for one.
    expect(resumed).toEqual(["a3", "b3", "a4", "b4"]);
    expect(JSON.parse(calls.at(-1)?.body ?? "{}").limit).toBe(1);
  });
});

describe("graph upsert", () => {
  const asset: ViewMeta = {
    view: VIEW,
    properties: { name: { identifier: "name", type: "text" }, parent: { identifier: "parent", type: "direct", target: () => asset } },
    edges: {
      children: {
        identifier: "children",
        edgeType: { space: "sp", externalId: "Asset.children" },
        direction: "outwards",
        target: () => asset,
      },
      owners: {
        identifier: "owners",
        edgeType: { space: "sp", externalId: "Asset.owners" },
        direction: "inwards",
        target: () => asset,
        edgeView: () => ({
          view: { space: "sp", externalId: "Ownership", version: "1" },
          properties: { share: { identifier: "share", type: "float64" } },
          edges: {},
        }),
      },
    },
  };

  test("nested write objects become nodes and edges, each once, cycles end, references stay references", () => {
    const root: Record<string, unknown> & { externalId: string } = { externalId: "root", name: "Root" };
    const child = { externalId: "child", name: "Child", parent: root };
    root.children = [child, child, "plain-ref"];
    root.owners = [{ endNode: { externalId: "owner", space: "people", name: "Owner" }, share: 0.5, externalId: "own-1" }];
    const items = graphItems(flatten([root], asset, "sp"));
    expect(items.map((item) => `${item.instanceType}:${item.space}:${item.externalId}`)).toEqual([
      "node:sp:root",
      "node:sp:child",
      "node:people:owner",
      "edge:sp:root:child",
      "edge:sp:root:plain-ref",
      "edge:people:own-1",
    ]);
    const ownership = items.at(-1) as Record<string, unknown>;
    expect(ownership.startNode).toEqual({ space: "people", externalId: "owner" });
    expect(ownership.endNode).toEqual({ space: "sp", externalId: "root" });
    expect(ownership.sources).toEqual([
      { source: { type: "view", space: "sp", externalId: "Ownership", version: "1" }, properties: { share: 0.5 } },
    ]);
    const childItem = items[1] as unknown as { sources: { properties: Record<string, unknown> }[] };
    expect(childItem.sources[0]?.properties).toEqual({ name: "Child", parent: { space: "sp", externalId: "root" } });
  });
});
