/**
 * The validator as the tests use it: checking names for Python unless a test names another language. The real
 * validator knows no language (the pipeline hands it the target's naming); this keeps the tests' calls short.
 */

import type { DataModel } from "../../src/client/models.ts";
import { python } from "../../src/generators/python/index.ts";
import { type ValidationOptions, type ValidationResult, DataModelValidator as Validator } from "../../src/validate/index.ts";

export const DataModelValidator = {
  validate(models: DataModel | readonly DataModel[], options: Partial<ValidationOptions> = {}): ValidationResult {
    return Validator.validate(models, { language: python.naming, ...options });
  },
};
