/**
 * The body of `<package>/_query.py`: one `XQuery(NodeQuery[X, XList, _Root])` per view, the typed steps of
 * `client.x.select()` (templates/python/runtime/select.py). A filterable property is one descriptor line; a
 * connection to a view in the SDK is a property that creates the next step when read, so chains of any depth
 * cost nothing until used. All classes share one module because traversals point every which way between them.
 */

import { locationOf } from "../../ir/issues.ts";
import type { IRProperty, IRType } from "../../ir/types.ts";
import type { GeneratorWarning } from "../generator.ts";
import { ImportSet, type Relocate } from "./imports.ts";
import type { Layout } from "./layout.ts";
import { valueType } from "./types.ts";
import type { ClassRef, ConnectionPlan, ViewPlan } from "./view-plan.ts";

/** Names of NodeQuery's own members, which a property's step must not hide. */
const NODE_QUERY_MEMBERS = new Set(["list", "list_root", "where", "limit", "space", "external_id"]);

/**
 * The step member of a field: its own name, or with underscores added (`list_`) when NodeQuery uses the name;
 * the argument the member passes on stays the field's name.
 */
function stepMember(fieldName: string, fieldNames: ReadonlySet<string>): string {
  let member = fieldName;
  while (NODE_QUERY_MEMBERS.has(member) || (member !== fieldName && fieldNames.has(member))) member += "_";
  return member;
}

/** `TextProperty`, or a descriptor class with its value type; undefined when the property has no filter step. */
function descriptorOf(type: IRType, enumAlias: string | undefined): { descriptor: string; needs: string[] } | undefined {
  const value = valueType(type);
  switch (value.kind) {
    case "primitive":
      switch (value.primitive) {
        case "string":
          return { descriptor: "TextProperty", needs: [] };
        case "boolean":
          return { descriptor: "ValueProperty[bool]", needs: [] };
        case "int32":
        case "int64":
          return { descriptor: "RangeProperty[int]", needs: [] };
        case "float32":
        case "float64":
          return { descriptor: "RangeProperty[float]", needs: [] };
        case "timestamp":
          return { descriptor: "RangeProperty[datetime]", needs: ["datetime"] };
        case "date":
          return { descriptor: "RangeProperty[date]", needs: ["date"] };
        default:
          return undefined;
      }
    case "enum":
      return enumAlias ? { descriptor: `ValueProperty[${enumAlias}]`, needs: [] } : { descriptor: "TextProperty", needs: [] };
    case "cdfReference":
      return { descriptor: "TextProperty", needs: [] };
    case "nodeReference":
      return { descriptor: "ValueProperty[NodeId]", needs: [] };
    default:
      return undefined;
  }
}

/** Whether select() can follow a connection: to a node class of the SDK, and not back through a list of direct
 * relations, which one query cannot follow. */
function followable(connection: ConnectionPlan | undefined): connection is ConnectionPlan & { target: ClassRef } {
  if (connection?.target === undefined) return false;
  return connection.relationship.kind !== "reverse" || connection.relationship.through?.isList === false;
}

/** A member of a view's step: a filter descriptor or a traversal to the next step. */
type StepMember =
  | { property: IRProperty; member: string; descriptor: { descriptor: string; needs: string[] } }
  | { property: IRProperty; member: string; target: string };

/** The members of a node view's step, filters first, then traversals, as `_query.py` lists them. */
function stepMembers(plan: ViewPlan, queryClass: ReadonlyMap<string, string>): StepMember[] {
  // A direct relation the chain can follow is a traversal; its value stays filterable through `where`.
  const traversals = plan.fields.flatMap((property) => {
    const connection = plan.connections.get(property.identifier);
    const target = followable(connection) ? queryClass.get(connection.target.read) : undefined;
    return target !== undefined ? [{ property, target }] : [];
  });
  const followed = new Set(traversals.map(({ property }) => property.name));
  const fieldNames = new Set(plan.fields.map((property) => property.name));
  const filters = plan.fields.flatMap((property) => {
    if (property.kind !== "data" || followed.has(property.name)) return [];
    const descriptor = descriptorOf(property.type, plan.enumAliases.get(property.identifier));
    return descriptor === undefined ? [] : [{ property, descriptor }];
  });
  return [...filters, ...traversals].map((member) => ({ ...member, member: stepMember(member.property.name, fieldNames) }));
}

function queryClasses(plans: readonly ViewPlan[]): Map<string, string> {
  return new Map(plans.filter((plan) => plan.kind === "node").map((plan) => [plan.irClass.names.className, plan.queryClass]));
}

/** A warning for each step member that is not spelled like its field, since NodeQuery has a member of that name. */
export function stepRenames(plans: readonly ViewPlan[]): GeneratorWarning[] {
  const queryClass = queryClasses(plans);
  return plans
    .filter((plan) => plan.kind === "node")
    .flatMap((plan) =>
      stepMembers(plan, queryClass)
        .filter(({ property, member }) => member !== property.name)
        .map(({ property, member }) => ({
          code: "RENAMED" as const,
          location: locationOf(plan.irClass.view, property.identifier),
          message: `select() step member for field ${property.name} of ${plan.queryClass} would hide NodeQuery.${property.name}; it is "${member}"`,
        })),
    );
}

/** One step class of `select()`: what templates/python/_query_class.eta renders. */
export interface QueryClassData {
  name: string;
  readClass: string;
  listClass: string;
  /** Filter descriptors: `member = descriptor("field")`. */
  filters: { member: string; field: string; descriptor: string }[];
  /** Connections the chain follows: a property `member` giving the step `target`. */
  traversals: { member: string; field: string; target: string }[];
}

/** What templates/python/query.py.eta renders: the imports of `_query.py` and its step classes. */
export interface QueryModule {
  imports: string[];
  /** The run-time imports as a set, for a module that holds several (single_file). */
  importSet: ImportSet;
  queries: QueryClassData[];
}

/**
 * `dataClasses`: the module a view's data classes are imported from, `relocate` what the layout does with the
 * modules this one imports (package-layout.ts).
 */
export function queryModule(plans: ViewPlan[], layout: Layout, dataClasses: (plan: ViewPlan) => string, relocate?: Relocate): QueryModule {
  const nodePlans = plans.filter((plan) => plan.kind === "node");
  const queryClass = queryClasses(nodePlans);
  const imports = new ImportSet(relocate).add("stdlib", "typing", "Any", "TypeVar").add("local", "._runtime", "NodeList");
  const queries = nodePlans.map((plan): QueryClassData => {
    const { names } = plan.irClass;
    imports.add("local", dataClasses(plan), names.className, names.listClassName).add("local", "._runtime", "NodeQuery");
    const query: QueryClassData = {
      name: plan.queryClass,
      readClass: names.className,
      listClass: names.listClassName,
      filters: [],
      traversals: [],
    };
    for (const step of stepMembers(plan, queryClass)) {
      const { property, member } = step;
      if ("target" in step) {
        query.traversals.push({ member, field: property.name, target: step.target });
        continue;
      }
      const found = step.descriptor;
      const [descriptor] = found.descriptor.split("[");
      imports.add("local", "._runtime", descriptor as string);
      for (const need of found.needs) imports.add("stdlib", "datetime", need);
      if (found.descriptor.includes("[NodeId]")) imports.add("local", "._runtime", "NodeId");
      const alias = plan.enumAliases.get(property.identifier);
      if (alias && found.descriptor.includes(alias)) imports.add("local", dataClasses(plan), alias);
      query.filters.push({ member, field: property.name, descriptor: found.descriptor });
    }
    return query;
  });
  return { imports: imports.render(layout), importSet: imports, queries };
}
