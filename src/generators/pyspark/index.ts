/**
 * PySpark, as the language registry knows it: the Python SDK (the base language's package, names and keyword
 * filters) with Spark data sources and SQL table functions for its node views (extension.ts). The registry builds
 * it on the Python description, so this folder reaches Python only through the registry's interface.
 */
import { GenerationError } from "../../errors.ts";
import type { LanguageDescription } from "../language.ts";
import { sparkExtension } from "./extension.ts";

export function pysparkOn(base: LanguageDescription): LanguageDescription {
  const { extend } = base;
  if (extend === undefined) throw new GenerationError(`PySpark needs a language whose SDK it can extend; ${base.displayName} is not one`);
  const named = { language: "pyspark", displayName: "PySpark" };
  return {
    key: "pyspark",
    displayName: "PySpark",
    naming: { ...base.naming, ...named },
    namingFor: (config) => ({ ...base.namingFor(config), ...named }),
    defaults: base.defaults,
    packageNameProblem: base.packageNameProblem,
    checkConfig: base.checkConfig,
    createGenerator: (config) => extend.call(base, config, sparkExtension(config)),
    outputChecks: [...base.outputChecks, "Spark local mode against the emulator (read, filters, write, SQL table functions)"],
  };
}
