/**
 * One view as a module pair: `<file>.d.ts` with its read interface, write interface, filter arguments, sortable
 * fields and metadata constant, and `<file>.js` with the metadata the runtime reads and writes it by (view.ts's
 * ViewMeta). Edge views (usedFor=edge) get their property types and metadata only.
 */
import type { ViewDecisions } from "../../plan/sdk-plan.ts";
import { interfaceBases, isGenericRead } from "./inheritance.ts";
import { READ_TYPE_PARAMETER } from "./keywords.ts";
import { argumentLines, INDENT, type JsValue, unionLines, valueLines } from "./layout.ts";
import { type InterfaceKind, interfaceKinds, interfaceMembers, interfaceName } from "./members.ts";
import { TYPESCRIPT_LINE_LENGTH } from "./options.ts";
import { moduleOf, RUNTIME_MODULE, type SdkNames } from "./sdk-names.ts";
import { reverseMetadata } from "./select-hops.ts";
import { metaValueType } from "./types.ts";

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

/** The `.d.ts` of a view module: its interfaces (each extending its parents' where it can), fields and metadata. */
export function viewDeclarations(view: ViewDecisions, names: SdkNames, header: string[]): string {
  const imports = new ImportSet();
  const runtime = (name: string) => imports.add(RUNTIME_MODULE, name, true);
  const blocks = interfaceKinds(view).map((kind) => interfaceLines(view, kind, names, imports));
  if (view.kind === "node") blocks.push(fieldUnion(view));
  blocks.push([`export declare const ${names.metaName(view.irClass.id)}: ${runtime("ViewMeta")};`]);
  return joinBlocks([header, imports.lines(), ...blocks]);
}

/** One interface: its heading (the parents it extends, or the runtime's base), then the members it declares itself. */
function interfaceLines(view: ViewDecisions, kind: InterfaceKind, names: SdkNames, imports: ImportSet): string[] {
  const typeOf = (target: ViewDecisions) => {
    const name = interfaceName(target, kind);
    return target === view ? name : imports.add(moduleOf(target), name, true);
  };
  const runtime = (name: string) => imports.add(RUNTIME_MODULE, name, true);
  // Node views' read types are generic in how far connections were followed (members.ts).
  const generic = kind === "read" && isGenericRead(view, names);
  const bases = interfaceBases(view, kind, names);
  const parents = bases.map((base) => `${typeOf(base)}${kind === "read" && isGenericRead(base, names) ? `<${READ_TYPE_PARAMETER}>` : ""}`);
  const runtimeBase = view.kind === "node" ? { read: "InstanceFields", write: "NodeWrite", filters: undefined }[kind] : undefined;
  if (parents.length === 0 && runtimeBase !== undefined) parents.push(runtime(runtimeBase));
  const parameters = generic ? `<${READ_TYPE_PARAMETER} extends ${runtime("Connections")} = Connections>` : "";
  const docs = kind === "read" ? names.viewDoc(view) : [];
  const inherited = new Set(bases.flatMap((base) => [...interfaceMembers(base, kind, names).keys()]));
  const declared = [...interfaceMembers(view, kind, names)].filter(([key]) => !inherited.has(key)).map(([, member]) => member);
  const name = `${interfaceName(view, kind)}${parameters}`;
  if (declared.length === 0) return [...docs, ...emptyInterfaceLines(name, parents)];
  const lines = [...docs, ...headingLines(`export interface ${name}`, parents)];
  for (const member of declared) {
    for (const [module, name] of member.imports) imports.add(module, name, true);
    lines.push(...(names.docstrings ? member.docs : []), ...member.lines);
  }
  lines.push("}");
  return lines;
}

/**
 * An interface declaring nothing of its own: `{}` closing its heading's line when it extends a parent, as Biome
 * writes it; with no parent (an edge view without properties) the empty object type, as Biome refuses an empty interface.
 */
function emptyInterfaceLines(name: string, parents: readonly string[]): string[] {
  if (parents.length === 0) return [`export type ${name} = Record<never, never>;`];
  const heading = headingLines(`export interface ${name}`, parents);
  return [...heading.slice(0, -1), `${heading.at(-1)}}`];
}

/** `head extends A, B {` on one line when it fits, else as Biome breaks it: `extends` on the next line, one parent a line. */
function headingLines(head: string, parents: readonly string[]): string[] {
  const single = `${head}${parents.length > 0 ? ` extends ${parents.join(", ")}` : ""} {`;
  if (single.length <= TYPESCRIPT_LINE_LENGTH || parents.length === 0) return [single];
  const last = parents.length - 1;
  return [head, ...parents.map((parent, index) => `${INDENT}${index === 0 ? "extends " : INDENT}${parent}${index === last ? " {" : ","}`)];
}

function fieldUnion(view: ViewDecisions): string[] {
  const fields = view.sortable.map((property) => JSON.stringify(property.name));
  return unionLines(`export type ${view.irClass.names.writeListClassName} =`, fields.length > 0 ? fields : ["never"], ";", 0);
}

/** The `.js` of a view module: the view's metadata. */
export function viewMetadata(view: ViewDecisions, names: SdkNames, header: string[]): string {
  const imports = new ImportSet();
  const { irClass } = view;
  const metaName = (classId: string): string => {
    const target = names.view(classId);
    const name = names.metaName(classId);
    return target !== view && target !== undefined ? imports.add(moduleOf(target), name, false) : name;
  };
  const metaOf = (classId: string): JsValue => ({ code: `() => ${metaName(classId)}` });
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
  const reverse = reverseMetadata(view, (classId) => names.view(classId), metaOf);
  if (Object.keys(reverse).length > 0) meta.reverse = reverse;
  const body = valueLines(`export const ${names.metaName(irClass.id)} = `, meta, ";", 0, true);
  // The views implementing this one directly, for asChildClass; a list, which valueLines does not lay out.
  const children = names.children(irClass.id).map((child) => metaName(child.irClass.id));
  if (children.length > 0) body.splice(-1, 0, ...argumentLines("children: () => ", children, ",", 1, "[]"));
  return joinBlocks([header, imports.lines(), body]);
}

export function joinBlocks(blocks: readonly string[][]): string {
  return `${blocks
    .filter((block) => block.length > 0)
    .map((block) => block.join("\n"))
    .join("\n\n")}\n`;
}
