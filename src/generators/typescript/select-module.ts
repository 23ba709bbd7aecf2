/**
 * `select.d.ts`, whose `SelectSchema` names each node view's read type, filter arguments and the connections
 * select() follows from it (select-hops.ts): the runtime's `Select` type walks it, so a step's `where` and
 * `through` are typed and the result follows the path taken. One module for all views, since traversals point
 * every which way between them.
 */

import type { ViewDecisions } from "../../plan/sdk-plan.ts";
import { isGenericRead } from "./inheritance.ts";
import { INDENT, objectTypeLines } from "./layout.ts";
import { moduleOf, type SdkNames, SELECT_SCHEMA } from "./sdk-names.ts";
import { selectHops } from "./select-hops.ts";
import { ImportSet, joinBlocks } from "./view-module.ts";

/** `select.d.ts`: the schema select()'s steps are typed by. */
export function selectDeclarations(views: readonly ViewDecisions[], names: SdkNames, header: string[]): string {
  const imports = new ImportSet();
  // A read type as select() returns it: connections not followed are left as read with "skip".
  const readOf = (view: ViewDecisions) => {
    const name = imports.add(moduleOf(view), view.irClass.names.className, true);
    return isGenericRead(view, names) ? `${name}<"skip">` : name;
  };
  const members = views.map((view) => {
    const { listClassName } = view.irClass.names;
    const hops = selectHops(view, names.view).map((hop) => {
      const edgeView = hop.connection.edgeClass === undefined ? undefined : names.view(hop.connection.edgeClass.classId);
      const parts = [`to: ${JSON.stringify(hop.target.irClass.names.className)}`, `list: ${hop.list}`];
      if (edgeView !== undefined) parts.push(`edge: ${readOf(edgeView)}`);
      return objectTypeLines(`${hop.field}: `, parts, ";", 3);
    });
    return [
      `${INDENT}${view.irClass.names.className}: {`,
      `${INDENT.repeat(2)}read: ${readOf(view)};`,
      `${INDENT.repeat(2)}filters: ${imports.add(moduleOf(view), listClassName, true)};`,
      ...(hops.length > 0
        ? [`${INDENT.repeat(2)}hops: {`, ...hops.flat(), `${INDENT.repeat(2)}};`]
        : [`${INDENT.repeat(2)}hops: Record<never, never>;`]),
      `${INDENT}};`,
    ];
  });
  const schema = [
    "/**",
    " * Each view as select() sees it: its read type, its filter arguments and the connections it follows, with the",
    ` * view each reaches. The runtime's \`Select<${SELECT_SCHEMA}, "View">\` is the typed step of \`client.view.select()\`.`,
    " */",
    // Biome refuses an empty interface: a model without node views has the empty object type.
    ...(members.length > 0
      ? [`export interface ${SELECT_SCHEMA} {`, ...members.flat(), "}"]
      : [`export type ${SELECT_SCHEMA} = Record<never, never>;`]),
  ];
  return joinBlocks([header, imports.lines(), schema]);
}

/** The type of a view API's select(): its typed first step. */
export function selectStepType(view: ViewDecisions, runtime: (name: string) => string, schema: string): string {
  return `${runtime("Select")}<${schema}, ${JSON.stringify(view.irClass.names.className)}>`;
}

/** `select.js`: the schema is types only; the module exists so `./select.js` resolves everywhere. */
export function selectImplementation(header: string[]): string {
  return joinBlocks([header, ["export {};"]]);
}
