/**
 * Module-level names the generator adds beside the IR's class names (`PUMP_VIEW`, `PumpFilters`, `PumpStatus`):
 * the package re-exports them all, so each must be unique across the SDK and never take an IR class name.
 */
export class UniqueNames {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  /** The name, or the name with the lowest number after it that is still free. */
  claim(name: string): string {
    let candidate = name;
    for (let attempt = 2; this.taken.has(candidate); attempt++) candidate = `${name}${attempt}`;
    this.taken.add(candidate);
    return candidate;
  }
}
