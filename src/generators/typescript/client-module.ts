/**
 * The client module: one API class per node view (the runtime's ViewAPI with the view's metadata; writable views
 * add a typed `upsert` through the client's graph writer) and the client class holding one of each.
 */
import type { ViewDecisions } from "../../plan/sdk-plan.ts";
import type { GeneratorConfig } from "../generator.ts";
import { isGenericRead } from "./inheritance.ts";
import { argumentLines, INDENT, objectTypeLines, valueLines } from "./layout.ts";
import type { TypescriptPartials } from "./partials.ts";
import { moduleOf, RUNTIME_MODULE, type SdkNames, SELECT_MODULE, SELECT_SCHEMA } from "./sdk-names.ts";
import { selectStepType } from "./select-module.ts";
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
  /** The header lines of a module, by its path. */
  header: (module: string) => string[];
  partials: TypescriptPartials;
}

/** What the client partials get: the node views, by the names the client uses. */
function clientData(context: ClientContext, runtime: (name: string, typeOnly: boolean) => string): Record<string, unknown> {
  const views = context.views.map((view) => ({
    attribute: view.irClass.names.clientAttribute,
    apiClass: view.irClass.names.apiClassName,
    className: view.irClass.names.className,
    externalId: view.irClass.view.externalId,
    writable: view.writable,
    classId: view.irClass.id,
  }));
  return {
    clientName: context.config.clientName,
    model: context.model,
    modelIds: context.modelIds,
    views,
    runtime: (name: string) => runtime(name, true),
    runtimeValue: (name: string) => runtime(name, false),
  };
}

export function clientDeclarations(context: ClientContext): string {
  const imports = new ImportSet();
  const runtime = (name: string, typeOnly = true) => imports.add(RUNTIME_MODULE, name, typeOnly);
  const classes = context.views.map((view) => {
    const names = view.irClass.names;
    const typeOf = (name: string) => imports.add(moduleOf(view), name, true);
    const [read, filters, field] = [typeOf(names.className), typeOf(names.listClassName), typeOf(names.writeListClassName)];
    const heritage = `export declare class ${names.apiClassName} extends ${runtime("ViewAPI", false)}`;
    const step = selectStepType(view, runtime, imports.add(SELECT_MODULE, SELECT_SCHEMA, true));
    const tail = view.writable ? " {" : " {}";
    // A read type without connections to follow reads the same in every mode: ViewAPI's default.
    const head = isGenericRead(view, context.names)
      ? apiHeritage(heritage, [read, filters, field, step], read, tail)
      : argumentLines(heritage, [read, filters, field, step], tail, 0, "<>");
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
  const client = context.partials.lines("_client_declaration.eta", clientData(context, runtime));
  return joinBlocks([context.header("client.d.ts"), imports.lines(), ...classes, client]);
}

/**
 * `ViewAPI<Read, Filters, Field, Step, { skip: Read<"skip">; … }>` laid out as Biome does: on one line when it fits,
 * else one type argument a line, the read types by `retrieveConnections` mode expanded when they do not fit either.
 */
function apiHeritage(head: string, args: readonly string[], read: string, tail: string): string[] {
  const modes = ["skip", "identifier", "full"].map((mode) => `${mode}: ${read}<"${mode}">`);
  const single = argumentLines(head, [...args, `{ ${modes.join("; ")} }`], tail, 0, "<>");
  if (single.length === 1) return single;
  return [`${head}<`, ...args.map((arg) => `${INDENT}${arg},`), ...objectTypeLines("", modes, "", 1), `>${tail}`];
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
  const meta = (view: { classId: string }) => {
    const target = context.names.view(view.classId) as ViewDecisions;
    return imports.add(moduleOf(target), context.names.metaName(view.classId), false);
  };
  const client = context.partials.lines("_client_class.eta", { ...clientData(context, (name) => runtime(name)), meta });
  return joinBlocks([context.header("client.js"), imports.lines(), constants, base, classes, client]);
}
