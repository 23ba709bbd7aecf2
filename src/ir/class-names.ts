/**
 * Class names for a set of views, in order of precedence:
 *   1. views sharing an externalId across spaces or versions get a qualifier, as pygen v1 did: the version when the
 *      versions tell them apart, else the space, else both (`Implementation1V2`, `Implementation1PygenModelsOther`);
 *   2. reserved words are escaped (`Exception` → `Exception_`);
 *   3. any collision: the view whose externalId already is the name keeps it, the others get 2, 3, …
 */
import { locationOf, type ValidationIssue, viewText } from "./issues.ts";
import { cutWords, describeReservation, escapeIfReserved, identifierWords, limitedWords, limitLength, shortHash } from "./name-words.ts";
import {
  applyRule,
  CLASS_NAME_SLOTS,
  type ClassNameSlot,
  type ClassNames,
  type LanguageNaming,
  type Namespace,
  type Reservation,
  splitWords,
} from "./naming.ts";
import type { IRClass } from "./types.ts";
import { compareText } from "./unique-names.ts";

interface ClassState {
  irClass: IRClass;
  words: string[];
  /** Words telling apart views that share an externalId (a version, a space). */
  qualifier: string[];
  /** 1 unless the view lost a collision; then its names end in this number. */
  rank: number;
}

/** A name several slots of different classes wanted. */
interface Clash {
  slots: ClassNameSlot[];
  name: string;
}

/** The clashes one round found between the same classes, settled the same way. */
interface ClassCollision {
  clashes: Clash[];
  classes: IRClass[];
}

export function planClassNames(irClasses: readonly IRClass[], naming: LanguageNaming, issues: ValidationIssue[]): Map<string, ClassNames> {
  const states = irClasses.map((irClass): ClassState => {
    const { externalId } = irClass.view;
    const { words, cut, length } = limitedWords(externalId, "view", naming.maxNameLength);
    if (cut) {
      issues.push({
        severity: "warning",
        code: "NAME_TOO_LONG",
        location: locationOf(irClass.view),
        message: `the words of ${externalId} are ${length} characters long; its names are made of "${words.join("_")}"`,
        suggestion: "Use a shorter view externalId",
        canAutoFix: true,
      });
    }
    return { irClass, words, qualifier: [], rank: 1 };
  });
  qualifySharedExternalIds(states);
  const { named, collisions } = resolveClassCollisions(states, naming);
  for (const { issues: classIssues } of named.values()) issues.push(...classIssues);
  const classes = new Map([...named].map(([state, { names }]) => [state.irClass.id, names]));
  reportAmbiguousViews(states, classes, issues);
  reportClassCollisions(collisions, classes, issues);
  return classes;
}

/** pygen v1's rule: a version qualifier when versions differ, else a space qualifier, else both. */
function qualifySharedExternalIds(states: ClassState[]): void {
  const byExternalId = new Map<string, ClassState[]>();
  for (const state of states) {
    const externalId = state.irClass.view.externalId;
    byExternalId.set(externalId, [...(byExternalId.get(externalId) ?? []), state]);
  }
  for (const group of byExternalId.values()) {
    if (group.length < 2) continue;
    const distinct = (part: (view: IRClass["view"]) => string) =>
      new Set(group.map((state) => part(state.irClass.view))).size === group.length;
    const useVersion = distinct((view) => view.version);
    const useSpace = !useVersion && distinct((view) => view.space);
    for (const state of group) {
      const versionWords = versionQualifier(state.irClass.view.version);
      const spaceWords = identifierWords(state.irClass.view.space, "space");
      state.qualifier = useVersion ? versionWords : useSpace ? spaceWords : [...spaceWords, ...versionWords];
    }
  }
}

/** Version `2` reads `v2` in a name; a version that already starts with a letter is used as it is. */
function versionQualifier(version: string): string[] {
  const words = splitWords(version);
  if (words.length === 0) return ["v", shortHash(version)];
  return /^[0-9]/.test(words[0] ?? "") ? [`v${words[0]}`, ...words.slice(1)] : words;
}

/** A class's names, and the issues about them (reserved words escaped, names shortened). */
interface NamedClass {
  names: ClassNames;
  issues: ValidationIssue[];
}

function nameClass(state: ClassState, naming: LanguageNaming): NamedClass {
  const issues: ValidationIssue[] = [];
  const { words, qualifier } = qualifiedWords(state, naming, issues);
  const names = {} as ClassNames;
  const escapes = new Map<string, { slots: ClassNameSlot[]; name: string; reservation: Reservation; namespace: Namespace }>();
  for (const slot of CLASS_NAME_SLOTS) {
    const { namespace } = naming.classNames[slot];
    const { converted, name, reservation } = escapeIfReserved(applyRule(words, naming.classNames[slot], qualifier), namespace, naming);
    names[slot] = slot === "fileName" ? limitLength(name, naming.maxFileNameLength) : name;
    if (reservation !== undefined) {
      const escaped = escapes.get(converted) ?? { slots: [], name, reservation, namespace };
      escaped.slots.push(slot);
      escapes.set(converted, escaped);
    }
    if (names[slot] !== name) {
      issues.push({
        severity: "warning",
        code: "NAME_TOO_LONG",
        location: locationOf(state.irClass.view),
        message: `the ${describeSlot(slot)} of ${state.irClass.view.externalId} is ${name.length} characters long; it is shortened to "${names[slot]}"`,
        suggestion: "Use a shorter view externalId",
        canAutoFix: true,
      });
    }
  }
  // One issue per escaped word, however many slots it appears in (`class` is the file and the attribute).
  for (const [converted, { slots, name, reservation, namespace }] of escapes) {
    issues.push({
      severity: "warning",
      code: reservation === "generated" ? "SHADOWED_MEMBER" : "RESERVED_WORD",
      location: locationOf(state.irClass.view),
      message: `the ${slots.map(describeSlot).join(", ")} of ${state.irClass.view.externalId} would be "${converted}", ${describeReservation(converted, reservation, namespace, naming)}; it is "${name}"`,
      suggestion: "Nothing to do: the generated name is escaped; rename the view to avoid the suffix",
      canAutoFix: true,
    });
  }
  return { names, issues };
}

/**
 * A class's words and qualifier (`2` after a lost collision), together no longer than the language's names may be:
 * a qualifier after a long view's words would push its names past the limit, so the words make room for it, cut
 * to end in a hash as a long view's are. A qualifier is kept to half the limit.
 */
function qualifiedWords(state: ClassState, naming: LanguageNaming, issues: ValidationIssue[]): { words: string[]; qualifier: string[] } {
  const maxLength = naming.maxNameLength;
  const wanted = state.rank > 1 ? [...state.qualifier, String(state.rank)] : state.qualifier;
  const half = Math.floor(maxLength / 2);
  const qualifier = wanted.join("_").length > half ? cutWords(wanted, shortHash(wanted.join("_")), half) : wanted;
  const room = maxLength - (qualifier.length === 0 ? 0 : qualifier.join("_").length + 1);
  if (state.words.join("_").length <= room) return { words: state.words, qualifier };
  const words = cutWords(state.words, shortHash(state.irClass.view.externalId), room);
  issues.push({
    severity: "warning",
    code: "NAME_TOO_LONG",
    location: locationOf(state.irClass.view),
    message: `the words of ${state.irClass.view.externalId} and "${qualifier.join("_")}", which tells it apart from views sharing its external id, are longer than ${maxLength} characters; its names are made of "${[...words, ...qualifier].join("_")}"`,
    suggestion: "Use a shorter view externalId",
    canAutoFix: true,
  });
  return { words, qualifier };
}

/**
 * Renames classes until no two share a name in a namespace. Each round settles every collision it finds, grouped
 * by the classes involved, by ranking all but one class. A view's rank only grows and rounds are bounded, so this
 * ends.
 */
function resolveClassCollisions(
  states: ClassState[],
  naming: LanguageNaming,
): { named: Map<ClassState, NamedClass>; collisions: ClassCollision[] } {
  const collisions: ClassCollision[] = [];
  const named = new Map(states.map((state) => [state, nameClass(state, naming)]));
  for (let round = 0; ; round++) {
    const groups = round > states.length ? [] : groupCollisions(named, naming);
    if (groups.length === 0) return { named, collisions };
    const ranked = new Set<ClassState>();
    for (const { claimants, clashes } of groups) {
      const keeper = pickKeeper(claimants, clashes);
      for (const state of claimants) if (state !== keeper) ranked.add(state);
      collisions.push({ clashes, classes: claimants.map((state) => state.irClass) });
    }
    for (const state of ranked) state.rank += 1;
    // Only the classes whose rank changed get new names; the map keeps its order.
    for (const state of ranked) named.set(state, nameClass(state, naming));
  }
}

interface CollisionGroup {
  claimants: ClassState[];
  clashes: Clash[];
}

/** This round's collisions, one group per set of classes, decided before any name changes. */
function groupCollisions(named: Map<ClassState, NamedClass>, naming: LanguageNaming): CollisionGroup[] {
  const groups = new Map<string, CollisionGroup>();
  for (const { name, claims } of collisionsAmong(named, naming)) {
    const claimants = [...new Set(claims.map((claim) => claim.state))].sort((a, b) => compareText(a.irClass.id, b.irClass.id));
    // Two slots of one view sharing a name (a language whose rules give them the same affixes) cannot be told apart
    // by ranking.
    if (claimants.length < 2) continue;
    const key = claimants.map((state) => state.irClass.id).join(" ");
    const group = groups.get(key) ?? { claimants, clashes: [] };
    group.clashes.push({ slots: [...new Set(claims.map((claim) => claim.slot))], name });
    groups.set(key, group);
  }
  for (const group of groups.values()) group.clashes.sort((a, b) => earliestSlot(a) - earliestSlot(b));
  return [...groups.values()];
}

function earliestSlot(clash: Clash): number {
  return Math.min(...clash.slots.map((slot) => CLASS_NAME_SLOTS.indexOf(slot)));
}

/**
 * The class that keeps its names: the one whose externalId already is the name in the earliest slot that clashed
 * (the class name before file names), else the first by view id. Clashes are sorted earliest first.
 */
function pickKeeper(claimants: ClassState[], clashes: Clash[]): ClassState | undefined {
  return claimants.find((state) => state.irClass.view.externalId === clashes[0]?.name) ?? claimants[0];
}

interface SlotClaim {
  state: ClassState;
  slot: ClassNameSlot;
}

function collisionsAmong(named: Map<ClassState, NamedClass>, naming: LanguageNaming): { name: string; claims: SlotClaim[] }[] {
  const claims = new Map<string, SlotClaim[]>();
  for (const [state, { names }] of named) {
    for (const slot of CLASS_NAME_SLOTS) {
      const key = `${naming.classNames[slot].namespace}:${names[slot]}`;
      const claimed = claims.get(key);
      if (claimed === undefined) claims.set(key, [{ state, slot }]);
      else claimed.push({ state, slot });
    }
  }
  return [...claims]
    .filter(([, claimed]) => claimed.length > 1)
    .map(([key, claimed]) => ({ name: key.slice(key.indexOf(":") + 1), claims: claimed }));
}

function reportAmbiguousViews(states: ClassState[], classes: Map<string, ClassNames>, issues: ValidationIssue[]): void {
  for (const state of states) {
    if (state.qualifier.length === 0) continue;
    const { view } = state.irClass;
    const others = states.filter((other) => other !== state && other.irClass.view.externalId === view.externalId);
    issues.push({
      severity: "warning",
      code: "AMBIGUOUS_VIEW_NAME",
      location: locationOf(view),
      message: `${viewText(view)} shares its externalId with ${others.map((other) => viewText(other.irClass.view)).join(", ")}: its class is ${classes.get(state.irClass.id)?.className}`,
      suggestion: "Nothing to do; rename one of the views for shorter class names",
      canAutoFix: true,
    });
  }
}

function reportClassCollisions(collisions: ClassCollision[], classes: Map<string, ClassNames>, issues: ValidationIssue[]): void {
  for (const { clashes, classes: colliding } of collisions) {
    // A ranking changes every name, so the first that clashed is shown.
    const shownSlots = clashes[0]?.slots ?? [];
    const chosen = colliding
      .map((irClass) => `${irClass.view.externalId} → ${shownSlots.map((shown) => classes.get(irClass.id)?.[shown]).join(" / ")}`)
      .join(", ");
    const shownClashes = clashes.slice(0, 1);
    const described = shownClashes.map((clash) => `${clash.slots.map(describeSlot).join(" and ")} "${clash.name}"`).join(" and the ");
    const more = clashes.length > shownClashes.length ? ` (and ${clashes.length - shownClashes.length} more names)` : "";
    const what =
      colliding.length === 1
        ? `${colliding[0]?.view.externalId} has the same ${described}`
        : `${colliding.map((irClass) => irClass.view.externalId).join(" and ")} give the same ${described}${more}`;
    for (const irClass of colliding) {
      issues.push({
        severity: "warning",
        code: "NAME_COLLISION",
        location: locationOf(irClass.view),
        message: `${what}; pygen uses ${chosen}`,
        suggestion: "Nothing to do: the names are disambiguated; rename a view for names of your choice",
        canAutoFix: true,
      });
    }
  }
}

const SLOT_DESCRIPTIONS: Record<ClassNameSlot, string> = {
  className: "class name",
  writeClassName: "write class name",
  listClassName: "list class name",
  writeListClassName: "write list class name",
  apiClassName: "API class name",
  fileName: "module file name",
  clientAttribute: "client attribute",
};

function describeSlot(slot: ClassNameSlot): string {
  return SLOT_DESCRIPTIONS[slot];
}
