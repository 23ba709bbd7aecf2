/**
 * The views a view property points at, with the role each plays. Several rules ask "which views does this
 * property need?"; they all ask here.
 */
import type { ViewProperty, ViewReference } from "../client/models.ts";

export type ReferenceRole =
  /** The node a direct relation points at (its view hint). */
  | "directTarget"
  /** The node at the other end of an edge connection. */
  | "edgeTarget"
  /** The view holding an edge connection's own properties. */
  | "edgeProperties"
  /** The nodes that hold the direct relation a reverse relation follows back. */
  | "reverseSource";

export interface PropertyReference {
  role: ReferenceRole;
  view: ViewReference;
}

export function referencesOf(property: ViewProperty): PropertyReference[] {
  switch (property.kind) {
    case "mapped":
      return property.type.type === "direct" && property.type.source ? [{ role: "directTarget", view: property.type.source }] : [];
    case "edge":
      return [
        { role: "edgeTarget", view: property.source },
        ...(property.edgeSource ? [{ role: "edgeProperties" as const, view: property.edgeSource }] : []),
      ];
    case "reverse":
      return [{ role: "reverseSource", view: property.source }];
  }
}
