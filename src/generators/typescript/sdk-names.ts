/** What every module writer needs to know about the SDK: its classes by id, their names and where they live. */
import type { ViewDecisions } from "../../plan/sdk-plan.ts";

/** What a view module needs to know about the SDK: the names of other classes, by class id. */
export interface SdkNames {
  view(classId: string): ViewDecisions | undefined;
  /** The metadata constant of a class, e.g. `HYDRO_PLANT_META`. */
  metaName(classId: string): string;
  /** The node views of the SDK that implement the class directly. */
  children(classId: string): ViewDecisions[];
  /** JSDoc comments from the model's descriptions (the `docstrings` option). */
  docstrings: boolean;
  /** The doc comment of a view's read interface (none when docstrings are off). */
  viewDoc(view: ViewDecisions): string[];
}

export const RUNTIME_MODULE = "./_runtime/index.js";
/** The module typing select() and the name of the schema type in `select.d.ts` (reserved: no view type takes it). */
export const SELECT_SCHEMA = "SelectSchema";
export const SELECT_MODULE = "./select.js";

/** The module a view's types and metadata are imported from. */
export function moduleOf(view: ViewDecisions): string {
  return `./${view.irClass.names.fileName}.js`;
}
