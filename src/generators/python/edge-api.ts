/**
 * The per-edge APIs (templates/python/runtime/edges.py): every node view's API class has one attribute per edge
 * field, `<field>_edge`, listing the edges of that field. An edge without properties gets the runtime's
 * `PlainEdgeAPI`; an edge with properties the API class of its edge class, a small subclass of `EdgeAPI` typed by
 * the edge view's read class and keyword filters, written once in the edge class's module and shared by every
 * field whose edges it holds.
 */

import { type MethodData, passOn } from "./api-method.ts";
import { type ImportSet, RUNTIME } from "./imports.ts";
import { OTHER_DATA_CLASSES } from "./package-layout.ts";
import type { ViewPlan } from "./view-plan.ts";

/** One edge field's attribute: `self.<attribute> = <className>(instances, <node class>, "<field>", default_space)`. */
export interface EdgeApiData {
  attribute: string;
  field: string;
  className: string;
}

/** The typed API class of an edge class, as `_edge_api_class.eta` renders it. */
export interface EdgeApiClassData {
  kind: "edge_api";
  name: string;
  edgeClass: string;
  filtersClass: string;
  methods: MethodData[];
}

const ENDS = ["start_node: NodeRefs | None = None", "end_node: NodeRefs | None = None"];

/** The node view's edge fields as attributes of its API class, recording what they import. */
export function edgeApis(plan: ViewPlan, imports: ImportSet): EdgeApiData[] {
  const apis: EdgeApiData[] = [];
  for (const property of plan.fields) {
    const connection = plan.connections.get(property.identifier);
    if (connection?.relationship.kind !== "edge") continue;
    const typed = connection.edgeClass;
    let className = "PlainEdgeAPI";
    if (typed?.edgeApi !== undefined) {
      className = typed.edgeApi;
      imports.add("local", `${OTHER_DATA_CLASSES}_${typed.fileName}`, className);
    } else {
      imports.add("local", RUNTIME, className);
    }
    apis.push({ attribute: `${property.name}_edge`, field: property.name, className });
  }
  return apis;
}

/** The API class `name` of the edges of `edgeClass`, filtered by the view's `filtersClass`. */
export function edgeApiClass(name: string, edgeClass: string, filtersClass: string, imports: ImportSet): EdgeApiClassData {
  imports
    .add("stdlib", "collections.abc", "Iterator")
    .add("thirdParty", "typing_extensions", "Unpack")
    .add("local", RUNTIME, "DEFAULT_LIMIT", "EdgeAPI", "EdgeList", "NodeRefs", "RawFilter");
  const keywords = ["filter: RawFilter | None = None", `**filters: Unpack[${filtersClass}]`];
  const methods: MethodData[] = [
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
  return { kind: "edge_api", name, edgeClass, filtersClass, methods };
}
