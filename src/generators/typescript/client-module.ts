/**
 * The client module: one API class per node view (the runtime's ViewAPI with the view's metadata; writable views
 * add a typed `upsert` through the client's graph writer) and the client class holding one of each.
 */
import type { ViewDecisions } from "../../plan/sdk-plan.ts";
import type { GeneratorConfig } from "../generator.ts";
import { argumentLines, INDENT, valueLines } from "./layout.ts";
import { SELECT_MODULE, SELECT_SCHEMA, selectStepType } from "./select-module.ts";
import { ImportSet, joinBlocks, RUNTIME_MODULE, type SdkNames } from "./view-module.ts";

export interface ClientContext {
  config: GeneratorConfig;
  names: SdkNames;
  /** Node views, which get an API, in plan order. */
  views: readonly ViewDecisions[];
  model: { space: string; externalId: string; version: string };
  defaultSpace: string;
  header: string[];
}

const moduleOf = (view: ViewDecisions) => `./${view.irClass.names.fileName}.js`;

export function clientDeclarations(context: ClientContext): string {
  const imports = new ImportSet();
  const runtime = (name: string, typeOnly = true) => imports.add(RUNTIME_MODULE, name, typeOnly);
  const classes = context.views.map((view) => {
    const names = view.irClass.names;
    const typeOf = (name: string) => imports.add(moduleOf(view), name, true);
    const [read, filters, field] = [typeOf(names.className), typeOf(names.listClassName), typeOf(names.writeListClassName)];
    const heritage = `export declare class ${names.apiClassName} extends ${runtime("ViewAPI", false)}`;
    const step = selectStepType(view, runtime, imports.add(SELECT_MODULE, SELECT_SCHEMA, true));
    const head = argumentLines(heritage, [read, filters, field, step], view.writable ? " {" : " {}", 0, "<>");
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
    `/** The ${context.model.externalId} data model's views, each as a typed API. */`,
    `export declare class ${clientName} extends ${runtime("CDFClient", false)} {`,
    ...context.views.map((view) => `${INDENT}readonly ${view.irClass.names.clientAttribute}: ${view.irClass.names.apiClassName};`),
    `${INDENT}constructor(config: ${runtime("ClientConfig")} | ${runtime("ClientConfigOptions")});`,
    `${INDENT}/** A client configured from CDF_URL (or CDF_CLUSTER), CDF_PROJECT and CDF_TOKEN or CDF_CLIENT_ID/CDF_CLIENT_SECRET. */`,
    `${INDENT}static fromEnv(): ${clientName};`,
    "}",
  ];
  return joinBlocks([context.header, imports.lines(), ...classes, client]);
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
