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
}

export const RUNTIME_MODULE = "./_runtime/index.js";

/** The module a view's types and metadata are imported from. */
export function moduleOf(view: ViewDecisions): string {
  return `./${view.irClass.names.fileName}.js`;
}
