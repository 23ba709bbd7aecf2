/**
 * A validation result for people (grouped by severity, then by view; coloured only on a terminal that allows it)
 * and for machines (stable JSON: counts, then every issue).
 */
import { fstatSync, statSync } from "node:fs";
import type { ValidationIssue } from "../ir/issues.ts";
import type { ValidationResult } from "./validator.ts";

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

export function formatSummary(result: ValidationResult, options: SummaryOptions = {}): string {
  const color = options.color ?? colorAllowed();
  const paint = (tone: keyof typeof COLORS, text: string) => (color ? `${COLORS[tone]}${text}${COLORS.reset}` : text);
  const sections: [keyof typeof COLORS & ("error" | "warning" | "info"), string, ValidationIssue[]][] = [
    ["error", "Errors", result.errors],
    ["warning", "Warnings", result.warnings],
    ["info", "Notes", result.infos],
  ];
  const lines: string[] = [];
  for (const [tone, title, issues] of sections) {
    if (issues.length === 0) continue;
    lines.push(paint(tone, `${title} (${issues.length})`));
    for (const [view, viewIssues] of groupByView(issues)) {
      lines.push(`  ${view}`);
      for (const issue of viewIssues) {
        const property = issue.location.slice(view.length + 1);
        lines.push(`    ${paint(tone, issue.code)}${property ? ` ${property}` : ""}: ${issue.message}`);
        lines.push(`      ${paint("dim", `→ ${issue.suggestion}`)}`);
      }
    }
    lines.push("");
  }
  const verdict = result.isValid ? "valid" : "not valid";
  lines.push(`The model is ${verdict}: errors ${result.errors.length}, warnings ${result.warnings.length}, notes ${result.infos.length}`);
  return lines.join("\n");
}

/** Prints the summary for people to stdout. */
export function printSummary(result: ValidationResult, options: SummaryOptions = {}): void {
  // console.log, not process.stdout: see isTerminal.
  console.log(formatSummary(result, options));
}

/** Issues grouped under `space/View`, the first two parts of their location. */
function groupByView(issues: ValidationIssue[]): Map<string, ValidationIssue[]> {
  const groups = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const view = issue.location.split("/").slice(0, 2).join("/");
    groups.set(view, [...(groups.get(view) ?? []), issue]);
  }
  return groups;
}

export interface ValidationReport {
  isValid: boolean;
  counts: { errors: number; warnings: number; infos: number };
  issues: ValidationIssue[];
}

/** The machine form: what `--json` prints. The filtered model is left out; it is the generator's input. */
export function toJsonReport(result: ValidationResult): ValidationReport {
  return {
    isValid: result.isValid,
    counts: { errors: result.errors.length, warnings: result.warnings.length, infos: result.infos.length },
    issues: [...result.errors, ...result.warnings, ...result.infos],
  };
}
