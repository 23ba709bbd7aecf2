/**
 * The members of a view's three interfaces (read, write, filter arguments), each as the lines that declare it and
 * the imports those lines need, keyed by member name. A view declares every member (inheritance is flattened in
 * the IR); the interface writer leaves out those a parent interface it extends already declares alike
 * (inheritance.ts), so the text of a member is also what tells whether a parent can be extended.
 *
 * Read types are generic in how far connections were followed (`C`, the runtime's `Connections`): a direct
 * relation is `Linked<C, Target>` (the node with "full", its NodeId otherwise), an edge field `Edges<C, Target,
 * EdgeProperties>` (absent with "skip"), a reverse relation the runtime follows `Edges<C, Target>` (or `OneEdge`);
 * with `C` left open, either.
 */
import type { IRProperty } from "../../ir/types.ts";
import type { ViewDecisions } from "../../plan/sdk-plan.ts";
import { READ_TYPE_PARAMETER } from "./keywords.ts";
import { argumentLines, docLines, INDENT, unionLines } from "./layout.ts";
import { moduleOf, RUNTIME_MODULE, type SdkNames } from "./sdk-names.ts";
import { selectHops } from "./select-hops.ts";
import { arrayOf, filterValueType, splitUnion, type TypeImports, valueTypeMembers } from "./types.ts";

export type InterfaceKind = "read" | "write" | "filters";

export interface Member {
  /** The lines declaring the member, without its JSDoc. */
  lines: string[];
  docs: string[];
  /** [module, name] of every type the lines name. */
  imports: [string, string][];
  /** The lines name the read type's connections parameter. */
  generic: boolean;
}

/** The interfaces a view has: node views all three, writable or not; edge views their read and write types. */
export function interfaceKinds(view: ViewDecisions): InterfaceKind[] {
  const kinds: InterfaceKind[] = ["read"];
  if (view.writable) kinds.push("write");
  if (view.kind === "node") kinds.push("filters");
  return kinds;
}

/** The name of a view's interface of a kind. */
export function interfaceName(view: ViewDecisions, kind: InterfaceKind): string {
  const { names } = view.irClass;
  return kind === "read" ? names.className : kind === "write" ? names.writeClassName : names.listClassName;
}

const cache = new WeakMap<ViewDecisions, Map<InterfaceKind, Map<string, Member>>>();

/** The members of a view's interface of `kind`, in declaration order; worked out once per view. */
export function interfaceMembers(view: ViewDecisions, kind: InterfaceKind, names: SdkNames): Map<string, Member> {
  const byKind = cache.get(view) ?? new Map<InterfaceKind, Map<string, Member>>();
  cache.set(view, byKind);
  const known = byKind.get(kind);
  if (known !== undefined) return known;
  const members = new Map<string, Member>();
  const builder = new MemberBuilder(view, names);
  if (kind === "read") readMembers(view, builder, members, names);
  else if (kind === "write") writeMembers(view, builder, members);
  else filterMembers(view, builder, members);
  byKind.set(kind, members);
  return members;
}

/** Names types for one member at a time, recording the imports they need. */
class MemberBuilder implements TypeImports {
  imports: [string, string][] = [];
  /** Node views' read types are generic in how far connections were followed; edge classes are read as they are. */
  readonly generic: boolean;
  #usesParameter = false;

  constructor(
    private readonly self: ViewDecisions,
    private readonly names: SdkNames,
  ) {
    this.generic = self.kind === "node";
  }

  /** The connections parameter, for the member being built (which then makes the interface generic). */
  get connections(): string | undefined {
    if (!this.generic) return undefined;
    this.#usesParameter = true;
    return READ_TYPE_PARAMETER;
  }

  runtime(name: string): string {
    this.imports.push([RUNTIME_MODULE, name]);
    return name;
  }

  view(classId: string, which: "read" | "write"): string | undefined {
    const target = this.names.view(classId);
    if (target === undefined || target.kind !== "node") return undefined;
    if (which === "write" && !target.writable) return undefined;
    return this.classType(target, which);
  }

  /** A class of the SDK by id. */
  sdkView(classId: string): ViewDecisions | undefined {
    return this.names.view(classId);
  }

  /** The read or write type of any class of the SDK (edge classes included). */
  classType(target: ViewDecisions, which: "read" | "write"): string {
    const name = which === "read" ? target.irClass.names.className : target.irClass.names.writeClassName;
    if (target !== this.self) this.imports.push([moduleOf(target), name]);
    return name;
  }

  member(lines: string[], docs: string[]): Member {
    const member = { lines, docs, imports: this.imports, generic: this.#usesParameter };
    this.imports = [];
    this.#usesParameter = false;
    return member;
  }
}

/** A field's JSDoc; on write, it says the default the container fills in when the field is left out. */
function fieldDocs(property: IRProperty, mode: "read" | "write"): string[] {
  const fallback = mode === "write" && property.defaultValue !== undefined && property.defaultValue !== null;
  const text = [property.description, fallback ? `Defaults to ${JSON.stringify(property.defaultValue)} when left out.` : undefined];
  return docLines(text.filter((line) => line !== undefined).join("\n\n"), 1);
}

const fieldHead = (property: IRProperty, optional: boolean) => `${property.name}${optional ? "?" : ""}:`;

/** The read interface: stored values as the container says (null when unset), connections as far as followed. */
function readMembers(view: ViewDecisions, builder: MemberBuilder, members: Map<string, Member>, names: SdkNames): void {
  // Reverse relations the runtime can follow (through a view's direct relation, to a node view) read like edges.
  const followed = new Set(
    selectHops(view, (classId) => names.view(classId))
      .filter((hop) => hop.connection.relationship.kind === "reverse")
      .map((hop) => hop.field),
  );
  for (const property of view.irClass.properties) {
    const connection = view.connections.get(property.identifier);
    const docs = fieldDocs(property, "read");
    if (connection === undefined || property.kind === "data") {
      const lines = unionLines(fieldHead(property, false), valueTypeMembers(property.type, builder, "read"), ";", 1);
      members.set(property.name, builder.member(lines, docs));
      continue;
    }
    const target = connection.target === undefined ? undefined : builder.view(connection.target, "read");
    const edgeLike = connection.relationship.kind === "edge" || followed.has(property.name);
    if (!edgeLike || !builder.generic) {
      // Connections nothing follows (reverse relations through a container, an edge class's) stay optional: absent.
      const element = target ?? builder.runtime("NodeId");
      const lines = unionLines(fieldHead(property, true), connection.many ? [arrayOf(element)] : [element, "null"], ";", 1);
      members.set(property.name, builder.member(lines, docs));
      continue;
    }
    // An edge field (or reverse relation) is declared whatever the mode (`Edges<"skip", …>` is undefined), so a
    // followed one is not optional.
    const edgeView = connection.edgeClass === undefined ? undefined : builder.sdkView(connection.edgeClass.classId);
    const args = [builder.connections ?? READ_TYPE_PARAMETER, target ?? builder.runtime("NodeId")];
    if (edgeView !== undefined) args.push(builder.classType(edgeView, "read"));
    const generic = builder.runtime(connection.many ? "Edges" : "OneEdge");
    const lines = argumentLines(`${fieldHead(property, false)} ${generic}`, args, ";", 1, "<>");
    members.set(property.name, builder.member(lines, docs));
  }
}

/** The write interface: required values must be given, the rest may be left out; edges written with their nodes. */
function writeMembers(view: ViewDecisions, builder: MemberBuilder, members: Map<string, Member>): void {
  if (view.kind === "node") {
    members.set("externalId", builder.member([`${INDENT}externalId: string;`], []));
    members.set("space", builder.member([`${INDENT}space?: string;`], []));
  }
  for (const property of view.irClass.properties) {
    const connection = view.connections.get(property.identifier);
    const docs = fieldDocs(property, "write");
    if (connection === undefined || property.kind === "data") {
      const types = valueTypeMembers(property.type, builder, "write");
      members.set(property.name, builder.member(unionLines(fieldHead(property, !property.requiredOnWrite), types, ";", 1), docs));
      continue;
    }
    if (connection.relationship.kind !== "edge") continue; // reverse relations are written from the other side
    const target = connection.target === undefined ? undefined : builder.view(connection.target, "write");
    let node = target === undefined ? builder.runtime("NodeRef") : `${target} | ${builder.runtime("NodeRef")}`;
    // A read-only edge view has no write type: its edges are written without values, as plain end nodes.
    const edgeView = connection.edgeClass === undefined ? undefined : builder.sdkView(connection.edgeClass.classId);
    if (edgeView?.writable === true) node = `${builder.runtime("EdgeWith")}<${builder.classType(edgeView, "write")}, ${node}>`;
    const types = connection.many ? [arrayOf(node)] : [...splitUnion(node), "null"];
    members.set(property.name, builder.member(unionLines(fieldHead(property, true), types, ";", 1), docs));
  }
}

const NODE_FILTERS: [string, string][] = [
  ["space", "string | string[]"],
  ["externalId", "string | string[]"],
  ["externalIdPrefix", "string"],
];

/** The typed filter arguments the runtime reads (keyword-filters.ts): `name`, `namePrefix`, `minName`, `maxName`. */
function filterMembers(view: ViewDecisions, builder: MemberBuilder, members: Map<string, Member>): void {
  const fieldNames = new Set(view.irClass.properties.map((property) => property.name));
  for (const [key, type] of NODE_FILTERS) members.set(key, builder.member([`${INDENT}${key}?: ${type};`], []));
  const add = (key: string, types: string[], always = false) => {
    // A key named like a field always means that field (keyword-filters.ts): such a filter cannot be offered.
    if (members.has(key) || (!always && fieldNames.has(key))) return;
    members.set(key, builder.member(unionLines(`${key}?:`, types, ";", 1), []));
  };
  for (const property of view.irClass.properties) {
    if (property.kind !== "data") continue;
    const operators = new Set(property.filters.map((filter) => filter.operator));
    const field = property.name;
    const capitalised = field.charAt(0).toUpperCase() + field.slice(1);
    const equals = filterValueType(property.type, builder, "equals");
    if (operators.has("equals") && equals !== undefined) add(field, [...splitUnion(equals), arrayOf(equals)], true);
    if (operators.has("prefix")) add(`${field}Prefix`, ["string"]);
    const range = filterValueType(property.type, builder, "range");
    if (range !== undefined) {
      if (operators.has("min")) add(`min${capitalised}`, range.split(" | "));
      if (operators.has("max")) add(`max${capitalised}`, range.split(" | "));
    }
  }
}
