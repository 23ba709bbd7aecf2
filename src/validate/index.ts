/** The validator's public API. */
export type { IssueCode, Severity, ValidationIssue } from "../ir/issues.ts";
export { ISSUE_CODES } from "../ir/issues.ts";
export type { SummaryOptions, ValidationReport } from "./report.ts";
export { colorAllowed, formatSummary, isTerminal, printSummary, toJsonReport } from "./report.ts";
export type { ValidationOptions, ValidationResult } from "./validator.ts";
export { DataModelValidator } from "./validator.ts";
