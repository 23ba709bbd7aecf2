/**
 * Connection fields of the generated data classes, spelled as templates/python/runtime/connections.py lays them
 * out: the type of each field (ids, or objects of the generated class at the other end), the `Connection`
 * metadata every class lists in `_connections`, and the imports of other modules' classes. Those imports are for
 * type checkers only (modules that refer to each other would import in a cycle); the runtime's
 * `resolve_references` binds the names once all modules are loaded.
 */

import type { IRProperty, ViewId } from "../../ir/types.ts";
import { ImportSet, type Relocate } from "./imports.ts";
import { type Layout, pythonString } from "./layout.ts";
import type { Usage } from "./types.ts";
import type { ClassRef, ConnectionPlan, ViewPlan } from "./view-plan.ts";

/** Module-level name of a module's `Connection` metadata, shared by its read and write class. */
export const CONNECTIONS = "_CONNECTIONS";

const ID = "DirectRelation";
const PAIR = "tuple[str, str]";

/** Names of other modules' classes a data-class module uses, imported under `if TYPE_CHECKING:`. */
export class ClassImports {
  private readonly imports: ImportSet;
  private readonly available = new Set<string>();
  constructor(
    private readonly fileName: string,
    relocate?: Relocate,
  ) {
    this.imports = new ImportSet(relocate);
  }

  /** Names the module imports at run time anyway (its base classes): they need no type-only import. */
  imported(...names: string[]): void {
    for (const name of names) this.available.add(name);
  }

  /** The class's name, recorded for import when it lives in another module. */
  use(ref: ClassRef, name: string): string {
    if (ref.fileName !== this.fileName && !this.available.has(name)) {
      this.imports.add("local", `._${ref.fileName}`, name);
    }
    return name;
  }

  /** The `if TYPE_CHECKING:` block, as lines after a module's imports; none when nothing is imported. */
  render(layout: Layout): string[] {
    const inner = this.imports.render({ ...layout, lineLength: layout.lineLength - layout.indent.length });
    if (inner.length === 0) return [];
    return ["", "if TYPE_CHECKING:", ...inner.map((line) => `${layout.indent}${line}`)];
  }
}

/** The element type of a connection field: what one reference holds, as read or as written. */
export function referenceSpelling(connection: ConnectionPlan, usage: Usage, classes: ClassImports): string {
  const { target, edgeClass } = connection;
  if (usage === "read") {
    if (edgeClass !== undefined) return classes.use(edgeClass, edgeClass.read);
    return target === undefined ? ID : `${ID} | ${classes.use(target, target.read)}`;
  }
  if (edgeClass?.write !== undefined) return classes.use(edgeClass, edgeClass.write);
  return target?.write === undefined ? `${ID} | ${PAIR}` : `${classes.use(target, target.write)} | ${ID} | ${PAIR}`;
}

/**
 * The type of an edge or reverse-relation field: a list or one reference, None until read with connections.
 * Undefined when the class has no such field (reverse relations are written as the other side's direct relation).
 */
export function connectionFieldType(connection: ConnectionPlan, usage: Usage, classes: ClassImports): string | undefined {
  if (usage === "write" && connection.relationship.kind === "reverse") return undefined;
  const element = referenceSpelling(connection, usage, classes);
  return connection.many ? `list[${element}] | None` : `${element} | None`;
}

/** `end_node` of an edge class: any node an edge of its view leads to, or its id. */
export function edgeEndType(plan: ViewPlan, usage: Usage, classes: ClassImports): string {
  if (usage === "read") return [ID, ...plan.edgeEnds.map((end) => classes.use(end, end.read))].join(" | ");
  const writes = plan.edgeEnds.flatMap((end) => (end.write === undefined ? [] : [classes.use(end, end.write)]));
  return [...writes, ID, PAIR].join(" | ");
}

/** Whether a class with these fields has connection fields for `usage`, and so a `_connections` entry of its own. */
export function hasConnections(plan: ViewPlan, fields: readonly IRProperty[], usage: Usage): boolean {
  return fields.some((property) => {
    const connection = plan.connections.get(property.identifier);
    return connection !== undefined && (usage === "read" || connection.relationship.kind !== "reverse");
  });
}

/**
 * The entries of `_CONNECTIONS = {"field": Connection(...), ...}`, what the runtime knows of each connection field:
 * each field's name as a Python string and the arguments of its `Connection(...)`.
 */
export function connectionEntries(plan: ViewPlan): { key: string; arguments: string[] }[] {
  const byIdentifier = new Map(plan.fields.map((property) => [property.identifier, property]));
  return [...plan.connections].map(([identifier, connection]) => ({
    key: pythonString((byIdentifier.get(identifier) as IRProperty).name),
    arguments: connectionArguments(identifier, connection),
  }));
}

function connectionArguments(identifier: string, connection: ConnectionPlan): string[] {
  const { relationship } = connection;
  const args = [pythonString(relationship.kind), pythonString(identifier), `many=${connection.many ? "True" : "False"}`];
  if (relationship.targetView !== undefined) args.push(`target_view=${viewId(relationship.targetView)}`);
  if (relationship.kind === "edge") {
    args.push(`direction=${pythonString(relationship.direction)}`);
    const edge = relationship.edge;
    if (edge !== undefined) args.push(`edge_type=NodeId(${[edge.type.space, edge.type.externalId].map(pythonString).join(", ")})`);
    if (edge?.propertiesView !== undefined && connection.edgeClass !== undefined) args.push(`edge_view=${viewId(edge.propertiesView)}`);
  }
  const through = relationship.through;
  if (relationship.kind === "reverse" && through !== undefined) {
    const source =
      through.sourceKind === "view" && "version" in through.source
        ? viewId(through.source)
        : `ContainerId(${[through.source.space, through.source.externalId].map(pythonString).join(", ")})`;
    args.push(`through_source=${source}`, `through_property=${pythonString(through.property)}`);
    if (through.isList) args.push("through_is_list=True");
  }
  return args;
}

function viewId(view: ViewId): string {
  return `ViewId(${[view.space, view.externalId, view.version].map(pythonString).join(", ")})`;
}

/** Runtime names the `_CONNECTIONS` constant of a plan needs. */
export function connectionsImports(plan: ViewPlan): string[] {
  const names = new Set(["Connection"]);
  for (const { relationship } of plan.connections.values()) {
    if (relationship.kind === "edge" && relationship.edge !== undefined) names.add("NodeId");
    if (relationship.kind === "reverse" && relationship.through?.sourceKind === "container") names.add("ContainerId");
  }
  return [...names];
}
