/**
 * Views named like what the generated package already imports or exports: each gets an escaped class name and a
 * warning, never a class that shadows the runtime's or the client's.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { INSTANCE_KEYS, pythonReservation } from "../../../src/generators/python/keywords.ts";
import { generateSdk } from "../../../src/pipeline.ts";
import { direct, enumOf, model, primitive, text, view } from "../../support/model-builder.ts";

const RUNTIME_INIT = join(import.meta.dir, "../../../templates/python/runtime/__init__.py");
const GENERATOR_DIR = join(import.meta.dir, "../../../src/generators/python");

/** The names in the runtime package's `__all__`. */
function runtimeExports(): string[] {
  const source = readFileSync(RUNTIME_INIT, "utf8");
  const block = source.slice(source.indexOf("__all__ = ["));
  return [...block.slice(0, block.indexOf("]")).matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)].map((match) => match[1] ?? "");
}

describe("views named like runtime classes or the client", () => {
  test("every class and constant the runtime exports is reserved as a class name", () => {
    const exported = runtimeExports().filter((name) => /^[A-Z]/.test(name));
    expect(exported).toContain("NodeQuery");
    expect(exported.filter((name) => pythonReservation(name, "type") === undefined)).toEqual([]);
  });

  test("every name the generator imports from the standard library or typing_extensions is reserved too", () => {
    const sources = readdirSync(GENERATOR_DIR).map((file) => readFileSync(join(GENERATOR_DIR, file), "utf8"));
    const imported = sources.flatMap((source) =>
      [...source.matchAll(/\.add\("(?:stdlib|thirdParty)", "[\w.]+", ((?:"\w+"(?:, )?)+)\)/g)].flatMap((match) =>
        [...(match[1] ?? "").matchAll(/"(\w+)"/g)].map((name) => name[1] ?? ""),
      ),
    );
    expect(imported).toContain("Iterator");
    expect(imported.filter((name) => pythonReservation(name, "type") === undefined)).toEqual([]);
  });

  test("every helper function the generated modules import from the runtime is kept off fields", () => {
    const sources = readdirSync(GENERATOR_DIR).map((file) => readFileSync(join(GENERATOR_DIR, file), "utf8"));
    const helpers = sources.flatMap((source) =>
      [...source.matchAll(/\.add\("local", RUNTIME, ((?:"\w+"(?:, )?)+)\)/g)].flatMap((match) =>
        [...(match[1] ?? "").matchAll(/"([a-z]\w*)"/g)].map((name) => name[1] ?? ""),
      ),
    );
    expect(helpers).toContain("edge_end");
    expect(helpers.filter((name) => pythonReservation(name, "field") === undefined)).toEqual([]);
  });

  test("the instance keys the runtime lifts view values beside are the ones the generator keeps fields off", () => {
    const source = readFileSync(join(import.meta.dir, "../../../templates/python/runtime/data_classes.py"), "utf8");
    const block = source.slice(source.indexOf("_INSTANCE_KEYS = frozenset("));
    const keys = [...block.slice(0, block.indexOf(")")).matchAll(/"(\w+)"/g)].map((match) => match[1]);
    expect(keys.sort()).toEqual([...INSTANCE_KEYS].sort());
    expect(pythonReservation("properties", "field")).toBe("generated");
  });

  test("every public member of the runtime's instance classes is kept off fields", () => {
    const source = readFileSync(join(import.meta.dir, "../../../templates/python/runtime/data_classes.py"), "utf8");
    const bases = new Set([
      "ViewModel",
      "InstanceModel",
      "InstanceRead",
      "NodeRead",
      "EdgeRead",
      "InstanceWrite",
      "NodeWrite",
      "EdgeWrite",
    ]);
    const members: string[] = [];
    let inBase = false;
    for (const line of source.split("\n")) {
      const header = /^class (\w+)/.exec(line);
      if (header) inBase = bases.has(header[1] ?? "");
      else if (/^\S/.test(line)) inBase = false;
      const member = inBase ? /^ {4}(?:def )?([a-z]\w*)\s*[:(=]/.exec(line)?.[1] : undefined;
      if (member !== undefined) members.push(member);
    }
    expect(members).toContain("end_id");
    expect(members.filter((name) => pythonReservation(name, "field") === undefined)).toEqual([]);
  });

  test("NodeRead, NodeQuery and the client's own name are escaped, with a warning each", () => {
    const result = generateSdk(
      {
        models: [
          model([view("NodeRead", { value: text() }), view("NodeQuery", { value: text() }), view("ShopClient")], { externalId: "Shop" }),
        ],
        origin: "test",
      },
      { topLevelPackage: "shop" },
    );
    const shadowed = result.warnings.filter((warning) => warning.code === "SHADOWED_MEMBER").map((warning) => warning.message);
    const runtimeClass = "a class of the SDK's runtime that generated modules import, which it would shadow";
    for (const name of ["NodeRead", "NodeQuery"]) {
      expect(shadowed).toContainEqual(expect.stringContaining(`"${name}", ${runtimeClass}; it is "${name}_"`));
    }
    expect(shadowed).toContainEqual(expect.stringContaining(`"ShopClient", the name of the generated client class; it is "ShopClient_"`));
    const files = new Map(result.files.map((file) => [file.path, file.content]));
    expect(files.get("shop/data_classes/_node_read.py")).toContain("class NodeRead_(NodeRead):");
    expect(files.get("shop/_query.py")).toContain("class NodeQuery_Query(NodeQuery[NodeQuery_, NodeQueryList, _Root]):");
    const init = files.get("shop/__init__.py") ?? "";
    expect(init).toContain("from ._client import ShopClient\n");
    expect(init).toContain("    ShopClient_,\n");
  });

  test("a client name given in the options is reserved the same way", () => {
    const result = generateSdk(
      { models: [model([view("Pump", { value: text() })], { externalId: "Plant" })], origin: "test" },
      { topLevelPackage: "plant", clientName: "Pump" },
    );
    expect(result.files.find((file) => file.path === "plant/data_classes/_pump.py")?.content).toContain("class Pump_(NodeRead):");
  });
});

describe("fields named like NodeQuery's members", () => {
  test("their select() step members are renamed with a warning each, as validation renames escaped fields", () => {
    const shop = model(
      [view("Order", { where: text(), limit: primitive("int32"), list_root: text(), next: direct("Order"), owner: text() })],
      { externalId: "Shop" },
    );
    const result = generateSdk({ models: [shop], origin: "test" }, { topLevelPackage: "shop" });
    const renamed = result.warnings.filter((warning) => warning.code === "RENAMED");
    expect(renamed.map((warning) => [warning.location, warning.message])).toEqual([
      ["sp_test/Order/where", 'select() step member for field where of OrderQuery would hide NodeQuery.where; it is "where_"'],
      ["sp_test/Order/limit", 'select() step member for field limit of OrderQuery would hide NodeQuery.limit; it is "limit_"'],
      [
        "sp_test/Order/list_root",
        'select() step member for field list_root of OrderQuery would hide NodeQuery.list_root; it is "list_root_"',
      ],
    ]);
    const query = result.files.find((file) => file.path === "shop/_query.py")?.content ?? "";
    expect(query).toContain('    where_ = TextProperty("where")\n');
    expect(query).toContain('    limit_ = RangeProperty[int]("limit")\n');
    expect(query).toContain('    owner = TextProperty("owner")\n');
    // Generated, so not in the README's list of what is left out.
    expect(result.files.find((file) => file.path === "README.md")?.content).not.toContain("where_");
  });
});

describe("very long view names", () => {
  const long = `Station${"Measurement".repeat(22)}`;
  const result = generateSdk(
    {
      models: [model([view(long, { status: enumOf(["a", "b"]), next: direct(long, { list: true }) })], { externalId: "Plant" })],
      origin: "test",
    },
    { topLevelPackage: "plant" },
  );

  test("are cut to words of at most 80 characters ending in a hash, with a warning", () => {
    const cut = `Station${"_Measurement".repeat(5)}_Mea_667b0caf`;
    expect(cut.length).toBe(80);
    const warning = result.warnings.find((candidate) => candidate.code === "NAME_TOO_LONG" && candidate.location === `sp_test/${long}`);
    expect(warning?.message).toBe(`the words of ${long} are 271 characters long; its names are made of "${cut}"`);
    const data = result.files.find((file) => file.path === `plant/data_classes/_${cut.toLowerCase()}.py`)?.content ?? "";
    expect(data).toContain(`\nclass ${cut.replaceAll("_", "")}(NodeRead):\n`);
    // The view keeps its own external id on the wire.
    expect(data).toContain(`"${long}"`);
  });

  test("every line of the SDK fits 120 columns, but those holding the view's own external id", () => {
    const overlong = result.files
      .filter((file) => file.path.endsWith(".py") && !file.path.includes("_runtime/"))
      .flatMap((file) => file.content.split("\n").filter((line) => line.length > 120 && !line.includes(long)));
    expect(overlong).toEqual([]);
  });
});

describe("very long property identifiers and data model ids", () => {
  const property = `reading${"Measurement".repeat(22)}`;
  const modelId = `Plant${"Model".repeat(49)}`;
  const result = generateSdk(
    {
      models: [
        model([view("Pump", { [property]: primitive("float64") })], { externalId: "Short" }),
        model([view("Valve", { open: primitive("boolean") }, { space: "sp_b" })], { externalId: modelId, space: "sp_b" }),
      ],
      origin: "test",
    },
    { topLevelPackage: "plant" },
  );

  test("give names cut to 80 characters ending in a hash, each with a warning", () => {
    const messages = result.warnings.filter((warning) => warning.code === "NAME_TOO_LONG").map((warning) => warning.message);
    expect(messages).toHaveLength(2);
    const words = /its field is made of "(\w+)"/.exec(messages.find((message) => message.includes(property)) ?? "")?.[1] ?? "";
    expect(words.length).toBe(80);
    const field = words.toLowerCase();
    expect(field).toMatch(/^reading_measurement_.*_[0-9a-f]{8}$/);
    const data = result.files.find((file) => file.path === "plant/data_classes/_pump.py")?.content ?? "";
    expect(data).toContain(
      `    ${field}: Annotated[\n        float | None,\n        cdf_name(\n            "${property}",\n        ),\n    ] = None`,
    );
    expect(messages.some((message) => message.startsWith(`data model ${modelId} is too long for its names`))).toBe(true);
  });

  test("every line of the SDK fits 120 columns, but those holding the identifiers themselves", () => {
    const overlong = result.files
      .filter((file) => file.path.endsWith(".py") && !file.path.includes("_runtime/"))
      .flatMap((file) =>
        file.content.split("\n").filter((line) => line.length > 120 && !line.includes(property) && !line.includes(modelId)),
      );
    expect(overlong).toEqual([]);
  });
});

describe("data models named like client members or each other, in one SDK", () => {
  test("their groups are renamed with a warning each", () => {
    const models = [
      model([view("Pump", { value: text() })], { externalId: "DataModel" }),
      model([view("Valve", { value: text() }, { space: "sp_b" })], { externalId: "upsert", space: "sp_b" }),
      model([view("Gate", { value: text() }, { space: "sp_c" })], { externalId: "Upsert", space: "sp_c" }),
    ];
    const result = generateSdk({ models, origin: "test" }, { topLevelPackage: "plant" });
    const messages = result.warnings.filter((warning) => warning.location.split("/").length === 2).map((warning) => warning.message);
    expect(messages.sort()).toEqual(
      [
        'the group class name of data model DataModel would be "DataModelAPIs", a class of the SDK\'s runtime that generated modules import, which it would shadow; it is "DataModelAPIs_"',
        'the client attribute of data model upsert would be "upsert", an attribute of the generated client; it is "upsert_"',
        'the group class name of data model Upsert would be "UpsertAPIs", the name of another data model\'s group; it is "Upsert2APIs"',
        'the client attribute of data model Upsert would be "upsert", the name of another data model\'s group; it is "upsert_2"',
      ].sort(),
    );
    const client = result.files.find((file) => file.path === "plant/_client.py")?.content ?? "";
    expect(client).toContain("        self.upsert_ = UpsertAPIs(self._instances, self.default_space)\n");
    expect(client).toContain("        self.upsert_2 = Upsert2APIs(self._instances, self.default_space)\n");
  });
});

describe("views named like another view's generated names", () => {
  test("the generated names are numbered with a warning each, and the README does not list them as left out", () => {
    const views = [
      view("Station", { value: text() }, { usedFor: "all" }),
      view("StationEdge"),
      view("StationQuery"),
      view("StationFilters"),
    ];
    const result = generateSdk({ models: [model(views, { externalId: "Grid" })], origin: "test" }, { topLevelPackage: "grid" });
    const renamed = result.warnings.filter((warning) => warning.code === "RENAMED").map((warning) => warning.message);
    expect(renamed).toEqual([
      'StationEdge, a name generated for Station, is already taken; it is "StationEdge2"',
      'StationFilters, a name generated for Station, is already taken; it is "StationFilters2"',
      'StationQuery, a name generated for Station, is already taken; it is "StationQuery2"',
    ]);
    const data = result.files.find((file) => file.path === "grid/data_classes/_station.py")?.content ?? "";
    expect(data).toContain("class StationEdge2(EdgeRead):");
    expect(result.files.find((file) => file.path === "README.md")?.content).not.toContain("Not generated yet");
  });
});
