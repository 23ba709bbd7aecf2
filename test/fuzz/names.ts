/**
 * Identifiers the model fuzzer draws: names the generated code and its runtime already use (from the generator's
 * own reserved-name list, so the fuzzer keeps up when it grows), the hostile names of test/support, plain words,
 * case and separator variants of names already drawn, and names as long as CDF allows. Every name is checked
 * against CDF's identifier rules (../shared/reference/dms-api.md), so the models stay valid.
 */
import { PROPERTY_IDENTIFIER_PATTERN, SCHEMA_EXTERNAL_ID_PATTERN } from "../../src/client/models.ts";
import { RESERVED_NAMES } from "../../src/generators/python/keywords.ts";
import { RESERVED_PROPERTY_IDENTIFIERS, RESERVED_VIEW_EXTERNAL_IDS } from "../../src/validate/naming.ts";
import { HOSTILE_PROPERTY_NAMES } from "../support/hostile-model.ts";
import type { Random } from "./random.ts";

const ENUM_KEY = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;
const SPACE_SUFFIX = /^[a-zA-Z0-9_]{1,20}$/;
const CDF_RESERVED_ENUM_KEYS = new Set(["true", "false", "null"]);

/** Members of select() steps and filter builders: a connection or property spelled so meets them on a step. */
const STEP_MEMBERS = ["where", "limit", "list_root", "select", "list", "equals", "in_", "prefix", "range", "earliest", "latest"];

const WORDS = (
  "pump asset sensor reading site plant unit valve pipe flow rate level status kind name value item node edge " +
  "parent child owner target source start end time series timeseries file sequence 3D HTTP2 360 id ID url UUID " +
  "data info meta Client API Query Filter Write List Edge Fields min max prefix"
).split(" ");

const COLLIDING = [...new Set([...RESERVED_NAMES, ...HOSTILE_PROPERTY_NAMES, ...STEP_MEMBERS])];

// CDF's rules as the validator applies them; `version` is also kept out, as CDF's documentation asks.
export const isViewId = (name: string) => SCHEMA_EXTERNAL_ID_PATTERN.test(name) && !RESERVED_VIEW_EXTERNAL_IDS.has(name);
export const isPropertyId = (name: string) =>
  PROPERTY_IDENTIFIER_PATTERN.test(name) && name.length <= 255 && !RESERVED_PROPERTY_IDENTIFIERS.has(name) && name !== "version";
const isEnumKey = (name: string) => ENUM_KEY.test(name) && !CDF_RESERVED_ENUM_KEYS.has(name);

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function words(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => random.pick(WORDS));
}

/**
 * The same name in another case or with other separators (`flowRate`, `FlowRate`, `flow_rate`), or spelled as
 * the generator escapes or numbers names (`type_`, `Pump2`).
 */
function variant(random: Random, name: string): string {
  switch (random.int(0, 6)) {
    case 5:
      return `${name}_`;
    case 6:
      return `${name}2`;
    case 0:
      return name.toUpperCase();
    case 1:
      return name.toLowerCase();
    case 2:
      return capitalize(name);
    case 3:
      return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
    default:
      return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  }
}

function long(random: Random, limit: number): string {
  const length = random.chance(0.5) ? limit : random.int(60, limit);
  let name = random.pick(["A", "a", "Very", "x"]);
  while (name.length < length) name += capitalize(random.pick(WORDS).replace(/[^a-zA-Z0-9]/g, ""));
  return name.slice(0, length).replace(/_+$/, "");
}

/** A name drawn from one of the pools; `taken` are names drawn before in the same scope (for variants). */
function draw(random: Random, taken: readonly string[], style: "pascal" | "camel" | "snake", longLimit: number): string {
  const roll = random.next();
  if (roll < 0.35) return random.pick(COLLIDING);
  if (roll < 0.5 && taken.length > 0) return variant(random, random.pick(taken));
  if (roll < 0.54) return long(random, longLimit);
  const parts = words(random, random.int(1, 3));
  if (style === "snake") return parts.join("_").toLowerCase();
  const joined = parts.map(capitalize).join("");
  return style === "pascal" ? joined : joined.charAt(0).toLowerCase() + joined.slice(1);
}

/** A fresh name that `valid` accepts and `taken` lacks, after a few tries; `fallback` otherwise. */
function fresh(taken: readonly string[], valid: (name: string) => boolean, make: () => string, fallback: string): string {
  const used = new Set(taken);
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = make();
    if (valid(name) && !used.has(name)) return name;
  }
  let index = taken.length;
  while (used.has(`${fallback}${index}`)) index++;
  return `${fallback}${index}`;
}

export function viewName(random: Random, taken: readonly string[], others: readonly string[] = []): string {
  return fresh(taken, isViewId, () => draw(random, [...taken, ...others], "pascal", 255), "View");
}

export function propertyName(random: Random, taken: readonly string[], others: readonly string[]): string {
  const make = () => {
    const roll = random.next();
    // Spelled like a view (its class or module name) or with a leading digit or a hyphen.
    if (roll < 0.08 && others.length > 0) return random.chance(0.5) ? random.pick(others) : variant(random, random.pick(others));
    if (roll < 0.11) return `${random.int(1, 9)}${random.pick(WORDS).toLowerCase()}`;
    if (roll < 0.14) return words(random, 2).join("-").toLowerCase();
    return draw(random, taken, random.pick(["camel", "snake"] as const), 255);
  };
  return fresh(taken, isPropertyId, make, "property");
}

export function enumValues(random: Random): string[] {
  const values: string[] = [];
  const count = random.int(1, 6);
  for (let index = 0; index < count; index++) {
    values.push(fresh(values, isEnumKey, () => (random.chance(0.1) ? "_hidden" : draw(random, values, "snake", 127)), "value"));
  }
  return values;
}

export function spaceSuffix(random: Random): string {
  return fresh(
    [],
    (name) => SPACE_SUFFIX.test(name),
    () => draw(random, [], "snake", 20),
    "other",
  );
}
