/**
 * The body of `_api/<view>.py`: `XAPI(ViewAPI[X, XList])` with thin, fully typed methods that forward to the
 * runtime. The keyword filters are explicit keyword parameters of each method, not `**filters: Unpack[XFilters]`:
 * jedi (Jupyter, IPython) completes no TypedDict keys, and notebooks are where the SDK is used. Each method hands
 * its `locals()` to the runtime, which reads the filter keys from it, so the body stays one call.
 */

import { documented, exampleFilter, filterParameters, KEYWORDS_ONLY, type MethodData, type MethodSpec, passOn } from "./api-method.ts";
import { type EdgeApiData, edgeApis } from "./edge-api.ts";
import { allFilterKeywords, type FilterKeyword } from "./filter-keywords.ts";
import { ImportSet, type Relocate, RUNTIME } from "./imports.ts";
import { type Layout, type MethodDoc, pythonString } from "./layout.ts";
import type { ViewPlan } from "./view-plan.ts";

const DATA_CLASSES = "..data_classes";

/** What the API module's docstrings need beyond the plan: the view's API as users reach it. */
export interface ApiDocs {
  /** `client.<attribute>`: `hydro_plant`, or `group.hydro_plant` with several data models. */
  attribute: string;
}

function methodsOf(
  plan: ViewPlan,
  keywords: readonly FilterKeyword[],
  layout: Layout,
  extended: boolean,
  docs: ApiDocs | undefined,
): MethodData[] {
  const { names } = plan.irClass;
  const [field, text, list, view] = [plan.fieldAlias, plan.textFieldAlias, names.listClassName, names.className];
  const filters = filterParameters(keywords, "nodes");
  // Sorting takes the node's own external_id and space too (NodeField).
  const sortable = `${field} | NodeField`;
  const sorting = [
    {
      signature: `sort_by: ${sortable} | Sequence[${sortable}] | None = None`,
      doc: "The field or fields to sort by; external_id and space sort by the node's own.",
    },
    { signature: 'direction: SortDirection = "ascending"', doc: "The sort order: ascending or descending." },
  ];
  const example = exampleFilter(keywords);
  // `client.<view>.<method>(positional, <a filter>, keywords)`.
  const call = (method: string, positional: string[], keywords: string[] = [], tail = ")") => ({
    head: `client.${docs?.attribute}.${method}(`,
    items: [...positional, ...example, ...keywords],
    tail,
  });
  // `for page in client.<view>.iterate(...):`, the API named first if that line would run long (a long view name).
  const loop = (iterate: MethodDoc["example"]): MethodDoc["example"] => {
    const body = "print(len(page), page.next_cursor)";
    const direct = `for page in ${iterate.head}`;
    if (layout.indent.length * 3 + 4 + direct.length <= layout.lineLength) return { ...iterate, head: direct, body };
    return { ...iterate, setup: `api = client.${docs?.attribute}`, head: "for page in api.iterate(", body };
  };
  const methods: MethodSpec[] = [
    {
      name: "list",
      summary: `List ${view} nodes that match the filters.`,
      // Only a view whose classes others extend has child classes to read nodes as.
      parameters: [
        KEYWORDS_ONLY,
        { signature: "limit: int | None = DEFAULT_LIMIT", doc: "The most nodes to return; None returns them all." },
        ...sorting,
        ...(extended
          ? [{ signature: "as_child_class: bool = False", doc: "Read each node as the most specific class whose view it has data in." }]
          : []),
        {
          signature: 'retrieve_connections: RetrieveConnections = "skip"',
          doc: "skip, identifier (edges and reverse relations as node ids) or full (the connected objects).",
        },
        ...filters,
      ],
      returns: list,
      forward: "_list",
      arguments: passOn("limit", "sort_by", "direction", "filter", ...(extended ? ["as_child_class"] : []), "retrieve_connections"),
      example: call("list", [], ["limit=10"]),
    },
    {
      name: "iterate",
      summary: `Iterate over the ${view} nodes that match the filters, a page at a time.`,
      parameters: [
        { signature: "chunk_size: int = 1000", doc: "The most nodes per page." },
        KEYWORDS_ONLY,
        { signature: "cursor: str | None = None", doc: "A page's next_cursor, to resume after that page." },
        ...filters,
      ],
      returns: `Iterator[${list}]`,
      forward: "_iterate",
      arguments: passOn("chunk_size", "cursor", "filter"),
      example: loop(call("iterate", ["chunk_size=500"], [], "):")),
    },
  ];
  if (plan.hasSearch) {
    methods.push({
      name: "search",
      summary: `Search the text fields of the ${view} nodes that match the filters.`,
      parameters: [
        { signature: "query: str | None = None", doc: "The text to search for; None matches every node." },
        { signature: `properties: ${text} | Sequence[${text}] | None = None`, doc: "The text fields to search; None searches them all." },
        KEYWORDS_ONLY,
        { signature: "limit: int = DEFAULT_LIMIT", doc: "The most nodes to return." },
        ...sorting,
        ...filters,
      ],
      returns: list,
      forward: "_search",
      arguments: passOn("query", "properties", "limit", "sort_by", "direction", "filter"),
      example: call("search", ['"text to find"'], ["limit=10"]),
    });
  }
  methods.push({
    name: "aggregate",
    summary: `Count the ${view} nodes that match the filters, or aggregate one of their fields.`,
    parameters: [
      { signature: "aggregate: AggregateName", doc: "count, avg, min, max or sum." },
      { signature: `property: ${field} | None = None`, doc: "The field to aggregate; count needs none." },
      KEYWORDS_ONLY,
      { signature: `group_by: ${field} | Sequence[${field}] | None = None`, doc: "The field or fields to group by." },
      ...filters,
    ],
    returns: "AggregateResult",
    forward: "_aggregate",
    arguments: passOn("aggregate", "property", "group_by", "filter"),
    example: call("aggregate", ['"count"'], [], ").value"),
  });
  if (plan.hasHistogram) {
    methods.push({
      name: "histogram",
      summary: `Count the ${view} nodes that match the filters in buckets of a numeric field.`,
      parameters: [
        { signature: `property: ${field}`, doc: "The numeric field to bucket." },
        { signature: "interval: float", doc: "The width of each bucket." },
        KEYWORDS_ONLY,
        ...filters,
      ],
      returns: "Histogram",
      forward: "_histogram",
      arguments: passOn("property", "interval", "filter"),
      example: call("histogram", [pythonString(numericField(keywords) ?? plan.sortable[0] ?? ""), "10.0"]),
    });
  }
  return documented(methods, docs !== undefined);
}

/** A numeric field the view has a range filter on, for the histogram's example. */
function numericField(keywords: readonly FilterKeyword[]): string | undefined {
  return keywords.find((keyword) => keyword.name.startsWith("min_") && /^(float|int) /.test(keyword.type))?.property?.name;
}

/**
 * What templates/python/api.py.eta renders (through `_api_class.eta` and `_api_method.eta`): the module's imports
 * and the API class, with the classes it is typed by and its methods.
 */
export interface ApiModule {
  imports: string[];
  /** The run-time imports as a set, for a module that holds several (single_file). */
  importSet: ImportSet;
  api: {
    name: string;
    readClass: string;
    listClass: string;
    filtersClass: string;
    queryClass: string;
    methods: MethodData[];
    /** The per-edge APIs, one attribute per edge field (edge-api.ts). */
    edges: EdgeApiData[];
  };
}

/**
 * `extended`: other generated classes extend this view's (inheritance.ts), so `list` offers `as_child_class`.
 * `relocate`: where the package layout puts the modules imported (package-layout.ts). `docs`: what the
 * docstrings need; none without docstrings.
 */
export function apiModule(plan: ViewPlan, layout: Layout, extended = false, relocate?: Relocate, docs?: ApiDocs): ApiModule {
  const { names } = plan.irClass;
  const imports = new ImportSet(relocate)
    .add("stdlib", "collections.abc", "Iterator", "Sequence")
    .add(
      "local",
      RUNTIME,
      "DEFAULT_LIMIT",
      "AggregateName",
      "AggregateResult",
      "InstancesClient",
      "NodeField",
      "RawFilter",
      "RetrieveConnections",
      "SortDirection",
      "ViewAPI",
    )
    .add("local", ".._query", plan.queryClass)
    .add("local", DATA_CLASSES, names.className, names.listClassName, plan.fieldAlias, plan.filtersClass);
  if (plan.hasSearch) imports.add("local", DATA_CLASSES, plan.textFieldAlias);
  if (plan.hasHistogram) imports.add("local", RUNTIME, "Histogram");
  const keywords = allFilterKeywords(plan, "node");
  for (const keyword of keywords) {
    keyword.addImports(imports, RUNTIME);
    if (keyword.enumAlias !== undefined) imports.add("local", DATA_CLASSES, keyword.enumAlias);
  }
  const edges = edgeApis(plan, imports);
  return {
    imports: imports.render(layout),
    importSet: imports,
    api: {
      name: names.apiClassName,
      readClass: names.className,
      listClass: names.listClassName,
      filtersClass: plan.filtersClass,
      queryClass: plan.queryClass,
      methods: methodsOf(plan, keywords, layout, extended, docs),
      edges,
    },
  };
}
