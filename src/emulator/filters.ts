/**
 * The DMS filter language (dms-api.md §8) compiled into predicates over stored instances. Property references
 * are resolved once, when the filter is compiled, so evaluating it over many instances only reads values.
 * Semantics follow CDF: a missing value never matches a comparison, `in` on a list property matches when any
 * element is listed, `hasData` with several sources needs data in all of them, `nested` follows a direct
 * relation to the node it points at.
 */
import type { Filter, PropertyType, RangeBounds } from "../client/models.ts";
import { badRequest } from "./api-error.ts";
import { compareValues, jsonEqual } from "./json-values.ts";
import { FILTER_VALUES_LIMIT } from "./limits.ts";
import { containerKey, instanceKey, type ProjectState, type StoredInstance } from "./store.ts";
import { isDirectRelation, isListType, normalizeTimestamp } from "./values.ts";
import { requireContainer, requireView, resolveView } from "./views.ts";

export type InstancePredicate = (instance: StoredInstance) => boolean;

export interface FilterScope {
  state: ProjectState;
  /** Values for `{"parameter": name}` (query and sync only). */
  parameters?: Record<string, unknown>;
}

/** Reads one property of an instance; `type` is the container property type, absent for base properties. */
export interface PropertyAccessor {
  read: (instance: StoredInstance) => unknown;
  type?: PropertyType;
}

const BASE_PROPERTIES = new Set([
  "instanceType",
  "version",
  "space",
  "externalId",
  "type",
  "createdTime",
  "lastUpdatedTime",
  "deletedTime",
  "startNode",
  "endNode",
]);

/** Resolves `["node", "externalId"]`, `[space, "View/v1", prop]` or `[space, container, prop]` to an accessor. */
export function propertyAccessor(state: ProjectState, path: string[]): PropertyAccessor {
  const [first, second, third] = path;
  if (path.length === 2 && (first === "node" || first === "edge") && second !== undefined) {
    if (!BASE_PROPERTIES.has(second) || (first === "node" && (second === "startNode" || second === "endNode"))) {
      throw badRequest(`Unknown property: ${JSON.stringify(path)}`);
    }
    return { read: (instance) => instance[second as keyof StoredInstance] };
  }
  if (path.length !== 3 || first === undefined || second === undefined || third === undefined) {
    throw badRequest(
      `Invalid property reference ${JSON.stringify(path)}: expected [node|edge, property] or [space, view/version or container, property]`,
    );
  }
  const slash = second.indexOf("/");
  if (slash >= 0) {
    const view = requireView(state, { space: first, externalId: second.slice(0, slash), version: second.slice(slash + 1) });
    const property = resolveView(state, view).properties[third];
    if (property?.kind !== "mapped") throw badRequest(`Unknown property '${third}' in view ${first}:${second}`);
    return containerAccessor(
      containerKey(property.container.space, property.container.externalId),
      property.containerPropertyIdentifier,
      property.containerProperty.type,
    );
  }
  const container = requireContainer(state, { space: first, externalId: second });
  const property = container.properties[third];
  if (!property) throw badRequest(`Unknown property '${third}' in container ${first}:${second}`);
  return containerAccessor(containerKey(first, second), third, property.type);
}

function containerAccessor(key: string, propertyId: string, type: PropertyType): PropertyAccessor {
  return { read: (instance) => instance.data[key]?.[propertyId], type };
}

/** Whether an instance belongs to a view: its filter if it has one, else data in every container it maps. */
export function viewMembership(state: ProjectState, ref: { space: string; externalId: string; version: string }): InstancePredicate {
  const resolved = resolveView(state, requireView(state, ref));
  const kinds = new Set(resolved.mappedContainers.map((container) => container.usedFor));
  const rightKind = (instance: StoredInstance) => kinds.size === 0 || kinds.has("all") || kinds.has(instance.instanceType);
  if (resolved.view.filter) {
    const matches = compileFilter(resolved.view.filter, { state });
    return (instance) => rightKind(instance) && matches(instance);
  }
  const keys = resolved.mappedContainers.map((container) => containerKey(container.space, container.externalId));
  return (instance) => rightKind(instance) && keys.every((key) => key in instance.data);
}

type Operand = (instance: StoredInstance) => unknown;

/** A filter value: a parameter, a reference to another property, or a raw value (timestamps normalised). */
function operand(value: unknown, accessor: PropertyAccessor, scope: FilterScope): Operand {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "parameter") {
      const name = (value as { parameter: unknown }).parameter;
      if (typeof name !== "string" || !scope.parameters || !Object.hasOwn(scope.parameters, name)) {
        throw badRequest(`Missing value for parameter '${String(name)}' in the request's parameters`);
      }
      return operand(scope.parameters[name], accessor, scope);
    }
    if (keys.length === 1 && keys[0] === "property") return propertyAccessor(scope.state, (value as { property: string[] }).property).read;
  }
  const normalized = normalizeFor(accessor.type, value);
  return () => normalized;
}

function normalizeFor(type: PropertyType | undefined, value: unknown): unknown {
  if (type?.type === "timestamp" && typeof value === "string") return normalizeTimestamp(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => normalizeFor(type, item));
  return value;
}

const isScalar = (value: unknown): boolean => value !== undefined && value !== null && typeof value !== "object";

function rangeMatcher(
  bounds: RangeBounds,
  accessor: PropertyAccessor,
  scope: FilterScope,
): (value: unknown, instance: StoredInstance) => boolean {
  const checks: ((value: unknown, instance: StoredInstance) => boolean)[] = [];
  const add = (bound: unknown, accept: (order: number) => boolean) => {
    if (bound === undefined) return;
    const limit = operand(bound, accessor, scope);
    checks.push((value, instance) => {
      const against = limit(instance);
      return isScalar(against) && sameKind(value, against) && accept(compareValues(value, against));
    });
  };
  add(bounds.gt, (order) => order > 0);
  add(bounds.gte, (order) => order >= 0);
  add(bounds.lt, (order) => order < 0);
  add(bounds.lte, (order) => order <= 0);
  if (checks.length === 0) throw badRequest("A range filter needs at least one of gt, gte, lt, lte");
  return (value, instance) => isScalar(value) && checks.every((check) => check(value, instance));
}

const sameKind = (a: unknown, b: unknown): boolean =>
  (typeof a === "number" || typeof a === "bigint") === (typeof b === "number" || typeof b === "bigint") &&
  (typeof a === "string") === (typeof b === "string");

function listOperand(
  values: unknown,
  accessor: PropertyAccessor,
  scope: FilterScope,
  kind: string,
): (instance: StoredInstance) => unknown[] {
  const resolved = operand(values, accessor, scope);
  const checked = (list: unknown): unknown[] => {
    if (!Array.isArray(list)) throw badRequest(`${kind} needs a list of values`);
    if (list.length > FILTER_VALUES_LIMIT) throw badRequest(`${kind} takes at most ${FILTER_VALUES_LIMIT} values, not ${list.length}`);
    return list;
  };
  // Only a reference to another property differs per instance; anything else is checked once, up front.
  const perInstance = values !== null && typeof values === "object" && !Array.isArray(values) && "property" in values;
  if (perInstance) return (instance) => checked(resolved(instance));
  const list = checked(resolved({} as StoredInstance));
  return () => list;
}

export function compileFilter(filter: Filter, scope: FilterScope): InstancePredicate {
  const [kind, body] = Object.entries(filter)[0] ?? [];
  const state = scope.state;
  switch (kind) {
    case "and": {
      const parts = (body as Filter[]).map((part) => compileFilter(part, scope));
      return (instance) => parts.every((part) => part(instance));
    }
    case "or": {
      const parts = (body as Filter[]).map((part) => compileFilter(part, scope));
      return (instance) => parts.some((part) => part(instance));
    }
    case "not": {
      const inner = compileFilter(body as Filter, scope);
      return (instance) => !inner(instance);
    }
    case "matchAll":
      return () => true;
    case "equals": {
      const { property, value } = body as { property: string[]; value: unknown };
      const accessor = propertyAccessor(state, property);
      const expected = operand(value, accessor, scope);
      return (instance) => {
        const actual = accessor.read(instance);
        return actual !== undefined && actual !== null && jsonEqual(actual, expected(instance));
      };
    }
    case "in":
    case "containsAny":
    case "containsAll": {
      const { property, values } = body as { property: string[]; values: unknown };
      const accessor = propertyAccessor(state, property);
      if (kind !== "in" && accessor.type && !isListType(accessor.type))
        throw badRequest(`${kind} can only be used on list properties: ${JSON.stringify(property)}`);
      const wanted = listOperand(values, accessor, scope, kind);
      return (instance) => {
        const actual = accessor.read(instance);
        if (actual === undefined || actual === null) return false;
        const list = wanted(instance);
        const held = Array.isArray(actual) ? actual : [actual];
        if (kind === "containsAll") return list.every((item) => held.some((value) => jsonEqual(value, item)));
        return held.some((value) => list.some((item) => jsonEqual(value, item)));
      };
    }
    case "range": {
      const { property, ...bounds } = body as { property: string[] } & RangeBounds;
      const accessor = propertyAccessor(state, property);
      const inRange = rangeMatcher(bounds, accessor, scope);
      return (instance) => inRange(accessor.read(instance), instance);
    }
    case "prefix": {
      const { property, value } = body as { property: string[]; value: unknown };
      const accessor = propertyAccessor(state, property);
      const prefix = operand(value, accessor, scope);
      return (instance) => {
        const actual = accessor.read(instance);
        const start = prefix(instance);
        if (typeof actual === "string" && typeof start === "string") return actual.startsWith(start);
        if (Array.isArray(actual) && Array.isArray(start))
          return start.length <= actual.length && start.every((item, index) => jsonEqual(actual[index], item));
        return false;
      };
    }
    case "exists": {
      const accessor = propertyAccessor(state, (body as { property: string[] }).property);
      return (instance) => {
        const value = accessor.read(instance);
        return value !== undefined && value !== null;
      };
    }
    case "nested": {
      const { scope: path, filter: inner } = body as { scope: string[]; filter: Filter };
      const accessor = propertyAccessor(state, path);
      if (accessor.type && accessor.type.type !== "direct") {
        throw badRequest(`The scope of a nested filter must be a direct relation: ${JSON.stringify(path)}`);
      }
      const matches = compileFilter(inner, scope);
      return (instance) => {
        const target = accessor.read(instance);
        if (!isDirectRelation(target)) return false;
        const node = state.liveInstance(target.space, target.externalId);
        return node !== undefined && matches(node);
      };
    }
    case "overlaps": {
      const { startProperty, endProperty, ...bounds } = body as { startProperty: string[]; endProperty: string[] } & RangeBounds;
      const start = propertyAccessor(state, startProperty);
      const end = propertyAccessor(state, endProperty);
      // [start, end] overlaps the bounds when it ends after the lower bound and starts before the upper one;
      // a missing start or end is open on that side.
      const afterLower =
        bounds.gt !== undefined || bounds.gte !== undefined ? rangeMatcher({ gt: bounds.gt, gte: bounds.gte }, end, scope) : undefined;
      const beforeUpper =
        bounds.lt !== undefined || bounds.lte !== undefined ? rangeMatcher({ lt: bounds.lt, lte: bounds.lte }, start, scope) : undefined;
      return (instance) => {
        const startValue = start.read(instance);
        const endValue = end.read(instance);
        if (!isScalar(startValue) && !isScalar(endValue)) return false;
        const lowerOk = !afterLower || !isScalar(endValue) || afterLower(endValue, instance);
        const upperOk = !beforeUpper || !isScalar(startValue) || beforeUpper(startValue, instance);
        return lowerOk && upperOk;
      };
    }
    case "hasData": {
      const sources = body as (
        | { type: "view"; space: string; externalId: string; version: string }
        | { type: "container"; space: string; externalId: string }
      )[];
      const checks = sources.map((source): InstancePredicate => {
        if (source.type === "view") return viewMembership(state, source);
        const key = containerKey(requireContainer(state, source).space, source.externalId);
        return (instance) => key in instance.data;
      });
      return (instance) => checks.every((check) => check(instance));
    }
    case "instanceReferences": {
      const keys = new Set((body as { space: string; externalId: string }[]).map((ref) => instanceKey(ref.space, ref.externalId)));
      return (instance) => keys.has(instanceKey(instance.space, instance.externalId));
    }
    default:
      throw badRequest(`Unsupported filter: ${kind ?? "(empty)"}`);
  }
}
