/**
 * Option values exactly as typed. cac hands the command line to mri, which turns every value that reads as a
 * number into one: `--instance-space 007` would arrive as 7, `--model-version 1.0` as 1, `2.10` as 2.1 and `""`
 * as 0 — and cac has no switch to stop it. So before parsing, every value mri would convert is marked with a NUL
 * in front (no command-line argument can hold a NUL, and a NUL-led string is not a number), and after parsing
 * the mark is taken off again: names, versions, tokens and paths stay text, and the few numeric options
 * (ports, rates) are parsed by their command, with its own checks.
 *
 * The same pass rejects empty values: no option of pygen takes `""` as a meaningful value, and an empty output
 * folder, template folder or config path would otherwise surface as a confusing failure much later.
 */
import type { CAC, Command } from "cac";
import { UsageError } from "../errors.ts";

const MARK = "\0";

/** mri's own test for "this value is a number" (lib/index.mjs: `x = +val, x * 0 === 0`). */
const readsAsNumber = (text: string) => Number(text) * 0 === 0;

const mark = (value: string) => (readsAsNumber(value) ? `${MARK}${value}` : value);

/**
 * The arguments with every value mri would read as a number marked. A value is a word that does not start with
 * `-`, or the part after `=` in `--name=value`; words after `--` are passed through untouched by cac already.
 */
export function markNumericValues(argv: readonly string[]): string[] {
  const end = argv.indexOf("--");
  return argv.map((arg, index) => {
    if (end !== -1 && index > end) return arg;
    if (!arg.startsWith("-")) return mark(arg);
    const equals = arg.indexOf("=");
    return equals === -1 ? arg : `${arg.slice(0, equals + 1)}${mark(arg.slice(equals + 1))}`;
  });
}

/** Takes the marks off again, in place: cac keeps parsed options and arguments on the CAC object. */
export function unmarkValues<T>(value: T): T {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      value[index] = unmarkValues(item);
    });
  } else if (typeof value === "string") {
    return (value.startsWith(MARK) ? value.slice(MARK.length) : value) as T;
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) (value as Record<string, unknown>)[key] = unmarkValues(item);
  }
  return value;
}

/** Every value-taking option of the matched command (and the global ones) must have a non-empty value. */
export function rejectEmptyValues(cli: CAC, command: Command | undefined): void {
  for (const option of [...cli.globalCommand.options, ...(command?.options ?? [])]) {
    if (option.isBoolean) continue;
    const values = [cli.options[option.name]].flat();
    if (values.some((value) => typeof value === "string" && value.trim() === "")) {
      const flag = option.rawName.match(/--[\w-]+/g)?.at(-1) ?? option.rawName;
      throw new UsageError(`${flag} has an empty value; give one or leave the option out`);
    }
  }
}
