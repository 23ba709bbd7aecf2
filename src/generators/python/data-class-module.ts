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
  connectionFieldType,
  connectionsConstant,
  connectionsImports,
  edgeEndType,
  hasConnections,
  referenceSpelling,
} from "./connection-fields.ts";
import { ImportSet, type Relocate } from "./imports.ts";
import { type ClassBases, FLAT } from "./inheritance.ts";
import { isBaseField } from "./keywords.ts";
import { type Layout, PythonWriter, pythonString } from "./layout.ts";
import { enumOf, fieldSpelling, filterValueSpelling, importSpelling, type Usage, valueType } from "./types.ts";
import type { ViewPlan } from "./view-plan.ts";

export const RUNTIME = ".._runtime";

export interface ModuleFragments {
  imports: string[];
  body: string;
  /** The run-time imports as a set, for a module that holds several fragments (single_file). */
  importSet: ImportSet;
}

/** `relocate`: where the package layout puts the modules imported (package-layout.ts); the nested paths by default. */
export function dataClassModule(
  plan: ViewPlan,
  bases: ClassBases,
  config: GeneratorConfig,
  layout: Layout,
  relocate?: Relocate,
): ModuleFragments {
  const { view } = plan.irClass;
  const edge = plan.kind === "edge";
  const imports = new ImportSet(relocate).add("stdlib", "typing", "ClassVar").add("local", RUNTIME, "ViewId");
  const classImports = new ClassImports(plan.irClass.names.fileName, relocate);
  const top = new PythonWriter(layout);
  top.bracketed(`${plan.viewConstant} = ViewId(`, [view.space, view.externalId, view.version].map(pythonString), ")");

  top.line();
  for (const property of plan.fields) {
    const alias = plan.enumAliases.get(property.identifier);
    const values = enumOf(property)?.values.map((value) => pythonString(value.value));
    if (alias === undefined || values === undefined) continue;
    imports.add("stdlib", "typing", "Literal");
    top.bracketed(`${alias} = Literal[`, values, "]", { hug: true });
  }
  if (!edge) {
    literalAlias(top, imports, plan.fieldAlias, plan.sortable);
    if (plan.hasSearch) literalAlias(top, imports, plan.textFieldAlias, plan.searchable);
  }
  if (plan.connections.size > 0) {
    imports.add("local", RUNTIME, ...connectionsImports(plan));
    connectionsConstant(top.line(), plan);
  }

  const context = { plan, bases, config, imports, classImports, layout };
  const { names } = plan.irClass;
  const own: ClassShape = {
    edge,
    read: names.className,
    write: plan.writable ? names.writeClassName : undefined,
    fields: edge ? edgeFields(plan) : plan.fields,
    bases,
  };
  const classes: (PythonWriter | string)[] = edge ? [] : [filtersClass(context)];
  classes.push(readClass(context, own));
  if (own.write !== undefined) classes.push(writeClass(context, { ...own, write: own.write }));
  if (!edge) classes.push(...listClasses(plan, imports, layout));
  if (plan.edgeClass !== undefined) {
    // The same view as the properties of edges: its stored values beside `end_node`, flat as edge classes are.
    const { read, write } = plan.edgeClass;
    const edgeShape: ClassShape = { edge: true, read, write, fields: edgeFields(plan), bases: FLAT };
    classes.push(readClass(context, edgeShape));
    if (write !== undefined) classes.push(writeClass(context, { ...edgeShape, write }));
  }
  const body = [top.toString().replace(/\n+$/, "\n"), ...classes.map(String)].join("\n\n");
  const typeOnly = classImports.render(layout);
  if (typeOnly.length > 0) imports.add("stdlib", "typing", "TYPE_CHECKING");
  return { imports: [...imports.render(layout), ...typeOnly], body, importSet: imports };
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
  layout: Layout;
}

/** `XList` (with `as_write()` when the view is writable) and, for writable views, `XWriteList`. */
function listClasses(plan: ViewPlan, imports: ImportSet, layout: Layout): PythonWriter[] {
  const { names } = plan.irClass;
  imports.add("local", RUNTIME, "NodeList");
  const list = new PythonWriter(layout).bracketed(`class ${names.listClassName}(`, [`NodeList[${names.className}]`], "):");
  if (!plan.writable) return [list.indented((body) => body.line("pass"))];
  list.indented((body) =>
    body
      .line(`def as_write(self) -> ${names.writeListClassName}:`)
      // A lone generator argument takes no trailing comma, so it can only be hugged.
      .indented((method) =>
        method.bracketed(`return ${names.writeListClassName}(`, ["item.as_write() for item in self"], ")", { hug: true }),
      ),
  );
  imports.add("local", RUNTIME, "NodeWriteList");
  const writeList = new PythonWriter(layout)
    .bracketed(`class ${names.writeListClassName}(`, [`NodeWriteList[${names.writeClassName}]`], "):")
    .indented((body) => body.line("pass"));
  return [list, writeList];
}

function literalAlias(writer: PythonWriter, imports: ImportSet, alias: string, fieldNames: readonly string[]): void {
  if (fieldNames.length === 0) {
    // A view with nothing to sort by still needs the name; Never accepts no value at all.
    imports.add("thirdParty", "typing_extensions", "Never");
    writer.line(`${alias} = Never`);
    return;
  }
  imports.add("stdlib", "typing", "Literal");
  writer.bracketed(`${alias} = Literal[`, fieldNames.map(pythonString), "]", { hug: true });
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
function filtersClass(context: ModuleContext): PythonWriter {
  const { plan, bases, imports, layout } = context;
  const parents = bases.read.slice(0, 1);
  const baseNames = baseList(context, parents, "NodeFilters", (parent) => parent.filtersClass);
  const inherited = new Set(parents.flatMap((parent) => parent.fields.map((field) => field.identifier)));
  const own = plan.filters.filter((filter) => !inherited.has(filter.property.identifier));
  const writer = new PythonWriter(layout).bracketed(`class ${plan.filtersClass}(`, [...baseNames, "total=False"], "):", { hug: true });
  return writer.indented((body) => {
    if (own.length === 0) body.line("pass");
    for (const { name, operator, property } of own) {
      const spelling = filterValueSpelling(property.type, plan.enumAliases.get(property.identifier));
      if (spelling === undefined) continue;
      importSpelling(imports, spelling, RUNTIME);
      // Equality also takes several values (an `in` filter); ranges and prefixes take one.
      const several = operator === "equals" && !isBoolean(property);
      if (several) imports.add("stdlib", "collections.abc", "Sequence");
      body.annotation(name, `${spelling.type}${several ? ` | Sequence[${spelling.type}]` : ""} | None`);
    }
  });
}

function isBoolean(property: IRProperty): boolean {
  const type = valueType(property.type);
  return type.kind === "primitive" && type.primitive === "boolean";
}

function classHeader(writer: PythonWriter, plan: ViewPlan, config: GeneratorConfig, name: string, bases: string[]): void {
  writer.bracketed(`class ${name}(`, bases, "):", { hug: true }).indented((body) => {
    if (config.docstrings && plan.irClass.description) body.docstring(plan.irClass.description).line();
    body.line(`_view: ClassVar[ViewId] = ${plan.viewConstant}`);
  });
}

function readClass(context: ModuleContext, shape: ClassShape): string {
  const { plan, config, imports, classImports, layout } = context;
  const { edge, read, write, bases } = shape;
  const writer = new PythonWriter(layout);
  const baseNames = baseList(context, bases.read, edge ? "EdgeRead" : "NodeRead", (parent) => parent.irClass.names.className);
  classHeader(writer, plan, config, read, baseNames);
  writer.indented((body) => {
    connectionsLine(body, plan, shape, "read");
    body.line();
    if (edge) endNodeLine(body, edgeEndType(plan, "read", classImports), imports);
    fieldLines(body, plan, shape, "read", bases.inheritedRead, imports, classImports);
    if (write !== undefined) {
      body
        .line()
        .line(`def as_write(self) -> ${write}:`)
        .indented((method) => method.line(`return self._to_write(${write})`));
    }
  });
  return trimmed(writer);
}

function writeClass(context: ModuleContext, shape: ClassShape & { write: string }): string {
  const { plan, config, imports, classImports, layout } = context;
  const { edge, bases } = shape;
  const writer = new PythonWriter(layout);
  const baseNames = baseList(context, bases.write, edge ? "EdgeWrite" : "NodeWrite", (parent) => parent.irClass.names.writeClassName);
  classHeader(writer, plan, config, shape.write, baseNames);
  return trimmed(
    writer.indented((body) => {
      connectionsLine(body, plan, shape, "write");
      body.line();
      if (edge) endNodeLine(body, edgeEndType(plan, "write", classImports), imports);
      if (plan.nodeType !== undefined && !edge) {
        // The type the view's filter selects, so that what is written through the view can be read through it.
        imports.add("local", RUNTIME, "DirectRelation", "NodeId");
        const { space, externalId } = plan.nodeType;
        body.line(`node_type: DirectRelation | None = NodeId(${pythonString(space)}, ${pythonString(externalId)})`);
      } else if (bases.inheritsNodeType) {
        // A parent's default type is not this view's.
        imports.add("local", RUNTIME, "DirectRelation");
        body.line("node_type: DirectRelation | None = None");
      }
      fieldLines(body, plan, shape, "write", bases.inheritedWrite, imports, classImports);
    }),
  );
}

function connectionsLine(writer: PythonWriter, plan: ViewPlan, shape: ClassShape, usage: Usage): void {
  if (hasConnections(plan, shape.fields, usage)) writer.line(`_connections: ClassVar[dict[str, Connection]] = ${CONNECTIONS}`);
}

function endNodeLine(writer: PythonWriter, type: string, imports: ImportSet): void {
  imports.add("stdlib", "typing", "Annotated").add("local", RUNTIME, "DirectRelation", "edge_end");
  writer.bracketed("end_node: Annotated[", [type, "edge_end()"], "]");
}

/**
 * A class body as ruff formats it: the blank line that opens the field section is written before knowing whether
 * any field follows, so a section left empty must not leave two blank lines, or one at the end.
 */
function trimmed(writer: PythonWriter): string {
  return writer
    .toString()
    .replace(/\n{3,}/g, "\n\n")
    .replace(/\n\n+$/, "\n");
}

/** The fields of the view's properties, but those a base class already declares. */
function fieldLines(
  writer: PythonWriter,
  plan: ViewPlan,
  { fields, edge }: Pick<ClassShape, "fields" | "edge">,
  usage: Usage,
  inherited: ReadonlySet<string>,
  imports: ImportSet,
  classImports: ClassImports,
): void {
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
    const suffix = field.assigned === undefined ? "" : ` = ${field.assigned}`;
    if (property.name === property.identifier) {
      writer.annotation(property.name, field.type, suffix);
      continue;
    }
    imports.add("stdlib", "typing", "Annotated").add("local", RUNTIME, "cdf_name");
    const lifted = spelledLikeAField(property, plan) ? ", lifted=True" : "";
    writer.bracketed(`${property.name}: Annotated[`, [field.type, `cdf_name(${pythonString(property.identifier)}${lifted})`], `]${suffix}`);
  }
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
