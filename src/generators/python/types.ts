/**
 * IR types → Python type spellings: the one table every generated file takes its types from. A property has
 * three spellings: as read (tolerant: an enum also accepts values added on the server later), as written
 * (strict), and as a keyword filter value (what the DMS filter compares against).
 */

import type { IRPrimitive, IRProperty, IRType } from "../../ir/types.ts";
import type { ImportSet } from "./imports.ts";

/** Where a name in a type spelling is imported from. */
type Origin = "runtime" | "datetime" | "typing";

interface Spelling {
  /** The Python type. */
  type: string;
  /** Names the type needs, by where they come from. */
  needs: [Origin, string][];
}

const spelled = (type: string, ...needs: [Origin, string][]): Spelling => ({ type, needs });

/** Value types, as stored in fields. */
const PRIMITIVE_FIELDS: Readonly<Record<IRPrimitive, Spelling>> = {
  string: spelled("str"),
  boolean: spelled("bool"),
  int32: spelled("int"),
  int64: spelled("int"),
  float32: spelled("float"),
  float64: spelled("float"),
  timestamp: spelled("Timestamp", ["runtime", "Timestamp"]),
  date: spelled("Date", ["runtime", "Date"]),
  json: spelled("dict[str, Any]", ["typing", "Any"]),
};

/** Filter values: plain Python types, since filters are never parsed, only dumped. */
const PRIMITIVE_FILTERS: Readonly<Partial<Record<IRPrimitive, Spelling>>> = {
  timestamp: spelled("datetime", ["datetime", "datetime"]),
  date: spelled("date", ["datetime", "date"]),
};

export type Usage = "read" | "write";

/**
 * The spelling of a property's type in a read or write class; `enumAlias` names the property's Literal alias,
 * `reference` spells a node reference (a direct relation's value, which may be a generated class).
 */
export function fieldSpelling(type: IRType, usage: Usage, enumAlias: string | undefined, reference?: string): Spelling {
  switch (type.kind) {
    case "primitive":
      return PRIMITIVE_FIELDS[type.primitive];
    case "enum": {
      const alias = enumAlias ?? "str";
      // A value the server gained after generation must still parse; writes are held to the known values.
      return usage === "read" ? spelled(`${alias} | str`) : spelled(alias);
    }
    case "cdfReference":
      // Timeseries, files and sequences are referenced by external id.
      return spelled("str");
    case "nodeReference":
      return reference === undefined ? spelled("DirectRelation", ["runtime", "DirectRelation"]) : spelled(reference);
    case "list": {
      const element = fieldSpelling(type.element, usage, enumAlias, reference);
      return spelled(`list[${element.type}]`, ...element.needs);
    }
    case "nullable": {
      const inner = fieldSpelling(type.inner, usage, enumAlias, reference);
      return spelled(`${inner.type} | None`, ...inner.needs);
    }
  }
}

/** The value type of one filter parameter, or undefined when the property's type has no comparable value. */
export function filterValueSpelling(type: IRType, enumAlias: string | undefined): Spelling | undefined {
  switch (type.kind) {
    case "primitive":
      return PRIMITIVE_FILTERS[type.primitive] ?? PRIMITIVE_FIELDS[type.primitive];
    case "enum":
      return spelled(enumAlias ?? "str");
    case "nodeReference":
      return spelled("NodeId", ["runtime", "NodeId"]);
    case "nullable":
      return filterValueSpelling(type.inner, enumAlias);
    default:
      return undefined;
  }
}

/** The type without its nullable wrapper. */
export function valueType(type: IRType): IRType {
  return type.kind === "nullable" ? type.inner : type;
}

/** The enum a property holds (directly or as list elements), if any. */
export function enumOf(property: IRProperty): Extract<IRType, { kind: "enum" }> | undefined {
  const type = valueType(property.type);
  const element = type.kind === "list" ? valueType(type.element) : type;
  return element.kind === "enum" ? element : undefined;
}

/** Records what a spelling needs in a file's imports. */
export function importSpelling(imports: ImportSet, spelling: Spelling, runtimeModule: string): void {
  for (const [origin, name] of spelling.needs) {
    if (origin === "runtime") imports.add("local", runtimeModule, name);
    else imports.add("stdlib", origin, name);
  }
}
