/**
 * Python's naming conventions, as pygen v1 chose them by default (cognite/pygen config/naming.py), so users
 * migrating see the same names: PascalCase classes with Write/List suffixes, snake_case modules, fields and client
 * attributes.
 */
import type { LanguageNaming } from "../../ir/naming.ts";
import type { GeneratorConfig } from "../generator.ts";
import { explainPythonReservation, pythonReservation } from "./keywords.ts";
import { PYTHON_LINE_LENGTH } from "./options.ts";

export const pythonNaming: LanguageNaming = {
  language: "python",
  displayName: "Python",
  classNames: {
    className: { case: "pascal", namespace: "type" },
    writeClassName: { case: "pascal", suffix: "Write", namespace: "type" },
    listClassName: { case: "pascal", suffix: "List", namespace: "type" },
    writeListClassName: { case: "pascal", suffix: "WriteList", namespace: "type" },
    apiClassName: { case: "pascal", suffix: "API", namespace: "type" },
    fileName: { case: "snake", namespace: "module" },
    clientAttribute: { case: "snake", namespace: "client" },
  },
  moduleNames: {
    moduleClassName: { case: "pascal", suffix: "APIs", namespace: "type" },
    moduleAttribute: { case: "snake", namespace: "client" },
  },
  field: { case: "snake" },
  enumMember: { case: "snake" },
  filterParameters: {
    equals: { case: "snake" },
    prefix: { case: "snake", suffix: "_prefix" },
    min: { case: "snake", prefix: "min_" },
    max: { case: "snake", prefix: "max_" },
  },
  reservation: pythonReservation,
  explainReservation: explainPythonReservation,
  escapeReserved: (name: string) => `${name}_`,
  // Module files become `_<name>.py`; 255 bytes is the usual file-name limit, kept well clear of.
  maxFileNameLength: 120,
  // ruff format splits a line of one long name differently (`X_VIEW` constants, `Unpack[XFilters]`): kept short
  // enough that the longest such line, a class's `_view: ClassVar[ViewId] = X_VIEW`, fits 120 columns.
  maxNameLength: 80,
};

/** Python's naming with the configured cases for classes and fields (filter parameters follow the fields). */
export function pythonNamingFor(config: GeneratorConfig): LanguageNaming {
  const { className, field } = config.naming;
  // The package exports the client beside the view classes: a view must not be named like it.
  const isClient = (name: string, namespace: string) => namespace === "type" && name === config.clientName;
  const reservation: LanguageNaming["reservation"] = (name, namespace) =>
    isClient(name, namespace) ? "generated" : pythonNaming.reservation(name, namespace);
  const explainReservation: LanguageNaming["explainReservation"] = (name, namespace) =>
    isClient(name, namespace) ? "the name of the generated client class" : pythonNaming.explainReservation?.(name, namespace);
  // Names fit the longest line of one name (`_view: ClassVar[ViewId] = X_VIEW`) in the configured line length, as
  // the default limit fits it in the default line length: a narrower line cuts long names shorter.
  const maxNameLength = Math.min(pythonNaming.maxNameLength, config.lineLength - (PYTHON_LINE_LENGTH - pythonNaming.maxNameLength));
  const chosen = { ...pythonNaming, reservation, explainReservation, maxNameLength };
  if (className === "pascal" && field === "snake") return chosen;
  const classNames = Object.fromEntries(
    Object.entries(pythonNaming.classNames).map(([slot, rule]) => [slot, rule.namespace === "type" ? { ...rule, case: className } : rule]),
  ) as LanguageNaming["classNames"];
  const filterParameters = Object.fromEntries(
    Object.entries(pythonNaming.filterParameters).map(([operator, rule]) => [operator, { ...rule, case: field }]),
  ) as LanguageNaming["filterParameters"];
  return { ...chosen, classNames, field: { ...pythonNaming.field, case: field }, filterParameters };
}
