/**
 * The body of `_api/<view>.py`: `XAPI(ViewAPI[X, XList])` with thin, fully typed methods that forward to the
 * runtime. The keyword filters are one TypedDict per view (`**filters: Unpack[XFilters]`), written once and
 * shared by every method, which is what keeps the generated SDK a fraction of pygen v1's size.
 */

import { type MethodData, passOn } from "./api-method.ts";
import { type EdgeApiData, edgeApis } from "./edge-api.ts";
import { ImportSet, type Relocate, RUNTIME } from "./imports.ts";
import type { Layout } from "./layout.ts";
import type { ViewPlan } from "./view-plan.ts";

const DATA_CLASSES = "..data_classes";

function methodsOf(plan: ViewPlan, extended: boolean): MethodData[] {
  const { names } = plan.irClass;
  const [field, text, list] = [plan.fieldAlias, plan.textFieldAlias, names.listClassName];
  const keywords = [`filter: RawFilter | None = None`, `**filters: Unpack[${plan.filtersClass}]`];
  // Sorting takes the node's own external_id and space too (NodeField).
  const sortable = `${field} | NodeField`;
  const sorting = [`sort_by: ${sortable} | Sequence[${sortable}] | None = None`, `direction: SortDirection = "ascending"`];
  const methods: MethodData[] = [
    {
      name: "list",
      // Only a view whose classes others extend has child classes to read nodes as.
      parameters: [
        "*",
        "limit: int | None = DEFAULT_LIMIT",
        ...sorting,
        ...(extended ? ["as_child_class: bool = False"] : []),
        'retrieve_connections: RetrieveConnections = "skip"',
        ...keywords,
      ],
      returns: list,
      forward: "_list",
      arguments: passOn("limit", "sort_by", "direction", "filter", ...(extended ? ["as_child_class"] : []), "retrieve_connections"),
    },
    {
      name: "iterate",
      parameters: ["chunk_size: int = 1000", "*", "cursor: str | None = None", ...keywords],
      returns: `Iterator[${list}]`,
      forward: "_iterate",
      arguments: passOn("chunk_size", "cursor", "filter"),
    },
  ];
  if (plan.hasSearch) {
    methods.push({
      name: "search",
      parameters: [
        "query: str | None = None",
        `properties: ${text} | Sequence[${text}] | None = None`,
        "*",
        "limit: int = DEFAULT_LIMIT",
        ...sorting,
        ...keywords,
      ],
      returns: list,
      forward: "_search",
      arguments: passOn("query", "properties", "limit", "sort_by", "direction", "filter"),
    });
  }
  methods.push({
    name: "aggregate",
    parameters: [
      "aggregate: AggregateName",
      `property: ${field} | None = None`,
      "*",
      `group_by: ${field} | Sequence[${field}] | None = None`,
      ...keywords,
    ],
    returns: "AggregateResult",
    forward: "_aggregate",
    arguments: passOn("aggregate", "property", "group_by", "filter"),
  });
  if (plan.hasHistogram) {
    methods.push({
      name: "histogram",
      parameters: [`property: ${field}`, "interval: float", "*", ...keywords],
      returns: "Histogram",
      forward: "_histogram",
      arguments: passOn("property", "interval", "filter"),
    });
  }
  return methods;
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
 * `relocate`: where the package layout puts the modules imported (package-layout.ts).
 */
export function apiModule(plan: ViewPlan, layout: Layout, extended = false, relocate?: Relocate): ApiModule {
  const { names } = plan.irClass;
  const imports = new ImportSet(relocate)
    .add("stdlib", "collections.abc", "Iterator", "Sequence")
    .add("thirdParty", "typing_extensions", "Unpack")
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
      methods: methodsOf(plan, extended),
      edges,
    },
  };
}
