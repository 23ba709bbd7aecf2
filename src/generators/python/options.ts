/**
 * The generation options as Python reads them: its defaults (pygen v1's: the package is the model's externalId in
 * snake_case, the client its PascalCase with `Client`) and the options it refuses, with the reason. flat_structure
 * and single_file are honoured by the generator's package layouts (package-layout.ts).
 */
import { GenerationError } from "../../errors.ts";
import { applyRule } from "../../ir/naming.ts";
import { type GeneratorConfig, IDENTIFIER } from "../generator.ts";
import type { LanguageDefaults } from "../language.ts";
import { isHardKeyword } from "./keywords.ts";

/** ruff's line length in the SDKs pygen generates, unless the user picks another. */
export const PYTHON_LINE_LENGTH = 120;

export function pythonDefaults(modelWords: readonly string[]): LanguageDefaults {
  // An identifier cannot start with a digit.
  const words = /^[0-9]/.test(modelWords[0] ?? "") ? ["sdk", ...modelWords] : [...modelWords];
  return {
    topLevelPackage: applyRule(words, { case: "snake" }),
    clientName: applyRule(words, { case: "pascal", suffix: "Client" }),
    naming: { className: "pascal", field: "snake" },
    lineLength: PYTHON_LINE_LENGTH,
    indent: 4,
  };
}

/** Refuses what a Python SDK cannot be generated with. */
export function checkPythonConfig(config: GeneratorConfig): void {
  const refuse = (message: string) => {
    throw new GenerationError(message);
  };
  const packageProblem = packageNameProblem(config.topLevelPackage);
  if (packageProblem !== undefined) refuse(packageProblem);
  if (!config.typeHints) refuse("type hints cannot be turned off: the generated data classes are pydantic models built from them");
}

/** Why Python could not import a package of this name, if it could not: each dotted part is a package of its own. */
export function packageNameProblem(name: string): string | undefined {
  for (const part of name.split(".")) {
    const which = part === name ? `"${name}"` : `"${part}" in "${name}"`;
    if (!IDENTIFIER.test(part)) {
      return `top-level package must be an identifier (letters, digits, underscores) or dot-separated identifiers: ${which} is not one`;
    }
    if (isHardKeyword(part)) return `top-level package cannot be or contain a Python keyword: ${which}`;
  }
  return undefined;
}
