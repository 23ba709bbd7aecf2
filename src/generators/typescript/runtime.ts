/**
 * The runtime a generated TypeScript SDK vendors under `_runtime/`, compiled to `.js` + `.d.ts` when pygen is
 * built (runtime-macro.ts), and the names it exports, which the SDK re-exports beside its own.
 */
import { compiledRuntime } from "./runtime-macro.ts" with { type: "macro" };

/**
 * The `@ts-self-types` line a `.js` module starts with when a `.d.ts` of the same name is beside it (`paths`),
 * otherwise nothing. Deno finds a module's types only through it when the package is not a real npm package in
 * node_modules (as `npm install <folder>` leaves it: a link), so without it `deno check` sees none of the SDK's
 * types; tsc, Node and Bun read it as a comment.
 */
export function selfTypes(path: string, paths: ReadonlySet<string>): string {
  const types = path.replace(/\.js$/, ".d.ts");
  return types !== path && paths.has(types) ? `// @ts-self-types="./${types.split("/").at(-1)}"\n` : "";
}

const compiled = compiledRuntime();
const compiledNames = new Set(Object.keys(compiled));
export const RUNTIME_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(compiled).map(([name, content]) => [name, `${selfTypes(name, compiledNames)}${content}`]),
);

/** The folder of the SDK holding the runtime; generated modules import `./_runtime/index.js`. */
export const RUNTIME_FOLDER = "_runtime";

/** Every name the runtime exports (types and values): the SDK's index re-exports them, so views cannot take them. */
export const RUNTIME_EXPORTS: ReadonlySet<string> = new Set(
  Object.entries(RUNTIME_FILES)
    .filter(([name]) => name.endsWith(".d.ts"))
    .flatMap(([, text]) => [
      ...text.matchAll(/^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|let|enum) (\w+)/gm),
    ])
    .map((match) => match[1] as string),
);
