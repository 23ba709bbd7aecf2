import { describe, expect, test } from "bun:test";
import {
  allOf,
  and,
  containsAll,
  containsAny,
  equals,
  exists,
  hasData,
  inValues,
  keywordFilter,
  matchAll,
  nested,
  not,
  or,
  overlaps,
  parseJson,
  prefix,
  range,
  stringifyJson,
  type ViewMeta,
  viewPropertyRef,
} from "../../../templates/typescript/runtime/index.ts";

const PUMP = { space: "sp", externalId: "Pump", version: "1" };
const ref = (property: string) => viewPropertyRef(PUMP, property);
const META: ViewMeta = {
  view: PUMP,
  properties: {
    name: { identifier: "name", type: "text" },
    flowRate: { identifier: "flow_rate", type: "float64" },
    installed: { identifier: "installed", type: "date" },
    serial: { identifier: "serial", type: "int64" },
    minPressure: { identifier: "minPressure", type: "float64" },
    pressure: { identifier: "pressure", type: "float64" },
    station: { identifier: "station", type: "direct" },
  },
  edges: {},
};

describe("filter builders", () => {
  test("each builder writes the API's JSON", () => {
    const filter = and(
      equals(ref("name"), "P1"),
      inValues(ref("name"), ["a", "b"]),
      range(ref("flow_rate"), { gte: 3, lt: 10 }),
      prefix(ref("name"), "P"),
      exists(ref("name")),
      containsAny(ref("tags"), ["x"]),
      containsAll(ref("tags"), ["x", "y"]),
      nested(ref("station"), equals(["node", "externalId"], "s1")),
      overlaps(ref("start"), ref("end"), { gt: new Date(0) }),
      hasData([PUMP, { space: "sp", externalId: "Container" }]),
      or(matchAll(), not(exists(ref("name")))),
    );
    expect(parseJson(stringifyJson(filter))).toEqual({
      and: [
        { equals: { property: ["sp", "Pump/1", "name"], value: "P1" } },
        { in: { property: ["sp", "Pump/1", "name"], values: ["a", "b"] } },
        { range: { property: ["sp", "Pump/1", "flow_rate"], gte: 3, lt: 10 } },
        { prefix: { property: ["sp", "Pump/1", "name"], value: "P" } },
        { exists: { property: ["sp", "Pump/1", "name"] } },
        { containsAny: { property: ["sp", "Pump/1", "tags"], values: ["x"] } },
        { containsAll: { property: ["sp", "Pump/1", "tags"], values: ["x", "y"] } },
        { nested: { scope: ["sp", "Pump/1", "station"], filter: { equals: { property: ["node", "externalId"], value: "s1" } } } },
        { overlaps: { startProperty: ["sp", "Pump/1", "start"], endProperty: ["sp", "Pump/1", "end"], gt: "1970-01-01T00:00:00.000Z" } },
        {
          hasData: [
            { type: "view", ...PUMP },
            { type: "container", space: "sp", externalId: "Container" },
          ],
        },
        { or: [{ matchAll: {} }, { not: { exists: { property: ["sp", "Pump/1", "name"] } } }] },
      ],
    });
  });

  test("bad ranges and empty combinations are refused", () => {
    expect(() => range(ref("x"), {})).toThrow("at least one of gt, gte, lt, lte");
    expect(() => range(ref("x"), { gt: 1, gte: 2 })).toThrow("at most one lower bound");
    expect(() => and()).toThrow("at least one filter");
    expect(() => or()).toThrow("at least one filter");
  });

  test("allOf drops undefined, unwraps one, flattens nested ands", () => {
    const a = exists(ref("a"));
    const b = exists(ref("b"));
    const c = exists(ref("c"));
    expect(allOf()).toBeUndefined();
    expect(allOf(undefined, a)).toBe(a);
    expect(allOf(and(a, b), c)).toEqual({ and: [a, b, c] });
  });
});

describe("keyword filters", () => {
  test("equals, in, prefix, min/max merged into one range, node fields; values written as CDF reads them", () => {
    const filter = keywordFilter(
      META,
      {
        name: ["P1", "P2"],
        namePrefix: "P",
        minFlowRate: 1,
        maxFlowRate: 5,
        installed: new Date(Date.UTC(2024, 0, 2)),
        serial: 2n ** 60n,
        station: "st1",
        externalIdPrefix: "pump-",
        space: undefined,
      },
      "sp_data",
    );
    expect(parseJson(stringifyJson(filter))).toEqual({
      and: [
        { in: { property: ["sp", "Pump/1", "name"], values: ["P1", "P2"] } },
        { prefix: { property: ["sp", "Pump/1", "name"], value: "P" } },
        { equals: { property: ["sp", "Pump/1", "installed"], value: "2024-01-02" } },
        { equals: { property: ["sp", "Pump/1", "serial"], value: 1152921504606846976n } },
        { equals: { property: ["sp", "Pump/1", "station"], value: { space: "sp_data", externalId: "st1" } } },
        { prefix: { property: ["node", "externalId"], value: "pump-" } },
        { range: { property: ["sp", "Pump/1", "flow_rate"], gte: 1, lte: 5 } },
      ],
    });
    expect(stringifyJson(filter)).toContain('"value":1152921504606846976}');
  });

  test("a field literally called minPressure is that field, not a range on pressure", () => {
    expect(keywordFilter(META, { minPressure: 3 }, "sp")).toEqual(equals(ref("minPressure"), 3));
    expect(keywordFilter(META, { maxPressure: 3 }, "sp")).toEqual(range(ref("pressure"), { lte: 3 }));
  });

  test("an unknown key is an error naming it and the view", () => {
    expect(() => keywordFilter(META, { colour: "red" }, "sp")).toThrow('filter argument "colour" names no property of view Pump');
  });
});
