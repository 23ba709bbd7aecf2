/**
 * The per-edge APIs (templates/python/runtime/edges.py): every node view's API class has one attribute per edge
 * field, `<field>_edge`, listing the edges of that field. An edge without properties gets the runtime's
 * `PlainEdgeAPI`; an edge with properties the API class of its edge class, a small subclass of `EdgeAPI` typed by
 * the edge view's read class and keyword filters, written once in the edge class's module and shared by every
 * field whose edges it holds.
 */

import { documented, exampleFilter, filterParameters, KEYWORDS_ONLY, type MethodData, type MethodSpec, passOn } from "./api-method.ts";
import { allFilterKeywords } from "./filter-keywords.ts";
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

const ENDS = [
  { signature: "start_node: NodeRefs | None = None", doc: "Only edges starting at this node, or at any of these." },
  { signature: "end_node: NodeRefs | None = None", doc: "Only edges ending at this node, or at any of these." },
];

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

/**
 * The API class `name` of the edges of `edgeClass`, filtered by the keywords of `plan`'s filters class (the edge
 * view's); with `docstrings`, its methods are documented.
 */
export function edgeApiClass(name: string, edgeClass: string, plan: ViewPlan, imports: ImportSet, docstrings: boolean): EdgeApiClassData {
  imports
    .add("stdlib", "collections.abc", "Iterator")
    .add("local", RUNTIME, "DEFAULT_LIMIT", "EdgeAPI", "EdgeList", "NodeRefs", "RawFilter");
  const keywords = allFilterKeywords(plan, "edge");
  for (const keyword of keywords) keyword.addImports(imports, RUNTIME);
  const filters = filterParameters(keywords, "edges");
  // The class serves every edge field holding these edges: the example names one as `edges`.
  const example = (head: string, items: string[], tail: string, body?: string) => ({
    setup: "edges = client.<view>.<field>_edge",
    head,
    items: ['start_node="node-1"', ...exampleFilter(keywords), ...items],
    tail,
    ...(body === undefined ? {} : { body }),
  });
  const methods: MethodSpec[] = [
    {
      name: "list",
      summary: `List the ${edgeClass} edges that match the filters.`,
      parameters: [
        KEYWORDS_ONLY,
        ...ENDS,
        { signature: "limit: int | None = DEFAULT_LIMIT", doc: "The most edges to return; None returns them all." },
        ...filters,
      ],
      returns: `EdgeList[${edgeClass}]`,
      forward: "_list",
      arguments: passOn("start_node", "end_node", "limit", "filter"),
      example: example("edges.list(", ["limit=10"], ")"),
    },
    {
      name: "iterate",
      summary: `Iterate over the ${edgeClass} edges that match the filters, a page at a time.`,
      parameters: [
        { signature: "chunk_size: int = 1000", doc: "The most edges per page." },
        KEYWORDS_ONLY,
        ...ENDS,
        { signature: "cursor: str | None = None", doc: "A page's next_cursor, to resume after that page." },
        ...filters,
      ],
      returns: `Iterator[EdgeList[${edgeClass}]]`,
      forward: "_iterate",
      arguments: passOn("start_node", "end_node", "chunk_size", "cursor", "filter"),
      example: example("for page in edges.iterate(", [], "):", "print(len(page), page.next_cursor)"),
    },
  ];
  return { kind: "edge_api", name, edgeClass, filtersClass: plan.filtersClass, methods: documented(methods, docstrings) };
}
