/** TypeScript, as the language registry knows it: the one description this folder exports. */
import type { LanguageDescription } from "../language.ts";
import { TypescriptGenerator } from "./generator.ts";
import { typescriptNaming, typescriptNamingFor } from "./naming.ts";
import { checkTypescriptConfig, packageNameProblem, typescriptDefaults } from "./options.ts";

export const typescript: LanguageDescription = {
  key: "typescript",
  displayName: "TypeScript",
  naming: typescriptNaming,
  namingFor: typescriptNamingFor,
  defaults: typescriptDefaults,
  packageNameProblem,
  checkConfig: checkTypescriptConfig,
  createGenerator: (config) => new TypescriptGenerator(config),
  outputChecks: [
    "tsc --strict (nodenext and bundler)",
    "biome check",
    "npm install",
    "import from Node and Bun",
    "end to end against the emulator",
  ],
};
