/**
 * Naming rules: identifiers CDF keeps for itself, and everything the target language's conventions change: reserved
 * words, shadowed members, collisions, views sharing an externalId. None of these drop anything: names are fixed in
 * the IR and reported here. (Identifiers CDF cannot hold at all are left out earlier: identifiers.ts.)
 */

import { locationOf, quote } from "../ir/issues.ts";
import { type ModelIndex, viewKey } from "../ir/model-index.ts";
import { type NamePlan, planNames } from "../ir/name-plan.ts";
import type { LanguageNaming } from "../ir/naming.ts";
import { parseModels } from "../ir/parser.ts";
import type { IRModel } from "../ir/types.ts";
import type { Findings } from "./findings.ts";

/** dms-api §3.1: externalIds CDF refuses for views and containers, and property identifiers it keeps for itself. */
export const RESERVED_VIEW_EXTERNAL_IDS: ReadonlySet<string> = new Set(
  "Query Mutation Subscription String Int32 Int64 Int Float32 Float64 Float Timestamp JSONObject Date Numeric Boolean PageInfo File Sequence TimeSeries".split(
    " ",
  ),
);
export const RESERVED_PROPERTY_IDENTIFIERS: ReadonlySet<string> = new Set(
  "space externalId createdTime lastUpdatedTime deletedTime edge_id node_id project_id property_group seq tg_table_name extensions".split(
    " ",
  ),
);

/**
 * Runs on the filtered model: names are planned for what will be generated. Returns the parsed model and its
 * name plan, which the IR transformer takes over instead of planning again.
 */
export function checkNaming(index: ModelIndex, findings: Findings, naming: LanguageNaming): { ir: IRModel; namePlan: NamePlan } {
  const ir = parseModels(index.models);
  const plan = planNames(ir, naming);
  for (const view of index.views) {
    if (RESERVED_VIEW_EXTERNAL_IDS.has(view.externalId)) {
      const className = plan.classes.get(viewKey(view))?.className ?? view.externalId;
      reportReserved(findings, locationOf(view), `view externalId ${quote(view.externalId)}`, `its class is named ${className}`);
    }
    for (const identifier of Object.keys(view.properties)) {
      if (!RESERVED_PROPERTY_IDENTIFIERS.has(identifier)) continue;
      const field = plan.properties.get(viewKey(view))?.get(identifier)?.field ?? identifier;
      reportReserved(findings, locationOf(view, identifier), `property identifier ${quote(identifier)}`, `its field is named ${field}`);
    }
  }
  for (const issue of plan.issues) findings.report(issue);
  return { ir, namePlan: plan };
}

/**
 * A reserved identifier is well-formed, and the SDK reads and writes it like any other property,
 * but CDF refuses it when the view is saved: only the user can fix that, by renaming it in the model.
 */
function reportReserved(findings: Findings, location: string, subject: string, generatedAs: string): void {
  findings.report({
    severity: "warning",
    code: "RESERVED_IDENTIFIER",
    location,
    message: `${subject} is reserved by CDF, which refuses it when the view is saved; it is generated (${generatedAs})`,
    suggestion: "Rename it in the data model before deploying the model to CDF",
    canAutoFix: false,
  });
}
