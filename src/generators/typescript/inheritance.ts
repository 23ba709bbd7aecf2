/**
 * Which interfaces a view's interfaces extend. A view implementing others gets `interface Pump<C> extends Asset<C>,
 * Equipment<C>` (and `PumpWrite extends AssetWrite, …`, `PumpFilters extends AssetFilters, …`) and declares only
 * the members its parents do not. TypeScript lets an interface extend several, but refuses a member whose type
 * differs from a parent's and two parents that declare one member differently; so a parent is extended only when
 * every member of its interface is on the child's exactly alike (same name, type and optionality), and the child
 * otherwise declares everything itself. Parents that are ancestors of another parent come in through that one
 * (diamonds are fine: the members agree), a read-only parent has no write interface to extend, and edge classes
 * stay flat. The IR has already cut `implements` cycles; parents that are not in the SDK are not extended.
 */
import type { ViewDecisions } from "../../plan/sdk-plan.ts";
import { withoutAncestors } from "../ancestors.ts";
import { type InterfaceKind, interfaceMembers } from "./members.ts";
import type { SdkNames } from "./sdk-names.ts";

// Worked out once per view and kind: each view's interfaces, its children's and the client ask again.
const basesCache = new WeakMap<ViewDecisions, Map<InterfaceKind, ViewDecisions[]>>();
const genericCache = new WeakMap<ViewDecisions, boolean>();

/** The views whose interface of `kind` the view's extends, in the model's order of its parents. */
export function interfaceBases(view: ViewDecisions, kind: InterfaceKind, names: SdkNames): ViewDecisions[] {
  const byKind = basesCache.get(view) ?? new Map<InterfaceKind, ViewDecisions[]>();
  basesCache.set(view, byKind);
  const known = byKind.get(kind);
  if (known !== undefined) return known;
  const bases = decideBases(view, kind, names);
  byKind.set(kind, bases);
  return bases;
}

function decideBases(view: ViewDecisions, kind: InterfaceKind, names: SdkNames): ViewDecisions[] {
  if (view.kind === "edge") return [];
  const parentsOf = (of: ViewDecisions) =>
    of.irClass.parents
      .flatMap((id) => names.view(id) ?? [])
      .filter((parent) => parent.kind === "node" && (kind !== "write" || parent.writable));
  const parents = parentsOf(view);
  const direct = withoutAncestors(parents, parentsOf);
  const own = interfaceMembers(view, kind, names);
  const alike = (parent: ViewDecisions) =>
    [...interfaceMembers(parent, kind, names)].every(([key, member]) => sameLines(own.get(key)?.lines, member.lines));
  return direct.filter(alike);
}

/**
 * Whether a view's read type takes the connections parameter: it has a member typed by it (a direct relation or
 * edge to a node view) or extends a read type that takes it.
 */
export function isGenericRead(view: ViewDecisions, names: SdkNames): boolean {
  const known = genericCache.get(view);
  if (known !== undefined) return known;
  const members = [...interfaceMembers(view, "read", names).values()];
  const generic =
    view.kind === "node" &&
    (members.some((member) => member.generic) || interfaceBases(view, "read", names).some((base) => isGenericRead(base, names)));
  genericCache.set(view, generic);
  return generic;
}

function sameLines(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((line, index) => line === b[index]);
}
