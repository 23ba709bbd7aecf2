import { describe, expect, test } from "bun:test";
import { type Field, GraphQLError, parseGraphQL } from "../../../src/emulator/graphql/parser.ts";

function errorOf(source: string): GraphQLError {
  try {
    parseGraphQL(source);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error(`parsed: ${source}`);
}

describe("GraphQL parser", () => {
  test("a named operation with variables, aliases, arguments of every literal kind and nested selections", () => {
    const document = parseGraphQL(`
      # comment
      query Plants($first: Int = 2, $filter: _ListHydroPlantFilter!) {
        big: listHydroPlant(first: $first, filter: {and: [{capacityMw: {gte: 1.5e2}}, {name: {in: ["a\\n", "b\\u0041"]}}]},
                            sort: [{name: DESC}], flag: true, none: null, n: -3) {
          items { __typename name reservoir { externalId } }
          pageInfo { hasNextPage endCursor }
        }
      }`);
    const [operation] = document.operations;
    expect(operation?.name).toBe("Plants");
    expect(operation?.variables).toEqual([
      { name: "first", type: "Int", defaultValue: { kind: "int", value: 2 } },
      { name: "filter", type: "_ListHydroPlantFilter!", defaultValue: undefined },
    ]);
    const field = operation?.selections[0] as Field;
    expect(field.alias).toBe("big");
    expect(field.name).toBe("listHydroPlant");
    expect(Object.fromEntries(field.arguments)).toEqual({
      first: { kind: "variable", name: "first", location: { line: 4, column: 36 } },
      filter: {
        kind: "object",
        fields: [
          [
            "and",
            {
              kind: "list",
              values: [
                { kind: "object", fields: [["capacityMw", { kind: "object", fields: [["gte", { kind: "float", value: 150 }]] }]] },
                {
                  kind: "object",
                  fields: [
                    [
                      "name",
                      {
                        kind: "object",
                        fields: [
                          [
                            "in",
                            {
                              kind: "list",
                              values: [
                                { kind: "string", value: "a\n" },
                                { kind: "string", value: "bA" },
                              ],
                            },
                          ],
                        ],
                      },
                    ],
                  ],
                },
              ],
            },
          ],
        ],
      },
      sort: { kind: "list", values: [{ kind: "object", fields: [["name", { kind: "enum", value: "DESC" }]] }] },
      flag: { kind: "boolean", value: true },
      none: { kind: "null" },
      n: { kind: "int", value: -3 },
    });
    const items = field.selections?.[0] as Field;
    expect(items.selections?.map((selection) => (selection as Field).name)).toEqual(["__typename", "name", "reservoir"]);
  });

  test("the shorthand query, inline fragments and named fragments", () => {
    const document = parseGraphQL("{ listAsset { items { ...Named ... on HydroPlant { capacityMw } } } } fragment Named on Asset { name }");
    expect(document.operations[0]?.operation).toBe("query");
    expect(document.fragments.get("Named")).toEqual({
      typeCondition: "Asset",
      selections: [
        { kind: "field", alias: undefined, name: "name", arguments: [], selections: undefined, location: { line: 1, column: 97 } },
      ],
    });
    const root = document.operations[0]?.selections[0] as Field;
    const items = root.selections?.[0] as Field;
    expect(items.selections?.map((selection) => selection.kind)).toEqual(["spread", "inline"]);
  });

  test("syntax errors name what was expected and where", () => {
    expect(errorOf("{ listAsset { items { name } }").toJSON()).toEqual({
      message: "Syntax Error: Expected Name, found <EOF>.",
      locations: [{ line: 1, column: 31 }],
    });
    expect(errorOf("query {\n  listAsset(first: ) { items { name } }\n}").toJSON()).toEqual({
      message: 'Syntax Error: Expected a value, found ")".',
      locations: [{ line: 2, column: 20 }],
    });
    expect(errorOf('{ a(b: "open) }').message).toBe("Syntax Error: Unterminated string.");
    expect(errorOf("{ a }}").message).toBe('Syntax Error: Expected an operation or a fragment, found "}".');
    expect(errorOf("{ a ? }").message).toBe('Syntax Error: Unexpected character: "?".');
    expect(errorOf("{ a(n: 12abc) }").message).toBe("Syntax Error: Invalid number.");
  });

  test("features the emulator does not serve are rejected, not ignored", () => {
    expect(errorOf("{ a @include(if: true) }").message).toBe("Directives are not supported by the emulator.");
    expect(errorOf('{ a(b: """x""") }').message).toBe("Block strings are not supported by the emulator.");
    expect(errorOf("type Pump { name: String }").message).toBe('Type-system definitions ("type") are not executable.');
    expect(errorOf("fragment A on X { a } fragment A on X { b } { a }").message).toBe('There can be only one fragment named "A".');
  });
});
