/**
 * The runtime a generated TypeScript SDK vendors under `_runtime/`, compiled to `.js` + `.d.ts` when pygen is
 * built (runtime-macro.ts), and the names it exports, which the SDK re-exports beside its own.
 */
import { compiledRuntime } from "./runtime-macro.ts" with { type: "macro" };

export const RUNTIME_FILES: Readonly<Record<string, string>> = compiledRuntime();

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
