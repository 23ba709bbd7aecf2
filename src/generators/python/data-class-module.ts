/**
 * The body of `data_classes/_<view>.py`: the view constant, enum and field-name literals, the keyword-filters
 * TypedDict, and the read, write, list and write-list classes (runtime/data_classes.py describes the bases). An
 * edge view gets an edge read and write class only; a view used for nodes and edges gets both kinds. Connection
 * fields are spelled by connection-fields.ts.
 */

import type { IRProperty } from "../../ir/types.ts";
import type { GeneratorConfig } from "../generator.ts";
import {
  ClassImports,
  CONNECTIONS,
  connectionEntries,
  connectionFieldType,
  connectionsImports,
  edgeEndType,
  hasConnections,
  referenceSpelling,
} from "./connection-fields.ts";
import { type EdgeApiClassData, edgeApiClass } from "./edge-api.ts";
import { filterKeywords } from "./filter-keywords.ts";
import { ImportSet, type Relocate, RUNTIME } from "./imports.ts";
import { type ClassBases, FLAT } from "./inheritance.ts";
import { isBaseField } from "./keywords.ts";
import { type Layout, pythonString } from "./layout.ts";
import { enumOf, fieldSpelling, importSpelling, type Usage, valueType } from "./types.ts";
import type { ViewPlan } from "./view-plan.ts";

/**
 * What templates/python/data_class.py.eta renders: the module's imports, its constants (`_constants.eta`) and its
 * classes in order, each rendered by the partial `_<kind>_class.eta`.
 */
export interface DataClassModule {
  imports: string[];
  /** The run-time imports as a set, for a module that holds several (single_file). */
  importSet: ImportSet;
  constants: ModuleConstants;
  classes: DataClassData[];
}

/** `Name = Literal["a", "b"]`, or `Name = Never` without literals. The literals are Python strings. */
export interface LiteralAlias {
  name: string;
  literals?: string[];
}

/** The module's constants: its view, the literal aliases of enums and field names, and `_CONNECTIONS`. */
export interface ModuleConstants {
  viewConstant: string;
  /** The view's space, externalId and version as Python strings. */
  viewId: string[];
  aliases: LiteralAlias[];
  connections?: { name: string; entries: { key: string; arguments: string[] }[] };
}

/** One field of a generated class: its Python name and type, its default, and its CDF name when that differs. */
export interface FieldData {
  name: string;
  type: string;
  default?: string;
  cdfName?: string;
  /** The CDF name is another field's Python name, so the runtime reads it lifted (`cdf_name(..., lifted=True)`). */
  lifted: boolean;
  /** The property's description, as the field's docstring (IDEs show it on hover). */
  doc?: string;
}

/** What a read or write class starts with: its declaration, its docstring and its view. */
interface ClassHead {
  name: string;
  bases: string[];
  docstring?: string;
  viewConstant: string;
  /** The module constant the class's `_connections` is (its connection fields and their targets), if it has any. */
  connections?: string;
  /** The type of an edge class's `end_node`. */
  endNode?: string;
  fields: FieldData[];
}

export type DataClassData =
  | { kind: "filters"; name: string; bases: string[]; fields: FieldData[] }
  | ({ kind: "read"; asWrite?: string } & ClassHead)
  | ({ kind: "write"; nodeType?: string } & ClassHead)
  | { kind: "list"; name: string; item: string; writeList?: string }
  | { kind: "write_list"; name: string; item: string }
  | EdgeApiClassData;

/** `relocate`: where the package layout puts the modules imported (package-layout.ts); the nested paths by default. */
export function dataClassModule(
  plan: ViewPlan,
  bases: ClassBases,
  config: GeneratorConfig,
  layout: Layout,
  relocate?: Relocate,
): DataClassModule {
  const { view } = plan.irClass;
  const edge = plan.kind === "edge";
  const imports = new ImportSet(relocate).add("stdlib", "typing", "ClassVar").add("local", RUNTIME, "ViewId");
  const classImports = new ClassImports(plan.irClass.names.fileName, relocate);
  const aliases: LiteralAlias[] = [];
  for (const property of plan.fields) {
    const alias = plan.enumAliases.get(property.identifier);
    const values = enumOf(property)?.values.map((value) => pythonString(value.value));
    if (alias === undefined || values === undefined) continue;
    imports.add("stdlib", "typing", "Literal");
    aliases.push({ name: alias, literals: values });
  }
  if (!edge) {
    aliases.push(literalAlias(imports, plan.fieldAlias, plan.sortable));
    if (plan.hasSearch) aliases.push(literalAlias(imports, plan.textFieldAlias, plan.searchable));
  }
  const constants: ModuleConstants = {
    viewConstant: plan.viewConstant,
    viewId: [view.space, view.externalId, view.version].map(pythonString),
    aliases,
  };
  if (plan.connections.size > 0) {
    imports.add("local", RUNTIME, ...connectionsImports(plan));
    constants.connections = { name: CONNECTIONS, entries: connectionEntries(plan) };
  }

  const context = { plan, bases, config, imports, classImports };
  const { names } = plan.irClass;
  const own: ClassShape = {
    edge,
    read: names.className,
    write: plan.writable ? names.writeClassName : undefined,
    fields: edge ? edgeFields(plan) : plan.fields,
    bases,
  };
  // An edge view's keyword filters type its per-edge APIs (edge-api.ts).
  const classes: DataClassData[] = [filtersClass(context)];
  classes.push(readClass(context, own));
  if (own.write !== undefined) classes.push(writeClass(context, { ...own, write: own.write }));
  if (!edge) classes.push(...listClasses(plan, imports));
  if (plan.edgeClass !== undefined) {
    // The same view as the properties of edges: its stored values beside `end_node`, flat as edge classes are.
    const { read, write } = plan.edgeClass;
    const edgeShape: ClassShape = { edge: true, read, write, fields: edgeFields(plan), bases: FLAT };
    classes.push(readClass(context, edgeShape));
    if (write !== undefined) classes.push(writeClass(context, { ...edgeShape, write }));
  }
  // The API of the edges whose properties the view holds, which every edge field with this view uses.
  const edgeRead = edge ? names.className : plan.edgeClass?.read;
  const edgeApi = edge ? names.apiClassName : plan.edgeClass?.edgeApi;
  if (edgeRead !== undefined && edgeApi !== undefined) classes.push(edgeApiClass(edgeApi, edgeRead, plan, imports, config.docstrings));
  const typeOnly = classImports.render(layout);
  if (typeOnly.length > 0) imports.add("stdlib", "typing", "TYPE_CHECKING");
  return { imports: [...imports.render(layout), ...typeOnly], importSet: imports, constants, classes };
}

/**
 * One generated class pair of the module: a node or edge read class, its write class, the fields they hold, and
 * the classes they extend.
 */
interface ClassShape {
  edge: boolean;
  read: string;
  write?: string;
  fields: readonly IRProperty[];
  bases: ClassBases;
}

/** An edge class's fields: the view's stored properties, direct relations included; edges have no edges of their own. */
function edgeFields(plan: ViewPlan): IRProperty[] {
  return plan.fields.filter((property) => property.kind !== "connection");
}

/** What the class builders of one module share. */
interface ModuleContext {
  plan: ViewPlan;
  bases: ClassBases;
  config: GeneratorConfig;
  imports: ImportSet;
  classImports: ClassImports;
}

/** `XList` (with `as_write()` when the view is writable) and, for writable views, `XWriteList`. */
function listClasses(plan: ViewPlan, imports: ImportSet): DataClassData[] {
  const { names } = plan.irClass;
  imports.add("local", RUNTIME, "NodeList");
  const list: DataClassData = { kind: "list", name: names.listClassName, item: names.className };
  if (!plan.writable) return [list];
  imports.add("local", RUNTIME, "NodeWriteList");
  return [
    { ...list, writeList: names.writeListClassName },
    { kind: "write_list", name: names.writeListClassName, item: names.writeClassName },
  ];
}

function literalAlias(imports: ImportSet, name: string, fieldNames: readonly string[]): LiteralAlias {
  if (fieldNames.length === 0) {
    // A view with nothing to sort by still needs the name; Never accepts no value at all.
    imports.add("thirdParty", "typing_extensions", "Never");
    return { name };
  }
  imports.add("stdlib", "typing", "Literal");
  return { name, literals: fieldNames.map(pythonString) };
}

/**
 * The base classes of one of the view's classes, imported: the runtime's `root` or the parents' classes named by
 * `slot` (inheritance.ts decides which parents). Imported at run time, they need no type-only import.
 */
function baseList(
  { imports, classImports }: ModuleContext,
  parents: ViewPlan[],
  root: string,
  slot: (parent: ViewPlan) => string,
): string[] {
  if (parents.length === 0) {
    imports.add("local", RUNTIME, root);
    return [root];
  }
  for (const parent of parents) imports.add("local", `._${parent.irClass.names.fileName}`, slot(parent));
  classImports.imported(...parents.map(slot));
  return parents.map(slot);
}

/**
 * The keyword filters TypedDict. It extends one parent's at most: TypedDicts merged from several bases that share
 * keys (`space` from NodeFilters, or a common interface's) are refused by mypy 1.x ("Overwriting TypedDict
 * field while merging"), and a TypedDict is structural, so the other parents' keys are declared here instead.
 */
function filtersClass(context: ModuleContext): DataClassData {
  const { plan, bases, imports } = context;
  const parents = bases.read.slice(0, 1);
  const baseNames = baseList(context, parents, "NodeFilters", (parent) => parent.filtersClass);
  const inherited = new Set(parents.flatMap((parent) => parent.fields.map((field) => field.identifier)));
  const fields: FieldData[] = [];
  for (const keyword of filterKeywords(plan)) {
    if (keyword.property !== undefined && inherited.has(keyword.property.identifier)) continue;
    keyword.addImports(imports, RUNTIME);
    fields.push({ name: keyword.name, type: keyword.type, lifted: false });
  }
  return { kind: "filters", name: plan.filtersClass, bases: [...baseNames, "total=False"], fields };
}

/** The head every read and write class shares; `usage` picks the field and end-node spellings. */
function classHead(context: ModuleContext, shape: ClassShape, usage: Usage, name: string, bases: string[]): ClassHead {
  const { plan, config, imports, classImports } = context;
  const inherited = usage === "read" ? shape.bases.inheritedRead : shape.bases.inheritedWrite;
  const head: ClassHead = {
    name,
    bases,
    viewConstant: plan.viewConstant,
    connections: hasConnections(plan, shape.fields, usage) ? CONNECTIONS : undefined,
    fields: fieldList(plan, shape, usage, inherited, imports, classImports, config.docstrings),
  };
  if (config.docstrings && plan.irClass.description) head.docstring = plan.irClass.description;
  if (shape.edge) {
    imports.add("stdlib", "typing", "Annotated").add("local", RUNTIME, "DirectRelation", "edge_end");
    head.endNode = edgeEndType(plan, usage, classImports);
  }
  return head;
}

function readClass(context: ModuleContext, shape: ClassShape): DataClassData {
  const { edge, read, write, bases } = shape;
  const baseNames = baseList(context, bases.read, edge ? "EdgeRead" : "NodeRead", (parent) => parent.irClass.names.className);
  return { kind: "read", ...classHead(context, shape, "read", read, baseNames), asWrite: write };
}

function writeClass(context: ModuleContext, shape: ClassShape & { write: string }): DataClassData {
  const { plan, imports } = context;
  const { edge, bases } = shape;
  const baseNames = baseList(context, bases.write, edge ? "EdgeWrite" : "NodeWrite", (parent) => parent.irClass.names.writeClassName);
  const head = classHead(context, shape, "write", shape.write, baseNames);
  let nodeType: string | undefined;
  if (plan.nodeType !== undefined && !edge) {
    // The type the view's filter selects, so that what is written through the view can be read through it.
    imports.add("local", RUNTIME, "DirectRelation", "NodeId");
    nodeType = `NodeId(${pythonString(plan.nodeType.space)}, ${pythonString(plan.nodeType.externalId)})`;
  } else if (bases.inheritsNodeType) {
    // A parent's default type is not this view's.
    imports.add("local", RUNTIME, "DirectRelation");
    nodeType = "None";
  }
  return { kind: "write", ...head, nodeType };
}

/** The fields of the view's properties, but those a base class already declares. */
function fieldList(
  plan: ViewPlan,
  { fields, edge }: Pick<ClassShape, "fields" | "edge">,
  usage: Usage,
  inherited: ReadonlySet<string>,
  imports: ImportSet,
  classImports: ClassImports,
  docstrings: boolean,
): FieldData[] {
  const list: FieldData[] = [];
  for (const property of fields) {
    if (inherited.has(property.identifier)) continue;
    const connection = plan.connections.get(property.identifier);
    let field: { type: string; assigned?: string };
    if (connection !== undefined && property.kind === "connection") {
      const type = connectionFieldType(connection, usage, classImports);
      if (type === undefined) continue;
      field = { type, assigned: "None" };
    } else {
      const reference = connection === undefined ? undefined : referenceSpelling(connection, usage, classImports);
      const spelling = fieldSpelling(property.type, usage, plan.enumAliases.get(property.identifier), reference);
      importSpelling(imports, spelling, RUNTIME);
      field = usage === "read" ? readForm(property, spelling.type, edge) : writeForm(property, spelling.type);
    }
    // A connection to an edge class holds no ids of its own.
    if (/\bDirectRelation\b/.test(field.type)) imports.add("local", RUNTIME, "DirectRelation");
    const data: FieldData = { name: property.name, type: field.type, default: field.assigned, lifted: false };
    if (docstrings && property.description?.trim()) data.doc = property.description;
    if (property.name !== property.identifier) {
      imports.add("stdlib", "typing", "Annotated").add("local", RUNTIME, "cdf_name");
      data.cdfName = property.identifier;
      data.lifted = spelledLikeAField(property, plan);
    }
    list.push(data);
  }
  return list;
}

/**
 * Whether a property's CDF identifier is the Python name of another field (`end_node` beside `endNode`, or a
 * base class's): an alias of that spelling would take that field's keyword, so the runtime reads it lifted.
 */
function spelledLikeAField(property: IRProperty, plan: ViewPlan): boolean {
  const { identifier } = property;
  return isBaseField(identifier) || plan.fields.some((other) => other !== property && other.name === identifier);
}

/**
 * Nodes read through a view always carry its non-nullable properties; nullable ones may be absent. An edge in a
 * connection field may have no values in the field's edge view at all (written without properties, or an edge of
 * the same type that another field holds), so every property of an edge read class may be absent.
 */
function readForm(property: IRProperty, type: string, edge: boolean): { type: string; assigned?: string } {
  if (property.type.kind === "nullable") return { type, assigned: "None" };
  return edge ? { type: `${type} | None`, assigned: "None" } : { type };
}

/**
 * Writes require what CDF requires; a property with a container default shows the default, and one whose default
 * has no plain Python spelling (or that auto-increments) may be left out.
 */
function writeForm(property: IRProperty, type: string): { type: string; assigned?: string } {
  const literal = defaultLiteral(property);
  if (property.type.kind === "nullable") return { type, assigned: literal ?? "None" };
  if (property.requiredOnWrite) return { type };
  return literal === undefined ? { type: `${type} | None`, assigned: "None" } : { type, assigned: literal };
}

function defaultLiteral(property: IRProperty): string | undefined {
  const value = property.defaultValue;
  const type = valueType(property.type);
  if (value === undefined || value === null) return undefined;
  if (type.kind === "enum" && typeof value === "string" && type.values.some((member) => member.value === value)) return pythonString(value);
  if (type.kind !== "primitive") return undefined;
  switch (type.primitive) {
    case "string":
      return typeof value === "string" ? pythonString(value) : undefined;
    case "boolean":
      return typeof value === "boolean" ? (value ? "True" : "False") : undefined;
    case "int32":
    case "int64":
      return typeof value === "number" && Number.isSafeInteger(value) ? String(value) : undefined;
    case "float32":
    case "float64":
      return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
    default:
      return undefined;
  }
}
