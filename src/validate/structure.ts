/**
 * Structure rules: how views fit together. Views listed twice with different definitions, `implements` cycles and
 * parents outside the model, views an SDK cannot serve (record views), and usedFor / writable combinations that
 * change what can be generated.
 */
import type { View } from "../client/models.ts";
import { locationOf, viewText } from "../ir/issues.ts";
import { type ModelIndex, viewKey } from "../ir/model-index.ts";
import type { Findings } from "./findings.ts";
import { referencesOf } from "./references.ts";

export function checkStructure(index: ModelIndex, findings: Findings): void {
  reportDuplicateViews(index, findings);
  for (const view of index.views) {
    if (view.usedFor === "record") {
      findings.dropView(view, {
        severity: "error",
        code: "UNSUPPORTED_VIEW_USAGE",
        location: locationOf(view),
        message: `view ${viewText(view)} is used for records, which the generated SDKs do not read or write; it is left out`,
        suggestion: "Use the Records API for this view, or remove it from the data model",
        canAutoFix: false,
      });
    }
  }
  cutImplementsCycles(index, findings);
  for (const view of index.views) {
    if (findings.isViewDropped(view)) continue;
    reportParentsOutsideModel(index, view, findings);
    reportUsage(index, view, findings);
  }
}

function reportDuplicateViews(index: ModelIndex, findings: Findings): void {
  for (const { kept, duplicate, model } of index.conflicts) {
    findings.report({
      severity: "warning",
      code: "DUPLICATE_VIEW",
      location: locationOf(duplicate),
      message: `view ${viewText(duplicate)} in data model ${model.space}/${model.externalId} differs from the one listed earlier; the first definition is used`,
      suggestion: `Give the changed view a new version, or make both listings of ${kept.externalId} identical`,
      canAutoFix: true,
    });
  }
}

/**
 * Depth-first over `implements`; a parent still on the path closes a cycle, and that link is cut. CDF never
 * returns cycles, but hand-written and toolkit models can hold them, and pygen v1 looped on them.
 */
function cutImplementsCycles(index: ModelIndex, findings: Findings): void {
  const finished = new Set<string>();
  const onPath = new Set<string>();
  const visit = (view: View): void => {
    const key = viewKey(view);
    onPath.add(key);
    for (const parentReference of view.implements) {
      const parent = index.get(parentReference);
      if (parent === undefined || findings.isViewDropped(parent)) continue;
      const parentKey = viewKey(parent);
      if (onPath.has(parentKey)) {
        findings.cut(view, parent, {
          severity: "error",
          code: "CIRCULAR_IMPLEMENTS",
          location: locationOf(view),
          message: `${viewText(view)} implements ${viewText(parent)}, which already implements ${view.externalId}: the views form a cycle; this implements link is left out`,
          suggestion: `Remove ${parent.externalId} from the implements of ${view.externalId}; until then the SDK is generated without that link`,
          canAutoFix: false,
        });
      } else if (!finished.has(parentKey)) {
        visit(parent);
      }
    }
    onPath.delete(key);
    finished.add(key);
  };
  for (const view of index.views) {
    if (!finished.has(viewKey(view)) && !findings.isViewDropped(view)) visit(view);
  }
}

function reportParentsOutsideModel(index: ModelIndex, view: View, findings: Findings): void {
  for (const parent of view.implements) {
    if (index.has(parent)) continue;
    findings.report({
      severity: "info",
      code: "IMPLEMENTS_OUTSIDE_MODEL",
      location: locationOf(view),
      message: `${view.externalId} implements ${viewText(parent)}, which is not in the data model; its inherited properties are generated on ${view.externalId} itself`,
      suggestion: `Add ${parent.externalId} to the data model to get a shared parent class`,
      canAutoFix: true,
    });
  }
}

function reportUsage(index: ModelIndex, view: View, findings: Findings): void {
  if (!view.writable) {
    findings.report({
      severity: "info",
      code: "READ_ONLY_VIEW",
      location: locationOf(view),
      message: `${view.externalId} is not writable (it does not map every required container property): no write class is generated`,
      suggestion: "Map the missing required properties in the view to make it writable",
      canAutoFix: false,
    });
  }
  if (Object.keys(view.properties).length === 0) {
    findings.report({
      severity: "info",
      code: "EMPTY_VIEW",
      location: locationOf(view),
      message: `${view.externalId} has no properties: its class only carries the instance identity`,
      suggestion: "Nothing to do if the view is a marker type",
      canAutoFix: false,
    });
  }
  for (const [identifier, property] of Object.entries(view.properties)) {
    if (findings.isPropertyDropped(view, identifier)) continue;
    for (const { role, view: reference } of referencesOf(property)) {
      const target = index.get(reference);
      if (target === undefined || findings.isViewDropped(target)) continue;
      const location = locationOf(view, identifier);
      const expectsEdges = role === "edgeProperties";
      if (expectsEdges ? target.usedFor === "node" : target.usedFor === "edge") {
        findings.report({
          severity: "warning",
          code: "USED_FOR_MISMATCH",
          location,
          message: expectsEdges
            ? `edge properties of ${identifier} are read through ${target.externalId}, a view used for nodes only`
            : `${identifier} points at nodes of ${target.externalId}, a view used for edges only; no node can match it`,
          suggestion: `Point ${identifier} at a view used for ${expectsEdges ? "edges" : "nodes"} (usedFor ${expectsEdges ? "edge" : "node"} or all)`,
          canAutoFix: false,
        });
      }
      if (view.writable && !target.writable && (role === "directTarget" || role === "edgeTarget")) {
        findings.report({
          severity: "info",
          code: "READ_ONLY_TARGET",
          location,
          message: `${identifier} points at ${target.externalId}, which is not writable: the write class takes node ids for it, not objects`,
          suggestion: `Make ${target.externalId} writable to write connected objects in one call`,
          canAutoFix: false,
        });
      }
    }
  }
}
