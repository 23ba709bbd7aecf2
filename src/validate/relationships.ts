/**
 * Relationship rules: every connection must lead somewhere the SDK can follow. Direct relations and edges to views
 * outside the model degrade to untyped node references; reverse relations through a property that is missing or
 * is not a direct relation cannot be queried at all and are dropped (pygen v1 crashed on exactly these).
 */
import type { EdgeConnection, MappedProperty, ReverseDirectRelation, View } from "../client/models.ts";
import { locationOf, viewText } from "../ir/issues.ts";
import { type ModelIndex, type ViewIdentifier, viewKey } from "../ir/model-index.ts";
import type { Findings } from "./findings.ts";

export function checkRelationships(index: ModelIndex, findings: Findings): void {
  const available = (reference: ViewIdentifier) => index.has(reference) && !findings.isViewDropped(reference);
  for (const view of index.views) {
    if (findings.isViewDropped(view)) continue;
    for (const [identifier, property] of Object.entries(view.properties)) {
      if (findings.isPropertyDropped(view, identifier)) continue;
      const context: PropertyContext = { index, findings, view, identifier, available };
      if (property.kind === "mapped") checkDirectRelation(context, property);
      else if (property.kind === "edge") checkEdge(context, property);
      else checkReverse(context, property);
    }
  }
}

interface PropertyContext {
  index: ModelIndex;
  findings: Findings;
  view: View;
  identifier: string;
  available: (reference: ViewIdentifier) => boolean;
}

function reportUnknownView(context: PropertyContext, target: ViewIdentifier, what: string): void {
  context.findings.report({
    severity: "warning",
    code: "UNKNOWN_SOURCE_VIEW",
    location: locationOf(context.view, context.identifier),
    message: `${context.identifier} ${what} ${viewText(target)}, which is not in the data model: it is generated as untyped node references`,
    suggestion: `Add ${target.externalId} (version ${target.version}) to the data model to get typed objects`,
    canAutoFix: true,
  });
}

function checkDirectRelation(context: PropertyContext, property: MappedProperty): void {
  if (property.type.type !== "direct") return;
  const target = property.type.source;
  if (target === undefined) {
    context.findings.report({
      severity: "info",
      code: "UNTYPED_DIRECT_RELATION",
      location: locationOf(context.view, context.identifier),
      message: `direct relation ${context.identifier} names no target view: it is generated as node references without a type`,
      suggestion: "Set the view's `source` on the property to get typed objects",
      canAutoFix: false,
    });
  } else if (!context.available(target)) {
    reportUnknownView(context, target, "points at");
  }
}

function checkEdge(context: PropertyContext, property: EdgeConnection): void {
  if (!context.available(property.source)) reportUnknownView(context, property.source, "connects to nodes of");
  if (property.edgeSource !== undefined && !context.available(property.edgeSource)) {
    context.findings.report({
      severity: "warning",
      code: "UNKNOWN_EDGE_SOURCE",
      location: locationOf(context.view, context.identifier),
      message: `the edge properties of ${context.identifier} come from ${viewText(property.edgeSource)}, which is not in the data model: the edges are generated without their properties`,
      suggestion: `Add ${property.edgeSource.externalId} to the data model`,
      canAutoFix: true,
    });
  }
}

function checkReverse(context: PropertyContext, property: ReverseDirectRelation): void {
  const { findings, view, identifier } = context;
  if (!context.available(property.source)) {
    reportUnknownView(context, property.source, "is read back from");
    return;
  }
  const through = property.through.source;
  // Through a container the property cannot be checked against a view; CDF resolved it when the view was saved.
  if (through.type === "container") return;
  const throughView = context.index.get(through);
  if (throughView === undefined || findings.isViewDropped(throughView)) {
    reportUnknownView(context, through, "follows a direct relation of");
    return;
  }
  const location = locationOf(view, identifier);
  const throughProperty = findings.isPropertyDropped(throughView, property.through.identifier)
    ? undefined
    : throughView.properties[property.through.identifier];
  if (throughProperty === undefined) {
    findings.dropProperty(view, identifier, {
      severity: "error",
      code: "MISSING_REVERSE_RELATION",
      location,
      message: `reverse relation ${identifier} goes through ${throughView.externalId}.${property.through.identifier}, which does not exist; it is left out`,
      suggestion: `Add the direct relation ${property.through.identifier} to ${throughView.externalId}, or fix through.identifier`,
      canAutoFix: false,
    });
    return;
  }
  if (throughProperty.kind !== "mapped" || throughProperty.type.type !== "direct") {
    findings.dropProperty(view, identifier, {
      severity: "error",
      code: "REVERSE_THROUGH_NOT_DIRECT",
      location,
      message: `reverse relation ${identifier} goes through ${throughView.externalId}.${property.through.identifier}, which is not a direct relation; it is left out`,
      suggestion: `Point through.identifier at a direct relation of ${throughView.externalId}`,
      canAutoFix: false,
    });
    return;
  }
  const pointsAt = throughProperty.type.source;
  if (pointsAt !== undefined && !pointsAtViewOrAncestor(context, pointsAt)) {
    findings.report({
      severity: "warning",
      code: "REVERSE_THROUGH_OTHER_VIEW",
      location,
      message: `reverse relation ${identifier} follows ${throughView.externalId}.${property.through.identifier} back, but that relation points at ${pointsAt.externalId}, not ${view.externalId}`,
      suggestion: `Check through.identifier: a direct relation of ${throughView.externalId} that points at ${view.externalId} is probably meant`,
      canAutoFix: false,
    });
  }
}

/** A direct relation to a parent interface also serves the views implementing it. */
function pointsAtViewOrAncestor(context: PropertyContext, target: ViewIdentifier): boolean {
  const key = viewKey(target);
  return key === viewKey(context.view) || context.index.ancestors(context.view).has(key);
}
