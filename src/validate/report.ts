/**
 * A validation result for people (grouped by severity, then by view; coloured only on a terminal that allows it)
 * and for machines (stable JSON: counts, then every issue).
 */
import { fstatSync, statSync } from "node:fs";
import type { ValidationIssue } from "../ir/issues.ts";
import { printable } from "../printable.ts";

/** An issue as reported: the validator's, or a finding of the generator (its own codes, `source: "generator"`). */
export interface ReportedIssue extends Omit<ValidationIssue, "code"> {
  code: string;
  /** Absent for the validator's issues. */
  source?: "validation" | "generator";
  /** `file:line` of the part in the model file it came from, where known. */
  fileLine?: string;
}

/**
 * What `pygen validate` reports and `pygen generate` acts on: every finding graded (with strict, warnings are
 * errors). Valid means no errors: nothing of the model is left out of the SDK.
 */
export interface Verdict {
  errors: ReportedIssue[];
  warnings: ReportedIssue[];
  infos: ReportedIssue[];
  isValid: boolean;
}

export interface SummaryOptions {
  /** Colour the output; by default only when stdout is a terminal and NO_COLOR is not set. */
  color?: boolean;
}

const COLORS = { error: "\u001b[31m", warning: "\u001b[33m", info: "\u001b[36m", dim: "\u001b[2m", reset: "\u001b[0m" } as const;

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function colorAllowed(stream: { isTTY?: boolean } = { isTTY: isTerminal(1) }): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR;
}

/**
 * Whether a file descriptor (1 stdout, 2 stderr) is a terminal: a character device other than /dev/null. Node's
 * own answers (process.stdout.isTTY, node:tty) load its stream machinery, 8–20 ms at every start of pygen; the
 * other character devices a program's output could go to are no concern for colour.
 */
export function isTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isCharacterDevice() && stat.rdev !== statSync("/dev/null").rdev;
  } catch {
    return false;
  }
}

export function formatSummary(result: Verdict, options: SummaryOptions = {}): string {
  const color = options.color ?? colorAllowed();
  const paint = (tone: keyof typeof COLORS, text: string) => (color ? `${COLORS[tone]}${text}${COLORS.reset}` : text);
  // Locations and messages echo the model's names: made printable before they are coloured.
  const safe = (text: string) => printable(text, { capWords: true });
  const sections: [keyof typeof COLORS & ("error" | "warning" | "info"), string, ReportedIssue[]][] = [
    ["error", "Errors", result.errors],
    ["warning", "Warnings", result.warnings],
    ["info", "Notes", result.infos],
  ];
  const lines: string[] = [];
  for (const [tone, title, issues] of sections) {
    if (issues.length === 0) continue;
    lines.push(paint(tone, `${title} (${issues.length})`));
    for (const [view, viewIssues] of groupByView(issues)) {
      lines.push(`  ${safe(view)}`);
      for (const issue of viewIssues) {
        const property = issue.location.slice(view.length + 1);
        const where = issue.fileLine ? ` (${safe(issue.fileLine)})` : "";
        lines.push(`    ${paint(tone, issue.code)}${property ? ` ${safe(property)}` : ""}${where}: ${safe(issue.message)}`);
        lines.push(`      ${paint("dim", `→ ${safe(issue.suggestion)}`)}`);
      }
    }
    lines.push("");
  }
  lines.push(verdictLine(result));
  return lines.join("\n");
}

/** Prints the summary for people to stdout. */
export function printSummary(result: Verdict, options: SummaryOptions = {}): void {
  // console.log, not process.stdout: see isTerminal.
  console.log(formatSummary(result, options));
}

/** Issues grouped under `space/View`, the first two parts of their location. */
function groupByView(issues: ReportedIssue[]): Map<string, ReportedIssue[]> {
  const groups = new Map<string, ReportedIssue[]>();
  for (const issue of issues) {
    const view = issue.location.split("/").slice(0, 2).join("/");
    groups.set(view, [...(groups.get(view) ?? []), issue]);
  }
  return groups;
}

/** "valid": nothing to report but notes; "warnings": all of the model is generated, some of it changed or degraded. */
export type VerdictName = "valid" | "warnings" | "invalid";

export function verdictOf(result: Verdict): VerdictName {
  if (!result.isValid) return "invalid";
  return result.warnings.length > 0 ? "warnings" : "valid";
}

/** The closing line: the verdict in words, then the counts. */
export function verdictLine(result: Verdict): string {
  const counts = `errors ${result.errors.length}, warnings ${result.warnings.length}, notes ${result.infos.length}`;
  switch (verdictOf(result)) {
    case "valid":
      return `The model is valid: ${counts}`;
    case "warnings":
      return `The model has no errors, but warnings: every part is generated, some changed or degraded: ${counts}`;
    case "invalid":
      return `The model is not valid: the parts with errors are left out of the SDK: ${counts}`;
  }
}

/**
 * The machine form: what `pygen validate --json` prints, always, documented in README.md (pygen validate). The
 * filtered model is left out; it is the generator's input.
 */
export interface ValidationReport {
  /** "failed": the model could not be checked at all (see `failure`). */
  verdict: VerdictName | "failed";
  isValid: boolean;
  /** The command's exit code, also when it is 0. */
  exitCode: number;
  counts: { errors: number; warnings: number; infos: number };
  issues: ReportedIssue[];
  /** Why the model could not be checked: the exit code's family (parse, usage, client, …), the message, details. */
  failure?: { kind: string; message: string; details: string[] };
}

export function toJsonReport(result: Verdict, exitCode: number): ValidationReport {
  return {
    verdict: verdictOf(result),
    isValid: result.isValid,
    exitCode,
    counts: { errors: result.errors.length, warnings: result.warnings.length, infos: result.infos.length },
    issues: [...result.errors, ...result.warnings, ...result.infos],
  };
}

/** The report of a run that could not check the model: a file that cannot be read, a wrong flag, CDF unreachable. */
export function toFailureReport(failure: { kind: string; message: string; details: string[] }, exitCode: number): ValidationReport {
  return { verdict: "failed", isValid: false, exitCode, counts: { errors: 0, warnings: 0, infos: 0 }, issues: [], failure };
}
