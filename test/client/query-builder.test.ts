import { describe, expect, test } from "bun:test";
import { TokenAuth } from "../../src/client/auth.ts";
import { chunked, collect, paginate } from "../../src/client/paging.ts";
import { PygenClient } from "../../src/client/pygen-client.ts";

const client = new PygenClient({ baseUrl: "http://127.0.0.1:9", project: "p", credentials: new TokenAuth("t") });
const view = { type: "view" as const, space: "sp", externalId: "Pump", version: "1" };

describe("QueryBuilder", () => {
  test("conditions become view-scoped filters, base fields node-scoped", () => {
    const query = client
      .queryBuilder("sp", "Pump/1")
      .where("name", { prefix: "P" })
      .where("flow", { gte: 1, lt: 5 })
      .where("externalId", { in: ["a", "b"] })
      .where("note", { exists: false })
      .select("name", "flow")
      .sort("-flow", "name")
      .build(50);
    expect(query).toEqual({
      with: {
        items: {
          nodes: {
            filter: {
              and: [
                { hasData: [view] },
                { prefix: { property: ["sp", "Pump/1", "name"], value: "P" } },
                { range: { property: ["sp", "Pump/1", "flow"], gte: 1, lt: 5 } },
                { in: { property: ["node", "externalId"], values: ["a", "b"] } },
                { not: { exists: { property: ["sp", "Pump/1", "note"] } } },
              ],
            },
          },
          limit: 50,
          sort: [
            { property: ["sp", "Pump/1", "flow"], direction: "descending" },
            { property: ["sp", "Pump/1", "name"], direction: "ascending" },
          ],
        },
      },
      select: { items: { sources: [{ source: view, properties: ["name", "flow"] }] } },
    });
  });

  test("edge views query edges", () => {
    expect(client.queryBuilder("sp", { externalId: "Flow", version: "2" }, "edge").build().with.items).toHaveProperty("edges");
  });

  test("bad arguments are refused", () => {
    expect(() => client.queryBuilder("sp", "Pump")).toThrow('view must be "ExternalId/version"');
    expect(() => client.queryBuilder("sp", "Pump/1").limit(-1)).toThrow(RangeError);
  });

  test("building a query makes no request and is cheap", () => {
    const started = performance.now();
    for (let index = 0; index < 1000; index++)
      client.queryBuilder("sp", "Pump/1").where("flow", { gt: index }).sort("-flow").limit(10).build();
    // 1000 builds: a loose bound so the check only catches an accidental request or quadratic work.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("paging", () => {
  const pages = [
    { items: [1, 2, 3], nextCursor: "a" },
    { items: [4, 5], nextCursor: "b" },
    { items: [6], nextCursor: undefined },
  ];
  const fetcher = () => {
    const calls: { cursor: string | undefined; limit: number }[] = [];
    const fetchPage = async (cursor: string | undefined, limit: number) => {
      calls.push({ cursor, limit });
      return pages[calls.length - 1] ?? { items: [] };
    };
    return { calls, fetchPage };
  };

  test("follows cursors to the end", async () => {
    const { calls, fetchPage } = fetcher();
    expect(await collect(paginate(fetchPage, { maxPageSize: 3 }))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(calls.map((call) => call.cursor)).toEqual([undefined, "a", "b"]);
  });

  test("an overall limit stops early and shrinks the last page", async () => {
    const { calls, fetchPage } = fetcher();
    expect(await collect(paginate(fetchPage, { limit: 4, maxPageSize: 3 }))).toEqual([1, 2, 3, 4]);
    expect(calls).toEqual([
      { cursor: undefined, limit: 3 },
      { cursor: "a", limit: 1 },
    ]);
  });

  test("is lazy: nothing is fetched until iterated, and only as far as consumed", async () => {
    const { calls, fetchPage } = fetcher();
    const iterator = paginate(fetchPage, { maxPageSize: 3 });
    expect(calls.length).toBe(0);
    await iterator.next();
    expect(calls.length).toBe(1);
  });

  test("chunks", () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunked([], 2)).toEqual([]);
  });
});

describe("closing", () => {
  test("a closed client refuses requests", async () => {
    const closing = new PygenClient({ baseUrl: "http://127.0.0.1:9", project: "p", credentials: new TokenAuth("t") });
    await closing[Symbol.asyncDispose]();
    expect(await closing.spaces.retrieve({ space: "x" }).catch((error: Error) => error.message)).toBe(
      "POST /models/spaces/byids: the client is closed",
    );
  });
});
