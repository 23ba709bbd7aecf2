/**
 * Typed filter arguments → one filter, for one view. The keys name what they filter:
 *
 * - `<field>`: equals, or `in` when given an array;
 * - `<field>Prefix`: prefix;
 * - `min<Field>` / `max<Field>`: an inclusive range, merged into one filter when both are given;
 * - `space`, `externalId`, `externalIdPrefix`: the node's own fields.
 *
 * A key equal to a field name always means that field, so a field literally called `minX` is never read as a
 * range on `x`. An undefined value means "no filter".
 */
import { allOf, equals, type Filter, type FilterValue, inValues, prefix, range } from "./filters.js";
import { nodePropertyRef, viewPropertyRef } from "./ids.js";
import { toWire, type ViewMeta } from "./view.js";

type Operation = "equals" | "prefix" | "gte" | "lte";
interface Rule {
  operation: Operation;
  reference: string[];
  field: string | undefined;
}

const NODE_FIELDS = ["space", "externalId"];

export function keywordFilter(meta: ViewMeta, args: Readonly<Record<string, unknown>>, defaultSpace: string): Filter | undefined {
  const filters: Filter[] = [];
  const ranges = new Map<string, { reference: string[]; bounds: { gte?: FilterValue; lte?: FilterValue } }>();
  for (const [key, raw] of Object.entries(args)) {
    if (raw === undefined) continue;
    const rule = ruleFor(meta, key);
    const type = rule.field ? meta.properties[rule.field]?.type : undefined;
    const wire = (value: unknown) => (type ? toWire(value, type, defaultSpace) : value) as FilterValue;
    if (rule.operation === "gte" || rule.operation === "lte") {
      const entry = ranges.get(rule.reference.join("/")) ?? { reference: rule.reference, bounds: {} };
      entry.bounds[rule.operation] = wire(raw);
      ranges.set(rule.reference.join("/"), entry);
    } else if (rule.operation === "prefix") {
      filters.push(prefix(rule.reference, wire(raw)));
    } else if (Array.isArray(raw)) {
      filters.push(inValues(rule.reference, raw.map(wire)));
    } else {
      filters.push(equals(rule.reference, wire(raw)));
    }
  }
  for (const { reference, bounds } of ranges.values()) filters.push(range(reference, bounds));
  return allOf(...filters);
}

function ruleFor(meta: ViewMeta, key: string): Rule {
  const lower = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
  const candidates: [Operation, string | undefined][] = [
    ["equals", key],
    ["prefix", key.endsWith("Prefix") ? key.slice(0, -"Prefix".length) : undefined],
    ["gte", /^min[A-Z]/.test(key) ? lower(key.slice(3)) : undefined],
    ["lte", /^max[A-Z]/.test(key) ? lower(key.slice(3)) : undefined],
  ];
  for (const [operation, field] of candidates) {
    if (field === undefined) continue;
    const property = meta.properties[field];
    if (property) return { operation, reference: viewPropertyRef(meta.view, property.identifier), field };
    if (NODE_FIELDS.includes(field)) return { operation, reference: nodePropertyRef(field), field: undefined };
  }
  throw new TypeError(`filter argument ${JSON.stringify(key)} names no property of view ${meta.view.externalId} nor a node field`);
}
