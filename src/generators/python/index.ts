/** Python, as the language registry knows it: the one description this folder exports. */
import type { LanguageDescription } from "../language.ts";
import { PythonGenerator } from "./generator.ts";
import { pythonNaming, pythonNamingFor } from "./naming.ts";
import { checkPythonConfig, packageNameProblem, pythonDefaults } from "./options.ts";

export const python: LanguageDescription = {
  key: "python",
  displayName: "Python",
  naming: pythonNaming,
  namingFor: pythonNamingFor,
  defaults: pythonDefaults,
  packageNameProblem,
  checkConfig: checkPythonConfig,
  createGenerator: (config) => new PythonGenerator(config),
  extend: (config, extension) => new PythonGenerator(config, extension),
  outputChecks: ["ruff check", "ruff format --check", "mypy --strict", "import", "end to end against the emulator"],
};
