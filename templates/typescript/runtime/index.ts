/** The runtime a generated TypeScript SDK ships with, vendored verbatim; no dependencies. */
export * from "./auth.js";
export * from "./client.js";
export * from "./config.js";
export * from "./connections.js";
export * from "./errors.js";
export * from "./filters.js";
export * from "./graph.js";
export * from "./http.js";
export * from "./ids.js";
export * from "./instances.js";
export * from "./json.js";
export * from "./keyword-filters.js";
export * from "./limits.js";
export * from "./retry.js";
export * from "./select.js";
export * from "./view.js";
export * from "./view-api.js";
