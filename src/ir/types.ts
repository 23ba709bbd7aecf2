/**
 * The intermediate representation: a data model as an SDK sees it, independent of the target language (seed §3).
 * The parser fills in what the model says (CDF identifiers, types, raw connections); the transformer adds what
 * generation needs (names in the language's conventions, resolved relationships, inheritance, methods, filters).
 * Every generated name sits beside the CDF identifier it came from.
 */
import type { ContainerReference, DirectRelationReference, Filter, ViewReference } from "../client/models.ts";
import type { ClassNames, FilterOperator, ModuleNames } from "./naming.ts";

export type ViewId = Omit<ViewReference, "type">;

// ── Types ───────────────────────────────────────────────────────────────────────────────────────────────────

export type IRPrimitive = "string" | "boolean" | "int32" | "int64" | "float32" | "float64" | "timestamp" | "date" | "json";

export interface IREnumValue {
  /** The value as CDF stores it. */
  value: string;
  /** The generated member name; empty until the transformer names it. */
  name: string;
  displayName?: string;
  description?: string;
}

export type IRType =
  | { kind: "primitive"; primitive: IRPrimitive }
  | { kind: "enum"; values: IREnumValue[]; unknownValue?: string }
  /** A CDF classic resource held by external id: timeseries, file or sequence. */
  | { kind: "cdfReference"; resource: "timeseries" | "file" | "sequence" }
  /**
   * A node reference: `target` is the class the node is read as when the view is in the model; `targetView`
   * keeps the view the model named even when it is not (then the reference is untyped).
   */
  | { kind: "nodeReference"; target?: string; targetView?: ViewId }
  | { kind: "list"; element: IRType; maxSize?: number }
  | { kind: "nullable"; inner: IRType };

// ── Relationships ───────────────────────────────────────────────────────────────────────────────────────────

export type Cardinality = "one" | "many";
export type Direction = "outwards" | "inwards";

export interface IRRelationship {
  /** direct: a stored node reference; edge: edges of a type; reverse: direct relations of other nodes, followed back. */
  kind: "direct" | "edge" | "reverse";
  cardinality: Cardinality;
  direction: Direction;
  /** Class of the nodes at the other end; undefined when their view is not in the model. */
  target?: string;
  targetView?: ViewId;
  /** For edges: the edge type, and the class holding edge properties (an edge with properties). */
  edge?: { type: DirectRelationReference; propertiesClass?: string; propertiesView?: ViewId };
  /** For reverse relations: the direct relation they follow back. */
  through?: {
    source: ViewId | Omit<ContainerReference, "type">;
    sourceKind: "view" | "container";
    /** CDF identifier of the direct relation property on the source. */
    property: string;
    /** The class holding it, when it is a view in the model. */
    class?: string;
    /** The direct relation is a list, so one node can be reached from many lists (reverse through a list). */
    isList: boolean;
  };
}

// ── Properties, classes, modules ────────────────────────────────────────────────────────────────────────────

export interface IRFilterParameter {
  operator: FilterOperator;
  /** The generated parameter name, e.g. `min_capacity`. */
  name: string;
}

export interface IRProperty {
  /** The CDF property identifier: the key in the view and the alias of the generated field. */
  identifier: string;
  /** The generated field name; empty until the transformer names it. */
  name: string;
  displayName?: string;
  description?: string;
  /** data: a stored value (including direct relations); connection: edges and reverse relations, read-only data. */
  kind: "data" | "connection";
  /** The read type; nullable unless the container property is required. */
  type: IRType;
  /** Required on write: not nullable, no default value, not auto-incremented. */
  requiredOnWrite: boolean;
  immutable: boolean;
  autoIncrement: boolean;
  defaultValue?: unknown;
  /** Where the value is stored (data properties). */
  container?: { space: string; externalId: string; property: string };
  unit?: { externalId: string; sourceUnit?: string };
  relationship?: IRRelationship;
  /** Typed filter parameters of the class's API for this property. */
  filters: IRFilterParameter[];
  /**
   * The class in the model that declares the property: the class itself, or the root-most ancestor that has it.
   * The parser sets the class itself; the transformer resolves inheritance.
   */
  declaredBy: string;
}

export type IRMethodName = "list" | "retrieve" | "iterate" | "search" | "aggregate" | "histogram" | "upsert" | "delete";

export interface IRMethod {
  name: IRMethodName;
  /** Properties the method works on: searchable text for search, numbers for histogram, and so on. */
  properties: string[];
}

export interface IRClass {
  /** `space/externalId/version` of the view. */
  id: string;
  view: ViewId;
  displayName?: string;
  description?: string;
  usedFor: "node" | "edge" | "all";
  writable: boolean;
  /** The view's own filter, which lists and searches must apply. */
  filter?: Filter;
  /** Generated names; empty strings until the transformer names them. */
  names: ClassNames;
  /** Classes in the model this class extends (implements), with any link that would close a cycle left out. */
  parents: string[];
  /** Parent views that are not in the model: their properties are on this class itself. */
  externalParents: ViewId[];
  /** With inheritance flattened: every property. With inheritance kept: only the ones this class declares. */
  properties: IRProperty[];
  methods: IRMethod[];
}

export interface IRModule {
  /** `space/externalId/version` of the data model. */
  id: string;
  dataModel: ViewId;
  displayName?: string;
  description?: string;
  names: ModuleNames;
  /** Ids of the classes of this data model; a class shared by several models is listed by each. */
  classes: string[];
}

export interface IRModel {
  modules: IRModule[];
  /** Every class once, in a stable order (by view id). */
  classes: IRClass[];
  /** The language whose names are applied; undefined straight after parsing. */
  language?: string;
  inheritance: "flatten" | "keep";
  /** Parts of the data models the validator left out (its errors), for the SDK to document what it lacks. */
  leftOut?: { location: string; message: string }[];
}
