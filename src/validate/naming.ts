/**
 * Naming rules: identifiers CDF itself would reject (models built in code or by hand are not schema-checked), and
 * everything the target language's conventions change: reserved words, shadowed members, collisions, views sharing
 * an externalId. None of these drop anything: names are fixed in the IR and reported here.
 */
import { PROPERTY_IDENTIFIER_PATTERN, SCHEMA_EXTERNAL_ID_PATTERN, SPACE_PATTERN, VERSION_PATTERN } from "../client/models.ts";
import { type NamePlan, planNames } from "../ir/name-plan.ts";
import type { LanguageNaming } from "../ir/naming.ts";
import { parseModels } from "../ir/parser.ts";
import type { IRModel } from "../ir/types.ts";
import type { Findings } from "./findings.ts";
import { locationOf } from "./issues.ts";
import { type ModelIndex, viewKey } from "./model-index.ts";

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

/** What a kind of identifier must look like (dms-api §3.1), and how to say so. */
interface IdentifierRule {
  kind: string;
  pattern: RegExp;
  reserved?: ReadonlySet<string>;
  help: string;
}

const SPACE_RULE: IdentifierRule = {
  kind: "space",
  pattern: SPACE_PATTERN,
  help: "Spaces start with a letter and hold letters, digits, _ and - (at most 43)",
};
const EXTERNAL_ID_RULE: IdentifierRule = {
  kind: "externalId",
  pattern: SCHEMA_EXTERNAL_ID_PATTERN,
  help: "Use letters, digits and _, starting with a letter (at most 255)",
};
const VIEW_EXTERNAL_ID_RULE: IdentifierRule = { ...EXTERNAL_ID_RULE, reserved: RESERVED_VIEW_EXTERNAL_IDS };
const VERSION_RULE: IdentifierRule = {
  kind: "version",
  pattern: VERSION_PATTERN,
  help: "Versions hold letters, digits, '.', '_' and '-' (at most 43)",
};
const PROPERTY_RULE: IdentifierRule = {
  kind: "property identifier",
  pattern: PROPERTY_IDENTIFIER_PATTERN,
  reserved: RESERVED_PROPERTY_IDENTIFIERS,
  help: "Use letters, digits, _ and -, starting with a letter or digit (at most 255)",
};

/**
 * Runs on the filtered model: names are planned for what will be generated. Returns the parsed model and its
 * name plan, which the IR transformer takes over instead of planning again.
 */
export function checkNaming(index: ModelIndex, findings: Findings, naming: LanguageNaming): { ir: IRModel; namePlan: NamePlan } {
  const ir = parseModels(index.models);
  const plan = planNames(ir, naming);
  for (const model of index.models) {
    const check = (rule: IdentifierRule, value: string) =>
      checkIdentifier(
        findings,
        () => locationOf(model),
        `data model ${rule.kind}`,
        value,
        rule,
        () => "",
      );
    check(SPACE_RULE, model.space);
    check(EXTERNAL_ID_RULE, model.externalId);
    check(VERSION_RULE, model.version);
  }
  for (const view of index.views) {
    const consequence = () => `; its class is named ${plan.classes.get(viewKey(view))?.className ?? view.externalId}`;
    const check = (rule: IdentifierRule, value: string) =>
      checkIdentifier(findings, () => locationOf(view), `view ${rule.kind}`, value, rule, consequence);
    check(SPACE_RULE, view.space);
    check(VIEW_EXTERNAL_ID_RULE, view.externalId);
    check(VERSION_RULE, view.version);
    for (const identifier of Object.keys(view.properties)) {
      checkIdentifier(
        findings,
        () => locationOf(view, identifier),
        PROPERTY_RULE.kind,
        identifier,
        PROPERTY_RULE,
        () => `; its field is named ${plan.properties.get(viewKey(view))?.get(identifier)?.field ?? identifier}`,
      );
    }
  }
  for (const issue of plan.issues) findings.report(issue);
  return { ir, namePlan: plan };
}

/** Location and consequence are worked out only for an identifier that has a problem: most have none. */
function checkIdentifier(
  findings: Findings,
  location: () => string,
  subject: string,
  value: string,
  rule: IdentifierRule,
  consequence: () => string,
): void {
  const problem = !rule.pattern.test(value) ? "is not valid in CDF" : rule.reserved?.has(value) ? "is reserved by CDF" : undefined;
  if (problem === undefined) return;
  findings.report({
    severity: "warning",
    code: "INVALID_IDENTIFIER",
    location: location(),
    message: `${subject} ${quote(value)} ${problem}${consequence()}`,
    suggestion: problem === "is reserved by CDF" ? "Rename it; CDF refuses it when the model is saved" : rule.help,
    canAutoFix: true,
  });
}

/** Identifiers under test may hold quotes, slashes or control characters; show them escaped and bounded. */
function quote(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return `${JSON.stringify(shown)}${text.length > 80 ? ` (${text.length} characters)` : ""}`;
}
