/**
 * Module-level names the generator adds beside the IR's class names (`PUMP_VIEW`, `PumpFilters`, `PumpStatus`):
 * the package re-exports them all, so each must be unique across the SDK, never take an IR class name, and never
 * take a name the generated modules import or the runtime exports (a view `Node` must not define `NodeFilters`).
 */
export class UniqueNames {
  private readonly taken: Set<string>;

  constructor(
    taken: Iterable<string>,
    private readonly reserved: (name: string) => boolean = () => false,
  ) {
    this.taken = new Set(taken);
  }

  /** The name, or the name with the lowest number after it that is still free. */
  claim(name: string): string {
    let candidate = name;
    for (let attempt = 2; this.taken.has(candidate) || this.reserved(candidate); attempt++) candidate = `${name}${attempt}`;
    this.taken.add(candidate);
    return candidate;
  }
}
