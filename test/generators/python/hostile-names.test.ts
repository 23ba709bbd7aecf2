/**
 * Views named like what the generated package already imports or exports: each gets an escaped class name and a
 * warning, never a class that shadows the runtime's or the client's.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pythonReservation } from "../../../src/generators/python/keywords.ts";
import { generateSdk } from "../../../src/pipeline.ts";
import { model, text, view } from "../../support/model-builder.ts";

const RUNTIME_INIT = join(import.meta.dir, "../../../templates/python/runtime/__init__.py");

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
    for (const name of ["NodeRead", "NodeQuery", "ShopClient"]) {
      expect(shadowed).toContainEqual(expect.stringContaining(`"${name}", a name the generated SDK already uses; it is "${name}_"`));
    }
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
