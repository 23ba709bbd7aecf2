/**
 * What the validator reports. Codes are stable (scripts and CI match on them); messages are for people.
 *
 * Severities say what happens to the generated SDK:
 *   error   — something is left out of it (dropped from the filtered model) or an implements cycle is cut;
 *   warning — it is generated, but fixed or degraded automatically (a renamed field, an untyped reference);
 *   info    — worth knowing, changes nothing.
 */

export type Severity = "error" | "warning" | "info";

export const ISSUE_CODES = [
  // relationships
  "UNKNOWN_SOURCE_VIEW",
  "UNKNOWN_EDGE_SOURCE",
  "MISSING_REVERSE_RELATION",
  "REVERSE_THROUGH_NOT_DIRECT",
  "REVERSE_THROUGH_OTHER_VIEW",
  "UNTYPED_DIRECT_RELATION",
  // type references
  "UNKNOWN_PROPERTY_TYPE",
  "ENUM_WITHOUT_VALUES",
  "INVALID_ENUM_VALUE",
  "LIST_LIMIT",
  // structure
  "CIRCULAR_IMPLEMENTS",
  "IMPLEMENTS_OUTSIDE_MODEL",
  "DUPLICATE_VIEW",
  "UNSUPPORTED_VIEW_USAGE",
  "USED_FOR_MISMATCH",
  "READ_ONLY_VIEW",
  "READ_ONLY_TARGET",
  "EMPTY_VIEW",
  // naming
  "INVALID_IDENTIFIER",
  "RESERVED_WORD",
  "SHADOWED_MEMBER",
  "NAME_COLLISION",
  "AMBIGUOUS_VIEW_NAME",
  "NAME_TOO_LONG",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface ValidationIssue {
  severity: Severity;
  code: IssueCode;
  /** `space/View/property` (or `space/View` for a view, `space/Model` for a data model). */
  location: string;
  message: string;
  suggestion: string;
  /** True when pygen fixes it by itself (a renamed field, a cut cycle, a fallback type); nothing for the user to do. */
  canAutoFix: boolean;
}

/** The parts of a view or data model identifier a location needs. */
export interface Located {
  space: string;
  externalId: string;
}

/** A `/` inside a part would make the location ambiguous, so parts escape `%` and `/` as in URLs. */
function locationPart(text: string): string {
  // Locations are built for every property checked; real identifiers never need escaping, so skip the work.
  if (!text.includes("/") && !text.includes("%")) return text;
  return text.replaceAll("%", "%25").replaceAll("/", "%2F");
}

export function locationOf(owner: Located, property?: string): string {
  const parts = property === undefined ? [owner.space, owner.externalId] : [owner.space, owner.externalId, property];
  return parts.map(locationPart).join("/");
}

/** `space/externalId/version`, the text form of a view reference in messages. */
export function viewText(view: Located & { version: string }): string {
  return `${view.space}/${view.externalId}/${view.version}`;
}
