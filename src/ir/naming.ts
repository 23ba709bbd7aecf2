/**
 * Language-neutral naming: splitting CDF identifiers into words, re-joining them in a case convention, and the
 * `LanguageNaming` contract each target language fills in (src/generators/<language>/naming.ts).
 * Names are only ever derived from identifiers here; choosing between colliding names is name-plan.ts's job.
 */

export type Case = "pascal" | "camel" | "snake";

/** How one generated name is spelled: a case and fixed affixes. */
export interface NameRule {
  case: Case;
  prefix?: string;
  suffix?: string;
}

/** The names generated once per view. Each lives in a namespace where it must be unique. */
export const CLASS_NAME_SLOTS = [
  "className",
  "writeClassName",
  "listClassName",
  "writeListClassName",
  "apiClassName",
  "fileName",
  "clientAttribute",
] as const;
export type ClassNameSlot = (typeof CLASS_NAME_SLOTS)[number];
export type ClassNames = Record<ClassNameSlot, string>;

/** The names generated once per data model, used when several models share one SDK. */
export const MODULE_NAME_SLOTS = ["moduleClassName", "moduleAttribute"] as const;
export type ModuleNameSlot = (typeof MODULE_NAME_SLOTS)[number];
export type ModuleNames = Record<ModuleNameSlot, string>;

/** Scopes in which generated names must be unique; reserved words are listed per namespace. */
export type Namespace = "type" | "module" | "client" | "field" | "parameter" | "enumMember";

/**
 * Why a name is taken before the data model is read: a keyword (never a name), a soft keyword (a valid name the
 * language also reads as a keyword in some places), a builtin the name would shadow, or a name the generated code
 * itself uses.
 */
export type Reservation = "keyword" | "softKeyword" | "builtin" | "generated";

/** The filter parameters generated for a property: `name`, `name_prefix`, `min_height`, `max_height`. */
export type FilterOperator = "equals" | "prefix" | "min" | "max";

/** What a target language decides about names. The IR and the validator only talk to this interface. */
export interface LanguageNaming {
  /** The language's key (`python`), recorded in the IR. */
  readonly language: string;
  /** The language's name in messages (`Python`). */
  readonly displayName: string;
  readonly classNames: Readonly<Record<ClassNameSlot, NameRule & { namespace: Namespace }>>;
  readonly moduleNames: Readonly<Record<ModuleNameSlot, NameRule & { namespace: Namespace }>>;
  readonly field: NameRule;
  readonly enumMember: NameRule;
  readonly filterParameters: Readonly<Record<FilterOperator, NameRule>>;
  /** Why a name cannot be used in the namespace (a keyword, a builtin, a member the SDK generates), if it cannot. */
  reservation(name: string, namespace: Namespace): Reservation | undefined;
  /**
   * The reservation of a reserved name in words, as precisely as the language knows it (`Python's builtin type,
   * which it would shadow`); without it, messages name only the kind of reservation.
   */
  explainReservation?(name: string, namespace: Namespace): string | undefined;
  /** The fixed spelling of a reserved name, e.g. `class` → `class_`. */
  escapeReserved(name: string): string;
  /** Longest name allowed for a slot that becomes a file name. */
  readonly maxFileNameLength: number;
  /**
   * Longest a view's words may be, joined by `_`, before its suffixes and qualifiers: longer ones are cut and
   * end in a hash, so every name made of them still fits a line of generated code.
   */
  readonly maxNameLength: number;
}

// ── Words ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Drops accents (é → e) so names stay ASCII; characters with no ASCII form are left for `splitWords` to drop. */
function toAscii(text: string): string {
  // Nearly every identifier is ASCII already; normalising is the slow part, so it is skipped for them.
  return /^[\x20-\x7e]*$/.test(text) ? text : text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/**
 * `windTurbine`, `WindTurbine`, `wind_turbine`, `wind-turbine` and `Wind turbine` all give the words wind and
 * turbine. Words keep their letters' case, so acronyms survive PascalCase (`CDFExternalReferences` stays as it is).
 * Numbers are split as people read them, and as pygen v1 did: after a lowercase letter a number starts a word of its
 * own (`Implementation1` → Implementation, 1; `images360` → images, 360), after capitals it belongs to them
 * (`HTTP2Endpoint` → HTTP2, Endpoint), and it keeps the capitals that follow it unless they start a word
 * (`Cognite3DModel` → Cognite, 3D, Model; `Cognite360Image` → Cognite, 360, Image).
 */
export function splitWords(identifier: string): string[] {
  const spaced = toAscii(identifier)
    .replace(/([a-z])([0-9])/g, "$1 $2")
    .replace(/([A-Z][0-9]+)([A-Z])/g, "$1 $2")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([0-9])([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
  return spaced.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function joinWords(words: readonly string[], wordCase: Case): string {
  switch (wordCase) {
    case "snake":
      return words.map((word) => word.toLowerCase()).join("_");
    case "pascal":
      return words.map(capitalize).join("");
    case "camel":
      return words.map((word, index) => (index === 0 ? word.toLowerCase() : capitalize(word))).join("");
  }
}

/**
 * The name a rule gives to an identifier's words. `qualifier` words (a version or space that tells two views with
 * the same externalId apart) follow the words.
 */
export function applyRule(words: readonly string[], rule: NameRule, qualifier: readonly string[] = []): string {
  const body = joinWords([...words, ...qualifier], rule.case);
  return `${rule.prefix ?? ""}${body}${rule.suffix ?? ""}`;
}
