/**
 * The string builder offered to templates as `it.fmt`: what templates do badly (ruff's line wrapping of brackets,
 * annotations and docstrings; Python string literals) done by layout.ts. Every helper takes the indentation depth
 * of the code it writes and returns its lines joined, without a final newline, so a template puts it on a line of
 * its own.
 */
import { type Layout, type MethodDoc, PythonWriter, pythonString } from "./layout.ts";

export interface PythonFormat {
  /** `head(a, b)tail` on one line when it fits, else one item per line (`hug`: the items on one line of their own). */
  bracketed(head: string, items: readonly string[], tail: string, depth: number, options?: { hug?: boolean }): string;
  /** `target = head(items)tail`, the value in parentheses of its own when `target = head(` is too long. */
  assignBracketed(target: string, head: string, items: readonly string[], tail: string, depth: number, options?: { hug?: boolean }): string;
  /** `name: type suffix` (suffix like ` = None`), wrapped as ruff wraps a long annotation. */
  annotation(name: string, type: string, suffix: string, depth: number): string;
  /** `class name(base[A, B]):`, its base on lines of its own when too long. */
  genericClass(name: string, base: string, typeArguments: readonly string[], depth: number): string;
  /** `def name(self) -> type[argument]:`, split when too long. */
  methodHead(name: string, type: string, argument: string, depth: number): string;
  /** `target = callee(argument)`, the callee possibly subscripted, split when too long. */
  assignCall(target: string, callee: string, argument: string, depth: number): string;
  /** A triple-quoted docstring wrapped at word boundaries; empty when the text has no words. */
  docstring(text: string, depth: number): string;
  /** A method's docstring: summary, `Args:` and `Example:` (layout.ts, methodDocstring). */
  methodDocstring(doc: MethodDoc, depth: number): string;
  /** A Python string literal as ruff format spells it. */
  string(value: string): string;
  /** The indentation of code at `depth` (the configured indent, e.g. four spaces, repeated). */
  indent(depth: number): string;
}

export function pythonFormat(layout: Layout): PythonFormat {
  const at = (depth: number, write: (writer: PythonWriter) => void): string => {
    const writer = new PythonWriter(layout, depth);
    write(writer);
    return writer.toString().slice(0, -1);
  };
  return {
    bracketed: (head, items, tail, depth, options) => at(depth, (writer) => writer.bracketed(head, items, tail, options)),
    assignBracketed: (target, head, items, tail, depth, options) =>
      at(depth, (writer) => writer.assignBracketed(target, head, items, tail, options)),
    annotation: (name, type, suffix, depth) => at(depth, (writer) => writer.annotation(name, type, suffix)),
    genericClass: (name, base, typeArguments, depth) => at(depth, (writer) => writer.genericClass(name, base, typeArguments)),
    methodHead: (name, type, argument, depth) => at(depth, (writer) => writer.methodHead(name, type, argument)),
    assignCall: (target, callee, argument, depth) => at(depth, (writer) => writer.assignCall(target, callee, argument)),
    docstring: (text, depth) => at(depth, (writer) => writer.docstring(text)),
    methodDocstring: (doc, depth) => at(depth, (writer) => writer.methodDocstring(doc)),
    string: pythonString,
    indent: (depth) => layout.indent.repeat(depth),
  };
}
