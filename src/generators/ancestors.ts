/** Ancestry in a class hierarchy, for generators that let generated classes extend their parents. */

/** The items that are no ancestor (through `parentsOf`) of another of them: naming both breaks or repeats a base. */
export function withoutAncestors<T>(items: readonly T[], parentsOf: (item: T) => T[]): T[] {
  return items.filter((candidate) => !items.some((other) => other !== candidate && isAncestor(candidate, other, parentsOf)));
}

/** Whether `candidate` is reached from `of` through `parentsOf`, once or more (cycles end). */
function isAncestor<T>(candidate: T, of: T, parentsOf: (item: T) => T[]): boolean {
  const seen = new Set<T>();
  const stack = [...parentsOf(of)];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === candidate) return true;
    if (seen.has(item)) continue;
    seen.add(item);
    stack.push(...parentsOf(item));
  }
  return false;
}
