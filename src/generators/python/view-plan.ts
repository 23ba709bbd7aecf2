/**
 * One view as the Python files see it: the SDK plan's decisions (src/plan/sdk-plan.ts) spelled in Python — the
 * names of the module-level helpers (view constant, enum aliases, field literals, the filters TypedDict), the
 * keyword filters the runtime can read, and the classes its connection fields hold, by name — decided once so
 * the data-class module and the API module cannot disagree.
 */
import { locationOf } from "../../ir/issues.ts";
import { type FilterOperator, joinWords, splitWords } from "../../ir/naming.ts";
import type { IRClass, IRProperty, IRRelationship } from "../../ir/types.ts";
import type { ConnectionDecision, GeneratorWarning, ViewDecisions } from "../../plan/sdk-plan.ts";
import { resolvesTo } from "./keyword-filters.ts";
import { enumOf } from "./types.ts";
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
  /** An edge class: the typed API class of its edges (edge-api.ts), defined in its module. */
  edgeApi?: string;
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
  /** Edge classes (and `edgeClass`): the node classes `end_node` can hold, by name. */
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
      const { fileName, className, writeClassName, apiClassName } = irClass.names;
      const write = irClass.writable ? writeClassName : undefined;
      // An edge view has no view API: its API class name is its edges' API.
      const ref = { fileName, read: className, write, edgeApi: irClass.usedFor === "edge" ? apiClassName : undefined };
      if (irClass.usedFor !== "all") return [irClass.id, { irClass, ref }];
      const edgeRead = claim(names, `${className}Edge`, irClass, warnings);
      const edgeRef = {
        fileName,
        read: edgeRead,
        write: irClass.writable ? claim(names, `${edgeRead}Write`, irClass, warnings) : undefined,
        edgeApi: claim(names, `${edgeRead}API`, irClass, warnings),
      };
      return [irClass.id, { irClass, ref, edgeRef }];
    }),
  );
}

export function planView(decisions: ViewDecisions, names: UniqueNames, classes: ClassIndex, warnings: GeneratorWarning[]): ViewPlan {
  const { irClass } = decisions;
  const { className } = irClass.names;
  const fields = irClass.properties;
  warnings.push(...decisions.warnings);
  const connections = new Map<string, ConnectionPlan>();
  for (const [identifier, connection] of decisions.connections) connections.set(identifier, connectionPlan(connection, classes));
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
  const refOf = (id: string) => classes.get(id)?.ref;
  return {
    irClass,
    kind: decisions.kind,
    edgeClass: classes.get(irClass.id)?.edgeRef,
    viewConstant: claim(names, `${constantCase(className)}_VIEW`, irClass, warnings),
    filtersClass: claim(names, `${className}Filters`, irClass, warnings),
    fieldAlias: claim(names, `${className}Field`, irClass, warnings),
    textFieldAlias: claim(names, `${className}TextField`, irClass, warnings),
    fields,
    connections,
    nodeType: decisions.nodeType,
    edgeEnds: decisions.edgeEnds.flatMap((id) => refOf(id) ?? []).sort((a, b) => (a.read < b.read ? -1 : a.read > b.read ? 1 : 0)),
    enumAliases,
    filters,
    sortable: decisions.sortable.map((property) => property.name),
    searchable: decisions.searchable.map((property) => property.name),
    writable: decisions.writable,
    hasSearch: decisions.hasSearch,
    hasHistogram: decisions.hasHistogram,
    queryClass: claim(names, `${className}Query`, irClass, warnings),
  };
}

/** A connection's ends as the Python classes that hold them. */
function connectionPlan(connection: ConnectionDecision, classes: ClassIndex): ConnectionPlan {
  const { relationship, many, target, edgeClass } = connection;
  const plan: ConnectionPlan = { relationship, many, target: target === undefined ? undefined : classes.get(target)?.ref };
  if (edgeClass === undefined) return plan;
  const holder = classes.get(edgeClass.classId);
  return { ...plan, edgeClass: edgeClass.kind === "edge" ? holder?.ref : holder?.edgeRef };
}
