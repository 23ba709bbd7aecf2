/**
 * The generation options as TypeScript reads them: its defaults (the npm package is the model's externalId in
 * kebab-case, the client its PascalCase with `Client`) and the options it refuses, with the reason.
 */
import { GenerationError } from "../../errors.ts";
import { applyRule } from "../../ir/naming.ts";
import type { GeneratorConfig } from "../generator.ts";
import type { LanguageDefaults } from "../language.ts";

/** The layout Biome gives the emitted code (2 spaces, 120 columns), which the generator writes directly. */
export const TYPESCRIPT_LINE_LENGTH = 120;
export const TYPESCRIPT_INDENT = 2;
const NPM_NAME_LENGTH = 214;

export function typescriptDefaults(modelWords: readonly string[]): LanguageDefaults {
  const words = modelWords.length > 0 ? modelWords : ["cdf"];
  // A class name cannot start with a digit; an npm name can.
  const classWords = /^[0-9]/.test(words[0] ?? "") ? ["sdk", ...words] : words;
  return {
    topLevelPackage: npmName(words),
    clientName: applyRule(classWords, { case: "pascal", suffix: "Client" }),
    naming: { className: "pascal", field: "camel" },
    lineLength: TYPESCRIPT_LINE_LENGTH,
    indent: TYPESCRIPT_INDENT,
  };
}

/** The words in kebab-case, cut at a word when longer than npm allows. */
function npmName(words: readonly string[]): string {
  const name = words.map((word) => word.toLowerCase()).join("-");
  if (name.length <= NPM_NAME_LENGTH) return name;
  const cut = name.slice(0, NPM_NAME_LENGTH);
  return cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : cut;
}

/** Refuses what a TypeScript SDK cannot be generated with. */
export function checkTypescriptConfig(config: GeneratorConfig): void {
  const refuse = (message: string) => {
    throw new GenerationError(message);
  };
  const packageProblem = packageNameProblem(config.topLevelPackage);
  if (packageProblem !== undefined) refuse(packageProblem);
  if (!config.typeHints) refuse("type hints cannot be turned off for TypeScript: the .d.ts files are the SDK's types");
  if (config.singleFile) refuse("single_file is not supported for TypeScript yet: the SDK is one module per view");
  if (config.naming.className !== "pascal" || config.naming.field !== "camel") {
    refuse("TypeScript SDKs use PascalCase types and camelCase fields: the runtime reads filter arguments by those spellings");
  }
  if (config.lineLength !== TYPESCRIPT_LINE_LENGTH || config.indent !== TYPESCRIPT_INDENT) {
    refuse(
      `TypeScript SDKs are laid out as Biome formats them (${TYPESCRIPT_INDENT} spaces, ${TYPESCRIPT_LINE_LENGTH} columns); other widths are not supported`,
    );
  }
  // flat_structure is honoured as it is: a TypeScript SDK is one flat folder of modules.
}

/** npm's rules for a package name: lowercase, URL-safe, at most 214 characters, optionally `@scope/`. */
export function packageNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > NPM_NAME_LENGTH) {
    return `npm package name must be 1 to ${NPM_NAME_LENGTH} characters, not ${name.length}: "${name}"`;
  }
  if (!/^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(name)) {
    return `npm package name must be lowercase letters, digits, "-", ".", "_" or "~", not starting with "." or "_" (optionally @scope/name): "${name}"`;
  }
  return undefined;
}
