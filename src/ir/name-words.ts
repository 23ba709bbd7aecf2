/**
 * Helpers every part of the name plan shares: turning an identifier into words that always make a usable name,
 * escaping reserved words, shortening, and describing why a name was changed.
 */
import { type LanguageNaming, type Namespace, type Reservation, splitWords } from "./naming.ts";

/**
 * The words of an identifier, always usable as a name: identifiers with no ASCII letters or digits get a stable
 * hash, and identifiers starting with a digit get the role word in front (`3phase` → `property_3phase`).
 */
export function identifierWords(identifier: string, role: string): string[] {
  const words = splitWords(identifier);
  if (words.length === 0) return [role, shortHash(identifier)];
  return /^[0-9]/.test(words[0] ?? "") ? [role, ...words] : words;
}

/** The words names are made of for one identifier; `cut` when they had to be shortened (`length` is the uncut one). */
export interface NameWords {
  words: string[];
  cut: boolean;
  /** Length of the identifier's whole words joined by `_`. */
  length: number;
}

/**
 * The words of an identifier (see identifierWords), cut so that, joined by `_`, they are at most `maxLength` long,
 * the last replaced by a hash of the whole identifier so two long names sharing a start stay apart.
 */
export function limitedWords(identifier: string, role: string, maxLength: number): NameWords {
  const words = identifierWords(identifier, role);
  const length = words.join("_").length;
  if (length <= maxLength) return { words, cut: false, length };
  return { words: cutWords(words, shortHash(identifier), maxLength), cut: true, length };
}

/** Words cut so that, with `hash` after them and joined by `_`, they are at most `maxLength` long. */
export function cutWords(words: readonly string[], hash: string, maxLength: number): string[] {
  const kept: string[] = [];
  let keptLength = hash.length;
  for (const word of words) {
    const room = maxLength - keptLength - 1;
    if (room <= 0) break;
    const part = word.slice(0, room);
    kept.push(part);
    keptLength += part.length + 1;
  }
  return [...kept, hash];
}

/** FNV-1a, 32 bits, as hex: short, stable across runs and platforms. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const character of text) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export interface Escaped {
  /** The name the rule gave. */
  converted: string;
  /** The name used: `converted`, or its escaped form when it is reserved. */
  name: string;
  reservation?: Reservation;
}

export function escapeIfReserved(converted: string, namespace: Namespace, naming: LanguageNaming): Escaped {
  const reservation = naming.reservation(converted, namespace);
  return reservation === undefined ? { converted, name: converted } : { converted, name: naming.escapeReserved(converted), reservation };
}

/** Long names are cut and end in a hash of the whole name, so two long names sharing a start stay apart. */
export function limitLength(name: string, maxLength: number): string {
  if (name.length <= maxLength) return name;
  return `${name.slice(0, maxLength - 9)}_${shortHash(name)}`;
}

/** Why `name` is escaped, for messages: the language's own words when it has them. */
export function describeReservation(name: string, reservation: Reservation, namespace: Namespace, naming: LanguageNaming): string {
  const explained = naming.explainReservation?.(name, namespace);
  if (explained !== undefined) return explained;
  if (reservation === "keyword") return `a ${naming.displayName} keyword`;
  if (reservation === "softKeyword") return `a ${naming.displayName} soft keyword`;
  if (reservation === "builtin") return `the name of a ${naming.displayName} builtin, which it would shadow`;
  return "a name the generated SDK already uses";
}
