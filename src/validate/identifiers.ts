/**
 * Identifier rules: data model, view and property identifiers CDF would refuse (dms-api §3.1). Model files read
 * identifiers as text and models built in code are not schema-checked at all, so the check is here, part by part:
 * a part whose identifier CDF cannot hold is left out (its SDK code would name something that cannot exist), the
 * rest is generated. Identifiers CDF keeps for itself are well-formed and are handled with the names (naming.ts).
 */
import {
  type DataModel,
  PROPERTY_IDENTIFIER_PATTERN,
  SCHEMA_EXTERNAL_ID_PATTERN,
  SPACE_PATTERN,
  VERSION_PATTERN,
} from "../client/models.ts";
import { locationOf, quote } from "../ir/issues.ts";
import type { ModelIndex } from "../ir/model-index.ts";
import type { Findings } from "./findings.ts";

/** What a kind of identifier must look like (dms-api §3.1), and how to say so. */
interface IdentifierRule {
  kind: string;
  pattern: RegExp;
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
const VERSION_RULE: IdentifierRule = {
  kind: "version",
  pattern: VERSION_PATTERN,
  help: "Versions hold letters, digits, '.', '_' and '-' (at most 43)",
};
const PROPERTY_RULE: IdentifierRule = {
  kind: "property identifier",
  pattern: PROPERTY_IDENTIFIER_PATTERN,
  help: "Use letters, digits, _ and -, starting with a letter or digit (at most 255)",
};
const HEADER_RULES: [IdentifierRule, (owner: { space: string; externalId: string; version: string }) => string][] = [
  [SPACE_RULE, (owner) => owner.space],
  [EXTERNAL_ID_RULE, (owner) => owner.externalId],
  [VERSION_RULE, (owner) => owner.version],
];

/** The first identifier of a data model or view CDF would refuse, described; undefined when all are valid. */
function headerProblem(owner: { space: string; externalId: string; version: string }): { rule: IdentifierRule; value: string } | undefined {
  for (const [rule, read] of HEADER_RULES) {
    const value = read(owner);
    if (!rule.pattern.test(value)) return { rule, value };
  }
  return undefined;
}

function issueFor(subject: string, value: string, rule: IdentifierRule, location: string, leftOut: string) {
  return {
    severity: "error" as const,
    code: "INVALID_IDENTIFIER" as const,
    location,
    message: `${subject} ${rule.kind} ${quote(value)} is not valid in CDF; ${leftOut} is left out`,
    suggestion: `Rename it: ${rule.help}`,
    canAutoFix: false,
  };
}

/** Data models whose own identifiers CDF would refuse are left out whole; returns the others. */
export function checkModelIdentifiers(models: readonly DataModel[], findings: Findings): DataModel[] {
  return models.filter((model) => {
    const problem = headerProblem(model);
    if (problem === undefined) return true;
    findings.report(issueFor("data model", problem.value, problem.rule, locationOf(model), "the data model with its views"));
    return false;
  });
}

/** Views and properties whose identifiers CDF would refuse are left out. */
export function checkIdentifiers(index: ModelIndex, findings: Findings): void {
  for (const view of index.views) {
    const problem = headerProblem(view);
    if (problem !== undefined) findings.dropView(view, issueFor("view", problem.value, problem.rule, locationOf(view), "the view"));
    // Checked in a view left out too: every identifier to fix is listed at once.
    for (const identifier of Object.keys(view.properties)) {
      if (PROPERTY_RULE.pattern.test(identifier)) continue;
      const issue = issueFor(`${view.externalId}'s`, identifier, PROPERTY_RULE, locationOf(view, identifier), "the property");
      findings.dropProperty(view, identifier, issue);
    }
  }
}
