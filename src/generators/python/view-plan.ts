/**
 * One view as the Python files see it: which properties become fields, the names of the module-level helpers
 * (view constant, enum aliases, field literals, the filters TypedDict), the keyword filters, and the classes its
 * connection fields hold — decided once so the data-class module and the API module cannot disagree.
 */
import type { Filter } from "../../client/models.ts";
import { type FilterOperator, joinWords, splitWords } from "../../ir/naming.ts";
import type { IRClass, IRProperty, IRRelationship } from "../../ir/types.ts";
import { locationOf } from "../../validate/issues.ts";
import type { GeneratorWarning } from "../generator.ts";
import { resolvesTo } from "./keyword-filters.ts";
import { enumOf, valueType } from "./types.ts";
import type { UniqueNames } from "./unique-names.ts";

export interface FilterParameter {
  name: string;
  operator: FilterOperator;
  property: IRProperty;
}

/** A generated class as other modules refer to it. */
export interface ClassRef {
  fileName: string;
  read: string;
  /** Undefined when the view is not writable. */
  write?: string;
}

/** A connection field: its relationship and the generated classes at its ends (none when the SDK has none). */
export interface ConnectionPlan {
  relationship: IRRelationship;
  many: boolean;
  /** The node class at the other end. */
  target?: ClassRef;
  /** The edge class holding the edge's properties (edges with properties). */
  edgeClass?: ClassRef;
}

export interface ViewPlan {
  irClass: IRClass;
  /** node: a node class with an API (usedFor node or all); edge: an edge class only (usedFor edge). */
  kind: "node" | "edge";
  /** A node view used for edges too (usedFor all): the edge class generated beside its node class. */
  edgeClass?: ClassRef;
  /** `PUMP_VIEW`, `PumpFilters`, `PumpField`, `PumpTextField`. */
  viewConstant: string;
  filtersClass: string;
  fieldAlias: string;
  textFieldAlias: string;
  /** `PumpQuery`: the class of the view's select() steps. */
  queryClass: string;
  /** Properties generated as fields, in the view's order: stored values and connections. */
  fields: IRProperty[];
  /** Connection fields (direct relations, edges, reverse relations), by CDF identifier. */
  connections: Map<string, ConnectionPlan>;
  /** The node type a write object gets by default: the one the view's filter selects, if it selects one. */
  nodeType?: { space: string; externalId: string };
  /** Edge classes (and `edgeClass`): the node classes `end_node` can hold, filled in once every view is planned. */
  edgeEnds: ClassRef[];
  /** Literal alias of each enum property, by identifier. */
  enumAliases: Map<string, string>;
  filters: FilterParameter[];
  /** Field names usable in sort_by, group_by and aggregates. */
  sortable: string[];
  /** Field names search can match. */
  searchable: string[];
  writable: boolean;
  hasSearch: boolean;
  hasHistogram: boolean;
}

/** Upper snake case of a class name, split into words as every other name is: `Cognite3DModel` → `COGNITE_3D_MODEL`. */
function constantCase(className: string): string {
  return joinWords(splitWords(className), "snake").toUpperCase();
}

function pascalCase(fieldName: string): string {
  return fieldName
    .split("_")
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** Scalars DMS can sort and group by: text, numbers, booleans, times, enums and single direct relations. */
function isSortable(property: IRProperty): boolean {
  const type = valueType(property.type);
  if (type.kind === "primitive") return type.primitive !== "json";
  return type.kind === "enum" || type.kind === "nodeReference";
}

/** Class ids of the generated classes, and how to refer to them: `edgeRef` is the edge class of a usedFor=all view. */
export type ClassIndex = ReadonlyMap<string, { irClass: IRClass; ref: ClassRef; edgeRef?: ClassRef }>;

/** How the classes refer to each other; the edge classes of views used for nodes and edges claim their names here. */
/** A module-level name the package exports, numbered when another already has it; a numbered one is reported. */
function claim(names: UniqueNames, wanted: string, irClass: IRClass, warnings: GeneratorWarning[]): string {
  const name = names.claim(wanted);
  if (name !== wanted) {
    warnings.push({
      code: "RENAMED",
      location: locationOf(irClass.view),
      message: `${wanted}, a name generated for ${irClass.view.externalId}, is already taken; it is "${name}"`,
    });
  }
  return name;
}

export function indexClasses(irClasses: readonly IRClass[], names: UniqueNames, warnings: GeneratorWarning[]): ClassIndex {
  return new Map(
    irClasses.map((irClass) => {
      const { fileName, className, writeClassName } = irClass.names;
      const ref = { fileName, read: className, write: irClass.writable ? writeClassName : undefined };
      if (irClass.usedFor !== "all") return [irClass.id, { irClass, ref }];
      const edgeRead = claim(names, `${className}Edge`, irClass, warnings);
      const edgeRef = {
        fileName,
        read: edgeRead,
        write: irClass.writable ? claim(names, `${edgeRead}Write`, irClass, warnings) : undefined,
      };
      return [irClass.id, { irClass, ref, edgeRef }];
    }),
  );
}

export function planView(irClass: IRClass, names: UniqueNames, classes: ClassIndex, warnings: GeneratorWarning[]): ViewPlan {
  const { className } = irClass.names;
  const fields = irClass.properties;
  const connections = new Map<string, ConnectionPlan>();
  for (const property of fields) {
    if (property.relationship !== undefined) connections.set(property.identifier, planConnection(irClass, property, classes, warnings));
  }
  const data = fields.filter((property) => property.kind === "data");
  const enumAliases = new Map<string, string>();
  for (const property of data) {
    if (enumOf(property) !== undefined)
      enumAliases.set(property.identifier, claim(names, `${className}${pascalCase(property.name)}`, irClass, warnings));
  }
  const fieldNames = new Map(data.map((property) => [property.name, property]));
  const filters: FilterParameter[] = [];
  for (const property of data) {
    for (const { name, operator } of property.filters) {
      // The runtime reads a keyword's meaning from its name; a name it would read differently is left out.
      if (resolvesTo(name, fieldNames) === `${operator}:${property.name}`) {
        filters.push({ name, operator, property });
      } else {
        warnings.push({
          code: "FILTER_SKIPPED",
          location: locationOf(irClass.view, property.identifier),
          message: `filter parameter ${name} of ${irClass.view.externalId} would not filter on ${property.name}; it is left out`,
        });
      }
    }
  }
  const methods = new Set(irClass.methods.map((method) => method.name));
  const searchable = irClass.methods.find((method) => method.name === "search")?.properties ?? [];
  const fieldOf = new Map(data.map((property) => [property.identifier, property.name]));
  return {
    irClass,
    kind: irClass.usedFor === "edge" ? "edge" : "node",
    edgeClass: classes.get(irClass.id)?.edgeRef,
    viewConstant: claim(names, `${constantCase(className)}_VIEW`, irClass, warnings),
    filtersClass: claim(names, `${className}Filters`, irClass, warnings),
    fieldAlias: claim(names, `${className}Field`, irClass, warnings),
    textFieldAlias: claim(names, `${className}TextField`, irClass, warnings),
    fields,
    connections,
    nodeType: nodeTypeOf(irClass.filter),
    edgeEnds: [],
    enumAliases,
    filters,
    sortable: data.filter(isSortable).map((property) => property.name),
    searchable: searchable.flatMap((identifier) => fieldOf.get(identifier) ?? []),
    writable: irClass.writable,
    hasSearch: methods.has("search") && searchable.length > 0,
    hasHistogram: methods.has("histogram"),
    queryClass: claim(names, `${className}Query`, irClass, warnings),
  };
}

function planConnection(irClass: IRClass, property: IRProperty, classes: ClassIndex, warnings: GeneratorWarning[]): ConnectionPlan {
  const relationship = property.relationship as IRRelationship;
  const target = relationship.target === undefined ? undefined : classes.get(relationship.target);
  const plan: ConnectionPlan = {
    relationship,
    many: relationship.cardinality === "many",
    target: target?.irClass.usedFor === "edge" ? undefined : target?.ref,
  };
  const propertiesClass = relationship.edge?.propertiesClass;
  if (propertiesClass === undefined) return plan;
  const edgeClass = classes.get(propertiesClass);
  if (edgeClass?.irClass.usedFor === "edge") return { ...plan, edgeClass: edgeClass.ref };
  if (edgeClass?.edgeRef !== undefined) return { ...plan, edgeClass: edgeClass.edgeRef };
  // A view used for nodes only has no edge class: the edge is read and written without its properties.
  warnings.push({
    code: "EDGE_PROPERTIES_SKIPPED",
    location: locationOf(irClass.view, property.identifier),
    message: `${irClass.view.externalId}.${property.identifier}: the properties of its edges (view ${relationship.edge?.propertiesView?.externalId ?? propertiesClass}) are not generated: only views used for edges (usedFor=edge or all) become edge classes`,
  });
  return plan;
}

/** The node type a view's filter selects: `equals` on the node's type, `in` with one type, or either within `and`. */
function nodeTypeOf(filter: Filter | undefined): { space: string; externalId: string } | undefined {
  if (filter === undefined) return undefined;
  if ("and" in filter) {
    const types = filter.and.flatMap((part) => nodeTypeOf(part) ?? []);
    return types.length === 1 ? types[0] : undefined;
  }
  const [property, value] =
    "equals" in filter
      ? [filter.equals.property, filter.equals.value]
      : "in" in filter && Array.isArray(filter.in.values) && filter.in.values.length === 1
        ? [filter.in.property, filter.in.values[0]]
        : [];
  if (property?.length !== 2 || property[0] !== "node" || property[1] !== "type") return undefined;
  return isNodeReference(value) ? { space: value.space, externalId: value.externalId } : undefined;
}

function isNodeReference(value: unknown): value is { space: string; externalId: string } {
  if (typeof value !== "object" || value === null) return false;
  const { space, externalId } = value as Record<string, unknown>;
  return typeof space === "string" && typeof externalId === "string";
}
