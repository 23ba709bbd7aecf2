/**
 * Language-neutral naming: splitting CDF identifiers into words, re-joining them in a case convention, singular and
 * plural forms, and the `LanguageNaming` contract each target language fills in (src/generators/<language>/naming.ts).
 * Names are only ever derived from identifiers here; choosing between colliding names is name-plan.ts's job.
 */

export type Case = "pascal" | "camel" | "snake";
export type GrammaticalNumber = "unchanged" | "singular" | "plural";

/** How one generated name is spelled: a case, a grammatical number for the last word, and fixed affixes. */
export interface NameRule {
  case: Case;
  number?: GrammaticalNumber;
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
  "variable",
  "variableList",
] as const;
export type ClassNameSlot = (typeof CLASS_NAME_SLOTS)[number];
export type ClassNames = Record<ClassNameSlot, string>;

/** The names generated once per data model, used when several models share one SDK. */
export const MODULE_NAME_SLOTS = ["moduleClassName", "moduleAttribute"] as const;
export type ModuleNameSlot = (typeof MODULE_NAME_SLOTS)[number];
export type ModuleNames = Record<ModuleNameSlot, string>;

/** Scopes in which generated names must be unique; reserved words are listed per namespace. */
export type Namespace = "type" | "module" | "client" | "variable" | "field" | "parameter" | "enumMember";

/** Why a name is taken before the data model is read. */
export type Reservation = "keyword" | "builtin" | "generated";

/** The filter parameters generated for a property: `name`, `name_prefix`, `min_height`, `max_height`. */
export type FilterOperator = "equals" | "prefix" | "min" | "max";

/** What a target language decides about names. The IR and the validator only talk to this interface. */
export interface LanguageNaming {
  /** The language's key (`python`), recorded in the IR. */
  readonly language: string;
  /** The language's name in messages (`Python`). */
  readonly displayName: string;
  readonly classNames: Readonly<Record<ClassNameSlot, NameRule & { namespace: Namespace }>>;
  /**
   * Rules used instead, for the classes whose names collided only because of singular/plural forms (Pump and
   * Pumps both pluralise to `pumps`): the literal form of the identifier cannot collide that way.
   */
  readonly literalClassNames: Readonly<Partial<Record<ClassNameSlot, NameRule>>>;
  readonly moduleNames: Readonly<Record<ModuleNameSlot, NameRule & { namespace: Namespace }>>;
  readonly field: NameRule;
  readonly enumMember: NameRule;
  readonly filterParameters: Readonly<Record<FilterOperator, NameRule>>;
  /** Why a name cannot be used in the namespace (a keyword, a builtin, a member the SDK generates), if it cannot. */
  reservation(name: string, namespace: Namespace): Reservation | undefined;
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

// ── Singular and plural (English, last word only) ───────────────────────────────────────────────────────────

/** Words whose singular and plural are the same; `timeseries` is everywhere in CDF. */
const INVARIANT_WORDS = new Set(["series", "timeseries", "species", "data", "metadata", "equipment", "information", "news", "sheep"]);
const SINGULAR_ENDINGS_IN_S = ["ss", "us", "is", "os", "as"];

const endsWithAny = (word: string, endings: readonly string[]) => endings.some((ending) => word.endsWith(ending));
const VOWELS = "aeiou";
/** The letter before an ending of the given length is a consonant (`battery`, not `day`). */
const consonantBefore = (word: string, endingLength: number) => !VOWELS.includes(word.charAt(word.length - endingLength - 1));

/** The singular of an English word, in the word's own case (`Pumps` → `Pump`). */
export function singularize(word: string): string {
  const lower = word.toLowerCase();
  if (INVARIANT_WORDS.has(lower) || lower.length < 3) return word;
  if (lower.endsWith("ies") && lower.length > 3 && consonantBefore(lower, 3)) return `${word.slice(0, -3)}${matchCase("y", word)}`;
  if (endsWithAny(lower, ["sses", "xes", "zes", "ches", "shes"])) return word.slice(0, -2);
  if (lower.endsWith("s") && !endsWithAny(lower, SINGULAR_ENDINGS_IN_S)) return word.slice(0, -1);
  return word;
}

/** The plural of an English word, in the word's own case (`Battery` → `Batteries`); plurals stay as they are. */
export function pluralize(word: string): string {
  const lower = word.toLowerCase();
  if (INVARIANT_WORDS.has(lower) || singularize(word) !== word) return word;
  if (lower.endsWith("y") && lower.length > 1 && consonantBefore(lower, 1)) return `${word.slice(0, -1)}${matchCase("ies", word)}`;
  if (endsWithAny(lower, ["s", "x", "z", "ch", "sh"])) return `${word}${matchCase("es", word)}`;
  return `${word}${matchCase("s", word)}`;
}

/** An ending in upper case when the word is all upper case (`ID` → `IDS`, read back as `ids`). */
function matchCase(ending: string, word: string): string {
  return word.length > 1 && word === word.toUpperCase() ? ending.toUpperCase() : ending;
}

function applyNumber(words: readonly string[], number: GrammaticalNumber): string[] {
  const last = words.at(-1);
  if (number === "unchanged" || last === undefined) return [...words];
  const changed = number === "plural" ? pluralize(last) : singularize(last);
  return [...words.slice(0, -1), changed];
}

/**
 * The name a rule gives to an identifier's words. `qualifier` words (a version or space that tells two views with
 * the same externalId apart) follow the words and are never singularised or pluralised themselves.
 */
export function applyRule(words: readonly string[], rule: NameRule, qualifier: readonly string[] = []): string {
  const body = joinWords([...applyNumber(words, rule.number ?? "unchanged"), ...qualifier], rule.case);
  return `${rule.prefix ?? ""}${body}${rule.suffix ?? ""}`;
}
