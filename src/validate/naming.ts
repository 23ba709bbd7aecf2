/**
 * Naming rules: identifiers CDF itself would reject (models built in code or by hand are not schema-checked), and
 * everything the target language's conventions change: reserved words, shadowed members, collisions, views sharing
 * an externalId. None of these drop anything: names are fixed in the IR and reported here.
 */
import {
  type DataModel,
  PROPERTY_IDENTIFIER_PATTERN,
  SCHEMA_EXTERNAL_ID_PATTERN,
  SPACE_PATTERN,
  VERSION_PATTERN,
  type View,
} from "../client/models.ts";
import { planNames } from "../ir/name-plan.ts";
import type { LanguageNaming } from "../ir/naming.ts";
import { parseModels } from "../ir/parser.ts";
import type { Findings } from "./findings.ts";
import { locationOf, type ValidationIssue } from "./issues.ts";
import { type ModelIndex, viewKey } from "./model-index.ts";

/** dms-api §3.1: externalIds CDF refuses for views and containers, and property identifiers it keeps for itself. */
const RESERVED_VIEW_EXTERNAL_IDS = new Set(
  "Query Mutation Subscription String Int32 Int64 Int Float32 Float64 Float Timestamp JSONObject Date Numeric Boolean PageInfo File Sequence TimeSeries".split(
    " ",
  ),
);
const RESERVED_PROPERTY_IDENTIFIERS = new Set(
  "space externalId createdTime lastUpdatedTime deletedTime edge_id node_id project_id property_group seq tg_table_name extensions".split(
    " ",
  ),
);

/** Runs on the filtered model: names are planned for what will be generated. */
export function checkNaming(index: ModelIndex, findings: Findings, naming: LanguageNaming): void {
  const plan = planNames(parseModels(index.models), naming);
  for (const model of index.models) checkModelIdentifiers(model, findings);
  for (const view of index.views) {
    const className = plan.classes.get(viewKey(view))?.className ?? view.externalId;
    checkViewIdentifiers(view, className, findings);
    const fields = plan.properties.get(viewKey(view));
    for (const identifier of Object.keys(view.properties)) {
      checkPropertyIdentifier(view, identifier, fields?.get(identifier)?.field ?? identifier, findings);
    }
  }
  for (const issue of plan.issues) findings.report(issue);
}

function invalid(location: string, message: string, suggestion: string): ValidationIssue {
  return { severity: "warning", code: "INVALID_IDENTIFIER", location, message, suggestion, canAutoFix: true };
}

function checkModelIdentifiers(model: DataModel, findings: Findings): void {
  const location = locationOf(model);
  if (!SPACE_PATTERN.test(model.space))
    findings.report(
      invalid(
        location,
        `data model space ${quote(model.space)} is not a valid space identifier`,
        "Spaces start with a letter and hold letters, digits, _ and - (at most 43)",
      ),
    );
  if (!SCHEMA_EXTERNAL_ID_PATTERN.test(model.externalId))
    findings.report(
      invalid(
        location,
        `data model externalId ${quote(model.externalId)} is not a valid identifier`,
        "Use letters, digits and _, starting with a letter (at most 255)",
      ),
    );
  if (!VERSION_PATTERN.test(model.version))
    findings.report(
      invalid(
        location,
        `data model version ${quote(model.version)} is not a valid version`,
        "Versions hold letters, digits, '.', '_' and '-' (at most 43)",
      ),
    );
}

function checkViewIdentifiers(view: View, className: string, findings: Findings): void {
  const location = locationOf(view);
  const consequence = `; its class is named ${className}`;
  if (!SPACE_PATTERN.test(view.space))
    findings.report(
      invalid(
        location,
        `view space ${quote(view.space)} is not a valid space identifier${consequence}`,
        "Spaces start with a letter and hold letters, digits, _ and - (at most 43)",
      ),
    );
  if (!SCHEMA_EXTERNAL_ID_PATTERN.test(view.externalId)) {
    findings.report(
      invalid(
        location,
        `view externalId ${quote(view.externalId)} is not a valid identifier${consequence}`,
        "Use letters, digits and _, starting with a letter (at most 255)",
      ),
    );
  } else if (RESERVED_VIEW_EXTERNAL_IDS.has(view.externalId)) {
    findings.report(
      invalid(
        location,
        `view externalId ${view.externalId} is reserved by CDF${consequence}`,
        "Rename the view; CDF refuses this externalId when the view is saved",
      ),
    );
  }
  if (!VERSION_PATTERN.test(view.version))
    findings.report(
      invalid(
        location,
        `view version ${quote(view.version)} is not a valid version${consequence}`,
        "Versions hold letters, digits, '.', '_' and '-' (at most 43)",
      ),
    );
}

function checkPropertyIdentifier(view: View, identifier: string, field: string, findings: Findings): void {
  const location = locationOf(view, identifier);
  if (!PROPERTY_IDENTIFIER_PATTERN.test(identifier)) {
    findings.report(
      invalid(
        location,
        `property identifier ${quote(identifier)} is not valid in CDF; its field is named ${field}`,
        "Use letters, digits, _ and -, starting with a letter or digit (at most 255)",
      ),
    );
  } else if (RESERVED_PROPERTY_IDENTIFIERS.has(identifier)) {
    findings.report(
      invalid(
        location,
        `property identifier ${identifier} is reserved by CDF; its field is named ${field}`,
        "Rename the property; CDF refuses it when the container is saved",
      ),
    );
  }
}

/** Identifiers under test may hold quotes, slashes or control characters; show them escaped and bounded. */
function quote(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return `${JSON.stringify(shown)}${text.length > 80 ? ` (${text.length} characters)` : ""}`;
}
