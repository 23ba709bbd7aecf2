/**
 * The `from module import name` block of a Python file, in the order ruff's isort rules (`I`) expect.
 */
import type { Layout } from "../../emit/code-writer.ts";

/** Where a layout puts a module the fragment builders import from; undefined: in the module being written. */
export type Relocate = (module: string) => string | undefined;

/** isort's sections, in the order ruff's `I` rules expect them. */
export type ImportSection = "future" | "stdlib" | "thirdParty" | "local";
const SECTIONS: readonly ImportSection[] = ["future", "stdlib", "thirdParty", "local"];

/**
 * The `from module import name` statements of one file, sorted as ruff's isort rules want: sections in order,
 * modules by name (relative ones furthest first), names constants first, then classes, then the rest, each group
 * case-insensitively.
 */
/** The vendored runtime, as a view's modules import it in the nested layout (the layouts relocate it). */
export const RUNTIME = ".._runtime";

export class ImportSet {
  private readonly modules = new Map<string, { section: ImportSection; names: Set<string> }>();
  private readonly plainModules = new Map<string, ImportSection>();

  /**
   * `relocate` maps the local modules named to where the package layout puts them (package-layout.ts); none
   * when the names are defined in the module being written (single_file), which then imports nothing for them.
   */
  constructor(private readonly relocate: Relocate = (module) => module) {}

  /** `import module`. */
  addModule(section: ImportSection, module: string): this {
    this.plainModules.set(module, section);
    return this;
  }

  add(section: ImportSection, named: string, ...names: string[]): this {
    const module = section === "local" ? this.relocate(named) : named;
    if (module === undefined) return this;
    const entry = this.modules.get(module) ?? { section, names: new Set<string>() };
    for (const name of names) entry.names.add(name);
    this.modules.set(module, entry);
    return this;
  }

  /** Adds every import of `other`: one block for a module that holds several modules' code. */
  absorb(other: ImportSet): this {
    for (const [module, section] of other.plainModules) this.addModule(section, module);
    for (const [module, { section, names }] of other.modules) this.add(section, module, ...names);
    return this;
  }

  /** The import block, sections separated by one blank line. */
  render(layout: Layout): string[] {
    const blocks: string[][] = [];
    for (const section of SECTIONS) {
      const plain = [...this.plainModules].filter(([, moduleSection]) => moduleSection === section).map(([module]) => module);
      const modules = [...this.modules].filter(([, entry]) => entry.section === section && entry.names.size > 0);
      if (modules.length === 0 && plain.length === 0) continue;
      modules.sort(([a], [b]) => compareModules(a, b));
      // Within a section isort puts `import x` lines before `from x import y` lines.
      blocks.push([
        ...plain.sort(compareModules).map((module) => `import ${module}`),
        ...modules.flatMap(([module, entry]) => {
          const names = sortImportedNames(entry.names);
          const flat = `from ${module} import ${names.join(", ")}`;
          // Imports that do not fit are exploded one name per line; formatters never half-wrap them.
          return flat.length <= layout.lineLength
            ? [flat]
            : [`from ${module} import (`, ...names.map((name) => `${layout.indent}${name},`), ")"];
        }),
      ]);
    }
    return blocks.flatMap((block, index) => (index === 0 ? block : ["", ...block]));
  }
}

function compareModules(a: string, b: string): number {
  const dots = (module: string) => module.length - module.replace(/^\.+/, "").length;
  return dots(b) - dots(a) || compareCaseless(a, b);
}

function nameKind(name: string): number {
  if (name.length > 1 && name === name.toUpperCase()) return 0;
  return /^[A-Z]/.test(name) ? 1 : 2;
}

function compareCaseless(a: string, b: string): number {
  return compareNatural(a.toLowerCase(), b.toLowerCase()) || compareNatural(a, b);
}

/**
 * Natural order, as ruff's isort compares names: runs of digits by their value (`pump2` before `pump10`), the
 * rest by code point.
 */
export function compareNatural(a: string, b: string): number {
  const runs = /\d+|\D+/g;
  const partsA = a.match(runs) ?? [];
  const partsB = b.match(runs) ?? [];
  for (let index = 0; index < Math.min(partsA.length, partsB.length); index++) {
    const x = partsA[index] as string;
    const y = partsB[index] as string;
    if (x === y) continue;
    // A run with a leading zero compares digit by digit, as a fraction would (natord's rule); others by length.
    if (/^\d/.test(x) && /^\d/.test(y) && !x.startsWith("0") && !y.startsWith("0") && x.length !== y.length) {
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return partsA.length - partsB.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Imported names in isort's order: constants, then classes, then the rest, each group case-insensitively. */
export function sortImportedNames(names: Iterable<string>): string[] {
  // Each name's sort key is worked out once, not at every comparison.
  return [...names]
    .map((name) => ({ name, kind: nameKind(name), lower: name.toLowerCase() }))
    .sort((a, b) => a.kind - b.kind || compareNatural(a.lower, b.lower) || compareNatural(a.name, b.name))
    .map(({ name }) => name);
}
