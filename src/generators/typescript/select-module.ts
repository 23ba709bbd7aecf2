/**
 * What select() needs from the generator: `select.d.ts`, whose `SelectSchema` names each node view's read type,
 * filter arguments and the connections select() follows from it (the runtime's `Select` type walks it, so a step's
 * `where` and `through` are typed and the result follows the path taken), and the reverse relations' metadata the
 * runtime follows them by. One module for all views, since traversals point every which way between them.
 */

import type { IRProperty, IRType } from "../../ir/types.ts";
import type { ConnectionDecision, ViewDecisions } from "../../plan/sdk-plan.ts";
import { INDENT, type JsValue } from "./layout.ts";
import { ImportSet, joinBlocks, type SdkNames } from "./view-module.ts";

/** The name of the schema type in `select.d.ts` (reserved: no view type takes it). */
export const SELECT_SCHEMA = "SelectSchema";
export const SELECT_MODULE = "./select.js";

/** One connection select() can follow: the field, the node view it reaches and whether it holds many. */
interface SelectHop {
  field: string;
  target: ViewDecisions;
  list: boolean;
  connection: ConnectionDecision;
  property: IRProperty;
}

const isList = (type: IRType): boolean => type.kind === "list" || (type.kind === "nullable" && isList(type.inner));

/**
 * The connections of a node view select() follows: direct relations (a list of them, many), edges and reverse
 * relations through a view's direct relation, each to a node view of the SDK. The runtime follows the same ones
 * from the view's metadata: direct relations and edges with a target, reverse relations listed under `reverse`.
 */
export function selectHops(view: ViewDecisions, names: SdkNames): SelectHop[] {
  const hops: SelectHop[] = [];
  for (const property of view.irClass.properties) {
    const connection = view.connections.get(property.identifier);
    const target = connection?.target === undefined ? undefined : names.view(connection.target);
    if (connection === undefined || target?.kind !== "node") continue;
    const { relationship } = connection;
    if (relationship.kind === "edge" && relationship.edge === undefined) continue;
    if (relationship.kind === "reverse" && relationship.through?.sourceKind !== "view") continue;
    const list = property.kind === "data" ? isList(property.type) : connection.many;
    hops.push({ field: property.name, target, list, connection, property });
  }
  return hops;
}

/** The `reverse` entries of a view's metadata (view.ts's ReverseMeta), by field name. */
export function reverseMetadata(view: ViewDecisions, names: SdkNames, metaOf: (classId: string) => JsValue): Record<string, JsValue> {
  const entries: Record<string, JsValue> = {};
  for (const { connection, property, target } of selectHops(view, names)) {
    const through = connection.relationship.kind === "reverse" ? connection.relationship.through : undefined;
    if (through === undefined) continue;
    const source = through.source as { space: string; externalId: string; version: string };
    const throughEntry: Record<string, JsValue> = {
      source: { space: source.space, externalId: source.externalId, version: source.version },
      identifier: through.property,
    };
    if (through.isList) throughEntry.list = { code: "true" };
    const entry: Record<string, JsValue> = { identifier: property.identifier, through: throughEntry, target: metaOf(target.irClass.id) };
    if (connection.many) entry.list = { code: "true" };
    entries[property.name] = entry;
  }
  return entries;
}

/** `select.d.ts`: the schema select()'s steps are typed by. */
export function selectDeclarations(views: readonly ViewDecisions[], names: SdkNames, header: string[]): string {
  const imports = new ImportSet();
  const members = views.map((view) => {
    const { className, listClassName } = view.irClass.names;
    const module = `./${view.irClass.names.fileName}.js`;
    const hops = selectHops(view, names).map(
      (hop) => `${INDENT.repeat(3)}${hop.field}: { to: ${JSON.stringify(hop.target.irClass.names.className)}; list: ${hop.list} };`,
    );
    return [
      `${INDENT}${className}: {`,
      `${INDENT.repeat(2)}read: ${imports.add(module, className, true)};`,
      `${INDENT.repeat(2)}filters: ${imports.add(module, listClassName, true)};`,
      ...(hops.length > 0
        ? [`${INDENT.repeat(2)}hops: {`, ...hops, `${INDENT.repeat(2)}};`]
        : [`${INDENT.repeat(2)}hops: Record<never, never>;`]),
      `${INDENT}};`,
    ];
  });
  const schema = [
    "/**",
    " * Each view as select() sees it: its read type, its filter arguments and the connections it follows, with the",
    ` * view each reaches. The runtime's \`Select<${SELECT_SCHEMA}, "View">\` is the typed step of \`client.view.select()\`.`,
    " */",
    `export interface ${SELECT_SCHEMA} {`,
    ...members.flat(),
    "}",
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
