/**
 * Parts of a model file that could not be read (src/sources.ts left them out and listed them in `rejected`): each
 * is an error at the view or property it belongs to, so a file with one broken view still gives the rest.
 */
import type { DataModel, RejectedPart } from "../client/models.ts";
import { locationOf, type ValidationIssue } from "../ir/issues.ts";
import type { Findings } from "./findings.ts";
import { unknownPropertyType } from "./type-references.ts";

export function checkUnreadableParts(models: readonly DataModel[], findings: Findings): void {
  for (const model of models) {
    for (const part of model.rejected ?? []) findings.report(issueOf(model, part));
  }
}

function issueOf(model: DataModel, part: RejectedPart): ValidationIssue {
  const { space, externalId } = part.view;
  // A view whose identity cannot be read is located by its place in the file, under its data model.
  const location =
    space !== undefined && externalId !== undefined
      ? locationOf({ space, externalId }, part.property)
      : `${locationOf(model)}/${part.path}`;
  const details = part.problems.slice(0, 3).join("; ") + (part.problems.length > 3 ? `; … and ${part.problems.length - 3} more` : "");
  if (part.unknownType !== undefined) return unknownPropertyType(location, part.property, part.unknownType);
  const what = part.property === undefined ? "view" : `property ${part.property}`;
  return {
    severity: "error",
    code: part.property === undefined ? "INVALID_VIEW" : "INVALID_PROPERTY",
    location,
    message: `the ${what} cannot be read (${details}); it is left out`,
    suggestion: `Fix ${part.path} in the model file so it matches CDF's ${part.property === undefined ? "view" : "view property"} shape`,
    canAutoFix: false,
  };
}
