/**
 * The client module: one API class per node view (the runtime's ViewAPI with the view's metadata; writable views
 * add a typed `upsert` through the client's graph writer) and the client class holding one of each.
 */
import type { ViewDecisions } from "../../plan/sdk-plan.ts";
import type { GeneratorConfig } from "../generator.ts";
import { isGenericRead } from "./inheritance.ts";
import { argumentLines, docLines, INDENT, valueLines } from "./layout.ts";
import { TYPESCRIPT_LINE_LENGTH } from "./options.ts";
import { moduleOf, RUNTIME_MODULE, type SdkNames } from "./sdk-names.ts";
import { ImportSet, joinBlocks } from "./view-module.ts";

export interface ClientContext {
  config: GeneratorConfig;
  names: SdkNames;
  /** Node views, which get an API, in plan order. */
  views: readonly ViewDecisions[];
  /** The data model GraphQL runs against: the first of the SDK's. */
  model: { space: string; externalId: string; version: string };
  /** Every data model of the SDK, as `space/externalId/version`. */
  modelIds: readonly string[];
  defaultSpace: string;
  header: string[];
}

export function clientDeclarations(context: ClientContext): string {
  const imports = new ImportSet();
  const runtime = (name: string, typeOnly = true) => imports.add(RUNTIME_MODULE, name, typeOnly);
  const classes = context.views.map((view) => {
    const names = view.irClass.names;
    const typeOf = (name: string) => imports.add(moduleOf(view), name, true);
    const [read, filters, field] = [typeOf(names.className), typeOf(names.listClassName), typeOf(names.writeListClassName)];
    const heritage = `export declare class ${names.apiClassName} extends ${runtime("ViewAPI", false)}`;
    const tail = view.writable ? " {" : " {}";
    // A read type without connections to follow reads the same in every mode: ViewAPI's default.
    const head = isGenericRead(view, context.names)
      ? apiHeritage(heritage, [read, filters, field], read, tail)
      : argumentLines(heritage, [read, filters, field], tail, 0, "<>");
    if (!view.writable) return head;
    const write = imports.add(moduleOf(view), names.writeClassName, true);
    const parameters = [`items: ${write} | readonly ${write}[]`, `options?: ${runtime("UpsertOptions")}`];
    return [
      ...head,
      `${INDENT}/** Writes the objects and every node and edge their connection fields hold (nodes first, then edges). */`,
      ...argumentLines("upsert", parameters, `: Promise<${runtime("InstanceResult")}[]>;`, 1),
      "}",
    ];
  });
  const clientName = context.config.clientName;
  const client = [
    ...(context.modelIds.length > 1
      ? docLines(`The views of the data models ${context.modelIds.join(", ")}, each as a typed API.\ngraphql() queries the first.`, 0)
      : [`/** The ${context.model.externalId} data model's views, each as a typed API. */`]),
    `export declare class ${clientName} extends ${runtime("CDFClient", false)} {`,
    ...context.views.map((view) => `${INDENT}readonly ${view.irClass.names.clientAttribute}: ${view.irClass.names.apiClassName};`),
    `${INDENT}constructor(config: ${runtime("ClientConfig")} | ${runtime("ClientConfigOptions")});`,
    `${INDENT}/** A client configured from CDF_URL (or CDF_CLUSTER), CDF_PROJECT and CDF_TOKEN or CDF_CLIENT_ID/CDF_CLIENT_SECRET. */`,
    `${INDENT}static fromEnv(): ${clientName};`,
    "}",
  ];
  return joinBlocks([context.header, imports.lines(), ...classes, client]);
}

/**
 * `ViewAPI<Read, Filters, Field, { skip: Read<"skip">; … }>` laid out as Biome does: on one line when it fits,
 * else one type argument a line, the read types by `retrieveConnections` mode expanded when they do not fit either.
 */
function apiHeritage(head: string, args: readonly string[], read: string, tail: string): string[] {
  const modes = ["skip", "identifier", "full"].map((mode) => `${mode}: ${read}<"${mode}">`);
  const single = argumentLines(head, [...args, `{ ${modes.join("; ")} }`], tail, 0, "<>");
  if (single.length === 1) return single;
  const byMode = `${INDENT}{ ${modes.join("; ")} }`;
  const modeLines =
    byMode.length <= TYPESCRIPT_LINE_LENGTH ? [byMode] : [`${INDENT}{`, ...modes.map((mode) => `${INDENT}${INDENT}${mode};`), `${INDENT}}`];
  return [`${head}<`, ...args.map((arg) => `${INDENT}${arg},`), ...modeLines, `>${tail}`];
}

export function clientImplementation(context: ClientContext): string {
  const imports = new ImportSet();
  const runtime = (name: string) => imports.add(RUNTIME_MODULE, name, false);
  const { model } = context;
  const constants = [
    ...valueLines("const MODEL = ", { space: model.space, externalId: model.externalId, version: model.version }, ";", 0),
    ...valueLines("const DEFAULT_SPACE = ", context.defaultSpace, ";", 0),
  ];
  const writable = context.views.some((view) => view.writable);
  const base = writable
    ? [
        "// A writable view's API: upsert goes through the client's graph writer with the view's metadata.",
        `class WritableViewAPI extends ${runtime("ViewAPI")} {`,
        `${INDENT}#upsert;`,
        `${INDENT}constructor(instances, meta, defaultSpace, upsert) {`,
        `${INDENT}${INDENT}super(instances, meta, defaultSpace);`,
        `${INDENT}${INDENT}this.#upsert = upsert;`,
        `${INDENT}}`,
        `${INDENT}upsert(items, options) {`,
        `${INDENT}${INDENT}return this.#upsert(items, this.meta, options);`,
        `${INDENT}}`,
        "}",
      ]
    : [];
  const classes = context.views.map(
    (view) => `export class ${view.irClass.names.apiClassName} extends ${view.writable ? "WritableViewAPI" : runtime("ViewAPI")} {}`,
  );
  const clientName = context.config.clientName;
  const members = context.views.map((view) => {
    const meta = imports.add(moduleOf(view), context.names.metaName(view.irClass.id), false);
    const args = ["this.instances", meta, "this.defaultSpace", ...(view.writable ? ["upsert"] : [])];
    return argumentLines(`this.${view.irClass.names.clientAttribute} = new ${view.irClass.names.apiClassName}`, args, ";", 2);
  });
  const client = [
    `export class ${clientName} extends ${runtime("CDFClient")} {`,
    `${INDENT}constructor(config) {`,
    `${INDENT}${INDENT}super(config, { space: DEFAULT_SPACE, model: MODEL });`,
    ...(writable ? [`${INDENT}${INDENT}const upsert = (items, meta, options) => super.upsert(items, meta, options);`] : []),
    ...members.flat(),
    `${INDENT}}`,
    "",
    `${INDENT}static fromEnv() {`,
    ...argumentLines(`return new ${clientName}`, [`${runtime("configFromEnv")}()`], ";", 2),
    `${INDENT}}`,
    "}",
  ];
  return joinBlocks([context.header, imports.lines(), constants, base, classes, client]);
}
