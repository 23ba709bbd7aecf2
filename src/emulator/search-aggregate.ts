/**
 * Search (free text over a view's text properties, terms joined with AND or OR, relevance order) and
 * aggregate (count/avg/min/max/sum/histogram, optionally per groupBy values) — dms-api.md §7.7, §7.8.
 * Property names here are plain view property ids; filters and sorts still use property references.
 */
import { badRequest, parseRequest } from "./api-error.ts";
import type { Handler } from "./context.ts";
import { compileFilter, viewMembership } from "./filters.ts";
import { instanceToApi, projectSources, typingOf } from "./instance-output.ts";
import { liveInstances } from "./instances.ts";
import { canonicalJson, compareValues } from "./json-values.ts";
import { type Aggregate, AggregateRequestSchema, type SearchRequest, SearchSchema } from "./requests.ts";
import { instanceOrder } from "./sorting.ts";
import { containerKey, type ProjectState, type StoredInstance } from "./store.ts";
import { type ResolvedMappedProperty, type ResolvedView, requireView, resolveView } from "./views.ts";

type ViewValueReader = (instance: StoredInstance) => unknown;

function viewProperty(view: ResolvedView, id: string): ResolvedMappedProperty {
  const property = view.properties[id];
  if (property?.kind !== "mapped")
    throw badRequest(`Unknown property '${id}' in view ${view.view.space}:${view.view.externalId}/${view.view.version}`);
  return property;
}

function valueReader(property: ResolvedMappedProperty): ViewValueReader {
  const key = containerKey(property.container.space, property.container.externalId);
  return (instance) => instance.data[key]?.[property.containerPropertyIdentifier];
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The instances of a view that match the request's filter and text query, with their relevance (the number of
 * query terms found). A term matches a word of a searched property that starts with it.
 */
export function searchMatches(
  state: ProjectState,
  request: Pick<SearchRequest, "view" | "instanceType" | "query" | "properties" | "operator" | "filter">,
) {
  const view = resolveView(state, requireView(state, request.view));
  const belongs = viewMembership(state, request.view);
  const filter = request.filter ? compileFilter(request.filter, { state }) : () => true;
  const searched = (
    request.properties ??
    Object.keys(view.properties).filter((id) => {
      const property = view.properties[id];
      return property?.kind === "mapped" && property.containerProperty.type.type === "text";
    })
  ).map((id) => valueReader(viewProperty(view, id)));
  const terms = words(request.query ?? "");
  const matches: { instance: StoredInstance; score: number }[] = [];
  for (const instance of liveInstances(state, request.instanceType)) {
    if (!belongs(instance) || !filter(instance)) continue;
    if (terms.length === 0) {
      matches.push({ instance, score: 0 });
      continue;
    }
    const text = searched.flatMap((read) => {
      const value = read(instance);
      return value === undefined || value === null ? [] : words(typeof value === "string" ? value : canonicalJson(value));
    });
    const score = terms.filter((term) => text.some((word) => word.startsWith(term))).length;
    if (request.operator === "AND" ? score === terms.length : score > 0) matches.push({ instance, score });
  }
  return { view, matches };
}

export const searchInstances: Handler = (context) => {
  const request = parseRequest(SearchSchema, context.body);
  const { matches } = searchMatches(context.state, request);
  if (request.sort.length > 0) {
    const order = instanceOrder(context.state, request.sort);
    matches.sort((a, b) => order.compare(order.position(a.instance), order.position(b.instance)));
  } else {
    matches.sort((a, b) => b.score - a.score || a.instance.seq - b.instance.seq);
  }
  const projections = projectSources(context.state, [{ source: request.view }]);
  return {
    items: matches.slice(0, request.limit).map(({ instance }) => instanceToApi(instance, projections)),
    typing: request.includeTyping ? typingOf(projections) : undefined,
  };
};

const NUMERIC_TYPES = new Set(["int32", "int64", "float32", "float64"]);

/** Fields every instance has; counting one counts the instances (what cognite-sdk's `aggregate("count")` sends). */
const ALWAYS_SET_FIELDS = new Set(["externalId", "space"]);

function computeAggregate(aggregate: Aggregate, view: ResolvedView, instances: StoredInstance[]): Record<string, unknown> {
  const [kind, spec] = Object.entries(aggregate)[0] as [keyof Aggregate & string, { property?: string; interval?: number }];
  if (kind === "count" && spec.property === undefined) return { aggregate: "count", value: instances.length };
  if (kind === "count" && ALWAYS_SET_FIELDS.has(spec.property as string) && !view.properties[spec.property as string]) {
    return { aggregate: "count", property: spec.property, value: instances.length };
  }
  const propertyId = spec.property as string;
  const property = viewProperty(view, propertyId);
  const read = valueReader(property);
  const values = instances.map(read).filter((value) => value !== undefined && value !== null);
  if (kind === "count") return { aggregate: "count", property: propertyId, value: values.length };
  if (!NUMERIC_TYPES.has(property.containerProperty.type.type)) {
    throw badRequest(`Cannot compute ${kind} of '${propertyId}': it is a ${property.containerProperty.type.type} property, not a number`);
  }
  const numbers = values.flatMap((value) => (Array.isArray(value) ? value : [value])).map(Number);
  if (kind === "histogram") {
    const interval = spec.interval as number;
    const buckets = new Map<number, number>();
    for (const value of numbers) {
      const start = Math.floor(value / interval) * interval;
      buckets.set(start, (buckets.get(start) ?? 0) + 1);
    }
    return {
      aggregate: "histogram",
      property: propertyId,
      interval,
      buckets: [...buckets].sort(([a], [b]) => a - b).map(([start, count]) => ({ start, count })),
    };
  }
  const sum = numbers.reduce((total, value) => total + value, 0);
  const extreme = (sign: number) =>
    values.reduce((best, value) => (best === undefined || sign * compareValues(value, best) > 0 ? value : best), undefined as unknown);
  const value = { avg: numbers.length ? sum / numbers.length : undefined, sum, min: extreme(-1), max: extreme(1) }[kind];
  return { aggregate: kind, property: propertyId, value };
}

export const aggregateInstances: Handler = (context) => {
  const request = parseRequest(AggregateRequestSchema, context.body);
  const { view, matches } = searchMatches(context.state, request);
  const instances = matches.map((match) => match.instance);
  const projections = projectSources(context.state, [{ source: request.view }]);
  const typing = request.includeTyping ? typingOf(projections) : undefined;
  if (!request.groupBy) {
    return {
      items: [
        {
          instanceType: request.instanceType,
          aggregates: request.aggregates.map((aggregate) => computeAggregate(aggregate, view, instances)),
        },
      ],
      typing,
    };
  }
  const readers = request.groupBy.map((id) => [id, valueReader(viewProperty(view, id))] as const);
  const groups = new Map<string, { group: Record<string, unknown>; members: StoredInstance[] }>();
  for (const instance of instances) {
    const values = readers.map(([id, read]) => [id, read(instance)] as const);
    // Like CDF's terms aggregation, an instance without a value for a groupBy property is in no group.
    if (values.some(([, value]) => value === undefined || value === null)) continue;
    const key = canonicalJson(values);
    const entry = groups.get(key) ?? { group: Object.fromEntries(values), members: [] };
    entry.members.push(instance);
    groups.set(key, entry);
  }
  const items = [...groups.values()]
    .sort((a, b) => b.members.length - a.members.length)
    .slice(0, request.limit)
    .map(({ group, members }) => ({
      instanceType: request.instanceType,
      group,
      aggregates: request.aggregates.map((aggregate) => computeAggregate(aggregate, view, members)),
    }));
  return { items, typing };
};
