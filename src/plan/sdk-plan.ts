/**
 * The SDK plan: the decisions every target language needs about a named IR, made once and language-neutrally, so
 * each generator only spells them. Which views become node classes and which edge classes, which node type a
 * view's writes get from its filter, where every connection leads and which class holds its edge properties,
 * which properties can be sorted, grouped and searched, which views can be written. Names stay the languages'
 * own: the plan refers to classes by id.
 */
import type { Filter } from "../client/models.ts";
import { locationOf } from "../ir/issues.ts";
import type { IRClass, IRModel, IRProperty, IRRelationship, IRType } from "../ir/types.ts";

/** Something the SDK leaves out or degrades, for the pipeline's warnings (never silently dropped). */
export interface GeneratorWarning {
  /**
   * `_SKIPPED`: a part left out of the SDK (`DATA_SOURCE_SKIPPED`: of a PySpark package's data sources); `RENAMED`:
   * a generated name changed because another has it (`COLUMN_RENAMED`: a Spark column named like a node column).
   */
  code: "EDGE_PROPERTIES_SKIPPED" | "FILTER_SKIPPED" | "RENAMED" | "DATA_SOURCE_SKIPPED" | "COLUMN_RENAMED";
  /** `space/View` or `space/View/property`, as validation issues locate things. */
  location: string;
  message: string;
}

/** Where a connection leads, by class id. */
export interface ConnectionDecision {
  relationship: IRRelationship;
  many: boolean;
  /** The node class at the other end; none when its view is not in the model or is used for edges only. */
  target?: string;
  /**
   * The class holding the edge's properties: an edge view's own class (`edge`), or the edge class generated
   * beside the node class of a view used for both (`twin`). None when the edge has no properties the SDK holds.
   */
  edgeClass?: { classId: string; kind: "edge" | "twin" };
}

export interface ViewDecisions {
  irClass: IRClass;
  /** node: a node class with an API (usedFor node or all); edge: an edge class only (usedFor edge). */
  kind: "node" | "edge";
  /** A node view used for edges too (usedFor all): an edge class is generated beside its node class. */
  hasEdgeTwin: boolean;
  /** Connection fields (direct relations, edges, reverse relations), by CDF identifier, in the view's order. */
  connections: Map<string, ConnectionDecision>;
  /** The node type a write object gets by default: the one the view's filter selects, if it selects one. */
  nodeType?: { space: string; externalId: string };
  /** Edge classes (and twins): the node classes an edge of this view ends at, by class id, as first met. */
  edgeEnds: string[];
  /** Stored values usable in sort_by, group_by and aggregates: scalars DMS can sort by. */
  sortable: IRProperty[];
  /** Stored values search can match. */
  searchable: IRProperty[];
  writable: boolean;
  hasSearch: boolean;
  hasHistogram: boolean;
  /** What the plan left out of this view (edge properties no class can hold), in the view's order. */
  warnings: GeneratorWarning[];
}

export interface SdkPlan {
  model: IRModel;
  /** In IR order. */
  views: ViewDecisions[];
}

export function planSdk(model: IRModel): SdkPlan {
  const byId = new Map(model.classes.map((irClass) => [irClass.id, irClass]));
  const views = model.classes.map((irClass) => decideView(irClass, byId));
  // An edge class's end node is any node class an edge of its view leads to.
  const viewById = new Map(views.map((view) => [view.irClass.id, view]));
  for (const view of views) {
    for (const connection of view.connections.values()) {
      const edgeView = connection.edgeClass && viewById.get(connection.edgeClass.classId);
      const target = connection.target;
      if (edgeView && target !== undefined && !edgeView.edgeEnds.includes(target)) edgeView.edgeEnds.push(target);
    }
  }
  return { model, views };
}

function decideView(irClass: IRClass, byId: ReadonlyMap<string, IRClass>): ViewDecisions {
  const warnings: GeneratorWarning[] = [];
  const connections = new Map<string, ConnectionDecision>();
  for (const property of irClass.properties) {
    if (property.relationship !== undefined) {
      connections.set(property.identifier, decideConnection(irClass, property, property.relationship, byId, warnings));
    }
  }
  const data = irClass.properties.filter((property) => property.kind === "data");
  const methods = new Set(irClass.methods.map((method) => method.name));
  const searchable = irClass.methods.find((method) => method.name === "search")?.properties ?? [];
  const dataByIdentifier = new Map(data.map((property) => [property.identifier, property]));
  return {
    irClass,
    kind: irClass.usedFor === "edge" ? "edge" : "node",
    hasEdgeTwin: irClass.usedFor === "all",
    connections,
    nodeType: nodeTypeOf(irClass.filter),
    edgeEnds: [],
    sortable: data.filter(isSortable),
    searchable: searchable.flatMap((identifier) => dataByIdentifier.get(identifier) ?? []),
    writable: irClass.writable,
    hasSearch: methods.has("search") && searchable.length > 0,
    hasHistogram: methods.has("histogram"),
    warnings,
  };
}

function decideConnection(
  irClass: IRClass,
  property: IRProperty,
  relationship: IRRelationship,
  byId: ReadonlyMap<string, IRClass>,
  warnings: GeneratorWarning[],
): ConnectionDecision {
  const target = relationship.target === undefined ? undefined : byId.get(relationship.target);
  const decision: ConnectionDecision = {
    relationship,
    many: relationship.cardinality === "many",
    target: target === undefined || target.usedFor === "edge" ? undefined : target.id,
  };
  const propertiesClass = relationship.edge?.propertiesClass;
  if (propertiesClass === undefined) return decision;
  const edgeClass = byId.get(propertiesClass);
  if (edgeClass?.usedFor === "edge") return { ...decision, edgeClass: { classId: edgeClass.id, kind: "edge" } };
  if (edgeClass?.usedFor === "all") return { ...decision, edgeClass: { classId: edgeClass.id, kind: "twin" } };
  // A view used for nodes only has no edge class: the edge is read and written without its properties.
  warnings.push({
    code: "EDGE_PROPERTIES_SKIPPED",
    location: locationOf(irClass.view, property.identifier),
    message: `${irClass.view.externalId}.${property.identifier}: the properties of its edges (view ${relationship.edge?.propertiesView?.externalId ?? propertiesClass}) are not generated: only views used for edges (usedFor=edge or all) become edge classes`,
  });
  return decision;
}

/** Scalars DMS can sort and group by: text, numbers, booleans, times, enums and single direct relations. */
function isSortable(property: IRProperty): boolean {
  const type: IRType = property.type.kind === "nullable" ? property.type.inner : property.type;
  if (type.kind === "primitive") return type.primitive !== "json";
  return type.kind === "enum" || type.kind === "nodeReference";
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
