/**
 * How the vendored runtime reads a keyword filter's name (templates/python/runtime/filters.py, `_rule`), mirrored
 * so the generator only emits keywords the runtime will apply to the intended field. Keep the two in step.
 */

/** The node's own fields every view can filter on. */
const NODE_FIELDS = new Set(["space", "external_id"]);

/** `operator:field` the runtime gives the keyword, `node:field` for a node field, undefined if it refuses it. */
export function resolvesTo(key: string, fields: ReadonlyMap<string, unknown>): string | undefined {
  const reference = (field: string): string | undefined => {
    if (fields.has(field)) return field;
    if (NODE_FIELDS.has(field)) return `node.${field}`;
    for (const escaped of [`${field}_`, field.endsWith("_") ? field.slice(0, -1) : field]) {
      if (fields.has(escaped)) return escaped;
    }
    return undefined;
  };
  const candidates: [string, string | undefined][] = [
    ["equals", key],
    ["prefix", key.endsWith("_prefix") ? key.slice(0, -"_prefix".length) : undefined],
    ["min", key.startsWith("min_") ? key.slice("min_".length) : undefined],
    ["max", key.startsWith("max_") ? key.slice("max_".length) : undefined],
  ];
  for (const [operator, field] of candidates) {
    const found = field ? reference(field) : undefined;
    if (found !== undefined) return `${operator}:${found}`;
  }
  return undefined;
}
