/**
 * Names a generated Python SDK cannot give to something from the data model: keywords, builtins, and the names the
 * generated package and its runtime already use. pygen v1 reserved keywords, builtins and its own field names the
 * same way (a property `type` became `type_`); keeping the rule keeps migration diffs small.
 */
import type { Namespace, Reservation } from "../../ir/naming.ts";

/** `keyword.kwlist` of Python 3.12: never an identifier, not even a module name. */
const HARD_KEYWORDS = [
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
];
/**
 * `keyword.softkwlist` of Python 3.12 (`type` is soft since 3.12), less `_`, which no generated name can be. Valid
 * names, which Python also reads as keywords in some statements; generated names avoid them as pygen v1 did (a
 * property `type` became `type_`).
 */
const SOFT_KEYWORDS = ["match", "case", "type"];

/** Public names of the `builtins` module (Python 3.11), less the exception classes listed below. */
const BUILTIN_FUNCTIONS_AND_TYPES = (
  "abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex copyright " +
  "credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash " +
  "help hex id input int isinstance issubclass iter len license list locals map max memoryview min next object oct open " +
  "ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super tuple type " +
  "vars zip Ellipsis NotImplemented"
).split(" ");

const BUILTIN_EXCEPTIONS = (
  "ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError " +
  "BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError " +
  "ConnectionResetError DeprecationWarning EOFError EncodingWarning EnvironmentError Exception ExceptionGroup " +
  "FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning " +
  "IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError " +
  "ModuleNotFoundError NameError NotADirectoryError NotImplementedError OSError OverflowError PendingDeprecationWarning " +
  "PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning " +
  "StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError " +
  "UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning " +
  "UserWarning ValueError Warning ZeroDivisionError"
).split(" ");

/**
 * Names imported into generated modules (a test keeps the list in step with the generator's imports); a field
 * or class with one of these names would shadow the import.
 */
const IMPORTED_NAMES = [
  "date",
  "datetime",
  "timezone",
  "cdf_name",
  "edge_end",
  "Any",
  "Annotated",
  "ClassVar",
  "Iterator",
  "Literal",
  "Never",
  "Optional",
  "Sequence",
  "TYPE_CHECKING",
  "TypeVar",
  "Union",
  "Unpack",
  "Field",
  "BaseModel",
];

/**
 * The keys of an instance in API payloads (the runtime's `_INSTANCE_KEYS`; a test keeps the two in step). The
 * runtime reads a view's values lifted up beside them, and pydantic also accepts a field by its Python name: a
 * field spelled like a key (`properties`) would read the instance's own value when the property has none.
 */
export const INSTANCE_KEYS = [
  "instanceType",
  "space",
  "externalId",
  "version",
  "createdTime",
  "lastUpdatedTime",
  "deletedTime",
  "type",
  "existingVersion",
  "startNode",
  "endNode",
  "properties",
];

/**
 * Fields of the runtime's data-class bases that are constructor keywords, but for `space` and `version`: CDF
 * identifiers spelled so are instance keys, which the runtime reads lifted anyway (`cdf_name`).
 */
const BASE_FIELDS = [
  "external_id",
  "instance_type",
  "node_type",
  "edge_type",
  "start_node",
  "end_node",
  "created_time",
  "last_updated_time",
  "deleted_time",
  "existing_version",
];

/** Members every generated data class has (instance identity and metadata, DESIGN.md §4). */
const DATA_CLASS_MEMBERS = [
  "space",
  "version",
  ...BASE_FIELDS,
  "data_record",
  "id",
  "from_instance",
  "from_instances",
  "end_id",
  "apply_item",
  "property_identifiers",
  "as_id",
  "as_write",
  "dump",
  "load",
];

/** Attributes of pydantic's BaseModel, which every generated data class extends. */
const PYDANTIC_MEMBERS = [
  "model_config",
  "model_fields",
  "model_computed_fields",
  "model_extra",
  "model_fields_set",
  "model_construct",
  "model_copy",
  "model_dump",
  "model_dump_json",
  "model_json_schema",
  "model_post_init",
  "model_rebuild",
  "model_validate",
  "model_validate_json",
  "copy",
  "json",
  "schema",
  "schema_json",
  "construct",
  "validate",
  "parse_obj",
  "parse_raw",
  "from_orm",
];

/** Parameters of the generated per-view API methods (issue 6); a filter parameter must not take one of them. */
const API_PARAMETERS = [
  "self",
  "cls",
  "limit",
  "space",
  "external_id",
  "external_id_prefix",
  "filter",
  "sort_by",
  "direction",
  "chunk_size",
  "cursor",
  "query",
  "properties",
  "aggregate",
  "property",
  "group_by",
  "interval",
  "retrieve_connections",
  "as_child_class",
  "id",
  "ids",
  "items",
  "replace",
];

/** Attributes of the generated `<Name>Client`; a view's API attribute must not take one of them. */
const CLIENT_MEMBERS = [
  "config",
  "spaces",
  "default_space",
  "upsert",
  "delete",
  "query",
  "graphql",
  "graphql_query",
  "close",
  "from_env",
  "from_config",
  "from_cognite_client",
];

/**
 * Classes and constants exported by the vendored runtime (templates/python/runtime/__init__.py `__all__`; a test
 * keeps the two in step) and used by the generated package: a view's class named like one (`NodeRead`, `NodeQuery`)
 * would shadow the import in the modules that use both.
 */
const RUNTIME_CLASS_NAMES = [
  "DomainModel",
  "DomainModelWrite",
  "DomainModelList",
  "DomainModelWriteList",
  "DirectRelationReference",
  "Client",
  "Config",
  ..."DEFAULT_LIMIT AggregateName AggregateResult BaseClient Bucket CDFAPIError CDFAuthError CDFConfigError CDFConnectionError CDFError CDFGraphQLError CDFNotFoundError CDFRateLimitError CDFUpsertError ClientConfig Connection ContainerId Credentials DataModelAPIs DataModelId DataRecord Date DirectRelation Edge EdgeAPI EdgeId EdgeList EdgeRead EdgeWrite Filter Graph GroupValue HTTPClient Histogram InstanceIds InstanceResult InstancesClient KeywordFilters NodeField NodeFilters NodeId NodeList NodeQuery NodeRead NodeRefs NodeWrite NodeWriteList OAuthClientCredentials PlainEdgeAPI RangeProperty RawFilter RetrieveConnections RetryPolicy SortDirection TextProperty Timestamp Token ValueProperty ViewAPI ViewId".split(
    " ",
  ),
];

/** Module names the generated package uses for itself (`_client.py`, `_runtime/`, `data_classes/`, …). */
const PACKAGE_MODULES = ["__init__", "_core", "_client", "_runtime", "_api", "data_classes", "client", "runtime", "api", "core", "py"];

const hardKeywords = new Set(HARD_KEYWORDS);
const softKeywords = new Set(SOFT_KEYWORDS);

/** A word Python never accepts as a name, e.g. as a part of an import path. */
export function isHardKeyword(name: string): boolean {
  return hardKeywords.has(name);
}
const builtins = new Set([...BUILTIN_FUNCTIONS_AND_TYPES, ...BUILTIN_EXCEPTIONS]);

/** Names the generated code itself uses, by what uses them: the namespaces they are taken in, and why, in words. */
const GENERATED_NAME_GROUPS: { names: ReadonlySet<string>; namespaces: readonly Namespace[]; reason: string }[] = [
  {
    names: new Set(IMPORTED_NAMES),
    namespaces: ["type", "field", "parameter"],
    reason: "a name generated modules import (from typing, datetime or pydantic), which it would shadow",
  },
  {
    names: new Set(RUNTIME_CLASS_NAMES),
    namespaces: ["type"],
    reason: "a class of the SDK's runtime that generated modules import, which it would shadow",
  },
  { names: new Set(DATA_CLASS_MEMBERS), namespaces: ["field", "parameter"], reason: "a member every generated data class has" },
  {
    // `type` is an instance key too, but a builtin and soft keyword first: escaped as one, and said so.
    names: new Set(INSTANCE_KEYS.filter((key) => !builtins.has(key) && !softKeywords.has(key))),
    namespaces: ["field"],
    reason: "a key of an instance in CDF's answers, which the data class would read in place of the property",
  },
  {
    names: new Set(PYDANTIC_MEMBERS),
    namespaces: ["field", "parameter"],
    reason: "a member of pydantic's BaseModel, which every generated data class extends",
  },
  { names: new Set(API_PARAMETERS), namespaces: ["parameter"], reason: "a parameter of the generated API methods" },
  { names: new Set(CLIENT_MEMBERS), namespaces: ["client"], reason: "an attribute of the generated client" },
  { names: new Set(PACKAGE_MODULES), namespaces: ["module"], reason: "a module of the generated package" },
];

function generatedNameGroup(name: string, namespace: Namespace) {
  return GENERATED_NAME_GROUPS.find((group) => group.namespaces.includes(namespace) && group.names.has(name));
}

/** Enum members and modules are namespaced (`Status.list`, `pkg.str`), so only keywords are off limits there. */
const BUILTINS_MATTER: Readonly<Record<Namespace, boolean>> = {
  type: true,
  module: false,
  client: true,
  field: true,
  parameter: true,
  enumMember: false,
};

/** A field of the runtime's data-class bases that a CDF identifier could be mistaken for: `end_node`, `node_type`, … */
export function isBaseField(name: string): boolean {
  return BASE_FIELD_SET.has(name);
}

const BASE_FIELD_SET: ReadonlySet<string> = new Set(BASE_FIELDS);

/**
 * Why a name cannot be used in a namespace, if it cannot. A builtin that is also a soft keyword (`type`) is named
 * as the builtin where shadowing it matters: that is the reason that bites.
 */
export function pythonReservation(name: string, namespace: Namespace): Reservation | undefined {
  if (hardKeywords.has(name)) return "keyword";
  if (generatedNameGroup(name, namespace) !== undefined) return "generated";
  if (BUILTINS_MATTER[namespace] && builtins.has(name)) return "builtin";
  if (softKeywords.has(name)) return "softKeyword";
  return undefined;
}

/** The reservation of `name` in words, for messages: `would be …`. */
export function explainPythonReservation(name: string, namespace: Namespace): string | undefined {
  switch (pythonReservation(name, namespace)) {
    case "keyword":
      return "a Python keyword";
    case "generated":
      return generatedNameGroup(name, namespace)?.reason;
    case "builtin":
      return `the name of Python's builtin ${name}, which it would shadow`;
    case "softKeyword":
      return "a Python soft keyword (a valid name, escaped so that it never reads as the keyword)";
    case undefined:
      return undefined;
  }
}

/**
 * Every name this file reserves, in any namespace: the model fuzzer (test/fuzz) draws identifiers from it, so the
 * names it tries grow with the list.
 */
export const RESERVED_NAMES: readonly string[] = [
  ...new Set([
    ...HARD_KEYWORDS,
    ...SOFT_KEYWORDS,
    ...BUILTIN_FUNCTIONS_AND_TYPES,
    ...BUILTIN_EXCEPTIONS,
    ...GENERATED_NAME_GROUPS.flatMap((group) => [...group.names]),
  ]),
];
