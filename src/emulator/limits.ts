/** The API's documented limits (dms-api.md §3.4, §9, §10.4) in one place. */

export const LIST_LIMIT = 1000;
export const DIRECT_RELATION_LIST_LIMIT = 100;
export const TEXT_SIZE_LIMIT = 128_000;
export const JSON_SIZE_LIMIT = 40_960;
export const INT32_RANGE = { min: -(2 ** 31), max: 2 ** 31 - 1 };
export const INT64_RANGE = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** Values of an `in`, `containsAny` or `containsAll` filter. */
export const FILTER_VALUES_LIMIT = 1000;

/** GET list endpoints: default and maximum page size. */
export const SCHEMA_LIST_DEFAULT_LIMIT = 10;
export const SCHEMA_LIST_MAX_LIMIT = 1000;

/** Largest request body accepted, after gzip decoding. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * Largest request head (header names and values) the emulator serves; beyond it a CDF-shaped 431. Bun refuses
 * heads over its own limit (`--max-http-header-size`) with an empty 431 before the emulator sees them, so the
 * binary raises Bun's limit to HTTP_PARSER_HEADER_BYTES (build.ts) and the emulator answers in between.
 */
export const MAX_HEADER_BYTES = 16 * 1024;
export const HTTP_PARSER_HEADER_BYTES = 1024 * 1024;

/** Sync cursors expire after 3 days (§7.10). */
export const SYNC_CURSOR_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;

/** Names CDF reserves (§3.1). */
export const RESERVED_SPACES = new Set(["space", "cdf", "dms", "pg3", "shared", "system", "node", "edge"]);
export const RESERVED_SCHEMA_EXTERNAL_IDS = new Set([
  "Query",
  "Mutation",
  "Subscription",
  "String",
  "Int32",
  "Int64",
  "Int",
  "Float32",
  "Float64",
  "Float",
  "Timestamp",
  "JSONObject",
  "Date",
  "Numeric",
  "Boolean",
  "PageInfo",
  "File",
  "Sequence",
  "TimeSeries",
]);
export const RESERVED_PROPERTY_IDS = new Set([
  "space",
  "externalId",
  "createdTime",
  "lastUpdatedTime",
  "deletedTime",
  "edge_id",
  "node_id",
  "project_id",
  "property_group",
  "seq",
  "tg_table_name",
  "extensions",
]);
