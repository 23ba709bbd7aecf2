/**
 * What the validator reports. Codes are stable (scripts and CI match on them); messages are for people.
 *
 * Severities say what happens to the generated SDK, the same for `pygen validate` and `pygen generate`:
 *   error   — a part of the model is left out of it: a data model, view or property dropped from the filtered
 *             model, or an implements link cut from a cycle;
 *   warning — it is generated, but changed or degraded (a renamed field, an untyped reference), or CDF would
 *             refuse it when the model is saved (a reserved identifier);
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
  // parts of a model file that cannot be read
  "INVALID_VIEW",
  "INVALID_PROPERTY",
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
  "RESERVED_IDENTIFIER",
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
  /**
   * True when the generated SDK has all of it without the user doing anything (a renamed field, a fallback type).
   * Never for an error (a part is missing until the model is fixed) nor for what CDF refuses.
   */
  canAutoFix: boolean;
}

/** The parts of a view or data model identifier a location needs. */
export interface Located {
  space: string;
  externalId: string;
}

/**
 * A `/` inside a part would make the location ambiguous, and a control character (a line break) would break the
 * line it is shown on (a terminal, the generated README): parts escape them, and `%`, as in URLs.
 */
function locationPart(text: string): string {
  // Locations are built for every property checked; real identifiers never need escaping, so skip the work.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPED, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is escaped.
const ESCAPED = /[%/\x00-\x1f\x7f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const NEEDS_ESCAPE = /[%/\x00-\x1f\x7f]/;

export function locationOf(owner: Located, property?: string): string {
  const parts = property === undefined ? [owner.space, owner.externalId] : [owner.space, owner.externalId, property];
  return parts.map(locationPart).join("/");
}

/** `space/externalId/version`, the text form of a view reference in messages. */
export function viewText(view: Located & { version: string }): string {
  return `${view.space}/${view.externalId}/${view.version}`;
}

/** Identifiers under test may hold quotes, slashes or control characters; show them escaped and bounded. */
export function quote(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return `${JSON.stringify(shown)}${text.length > 80 ? ` (${text.length} characters)` : ""}`;
}
