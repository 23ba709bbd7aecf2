/** The validator's public API. */
export type { IssueCode, Severity, ValidationIssue } from "../ir/issues.ts";
export { ISSUE_CODES } from "../ir/issues.ts";
export type { ReportedIssue, SummaryOptions, ValidationReport, Verdict, VerdictName } from "./report.ts";
export { colorAllowed, formatSummary, isTerminal, printSummary, toFailureReport, toJsonReport, verdictLine, verdictOf } from "./report.ts";
export type { ValidationOptions, ValidationResult } from "./validator.ts";
export { DataModelValidator } from "./validator.ts";
