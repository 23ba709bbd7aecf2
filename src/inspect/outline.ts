/**
 * A data model as `pygen inspect` shows it: every view with its properties, their types, and the relations
 * between views (direct relations, edges, reverse relations), independent of how it is drawn. The tree, table
 * and Mermaid renderers and the JSON output all read this one structure.
 */
import type { DataModel, View, ViewProperty, ViewReference } from "../client/models.ts";

export interface RelationOutline {
  kind: "direct" | "edge" | "reverse";
  cardinality: "one" | "many";
  /** The view at the other end (an id as in ViewOutline.id); absent for an untyped direct relation. */
  target?: string;
  /** Edges: which way they point, their type (`space:externalId`) and the view holding their properties. */
  direction?: "outwards" | "inwards";
  edgeType?: string;
  edgeProperties?: string;
  /** Reverse relations: the direct relation followed back, `View.property` or `space:Container.property`. */
  through?: string;
}

export interface PropertyOutline {
  identifier: string;
  /** The ancestor view in the model that declares the property, when this view only inherits it. */
  inheritedFrom?: string;
  /** The CDF type: text, int64, …, direct, enum, or the connection type for edges and reverse relations. */
  type: string;
  list: boolean;
  nullable: boolean;
  enumValues?: string[];
  relation?: RelationOutline;
}

export interface ViewOutline {
  /** `space:externalId(version=v)`, the Python SDK's spelling. */
  id: string;
  /** The shortest unambiguous name within the model: the externalId unless two views share it. */
  label: string;
  name?: string;
  usedFor: View["usedFor"];
  writable: boolean;
  implements: string[];
  properties: PropertyOutline[];
}

export interface ModelOutline {
  id: string;
  name?: string;
  description?: string;
  views: ViewOutline[];
  counts: { views: number; properties: number; relations: number };
}

export function viewId(view: { space: string; externalId: string; version: string }): string {
  return `${view.space}:${view.externalId}(version=${view.version})`;
}

function relationOf(property: ViewProperty, views: Map<string, View>): RelationOutline | undefined {
  if (property.kind === "mapped") {
    if (property.type.type !== "direct") return undefined;
    const target = property.type.source;
    return { kind: "direct", cardinality: property.type.list ? "many" : "one", ...(target ? { target: viewId(target) } : {}) };
  }
  if (property.kind === "edge") {
    return {
      kind: "edge",
      cardinality: property.connectionType === "single_edge_connection" ? "one" : "many",
      target: viewId(property.source),
      direction: property.direction,
      edgeType: `${property.type.space}:${property.type.externalId}`,
      ...(property.edgeSource ? { edgeProperties: viewId(property.edgeSource) } : {}),
    };
  }
  const source = property.through.source;
  const sourceView = source.type === "view" ? views.get(viewId(source)) : undefined;
  const owner = source.type === "view" ? (sourceView?.externalId ?? viewId(source)) : `${source.space}:${source.externalId}`;
  return {
    kind: "reverse",
    cardinality: property.connectionType === "single_reverse_direct_relation" ? "one" : "many",
    target: viewId(property.source),
    through: `${owner}.${property.through.identifier}`,
  };
}

/**
 * The root-most ancestor in the model with the same property, unchanged: CDF lists inherited properties on every
 * view, and showing them once, where they are declared, keeps the outline readable. `seen` guards against
 * implements cycles, which hand-written models can have.
 */
function declaringView(view: View, identifier: string, views: Map<string, View>, seen = new Set([viewId(view)])): View | undefined {
  const property = view.properties[identifier];
  for (const reference of view.implements) {
    const parent = views.get(viewId(reference));
    if (!parent || seen.has(viewId(parent)) || !Bun.deepEquals(parent.properties[identifier], property)) continue;
    seen.add(viewId(parent));
    return declaringView(parent, identifier, views, seen) ?? parent;
  }
  return undefined;
}

function propertyOutline(view: View, identifier: string, views: Map<string, View>): PropertyOutline {
  const property = view.properties[identifier] as ViewProperty;
  const declaredBy = declaringView(view, identifier, views);
  const base = { identifier, ...(declaredBy ? { inheritedFrom: viewId(declaredBy) } : {}) };
  const relation = relationOf(property, views);
  const withRelation = relation ? { relation } : {};
  if (property.kind !== "mapped") return { ...base, type: property.connectionType, list: false, nullable: true, ...withRelation };
  const type = property.type;
  return {
    ...base,
    type: type.type,
    list: type.type !== "enum" && type.list,
    nullable: property.nullable,
    ...(type.type === "enum" ? { enumValues: Object.keys(type.values) } : {}),
    ...withRelation,
  };
}

/** Labels: externalIds, except where two views of the model share one; then the full id. */
function labels(views: View[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const view of views) uses.set(view.externalId, (uses.get(view.externalId) ?? 0) + 1);
  return new Map(views.map((view) => [viewId(view), uses.get(view.externalId) === 1 ? view.externalId : viewId(view)]));
}

export function outlineModel(model: DataModel): ModelOutline {
  const byId = new Map(model.views.map((view) => [viewId(view), view]));
  const labelOf = labels(model.views);
  const views = model.views.map(
    (view): ViewOutline => ({
      id: viewId(view),
      label: labelOf.get(viewId(view)) as string,
      ...(view.name ? { name: view.name } : {}),
      usedFor: view.usedFor,
      writable: view.writable,
      implements: view.implements.map((parent: ViewReference) => viewId(parent)),
      properties: Object.keys(view.properties).map((identifier) => propertyOutline(view, identifier, byId)),
    }),
  );
  // Counted where declared, so an inherited property is not counted once per child.
  const properties = views.flatMap((view) => view.properties.filter((property) => !property.inheritedFrom));
  return {
    id: viewId(model),
    ...(model.name ? { name: model.name } : {}),
    ...(model.description ? { description: model.description } : {}),
    views,
    counts: { views: views.length, properties: properties.length, relations: properties.filter((property) => property.relation).length },
  };
}

/** How a renderer names a view: its label inside the model, its full id outside. */
export function viewNamer(outline: ModelOutline): (id: string) => string {
  const labelOf = new Map(outline.views.map((view) => [view.id, view.label]));
  return (id) => labelOf.get(id) ?? id;
}
