/**
 * The per-edge APIs of a node view's API class (templates/python/runtime/edges.py): one attribute per edge field,
 * `<field>_edge`, listing the edges of that field. An edge without properties gets the runtime's `PlainEdgeAPI`;
 * an edge with properties a small generated subclass of `EdgeAPI`, typed by the edge view's read class and
 * keyword filters, written beside the view's API class.
 */

import type { MethodData } from "./api-module.ts";
import { RUNTIME } from "./data-class-module.ts";
import type { ImportSet } from "./imports.ts";
import { OTHER_DATA_CLASSES } from "./package-layout.ts";
import type { ViewPlan } from "./view-plan.ts";

/** One edge field's attribute, and the typed class it is an object of when the edge has properties. */
export interface EdgeApiData {
  /** `self.<attribute> = <className>(instances, <node class>, "<field>", default_space)`. */
  attribute: string;
  field: string;
  className: string;
  /** The generated subclass, when the edge has properties: `_edge_class`, `_filters` and its methods. */
  typed?: { edgeClass: string; filtersClass: string; methods: MethodData[] };
}

/** The filters class of the view an edge class belongs to, by the edge class's file name. */
export type FiltersOf = (fileName: string) => string | undefined;

const ENDS = ["start_node: NodeRefs | None = None", "end_node: NodeRefs | None = None"];
const passOn = (...names: string[]) => names.map((name) => `${name}=${name}`);

function typedMethods(edgeClass: string, filtersClass: string): MethodData[] {
  const keywords = ["filter: RawFilter | None = None", `**filters: Unpack[${filtersClass}]`];
  return [
    {
      name: "list",
      parameters: ["*", ...ENDS, "limit: int | None = DEFAULT_LIMIT", ...keywords],
      returns: `EdgeList[${edgeClass}]`,
      forward: "_list",
      arguments: passOn("start_node", "end_node", "limit", "filter"),
    },
    {
      name: "iterate",
      parameters: ["chunk_size: int = 1000", "*", ...ENDS, "cursor: str | None = None", ...keywords],
      returns: `Iterator[EdgeList[${edgeClass}]]`,
      forward: "_iterate",
      arguments: passOn("start_node", "end_node", "chunk_size", "cursor", "filter"),
    },
  ];
}

/** The edge APIs of a node view, recording what they import. */
export function edgeApis(plan: ViewPlan, filtersOf: FiltersOf, imports: ImportSet): EdgeApiData[] {
  const apis: EdgeApiData[] = [];
  for (const property of plan.fields) {
    const connection = plan.connections.get(property.identifier);
    if (connection?.relationship.kind !== "edge") continue;
    const attribute = plan.edgeApiNames.get(property.identifier);
    if (attribute === undefined) continue;
    const edgeClass = connection.edgeClass;
    const filtersClass = edgeClass === undefined ? undefined : filtersOf(edgeClass.fileName);
    if (edgeClass === undefined || filtersClass === undefined) {
      imports.add("local", RUNTIME, "PlainEdgeAPI");
      apis.push({ attribute: attribute.attribute, field: property.name, className: "PlainEdgeAPI" });
      continue;
    }
    imports
      .add("stdlib", "collections.abc", "Iterator")
      .add("thirdParty", "typing_extensions", "Unpack")
      .add("local", RUNTIME, "DEFAULT_LIMIT", "EdgeAPI", "EdgeList", "NodeRefs", "RawFilter")
      .add("local", `${OTHER_DATA_CLASSES}_${edgeClass.fileName}`, edgeClass.read, filtersClass);
    apis.push({
      attribute: attribute.attribute,
      field: property.name,
      className: attribute.className,
      typed: { edgeClass: edgeClass.read, filtersClass, methods: typedMethods(edgeClass.read, filtersClass) },
    });
  }
  return apis;
}
