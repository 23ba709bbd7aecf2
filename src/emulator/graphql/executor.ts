/**
 * Runs a parsed query against the stored instances of a data model. Root fields list, get by id or search the
 * nodes of a view; items answer their view's properties by identifier plus the node's base fields; a direct
 * relation is read as the node it points at (through the relation's view hint); edges and reverse direct
 * relations are connections (`items`, `edges { node }`, `pageInfo`) when they hold many, an object when one.
 * Paging, sorting and filtering reuse the emulator's DMS machinery so their semantics match the REST endpoints.
 */
import type { Filter } from "../../client/models.ts";
import { DmsApiError } from "../api-error.ts";
import { compileFilter } from "../filters.ts";
import { liveInstances } from "../instances.ts";
import { searchMatches } from "../search-aggregate.ts";
import { pageInstances, type SortSpec } from "../sorting.ts";
import { containerKey, instanceKey, type ProjectState, type StoredInstance } from "../store.ts";
import { isDirectRelation } from "../values.ts";
import type { ResolvedProperty } from "../views.ts";
import { propertyReference, translateFilter } from "./filter.ts";
import { type Document, type Field, GraphQLError, type Operation, type Selection, type Value } from "./parser.ts";
import type { ObjectType, RootKind, Schema } from "./schema.ts";

/** CDF's page sizes: `first` defaults to 100 at the root and 10 in nested connections, and goes up to 1000. */
const ROOT_PAGE = 100;
const NESTED_PAGE = 10;
const MAX_PAGE = 1000;

/** The arguments each kind of root field takes; any other is an error rather than silently ignored. */
const ROOT_ARGUMENTS: Record<RootKind, string[]> = {
  list: ["first", "after", "filter", "sort"],
  get: ["instance"],
  search: ["query", "fields", "filter", "first"],
};

type Variables = Record<string, unknown>;
type Result = Record<string, unknown>;

export function execute(
  state: ProjectState,
  schema: Schema,
  document: Document,
  variables: Variables,
  operationName?: string,
): { data: Result } {
  const operation = pickOperation(document, operationName);
  if (operation.operation !== "query") {
    throw new GraphQLError(`${operation.operation} operations are not supported by the emulator.`, [operation.location]);
  }
  const executor = new Executor(state, schema, document, coerceVariables(operation, variables));
  return { data: executor.root(operation.selections) };
}

function pickOperation(document: Document, name: string | undefined): Operation {
  if (name !== undefined) {
    const named = document.operations.find((operation) => operation.name === name);
    if (!named) throw new GraphQLError(`Unknown operation named "${name}".`);
    return named;
  }
  if (document.operations.length !== 1) throw new GraphQLError("Must provide operation name if query contains multiple operations.");
  return document.operations[0] as Operation;
}

function coerceVariables(operation: Operation, given: Variables): Variables {
  const values: Variables = {};
  for (const definition of operation.variables) {
    if (Object.hasOwn(given, definition.name)) values[definition.name] = given[definition.name];
    else if (definition.defaultValue) values[definition.name] = literal(definition.defaultValue, {});
    else if (definition.type.endsWith("!")) {
      throw new GraphQLError(`Variable "$${definition.name}" of required type "${definition.type}" was not provided.`);
    }
    // A declared optional variable left out leaves the arguments that use it out, too.
    else values[definition.name] = undefined;
  }
  return values;
}

function literal(value: Value, variables: Variables): unknown {
  switch (value.kind) {
    case "variable":
      if (!Object.hasOwn(variables, value.name)) throw new GraphQLError(`Variable "$${value.name}" is not defined.`, [value.location]);
      return variables[value.name];
    case "null":
      return null;
    case "list":
      return value.values.map((item) => literal(item, variables));
    case "object":
      return Object.fromEntries(
        value.fields.map(([name, item]) => [name, literal(item, variables)]).filter(([, item]) => item !== undefined),
      );
    default:
      return value.value;
  }
}

/** A connection's page: the items and whether (and after which cursor) more follow. */
interface Page {
  nodes: StoredInstance[];
  nextCursor?: string;
  /** More follow but cannot be fetched by cursor (nested connections). */
  truncated?: boolean;
}

class Executor {
  /** Edge ends by edge type, direction and the node they leave from (see `edgeKey`). */
  private edgeIndex?: Map<string, StoredInstance[]>;
  /** Per reverse relation's `through` property: target instance key → the nodes pointing at it. */
  private readonly reverseIndexes = new Map<string, Map<string, StoredInstance[]>>();

  constructor(
    private readonly state: ProjectState,
    private readonly schema: Schema,
    private readonly document: Document,
    private readonly variables: Variables,
  ) {}

  root(selections: Selection[]): Result {
    const data: Result = {};
    for (const field of this.fields(selections, undefined)) {
      const key = field.alias ?? field.name;
      if (field.name === "__typename") {
        data[key] = "Query";
        continue;
      }
      const root = this.schema.rootField(field.name);
      if (!root) throw new GraphQLError(`Field "${field.name}" is not defined on type "Query".`, [field.location]);
      const args = this.arguments(field, ROOT_ARGUMENTS[root.kind]);
      const page = this.rootPage(root.kind, root.type, args, field);
      data[key] = this.connection(page, root.type, field);
    }
    return data;
  }

  private rootPage(kind: RootKind, type: ObjectType, args: Result, field: Field): Page {
    const filter = args.filter === undefined || args.filter === null ? undefined : this.filterOf(type, args.filter);
    const first = pageSize(args.first, ROOT_PAGE, field);
    if (kind === "get") {
      const id = args.instance as { space?: unknown; externalId?: unknown } | undefined;
      if (typeof id?.space !== "string" || typeof id.externalId !== "string") {
        throw new GraphQLError(`get${type.name}ById needs instance: {space: String!, externalId: String!}.`, [field.location]);
      }
      const node = this.state.liveInstance(id.space, id.externalId);
      return { nodes: node && node.instanceType === "node" && type.belongs(node) ? [node] : [] };
    }
    if (kind === "search") {
      if (!type.ref) throw new GraphQLError(`search${type.name} is not available.`, [field.location]);
      const { matches } = searchMatches(this.state, {
        view: type.ref,
        instanceType: "node",
        query: typeof args.query === "string" ? args.query : undefined,
        properties: Array.isArray(args.fields) ? (args.fields as string[]) : undefined,
        operator: "OR",
        filter,
      });
      matches.sort((a, b) => b.score - a.score || a.instance.seq - b.instance.seq);
      return { nodes: matches.slice(0, first).map((match) => match.instance) };
    }
    const sorts = this.sortsOf(type, args.sort, field);
    const matches = filter ? compileFilter(filter, { state: this.state }) : () => true;
    const after = typeof args.after === "string" ? args.after : undefined;
    const { page, nextCursor } = pageInstances(
      this.state,
      liveInstances(this.state, "node"),
      (instance) => type.belongs(instance) && matches(instance),
      sorts,
      after,
      first,
    );
    return { nodes: page, nextCursor };
  }

  private filterOf(type: ObjectType, filter: unknown): Filter {
    return translateFilter(type, filter, (name) => {
      const property = type.view?.properties[name];
      return property?.kind === "mapped" && property.containerProperty.type.type === "direct"
        ? this.schema.typeOf(property.source)
        : undefined;
    });
  }

  private sortsOf(type: ObjectType, sort: unknown, field: Field): SortSpec[] {
    if (sort === undefined || sort === null) return [];
    return (Array.isArray(sort) ? sort : [sort]).flatMap((entry) =>
      Object.entries(entry as Result).map(([name, direction]): SortSpec => {
        const property = propertyReference(type, name);
        if (!property || (direction !== "ASC" && direction !== "DESC")) {
          throw new GraphQLError(`Cannot sort ${type.name} by ${name}: ${String(direction)}; sort takes {property: ASC | DESC}.`, [
            field.location,
          ]);
        }
        return { property, direction: direction === "ASC" ? "ascending" : "descending" };
      }),
    );
  }

  /** The arguments of a field as plain values; an argument the field does not take is an error. */
  private arguments(field: Field, allowed: string[]): Result {
    const args: Result = {};
    for (const [name, value] of field.arguments) {
      if (!allowed.includes(name)) throw new GraphQLError(`Unknown argument "${name}" on field "${field.name}".`, [field.location]);
      args[name] = literal(value, this.variables);
    }
    return args;
  }

  /** A connection object: `items`, `edges { node cursor }` and `pageInfo`, as selected. */
  private connection(page: Page, type: ObjectType, field: Field): Result {
    const result: Result = {};
    for (const selected of this.fields(this.selectionsOf(field), `${type.name}Connection`)) {
      const key = selected.alias ?? selected.name;
      switch (selected.name) {
        case "__typename":
          result[key] = `${type.name}Connection`;
          break;
        case "items":
          result[key] = page.nodes.map((node) => this.object(node, type, selected));
          break;
        case "edges":
          result[key] = page.nodes.map((node) => this.edge(node, type, selected));
          break;
        case "pageInfo":
          result[key] = this.pageInfo(page, selected);
          break;
        default:
          throw new GraphQLError(`Field "${selected.name}" is not defined on type "${type.name}Connection".`, [selected.location]);
      }
    }
    return result;
  }

  private edge(node: StoredInstance, type: ObjectType, field: Field): Result {
    const result: Result = {};
    for (const selected of this.fields(this.selectionsOf(field), `${type.name}Edge`)) {
      const key = selected.alias ?? selected.name;
      if (selected.name === "node") result[key] = this.object(node, type, selected);
      else if (selected.name === "__typename") result[key] = `${type.name}Edge`;
      else throw new GraphQLError(`Field "${selected.name}" is not defined on type "${type.name}Edge".`, [selected.location]);
    }
    return result;
  }

  private pageInfo(page: Page, field: Field): Result {
    const info: Result = {
      __typename: "PageInfo",
      hasNextPage: page.nextCursor !== undefined || page.truncated === true,
      endCursor: page.nextCursor ?? null,
      hasPreviousPage: false,
      startCursor: null,
    };
    const result: Result = {};
    for (const selected of this.fields(this.selectionsOf(field), "PageInfo")) {
      if (!Object.hasOwn(info, selected.name)) {
        throw new GraphQLError(`Field "${selected.name}" is not defined on type "PageInfo".`, [selected.location]);
      }
      result[selected.alias ?? selected.name] = info[selected.name];
    }
    return result;
  }

  /** A node as an object of its type, with the fields the selection asks for. */
  private object(node: StoredInstance, type: ObjectType, field: Field): Result {
    const result: Result = {};
    for (const selected of this.fields(this.selectionsOf(field), type)) {
      result[selected.alias ?? selected.name] = this.value(node, type, selected);
    }
    return result;
  }

  private value(node: StoredInstance, type: ObjectType, field: Field): unknown {
    switch (field.name) {
      case "__typename":
        return type.name;
      case "space":
      case "externalId":
        return node[field.name];
      case "createdTime":
      case "lastUpdatedTime":
        return new Date(node[field.name]).toISOString();
    }
    const property = type.view?.properties[field.name];
    if (!property) throw new GraphQLError(`Field "${field.name}" is not defined on type "${type.name}".`, [field.location]);
    return this.propertyValue(node, property, field);
  }

  private propertyValue(node: StoredInstance, property: ResolvedProperty, field: Field): unknown {
    switch (property.kind) {
      case "mapped": {
        const raw =
          node.data[containerKey(property.container.space, property.container.externalId)]?.[property.containerPropertyIdentifier];
        if (property.containerProperty.type.type !== "direct") {
          if (field.selections) throw new GraphQLError(`Field "${field.name}" is a scalar and takes no selection.`, [field.location]);
          this.arguments(field, []);
          return raw ?? null;
        }
        const target = this.relatedType(property.source, field);
        const read = (value: unknown) => {
          const related = isDirectRelation(value) ? this.state.liveInstance(value.space, value.externalId) : undefined;
          return related ? this.object(related, target, field) : null;
        };
        this.arguments(field, []);
        return Array.isArray(raw) ? raw.map(read).filter((value) => value !== null) : read(raw);
      }
      case "edge": {
        const target = this.relatedType(property.source, field);
        const nodes = this.edgeEnds(node, property);
        return this.related(nodes, target, field, property.connectionType === "multi_edge_connection");
      }
      case "reverse": {
        const target = this.relatedType(property.source, field);
        const nodes = this.reverseSources(node, property);
        return this.related(nodes, target, field, property.connectionType === "multi_reverse_direct_relation");
      }
    }
  }

  /** Nodes at the far end of a connection: a connection object when it holds many, else the first or null. */
  private related(nodes: StoredInstance[], type: ObjectType, field: Field, many: boolean): unknown {
    const members = nodes.filter((node) => type.belongs(node));
    if (!many) {
      this.arguments(field, []);
      return members[0] ? this.object(members[0], type, field) : null;
    }
    const args = this.arguments(field, ["first", "filter"]);
    const matches = args.filter ? compileFilter(this.filterOf(type, args.filter), { state: this.state }) : () => true;
    const matching = members.filter(matches);
    const first = pageSize(args.first, NESTED_PAGE, field);
    return this.connection({ nodes: matching.slice(0, first), truncated: matching.length > first }, type, field);
  }

  private relatedType(ref: Parameters<Schema["typeOf"]>[0], field: Field): ObjectType {
    const type = this.schema.typeOf(ref);
    if (!type) throw new GraphQLError(`The type of field "${field.name}" no longer exists.`, [field.location]);
    return type;
  }

  /** The nodes at the far end of a node's edges of a type; all edges are indexed once, on first use. */
  private edgeEnds(node: StoredInstance, property: Extract<ResolvedProperty, { kind: "edge" }>): StoredInstance[] {
    if (!this.edgeIndex) {
      this.edgeIndex = new Map();
      for (const edge of liveInstances(this.state, "edge")) {
        if (!edge.type || !edge.startNode || !edge.endNode) continue;
        const start = this.state.liveInstance(edge.startNode.space, edge.startNode.externalId);
        const end = this.state.liveInstance(edge.endNode.space, edge.endNode.externalId);
        if (end) append(this.edgeIndex, edgeKey(edge.type, "outwards", edge.startNode), end);
        if (start) append(this.edgeIndex, edgeKey(edge.type, "inwards", edge.endNode), start);
      }
    }
    return this.edgeIndex.get(edgeKey(property.type, property.direction, node)) ?? [];
  }

  /** The nodes whose direct relation (the reverse relation's `through`) points at a node; indexed once per property. */
  private reverseSources(node: StoredInstance, property: Extract<ResolvedProperty, { kind: "reverse" }>): StoredInstance[] {
    const { source, identifier } = property.through;
    let key: string;
    let id = identifier;
    if (source.type === "container") {
      key = containerKey(source.space, source.externalId);
    } else {
      const through = this.schema.typeOf(source)?.view?.properties[identifier];
      if (through?.kind !== "mapped") return [];
      key = containerKey(through.container.space, through.container.externalId);
      id = through.containerPropertyIdentifier;
    }
    const indexKey = `${key}\u0000${id}`;
    let index = this.reverseIndexes.get(indexKey);
    if (!index) {
      index = new Map();
      for (const candidate of liveInstances(this.state, "node")) {
        const value = candidate.data[key]?.[id];
        const targets = new Set(
          (Array.isArray(value) ? value : [value]).filter(isDirectRelation).map((target) => instanceKey(target.space, target.externalId)),
        );
        for (const target of targets) append(index, target, candidate);
      }
      this.reverseIndexes.set(indexKey, index);
    }
    return index.get(instanceKey(node.space, node.externalId)) ?? [];
  }

  private selectionsOf(field: Field): Selection[] {
    if (!field.selections) throw new GraphQLError(`Field "${field.name}" must have a selection of subfields.`, [field.location]);
    return field.selections;
  }

  /**
   * The fields of a selection set with fragments expanded: an inline fragment or fragment spread applies when
   * its type condition is the object's type or a view that type implements. `on` may be an ObjectType (items)
   * or a plain type name (connections, page info); at the root it is undefined (the Query type).
   */
  private fields(selections: Selection[], on: ObjectType | string | undefined, seen: Set<string> = new Set()): Field[] {
    const fields: Field[] = [];
    const applies = (condition: string | undefined) => {
      if (condition === undefined) return true;
      if (!this.schema.hasType(condition) && condition !== "Query") throw new GraphQLError(`Unknown type "${condition}".`);
      if (on === undefined) return condition === "Query";
      return typeof on === "string" ? on === condition : on.implementsNames.has(condition);
    };
    for (const selection of selections) {
      if (selection.kind === "field") {
        fields.push(selection);
      } else if (selection.kind === "inline") {
        if (applies(selection.typeCondition)) fields.push(...this.fields(selection.selections, on, seen));
      } else {
        const fragment = this.document.fragments.get(selection.name);
        if (!fragment) throw new GraphQLError(`Unknown fragment "${selection.name}".`, [selection.location]);
        if (seen.has(selection.name))
          throw new GraphQLError(`Cannot spread fragment "${selection.name}" within itself.`, [selection.location]);
        if (applies(fragment.typeCondition)) fields.push(...this.fields(fragment.selections, on, new Set([...seen, selection.name])));
      }
    }
    return fields;
  }
}

const edgeKey = (type: { space: string; externalId: string }, direction: string, node: { space: string; externalId: string }): string =>
  `${type.space}\u0000${type.externalId}\u0000${direction}\u0000${instanceKey(node.space, node.externalId)}`;

function append<T>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list) list.push(item);
  else index.set(key, [item]);
}

function pageSize(value: unknown, fallback: number, field: Field): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_PAGE) {
    throw new GraphQLError(`"first" on ${field.name} must be an integer from 1 to ${MAX_PAGE}.`, [field.location]);
  }
  return value;
}

/** DMS errors met while executing (a bad cursor, an unsortable property) become GraphQL errors. */
export function asGraphQLError(error: unknown): GraphQLError | undefined {
  if (error instanceof GraphQLError) return error;
  if (error instanceof DmsApiError && error.status === 400) return new GraphQLError(error.message);
  return undefined;
}
