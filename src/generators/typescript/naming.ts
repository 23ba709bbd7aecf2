/**
 * TypeScript's naming conventions: PascalCase types (`Pump`, `PumpWrite`, `PumpFilters`, `PumpField`, `PumpAPI`),
 * camelCase fields, filter arguments and client members, and snake_case module files. TypeScript has no list
 * classes: the IR's two list slots name the view's filter-argument type and its sortable-field union, so those
 * names are planned unique with the others.
 */
import type { LanguageNaming } from "../../ir/naming.ts";
import type { GeneratorConfig } from "../generator.ts";
import { explainTypescriptReservation, typescriptReservation } from "./keywords.ts";

export const typescriptNaming: LanguageNaming = {
  language: "typescript",
  displayName: "TypeScript",
  classNames: {
    className: { case: "pascal", namespace: "type" },
    writeClassName: { case: "pascal", suffix: "Write", namespace: "type" },
    listClassName: { case: "pascal", suffix: "Filters", namespace: "type" },
    writeListClassName: { case: "pascal", suffix: "Field", namespace: "type" },
    apiClassName: { case: "pascal", suffix: "API", namespace: "type" },
    fileName: { case: "snake", namespace: "module" },
    clientAttribute: { case: "camel", namespace: "client" },
  },
  moduleNames: {
    moduleClassName: { case: "pascal", suffix: "APIs", namespace: "type" },
    moduleAttribute: { case: "camel", namespace: "client" },
  },
  field: { case: "camel" },
  enumMember: { case: "camel" },
  // The runtime reads filter arguments by these spellings (keyword-filters.ts): `name`, `namePrefix`, `minName`.
  filterParameters: {
    equals: { case: "camel" },
    prefix: { case: "camel", suffix: "Prefix" },
    min: { case: "pascal", prefix: "min" },
    max: { case: "pascal", prefix: "max" },
  },
  reservation: typescriptReservation,
  explainReservation: explainTypescriptReservation,
  escapeReserved: (name: string) => `${name}_`,
  maxFileNameLength: 120,
  // Keeps the longest generated line (an edge field's write type names two classes) within Biome's 120 columns.
  maxNameLength: 40,
};

/** TypeScript's naming for one run: the client class is exported beside the view types, so no view takes its name. */
export function typescriptNamingFor(config: GeneratorConfig): LanguageNaming {
  const isClient = (name: string, namespace: string) => namespace === "type" && name === config.clientName;
  return {
    ...typescriptNaming,
    reservation: (name, namespace) => (isClient(name, namespace) ? "generated" : typescriptNaming.reservation(name, namespace)),
    explainReservation: (name, namespace) =>
      isClient(name, namespace) ? "the name of the generated client class" : typescriptNaming.explainReservation?.(name, namespace),
  };
}
