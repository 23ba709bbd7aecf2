/**
 * Deterministic tie-breaking for names that must be unique in one scope (the fields of a class, the filter
 * parameters of an API, the members of an enum). The claimant whose identifier already is the name keeps it
 * (`my_prop` keeps `my_prop` over `myProp`); the others follow in identifier order and get `_2`, `_3`, … through the
 * language's own rule, so the result does not depend on property order in the model file.
 */

export interface NameClaim {
  /** The CDF identifier the name comes from. */
  identifier: string;
  /** The name the language's rule gives it. */
  name: string;
}

export interface SettledName {
  identifier: string;
  name: string;
  /** The identifiers that wanted the same name, when this one had to give way. */
  collidedWith?: string[];
  /** The alternative it got then: `rename(claim, attempt)`. */
  attempt?: number;
}

/** `rename(claim, n)` spells the n-th alternative (n ≥ 2) of a claimant's name. */
export function settleNames<Claim extends NameClaim>(
  claims: readonly Claim[],
  rename: (claim: Claim, attempt: number) => string,
): SettledName[] {
  const byName = new Map<string, Claim[]>();
  for (const claim of claims) {
    const claimants = byName.get(claim.name);
    if (claimants === undefined) byName.set(claim.name, [claim]);
    else claimants.push(claim);
  }
  // Most scopes have no collision at all; then every claim simply keeps its name.
  if (byName.size === claims.length) return claims.map((claim) => ({ identifier: claim.identifier, name: claim.name }));
  const taken = new Set(byName.keys());
  const settled = new Map<string, SettledName>();
  for (const [name, claimants] of byName) {
    const [keeper, ...losers] = claimants.sort(
      (a, b) => Number(b.identifier === name) - Number(a.identifier === name) || compareText(a.identifier, b.identifier),
    );
    if (keeper === undefined) continue;
    settled.set(keeper.identifier, { identifier: keeper.identifier, name });
    for (const loser of losers) {
      let attempt = 2;
      let alternative = rename(loser, attempt);
      while (taken.has(alternative)) alternative = rename(loser, ++attempt);
      taken.add(alternative);
      const others = claimants.filter((claim) => claim !== loser).map((claim) => claim.identifier);
      settled.set(loser.identifier, { identifier: loser.identifier, name: alternative, collidedWith: others, attempt });
    }
  }
  return claims.map((claim) => settled.get(claim.identifier) ?? { identifier: claim.identifier, name: claim.name });
}

/** Code-point order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
