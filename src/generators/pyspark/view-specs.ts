/**
 * The Spark side of each node view, decided once: the data source's format name (unique, a SQL identifier), the
 * columns with the CDF kind the runtime converts (templates/pyspark/runtime/metadata.py), and what a data source
 * cannot hold — edge views, edge connections, reverse relations — reported, never dropped silently. Field names
 * and keyword filters are the base Python SDK's (the IR's names and the keywords its API takes), so the table
 * functions take exactly the SDK's filters.
 */
import { locationOf } from "../../ir/issues.ts";
import { joinWords, splitWords } from "../../ir/naming.ts";
import type { IRClass, IRPrimitive, IRType } from "../../ir/types.ts";
import type { SdkPlan } from "../../plan/sdk-plan.ts";
import type { ExtendedView, GeneratorWarning } from "../generator.ts";

/** The node's own columns, before the view's properties (metadata.py's NODE_COLUMNS). */
const NODE_COLUMNS = ["space", "externalId", "createdTime", "lastUpdatedTime"];

/** A property's type as PropertySpec takes it (metadata.py's PropertyKind): CDF's own names. */
export type PropertyKind = Exclude<IRPrimitive, "string"> | "text" | "enum" | "direct" | "timeseries" | "file" | "sequence";

export interface ColumnSpec {
  /** The CDF property identifier. */
  identifier: string;
  kind: PropertyKind;
  /** The Python SDK's field name: the table function's keyword filters name it so. */
  field: string;
  isList: boolean;
  /** The column name: the identifier, unless a node column has it. */
  column: string;
}

export interface ViewSpecPlan {
  irClass: IRClass;
  /** The data source's format name and, with `_udtf`, the table function's: `power_pump`. */
  name: string;
  /** The Python constant holding the spec in spark.py: `POWER_PUMP`. */
  constant: string;
  columns: ColumnSpec[];
  filterKeys: string[];
  nodeType?: { space: string; externalId: string };
}

/** Every node view's spec, in IR order, and the warnings for what got none or was renamed. */
export function planViewSpecs(sdk: SdkPlan, views: readonly ExtendedView[]): { specs: ViewSpecPlan[]; warnings: GeneratorWarning[] } {
  const warnings: GeneratorWarning[] = [];
  const decisions = new Map(sdk.views.map((view) => [view.irClass.id, view]));
  const names = new Set<string>();
  const specs: ViewSpecPlan[] = [];
  for (const view of views) {
    const decided = decisions.get(view.classId);
    if (decided === undefined) continue;
    const { irClass } = decided;
    if (view.kind === "edge") {
      warnings.push({
        code: "DATA_SOURCE_SKIPPED",
        location: locationOf(irClass.view),
        message: `${irClass.view.externalId} is a view of edges: Spark data sources and table functions read nodes, so it gets none`,
      });
      continue;
    }
    const name = claim(names, formatName(irClass));
    specs.push({
      irClass,
      name,
      constant: name.toUpperCase(),
      columns: planColumns(irClass, warnings),
      filterKeys: view.keywordFilters,
      nodeType: decided.nodeType,
    });
  }
  return { specs, warnings };
}

/** `<space>_<view>` in snake case, a SQL identifier: letters, digits and underscores, not starting with a digit. */
function formatName(irClass: IRClass): string {
  const name = joinWords([...splitWords(irClass.view.space), ...splitWords(irClass.view.externalId)], "snake");
  return /^[a-z_]/.test(name) ? name : `v_${name}`;
}

/** The name, or the name with the lowest number after it that is still free. */
function claim(taken: Set<string>, wanted: string, separator = "_"): string {
  let name = wanted;
  for (let attempt = 2; taken.has(name); attempt++) name = `${wanted}${separator}${attempt}`;
  taken.add(name);
  return name;
}

function planColumns(irClass: IRClass, warnings: GeneratorWarning[]): ColumnSpec[] {
  const taken = new Set([...NODE_COLUMNS, ...irClass.properties.map((property) => property.identifier)]);
  const columns: ColumnSpec[] = [];
  for (const property of irClass.properties) {
    const location = locationOf(irClass.view, property.identifier);
    if (property.kind !== "data") {
      const what = property.relationship?.kind === "reverse" ? "a reverse relation" : "an edge connection";
      warnings.push({
        code: "DATA_SOURCE_SKIPPED",
        location,
        message: `${property.identifier} of ${irClass.view.externalId} is ${what}, not a stored value: its Spark data source has no column for it`,
      });
      continue;
    }
    let column = property.identifier;
    if (NODE_COLUMNS.includes(column)) {
      column = claim(taken, `${property.identifier}Property`, "");
      warnings.push({
        code: "COLUMN_RENAMED",
        location,
        message: `${property.identifier} of ${irClass.view.externalId} is named like the node's own column; its Spark column is "${column}"`,
      });
    }
    const { kind, isList } = kindOf(property.type);
    columns.push({ identifier: property.identifier, kind, field: property.name, isList, column });
  }
  return columns;
}

function kindOf(type: IRType): { kind: PropertyKind; isList: boolean } {
  switch (type.kind) {
    case "nullable":
      return kindOf(type.inner);
    case "list":
      return { kind: kindOf(type.element).kind, isList: true };
    case "enum":
      return { kind: "enum", isList: false };
    case "nodeReference":
      return { kind: "direct", isList: false };
    case "cdfReference":
      return { kind: type.resource, isList: false };
    case "primitive":
      return { kind: type.primitive === "string" ? "text" : type.primitive, isList: false };
  }
}
