/**
 * One method of a generated API class (a view's, or an edge class's) as `_api_method.eta` renders it: a typed
 * signature with explicit filter keywords, a docstring, and a body that hands its `locals()` to the runtime base
 * class, which reads the filter keys from it.
 */
import type { FilterKeyword } from "./filter-keywords.ts";
import type { MethodDoc } from "./layout.ts";

/** One method of an API class: its signature, docstring, and the runtime method it forwards to. */
export interface MethodData {
  name: string;
  /** The parameters after `self`, each as written in the signature (`limit: int | None = DEFAULT_LIMIT`, `*`). */
  parameters: string[];
  returns: string;
  /** The runtime method and the arguments passed on after the filters (the method's `locals()`). */
  forward: string;
  arguments: string[];
  /** Undefined when docstrings are turned off. */
  doc?: MethodDoc;
}

/** A parameter as written in the signature, and what its docstring says of it (`*` has nothing to say). */
export interface Parameter {
  signature: string;
  doc?: string;
}

/** A method before its docstring is laid out: its parameters with their docs, a summary and an example. */
export type MethodSpec = Omit<MethodData, "parameters" | "doc"> & {
  parameters: Parameter[];
  summary: string;
  example: MethodDoc["example"];
};

/** Keyword name=name arguments. */
export const passOn = (...names: string[]) => names.map((name) => `${name}=${name}`);

export const KEYWORDS_ONLY: Parameter = { signature: "*" };

/** The raw filter and one keyword parameter per filter keyword, each documented. */
export function filterParameters(keywords: readonly FilterKeyword[], matched: string): Parameter[] {
  return [
    { signature: "filter: RawFilter | None = None", doc: `A raw filter, which ${matched} must match besides the keyword filters.` },
    ...keywords.map((keyword) => ({ signature: `${keyword.name}: ${keyword.type} = None`, doc: keywordDoc(keyword) })),
  ];
}

/** What a filter keyword matches, and the description of the property it filters on. */
function keywordDoc(keyword: FilterKeyword): string {
  const description = keyword.property?.description?.trim();
  return description ? `${keyword.meaning} ${description}` : keyword.meaning;
}

/**
 * One filter keyword for the examples, with a value of its type: a range if the view has one (the typical
 * notebook query), else a prefix, else the external id prefix.
 */
export function exampleFilter(keywords: readonly FilterKeyword[]): string[] {
  const sample = (keyword: FilterKeyword) => {
    const type = keyword.type.split(" | ")[0];
    if (type === "float") return "1.0";
    if (type === "int") return "1";
    if (type === "str" && keyword.name.endsWith("_prefix")) return '"A"';
    return undefined;
  };
  const candidates = [
    ...keywords.filter((keyword) => keyword.name.startsWith("min_")),
    ...keywords.filter((keyword) => keyword.name.endsWith("_prefix") && keyword.property !== undefined),
  ];
  for (const keyword of candidates) {
    const value = sample(keyword);
    if (value !== undefined) return [`${keyword.name}=${value}`];
  }
  return ['external_id_prefix="A"'];
}

/**
 * The methods as the template takes them; with `docstrings`, each gets its docstring. One Args entry per parameter,
 * shared by the methods that take it (the filter keywords): the docstring layout wraps a shared entry once
 * (layout.ts).
 */
export function documented(methods: readonly MethodSpec[], docstrings: boolean): MethodData[] {
  const args = new Map<Parameter, MethodDoc["args"][number]>();
  const argOf = (parameter: Parameter, text: string) => {
    const arg = args.get(parameter) ?? { name: parameter.signature.split(":")[0] ?? "", text };
    args.set(parameter, arg);
    return arg;
  };
  return methods.map(({ parameters, summary, example, ...method }) => ({
    ...method,
    parameters: parameters.map((parameter) => parameter.signature),
    ...(docstrings
      ? {
          doc: {
            summary,
            args: parameters.flatMap((parameter) => (parameter.doc === undefined ? [] : [argOf(parameter, parameter.doc)])),
            example,
          },
        }
      : {}),
  }));
}
