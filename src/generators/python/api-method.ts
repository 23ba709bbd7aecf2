/**
 * One method of a generated API class (a view's, or an edge class's) as `_api_method.eta` renders it: a typed
 * signature whose body forwards to the runtime base class.
 */

/** One method of an API class: its signature, and the runtime method it forwards to. */
export interface MethodData {
  name: string;
  /** The parameters after `self`, each as written in the signature (`limit: int | None = DEFAULT_LIMIT`, `*`). */
  parameters: string[];
  returns: string;
  /** The runtime method and the arguments passed on after `filters`. */
  forward: string;
  arguments: string[];
}

/** Keyword name=name arguments. */
export const passOn = (...names: string[]) => names.map((name) => `${name}=${name}`);
