/**
 * The body of `_api/<view>.py`: `XAPI(ViewAPI[X, XList])` with thin, fully typed methods that forward to the
 * runtime. The keyword filters are one TypedDict per view (`**filters: Unpack[XFilters]`), written once and
 * shared by every method, which is what keeps the generated SDK a fraction of pygen v1's size.
 */

import type { ModuleFragments } from "./data-class-module.ts";
import { RUNTIME } from "./data-class-module.ts";
import { ImportSet, type Relocate } from "./imports.ts";
import { type Layout, PythonWriter } from "./layout.ts";
import { methodHead } from "./query-module.ts";
import type { ViewPlan } from "./view-plan.ts";

const DATA_CLASSES = "..data_classes";

interface Method {
  name: string;
  parameters: string[];
  returns: string;
  /** The runtime method and the arguments passed on after `filters`. */
  forward: string;
  arguments: string[];
}

/** Keyword name=name arguments. */
const passOn = (...names: string[]) => names.map((name) => `${name}=${name}`);

function methodsOf(plan: ViewPlan, extended: boolean): Method[] {
  const { names } = plan.irClass;
  const [field, text, list] = [plan.fieldAlias, plan.textFieldAlias, names.listClassName];
  const keywords = [`filter: RawFilter | None = None`, `**filters: Unpack[${plan.filtersClass}]`];
  const sorting = [`sort_by: ${field} | Sequence[${field}] | None = None`, `direction: SortDirection = "ascending"`];
  const methods: Method[] = [
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
 * `extended`: other generated classes extend this view's (inheritance.ts), so `list` offers `as_child_class`.
 * `relocate`: where the package layout puts the modules imported (package-layout.ts).
 */
export function apiModule(plan: ViewPlan, layout: Layout, extended = false, relocate?: Relocate): ModuleFragments {
  const { names } = plan.irClass;
  const methods = methodsOf(plan, extended);
  const imports = new ImportSet(relocate)
    .add("stdlib", "collections.abc", "Sequence")
    .add("thirdParty", "typing_extensions", "Unpack")
    .add(
      "local",
      RUNTIME,
      "DEFAULT_LIMIT",
      "AggregateName",
      "AggregateResult",
      "InstancesClient",
      "RawFilter",
      "RetrieveConnections",
      "SortDirection",
      "ViewAPI",
    )
    .add("local", ".._query", plan.queryClass)
    .add("local", DATA_CLASSES, names.className, names.listClassName, plan.fieldAlias, plan.filtersClass);
  if (plan.hasSearch) imports.add("local", DATA_CLASSES, plan.textFieldAlias);
  if (plan.hasHistogram) imports.add("local", RUNTIME, "Histogram");
  imports.add("stdlib", "collections.abc", "Iterator");

  const writer = new PythonWriter(layout);
  const declaration = `class ${names.apiClassName}(ViewAPI[${names.className}, ${names.listClassName}]):`;
  if (declaration.length <= layout.lineLength) {
    writer.line(declaration);
  } else {
    // Too long for one line: the base class goes on lines of its own, its type arguments split if need be.
    writer
      .line(`class ${names.apiClassName}(`)
      .indented((base) => base.bracketed("ViewAPI[", [names.className, names.listClassName], "],", { hug: true }))
      .line("):");
  }
  writer.indented((body) => {
    body
      .bracketed("def __init__(", ["self", "instances: InstancesClient", "default_space: str | None = None"], ") -> None:")
      .indented((init) =>
        init.bracketed("super().__init__(", ["instances", names.className, names.listClassName, plan.filtersClass, "default_space"], ")"),
      );
    for (const method of methods) {
      body
        .line()
        .bracketed(`def ${method.name}(`, ["self", ...method.parameters], `) -> ${method.returns}:`)
        .indented((code) => code.bracketed(`return self.${method.forward}(`, ["filters", ...method.arguments], ")"));
    }
    methodHead(body.line(), "select", plan.queryClass, names.listClassName, layout).indented((code) =>
      code.line(`return ${plan.queryClass}(self._instances)`),
    );
  });
  return { imports: imports.render(layout), body: writer.toString(), importSet: imports };
}
