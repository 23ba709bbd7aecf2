/**
 * Names a generated TypeScript SDK cannot give a view, a field or a client member: JavaScript's and TypeScript's
 * reserved words and the globals a type would shadow in a module (for types: fields and members are property names,
 * where reserved words are allowed), the runtime's exports (re-exported by the SDK's
 * index) and the members generated code itself defines.
 */
import type { Namespace, Reservation } from "../../ir/naming.ts";
import { RUNTIME_EXPORTS } from "./runtime.ts";
import { SELECT_SCHEMA } from "./sdk-names.ts";

/** Reserved in every context (ECMAScript's reserved words and strict mode's), plus TypeScript's type keywords. */
const KEYWORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
    "private protected public await arguments eval any unknown never object string number bigint boolean symbol undefined type"
  ).split(" "),
);

/** Globals a module-level type or class of that name would shadow for the code beside it. */
const GLOBALS = new Set(
  (
    "Array Boolean BigInt Date Error Function JSON Map Math Number Object Partial Pick Omit Promise Readonly ReadonlyArray Record " +
    "RegExp Required Set String Symbol WeakMap WeakSet Iterable AsyncIterable AsyncGenerator Exclude Extract NonNullable " +
    // The rest of ECMAScript's global objects: Biome's noShadowRestrictedNames refuses a module binding named like one.
    "AggregateError ArrayBuffer Atomics BigInt64Array BigUint64Array DataView EvalError FinalizationRegistry Float32Array " +
    "Float64Array Infinity Int8Array Int16Array Int32Array Intl NaN Proxy RangeError ReferenceError Reflect SharedArrayBuffer " +
    "SyntaxError TypeError URIError Uint8Array Uint8ClampedArray Uint16Array Uint32Array WeakRef globalThis"
  ).split(" "),
);

/** The fields every read object, write object and filter argument has besides the view's properties. */
const INSTANCE_FIELDS = new Set([
  "space",
  "externalId",
  "externalIdPrefix",
  "version",
  "createdTime",
  "lastUpdatedTime",
  "deletedTime",
  "endNode",
  "startNode",
  "instanceType",
  "constructor",
  "__proto__",
  "prototype",
]);

/** The client's own members (CDFClient's and the generated class's): a view API cannot be named like them. */
const CLIENT_MEMBERS = new Set([
  "config",
  "http",
  "instances",
  "defaultSpace",
  "upsert",
  "delete",
  "graphql",
  "fromEnv",
  "envConfig",
  "constructor",
]);

/** The type parameter of every read type (`Pump<C extends Connections>`): a view type of that name would be hidden by it. */
export const READ_TYPE_PARAMETER = "C";

/** Files the SDK writes besides the view modules. */
const MODULES = new Set(["index", "client", "select", "_runtime", "package", "readme"]);
/** Types the SDK declares besides the views' (select.d.ts). */
const SDK_TYPES = new Set([SELECT_SCHEMA]);

export function typescriptReservation(name: string, namespace: Namespace): Reservation | undefined {
  switch (namespace) {
    // Fields, filter arguments and client members are property names, where reserved words are fine (`type`).
    case "type":
      if (KEYWORDS.has(name)) return "keyword";
      if (GLOBALS.has(name)) return "builtin";
      return RUNTIME_EXPORTS.has(name) || SDK_TYPES.has(name) || name === READ_TYPE_PARAMETER ? "generated" : undefined;
    case "field":
    case "parameter":
      return INSTANCE_FIELDS.has(name) ? "generated" : undefined;
    case "client":
      return CLIENT_MEMBERS.has(name) ? "generated" : undefined;
    case "module":
      return MODULES.has(name.toLowerCase()) ? "generated" : undefined;
    default:
      return undefined;
  }
}

export function explainTypescriptReservation(name: string, namespace: Namespace): string | undefined {
  switch (typescriptReservation(name, namespace)) {
    case "keyword":
      return "a JavaScript or TypeScript reserved word";
    case "builtin":
      return `the JavaScript global ${name}, which it would shadow`;
    case "generated":
      if (namespace === "type" && name === READ_TYPE_PARAMETER) return "the type parameter of the SDK's read types";
      if (namespace === "type") return SDK_TYPES.has(name) ? "a type the SDK declares" : `a name the SDK's runtime exports`;
      if (namespace === "client") return "a member of the generated client";
      if (namespace === "module") return "a file the SDK generates";
      return "a field every instance has";
    default:
      return undefined;
  }
}
