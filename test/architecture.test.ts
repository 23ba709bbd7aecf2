/**
 * The import graph of src/ follows the pipeline: a module imports only from its own layer or the layers below, and
 * no modules import each other in a circle (not even through type-only imports: they still say "this needs that").
 * The graph is read from the sources: `import … from`, `export … from`, side-effect `import "…"` and dynamic
 * `import("…")`, relative specifiers of TypeScript modules only (packages are not layers; the assets src/ embeds from
 * outside it, package.json and the example model, are data).
 *
 * Within the languages layer, each language's folder (generators/<language>/) is imported only by the registry
 * (generators/registry.ts), so nothing else depends on a particular language.
 *
 * Layers, top to bottom (a folder means everything under it):
 *   entry      main.ts, cli.ts, cli/, service/command.ts
 *                                                     the command line (service/command.ts runs `pygen serve`
 *                                                     with the CLI's output streams)
 *   app        pipeline.ts, doctor.ts, service/, emulator/, inspect/
 *                                                     what the commands run
 *   languages  generators/                           the language registry and each language's folder
 *   plan       plan/                                 the language-neutral SDK plan
 *   validate   validate/                             the up-front model check
 *   ir         ir/                                   the parsed, named model
 *   base       client/, emit/, output/, sources.ts, config.ts, view-filter.ts
 *   formats    data-formats.ts, errors.ts, version.ts
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SRC = resolve(import.meta.dir, "..", "src");

const LAYERS: readonly (readonly string[])[] = [
  ["main.ts", "cli.ts", "cli/", "service/command.ts"],
  ["pipeline.ts", "doctor.ts", "service/", "emulator/", "inspect/"],
  ["generators/"],
  ["plan/"],
  ["validate/"],
  ["ir/"],
  ["client/", "emit/", "output/", "sources.ts", "config.ts", "view-filter.ts"],
  ["data-formats.ts", "errors.ts", "version.ts", "text-file.ts", "printable.ts", "number-option.ts", "compiled.ts"],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Relative specifiers a module imports, re-exports or loads: static and dynamic, values and types. */
export function importedSpecifiers(text: string): string[] {
  const patterns = [/\bfrom\s+"(\.[^"]*)"/g, /\bimport\s+"(\.[^"]*)"/g, /\bimport\s*\(\s*"(\.[^"]*)"\s*\)/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] as string));
}

/** Module → the modules it imports, as paths relative to src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file);
    const targets = importedSpecifiers(readFileSync(file, "utf8"))
      .filter((specifier) => specifier.endsWith(".ts"))
      .map((specifier) => relative(SRC, resolve(dirname(file), specifier)));
    graph.set(from, [...new Set(targets)]);
  }
  return graph;
}

function layerOf(module: string): number {
  const index = LAYERS.findIndex((layer) => layer.some((entry) => (entry.endsWith("/") ? module.startsWith(entry) : module === entry)));
  if (index === -1) throw new Error(`src/${module} belongs to no layer: add it to LAYERS in test/architecture.test.ts`);
  return index;
}

/** Every circle once, as the modules on it (Tarjan's strongly connected components of more than one module, or a self-import). */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

describe("the import graph of src/", () => {
  const graph = importGraph();

  test("every import resolves to a module in src/", () => {
    const missing = [...graph].flatMap(([from, targets]) =>
      targets.filter((target) => !graph.has(target)).map((target) => `${from} → ${target}`),
    );
    expect(missing).toEqual([]);
  });

  test("no module imports from a higher layer", () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      targets.filter((target) => layerOf(target) < layerOf(from)).map((target) => `${from} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  test("a language's folder is reached only through the registry: nothing else in src/ names a language", () => {
    const languageOf = (module: string) => /^generators\/([^/]+)\//.exec(module)?.[1];
    const reached = [...graph].flatMap(([from, targets]) =>
      targets
        .filter((target) => {
          const language = languageOf(target);
          return language !== undefined && languageOf(from) !== language && from !== "generators/registry.ts";
        })
        .map((target) => `${from} → ${target}`),
    );
    expect(reached).toEqual([]);
  });

  test("no circles", () => {
    expect(circles(graph)).toEqual([]);
  });

  test("the parser sees every kind of import", () => {
    const text = [
      'import { a } from "./a.ts";',
      'import type { B } from "../b.ts";',
      'export { c } from "./c.ts";',
      'export type * from "./d.ts";',
      'import "./e.ts";',
      'const { f } = await import("./f.ts");',
      'import {\n  g,\n  h,\n} from "./g.ts";',
      'import ky from "ky";',
    ].join("\n");
    expect(importedSpecifiers(text)).toEqual(["./a.ts", "../b.ts", "./c.ts", "./d.ts", "./g.ts", "./e.ts", "./f.ts"]);
  });

  test("the circle finder finds a circle", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(circles(graph)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});
