/**
 * IR types as TypeScript types, for a view's read interface, its write interface and its filter arguments, and
 * as the runtime's value types in the view metadata. text → string, int32 and floats → number, int64 → bigint,
 * timestamp → Date, date → ISO `YYYY-MM-DD` string (a Date is accepted on write), json → JsonValue, enums →
 * their values as string literals that still admit values the server adds later, CDF references → the external
 * id, direct relations → a NodeId (or the node, when followed).
 */
import type { IRPrimitive, IRType } from "../../ir/types.ts";

/** What the module being written needs to import to name a type: runtime types, and other views' types by class id. */
export interface TypeImports {
  runtime(name: string): string;
  /** The read type of a class, or its write type; undefined when the class is not a node class of the SDK. */
  view(classId: string, which: "read" | "write"): string | undefined;
  /** The read type's connections parameter (`C`): a followed direct relation reads as `Linked<C, Target>`. */
  readonly connections?: string | undefined;
}

const PRIMITIVE_TYPES: Record<IRPrimitive, string> = {
  string: "string",
  boolean: "boolean",
  int32: "number",
  int64: "bigint",
  float32: "number",
  float64: "number",
  timestamp: "Date",
  date: "string",
  json: "JsonValue",
};

/** A string type that keeps the enum's literals for completion and still accepts any other string. */
const OPEN_STRING = "(string & Record<never, never>)";

function enumType(values: readonly { value: string }[]): string {
  return [...values.map((value) => JSON.stringify(value.value)), OPEN_STRING].join(" | ");
}

function unwrapped(type: IRType): { type: IRType; nullable: boolean } {
  return type.kind === "nullable" ? { type: type.inner, nullable: true } : { type, nullable: false };
}

function elementType(type: IRType, imports: TypeImports, mode: "read" | "write"): string {
  switch (type.kind) {
    case "primitive":
      if (type.primitive === "json") return imports.runtime("JsonValue");
      if (mode === "write" && type.primitive === "date") return "string | Date";
      return PRIMITIVE_TYPES[type.primitive];
    case "enum":
      return enumType(type.values);
    case "cdfReference":
      return "string";
    case "nodeReference": {
      const target = type.target === undefined ? undefined : imports.view(type.target, mode);
      if (mode === "read" && target !== undefined && imports.connections !== undefined) {
        return `${imports.runtime("Linked")}<${imports.connections}, ${target}>`;
      }
      const reference = imports.runtime(mode === "read" ? "NodeId" : "NodeRef");
      return target === undefined ? reference : `${reference} | ${target}`;
    }
    case "list":
      return `${arrayOf(elementType(type.element, imports, mode))}`;
    case "nullable":
      return `${elementType(type.inner, imports, mode)} | null`;
  }
}

/** `T[]`, parenthesised when T is a union. */
export function arrayOf(element: string): string {
  return splitUnion(element).length > 1 ? `(${element})[]` : `${element}[]`;
}

/** The members of a value's union type (`string`, `null`), as read or written. */
export function valueTypeMembers(type: IRType, imports: TypeImports, mode: "read" | "write"): string[] {
  const { type: inner, nullable } = unwrapped(type);
  const members =
    inner.kind === "list" ? [arrayOf(elementType(inner.element, imports, mode))] : splitUnion(elementType(inner, imports, mode));
  return nullable ? [...members, "null"] : members;
}

/** A union written by this module back into its members (top level only: parenthesised parts stay whole). */
export function splitUnion(union: string): string[] {
  return splitTopLevel(union, " | ");
}

/** `text` split at each `separator` outside brackets (`( )`, `< >`, `{ }`): a union's members, a generic's arguments. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "(" || char === "<" || char === "{") depth++;
    else if (char === ")" || char === ">" || char === "}") depth--;
    else if (depth === 0 && text.startsWith(separator, index)) {
      parts.push(text.slice(start, index));
      start = index + separator.length;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The type of one value a filter argument compares with; undefined for values no typed filter takes. */
export function filterValueType(type: IRType, imports: TypeImports, operator: "equals" | "range"): string | undefined {
  const { type: inner } = unwrapped(type);
  switch (inner.kind) {
    case "primitive":
      if (inner.primitive === "json") return undefined;
      if (inner.primitive === "date") return "string | Date";
      if (operator === "range" && inner.primitive === "boolean") return undefined;
      return PRIMITIVE_TYPES[inner.primitive];
    case "enum":
      return operator === "equals" ? enumType(inner.values) : undefined;
    case "nodeReference":
      return operator === "equals" ? imports.runtime("NodeRef") : undefined;
    case "cdfReference":
      return operator === "equals" ? "string" : undefined;
    default:
      return undefined;
  }
}

/** The runtime's value type of a property (view.ts's ValueType) and whether it is a list. */
export function metaValueType(type: IRType): { type: string; list: boolean } {
  const { type: inner } = unwrapped(type);
  const element = inner.kind === "list" ? unwrapped(inner.element).type : inner;
  const list = inner.kind === "list";
  switch (element.kind) {
    case "primitive":
      return { type: element.primitive === "string" ? "text" : element.primitive, list };
    case "enum":
      return { type: "enum", list };
    case "cdfReference":
      return { type: element.resource, list };
    case "nodeReference":
      return { type: "direct", list };
    default:
      return { type: "json", list };
  }
}
