/**
 * Which generated classes extend which. A view's read, write and filters classes extend those of its parents in
 * the SDK (`class Pump(Asset)`, `class PumpWrite(AssetWrite)`, `class PumpFilters(AssetFilters)`) and declare
 * only the fields they add. A parent is left out, and its fields declared again on the child, where Python could
 * not express the link: the child redefines one of the parent's fields (another type, name or default; mypy
 * refuses an incompatible override) or filters it otherwise, the bases cannot be ordered (no C3
 * linearization), or a read-only child would inherit two different `as_write`. The IR has already cut
 * `implements` cycles; parents that are not generated are not bases.
 */
import type { IRProperty } from "../../ir/types.ts";
import { withoutAncestors } from "../ancestors.ts";
import type { ViewPlan } from "./view-plan.ts";

export interface ClassBases {
  /** Plans whose read and filters classes this view's extend; empty: the runtime bases, every field declared. */
  read: ViewPlan[];
  /**
   * Plans whose write classes this view's write class extends: those whose write classes the read bases'
   * `as_write` return (a read-only parent passes on its own parents'). Empty for a read-only view.
   */
  write: ViewPlan[];
  /** CDF identifiers of the fields the read bases declare, and of those the write bases declare. */
  inheritedRead: ReadonlySet<string>;
  inheritedWrite: ReadonlySet<string>;
  /** A write base defaults `node_type` (its view filters on one): a view without a node type of its own resets it. */
  inheritsNodeType: boolean;
}

/** No parent extended: the runtime bases. */
export const FLAT: ClassBases = { read: [], write: [], inheritedRead: new Set(), inheritedWrite: new Set(), inheritsNodeType: false };

/** The bases of every plan's classes, by class id. */
export function planBases(plans: readonly ViewPlan[]): Map<string, ClassBases> {
  const byId = new Map(plans.map((plan) => [plan.irClass.id, plan]));
  const bases = new Map<string, ClassBases>();
  const basesOf = (plan: ViewPlan): ClassBases => {
    const known = bases.get(plan.irClass.id);
    if (known !== undefined) return known;
    const decided = decide(plan, byId, basesOf);
    bases.set(plan.irClass.id, decided);
    return decided;
  };
  for (const plan of plans) basesOf(plan);
  return bases;
}

function decide(plan: ViewPlan, byId: ReadonlyMap<string, ViewPlan>, basesOf: (plan: ViewPlan) => ClassBases): ClassBases {
  // Edge classes stay flat: each types `end_node` with the nodes of its own view's edges.
  if (plan.kind === "edge") return FLAT;
  const modelParents = (of: ViewPlan) => of.irClass.parents.flatMap((id) => byId.get(id) ?? []).filter((parent) => parent.kind === "node");
  const parents = modelParents(plan);
  // A parent that is an ancestor of another parent comes in through that one; naming it too breaks the MRO.
  const direct = withoutAncestors(parents, modelParents);
  const owners = (chosen: ViewPlan[]) => unique(chosen.flatMap((parent) => writeOwners(parent, basesOf)));
  const compatible = direct.filter((parent) => [parent, ...owners([parent])].every((base) => extendsCleanly(plan, base)));
  if (compatible.length === 0) return FLAT;
  // A writable view's `as_write` returns its write class, which must extend what the bases' `as_write` return.
  const writeBases = (chosen: ViewPlan[]) => (plan.writable ? withoutAncestors(owners(chosen), (of) => basesOf(of).write) : []);
  const expressible = (chosen: ViewPlan[]) =>
    linearize(plan, chosen, (of) => basesOf(of).read) !== undefined &&
    linearize(plan, writeBases(chosen), (of) => basesOf(of).write) !== undefined &&
    // A read-only view inherits `as_write`: bases that each bring another one would conflict.
    (plan.writable || owners(chosen).length <= 1);
  const read = expressible(compatible) ? compatible : compatible.slice(0, 1);
  const write = writeBases(read);
  const identifiers = (chosen: ViewPlan[]) => new Set(chosen.flatMap((parent) => parent.fields.map((field) => field.identifier)));
  const nodeTypeIn = (of: ViewPlan): boolean => of.nodeType !== undefined || basesOf(of).write.some(nodeTypeIn);
  return {
    read,
    write,
    inheritedRead: identifiers(read),
    inheritedWrite: identifiers(write),
    inheritsNodeType: write.some(nodeTypeIn),
  };
}

/** The views whose write classes a view's read class returns from `as_write`: its own, or its bases' owners. */
function writeOwners(plan: ViewPlan, basesOf: (plan: ViewPlan) => ClassBases): ViewPlan[] {
  return plan.writable ? [plan] : unique(basesOf(plan).read.flatMap((parent) => writeOwners(parent, basesOf)));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Every field of the parent is on the child, generated alike: same name, type, write default and filters. */
function extendsCleanly(child: ViewPlan, parent: ViewPlan): boolean {
  const childKeys = fieldKeys(child);
  for (const [identifier, key] of fieldKeys(parent)) if (childKeys.get(identifier) !== key) return false;
  return true;
}

const fieldKeysByPlan = new WeakMap<ViewPlan, Map<string, string>>();

/** Each field's identifier → what its generated lines depend on, as one comparable string; worked out once a plan. */
function fieldKeys(plan: ViewPlan): Map<string, string> {
  const known = fieldKeysByPlan.get(plan);
  if (known !== undefined) return known;
  const filters = new Map<IRProperty, string[]>();
  for (const { name, operator, property } of plan.filters) filters.set(property, [...(filters.get(property) ?? []), `${name}:${operator}`]);
  const keys = new Map(
    plan.fields.map((field) => {
      const { name, type, requiredOnWrite, defaultValue, relationship } = field;
      const key = JSON.stringify(
        { name, type, requiredOnWrite, defaultValue, relationship, filters: filters.get(field) ?? [] },
        (_, value) => (typeof value === "bigint" ? `${value}n` : value),
      );
      return [field.identifier, key];
    }),
  );
  fieldKeysByPlan.set(plan, keys);
  return keys;
}

/** Python's C3 method resolution order of a class with these bases; undefined when there is none. */
function linearize(plan: ViewPlan, bases: ViewPlan[], basesOf: (plan: ViewPlan) => ViewPlan[]): ViewPlan[] | undefined {
  const sequences: ViewPlan[][] = [];
  for (const base of bases) {
    const order = linearize(base, basesOf(base), basesOf);
    if (order === undefined) return undefined;
    sequences.push(order);
  }
  sequences.push([...bases]);
  const result = [plan];
  for (;;) {
    const remaining = sequences.filter((sequence) => sequence.length > 0);
    if (remaining.length === 0) return result;
    const head = remaining
      .map((sequence) => sequence[0] as ViewPlan)
      .find((candidate) => !remaining.some((sequence) => sequence.indexOf(candidate) > 0));
    if (head === undefined) return undefined;
    result.push(head);
    for (const sequence of remaining) if (sequence[0] === head) sequence.shift();
  }
}
