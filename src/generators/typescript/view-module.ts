/**
 * One view as a module pair: `<file>.d.ts` with its read interface, write interface, filter arguments, sortable
 * fields and metadata constant, and `<file>.js` with the metadata the runtime reads and writes it by (view.ts's
 * ViewMeta). Edge views (usedFor=edge) get their property types and metadata only.
 */
import type { IRProperty } from "../../ir/types.ts";
import type { ViewDecisions } from "../../plan/sdk-plan.ts";
import { docLines, INDENT, type JsValue, unionLines, valueLines } from "./layout.ts";
import { arrayOf, filterValueType, metaValueType, splitUnion, type TypeImports, valueTypeMembers } from "./types.ts";

/** What a view module needs to know about the SDK: the names of other classes, by class id. */
export interface SdkNames {
  view(classId: string): ViewDecisions | undefined;
  /** The metadata constant of a class, e.g. `HYDRO_PLANT_META`. */
  metaName(classId: string): string;
  /** JSDoc comments from the model's descriptions (the `docstrings` option). */
  docstrings: boolean;
}

export const RUNTIME_MODULE = "./_runtime/index.js";

/** Imports gathered while a module is written: type names by module, values by module. */
export class ImportSet {
  private readonly byModule = new Map<string, Map<string, boolean>>();

  add(module: string, name: string, typeOnly: boolean): string {
    const names = this.byModule.get(module) ?? new Map<string, boolean>();
    names.set(name, (names.get(name) ?? true) && typeOnly);
    this.byModule.set(module, names);
    return name;
  }

  /** `import … from` lines in Biome's order: by module, then by name. */
  lines(): string[] {
    const modules = [...this.byModule.keys()].sort(byCode);
    return modules.flatMap((module) => {
      const names = this.byModule.get(module) as Map<string, boolean>;
      const sorted = [...names.keys()].sort(byCode);
      const allTypes = sorted.every((name) => names.get(name));
      const specifiers = sorted.map((name) => (!allTypes && names.get(name) ? `type ${name}` : name));
      const head = allTypes ? "import type {" : "import {";
      const single = `${head} ${specifiers.join(", ")} } from "${module}";`;
      if (single.length <= 120) return [single];
      return [head, ...specifiers.map((specifier) => `${INDENT}${specifier},`), `} from "${module}";`];
    });
  }
}

/**
 * Biome's natural order of import sources and names, compared character by character: punctuation first (`.`
 * before `_`), then runs of digits, the shorter run first (`3D` before `360`, `79` before `066`), then letters
 * alphabetically with the upper case of a letter first (`AB`, `Ab`, `aB`, `ab`). The first difference decides.
 */
export function byCode(a: string, b: string): number {
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    const [x, y] = [DIGITS.exec(a.slice(i))?.[0], DIGITS.exec(b.slice(j))?.[0]];
    if (x !== undefined && y !== undefined) {
      if (x.length !== y.length) return x.length - y.length;
      if (x !== y) return x < y ? -1 : 1;
      [i, j] = [i + x.length, j + y.length];
      continue;
    }
    const order = charRank(a.charAt(i), x !== undefined) - charRank(b.charAt(j), y !== undefined);
    if (order !== 0) return order;
    [i, j] = [i + 1, j + 1];
  }
  return a.length - i - (b.length - j);
}

const DIGITS = /^\d+/;
const PUNCTUATION = "./_-~";

/** A character's place: punctuation (PUNCTUATION's order, then the rest by code), digits, letters (A, a, B, b, …). */
function charRank(char: string, digit: boolean): number {
  if (digit) return 1_000;
  const lower = char.toLowerCase();
  if (lower !== char.toUpperCase()) return 2_000 + lower.charCodeAt(0) * 2 + (char === lower ? 1 : 0);
  const place = PUNCTUATION.indexOf(char);
  return place === -1 ? PUNCTUATION.length + char.charCodeAt(0) : place;
}

function moduleOf(view: ViewDecisions): string {
  return `./${view.irClass.names.fileName}.js`;
}

function typeImportsFor(self: ViewDecisions, names: SdkNames, imports: ImportSet): TypeImports {
  return {
    runtime: (name) => imports.add(RUNTIME_MODULE, name, true),
    view: (classId, which) => {
      const target = names.view(classId);
      if (target === undefined || target.kind !== "node") return undefined;
      if (which === "write" && !target.writable) return undefined;
      const name = which === "read" ? target.irClass.names.className : target.irClass.names.writeClassName;
      return target === self ? name : imports.add(moduleOf(target), name, true);
    },
  };
}

/** A field of an interface; on write, its doc says the default the container fills in when it is left out. */
function fieldLines(property: IRProperty, optional: boolean, members: string[], docs: Docs, mode: "read" | "write"): string[] {
  const fallback = mode === "write" && property.defaultValue !== undefined && property.defaultValue !== null;
  const text = [property.description, fallback ? `Defaults to ${JSON.stringify(property.defaultValue)} when left out.` : undefined];
  return [
    ...docs(text.filter((line) => line !== undefined).join("\n\n"), 1),
    ...unionLines(`${property.name}${optional ? "?" : ""}:`, members, ";", 1),
  ];
}

type Docs = (text: string | undefined, depth: number) => string[];

/** The read interface: stored values as the container says (null when unset), connections when followed. */
function readInterface(view: ViewDecisions, types: TypeImports, docs: Docs): string[] {
  const { irClass } = view;
  const base = view.kind === "node" ? ` extends ${types.runtime("InstanceFields")}` : "";
  const lines = [...docs(irClass.description, 0), `export interface ${irClass.names.className}${base} {`];
  for (const property of irClass.properties) {
    const connection = view.connections.get(property.identifier);
    if (connection === undefined || property.kind === "data") {
      lines.push(...fieldLines(property, false, valueTypeMembers(property.type, types, "read"), docs, "read"));
      continue;
    }
    // Edges and reverse relations are read through select().through(field): absent unless followed.
    const target = connection.target === undefined ? undefined : types.view(connection.target, "read");
    const element = target ?? types.runtime("NodeId");
    lines.push(...fieldLines(property, true, connection.many ? [arrayOf(element)] : [element, "null"], docs, "read"));
  }
  return closeInterface(lines);
}

/** The write interface: required values must be given, the rest may be left out; edges written with their nodes. */
function writeInterface(
  view: ViewDecisions,
  types: TypeImports,
  docs: Docs,
  edgeWriteName: (classId: string) => string | undefined,
): string[] {
  const { irClass } = view;
  const idLines = view.kind === "node" ? [`${INDENT}externalId: string;`, `${INDENT}space?: string;`] : [];
  const base = view.kind === "node" ? ` extends ${types.runtime("NodeWrite")}` : "";
  const lines = [`export interface ${irClass.names.writeClassName}${base} {`, ...idLines];
  for (const property of irClass.properties) {
    const connection = view.connections.get(property.identifier);
    if (connection === undefined || property.kind === "data") {
      lines.push(...fieldLines(property, !property.requiredOnWrite, valueTypeMembers(property.type, types, "write"), docs, "write"));
      continue;
    }
    if (connection.relationship.kind !== "edge") continue; // reverse relations are written from the other side
    const target = connection.target === undefined ? undefined : types.view(connection.target, "write");
    let node = target === undefined ? types.runtime("NodeRef") : `${target} | ${types.runtime("NodeRef")}`;
    const edgeView = connection.edgeClass === undefined ? undefined : edgeWriteName(connection.edgeClass.classId);
    if (edgeView !== undefined) node = `${types.runtime("EdgeWith")}<${edgeView}, ${node}>`;
    lines.push(...fieldLines(property, true, connection.many ? [arrayOf(node)] : [...splitUnion(node), "null"], docs, "write"));
  }
  return closeInterface(lines);
}

/**
 * Closes an interface's lines. One without fields (an edge view without properties) is `{}` on the head's line when
 * it extends a base, as Biome writes it, and otherwise the empty object type (Biome refuses an empty interface).
 */
function closeInterface(lines: string[]): string[] {
  const last = lines.length - 1;
  const head = lines[last] ?? "";
  if (!head.endsWith("{")) return [...lines, "}"];
  const bare = /^export interface (\w+) \{$/.exec(head)?.[1];
  return [...lines.slice(0, last), bare === undefined ? `${head}}` : `export type ${bare} = Record<never, never>;`];
}

const NODE_FILTERS = ["space?: string | string[];", "externalId?: string | string[];", "externalIdPrefix?: string;"];

/** The typed filter arguments the runtime reads (keyword-filters.ts): `name`, `namePrefix`, `minName`, `maxName`. */
function filtersInterface(view: ViewDecisions, types: TypeImports): string[] {
  const { irClass } = view;
  const fieldNames = new Set(irClass.properties.map((property) => property.name));
  const lines = [`export interface ${irClass.names.listClassName} {`, ...NODE_FILTERS.map((line) => `${INDENT}${line}`)];
  const taken = new Set(["space", "externalId", "externalIdPrefix"]);
  const add = (key: string, members: string[]) => {
    // A key named like a field always means that field (keyword-filters.ts): such a filter cannot be offered.
    if (taken.has(key) || fieldNames.has(key)) return;
    taken.add(key);
    lines.push(...unionLines(`${key}?:`, members, ";", 1));
  };
  for (const property of irClass.properties) {
    if (property.kind !== "data") continue;
    const operators = new Set(property.filters.map((filter) => filter.operator));
    const field = property.name;
    const capitalised = field.charAt(0).toUpperCase() + field.slice(1);
    const equals = filterValueType(property.type, types, "equals");
    if (operators.has("equals") && equals !== undefined) {
      taken.add(field);
      lines.push(...unionLines(`${field}?:`, [...splitUnion(equals), arrayOf(equals)], ";", 1));
    }
    if (operators.has("prefix")) add(`${field}Prefix`, ["string"]);
    const range = filterValueType(property.type, types, "range");
    if (range !== undefined) {
      if (operators.has("min")) add(`min${capitalised}`, range.split(" | "));
      if (operators.has("max")) add(`max${capitalised}`, range.split(" | "));
    }
  }
  lines.push("}");
  return lines;
}

function fieldUnion(view: ViewDecisions): string[] {
  const fields = view.sortable.map((property) => JSON.stringify(property.name));
  return unionLines(`export type ${view.irClass.names.writeListClassName} =`, fields.length > 0 ? fields : ["never"], ";", 0);
}

/** The `.d.ts` of a view module. */
export function viewDeclarations(view: ViewDecisions, names: SdkNames, header: string[]): string {
  const imports = new ImportSet();
  const types = typeImportsFor(view, names, imports);
  // The write type of the class holding an edge's properties (an edge view's, or a node view's used for both); a
  // read-only edge view has none, so its edges are written without values, as plain end nodes.
  const edgeWriteName = (classId: string) => {
    const edge = names.view(classId);
    if (edge === undefined || !edge.writable) return undefined;
    const name = edge.irClass.names.writeClassName;
    return edge === view ? name : imports.add(moduleOf(edge), name, true);
  };
  const docs: Docs = names.docstrings ? docLines : () => [];
  const blocks: string[][] = [readInterface(view, types, docs)];
  if (view.writable) blocks.push(writeInterface(view, types, docs, edgeWriteName));
  if (view.kind === "node") blocks.push(filtersInterface(view, types), fieldUnion(view));
  blocks.push([`export declare const ${names.metaName(view.irClass.id)}: ${types.runtime("ViewMeta")};`]);
  return joinBlocks([header, imports.lines(), ...blocks]);
}

/** The `.js` of a view module: the view's metadata. */
export function viewMetadata(view: ViewDecisions, names: SdkNames, header: string[]): string {
  const imports = new ImportSet();
  const { irClass } = view;
  const metaOf = (classId: string): JsValue => {
    const target = names.view(classId);
    const name = names.metaName(classId);
    if (target !== view && target !== undefined) imports.add(moduleOf(target), name, false);
    return { code: `() => ${name}` };
  };
  const properties: Record<string, JsValue> = {};
  const edges: Record<string, JsValue> = {};
  for (const property of irClass.properties) {
    const connection = view.connections.get(property.identifier);
    if (property.kind === "data") {
      const { type, list } = metaValueType(property.type);
      const entry: Record<string, JsValue> = { identifier: property.identifier, type };
      if (list) entry.list = { code: "true" };
      if (connection?.target !== undefined) entry.target = metaOf(connection.target);
      properties[property.name] = entry;
    } else if (connection?.relationship.kind === "edge" && connection.relationship.edge) {
      const { type } = connection.relationship.edge;
      const entry: Record<string, JsValue> = {
        identifier: property.identifier,
        edgeType: { space: type.space, externalId: type.externalId },
        direction: connection.relationship.direction,
      };
      if (connection.target !== undefined) entry.target = metaOf(connection.target);
      if (connection.edgeClass !== undefined) entry.edgeView = metaOf(connection.edgeClass.classId);
      if (connection.many) entry.list = { code: "true" };
      edges[property.name] = entry;
    }
  }
  const { space, externalId, version } = irClass.view;
  const meta: Record<string, JsValue> = { view: { space, externalId, version } };
  if (view.nodeType !== undefined) meta.nodeType = { space: view.nodeType.space, externalId: view.nodeType.externalId };
  Object.assign(meta, { properties, edges });
  const body = valueLines(`export const ${names.metaName(irClass.id)} = `, meta, ";", 0, true);
  return joinBlocks([header, imports.lines(), body]);
}

export function joinBlocks(blocks: readonly string[][]): string {
  return `${blocks
    .filter((block) => block.length > 0)
    .map((block) => block.join("\n"))
    .join("\n\n")}\n`;
}
