/**
 * Numeric command-line options. The command line keeps every value as typed text (cli/option-values.ts), so each
 * command reads its numbers through this one rule: plain decimal notation that passes the option's own check.
 */
import { UsageError } from "./errors.ts";

/** Plain decimal notation only: `0x50`, `1e3`, ` 80` or `Infinity` are typos here, not numbers. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The option's number, undefined when it was not given; a UsageError naming `--name` and what it takes otherwise. */
export function numberOption(
  name: string,
  value: string | undefined,
  check: (n: number) => boolean,
  expectation: string,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!DECIMAL.test(value) || !check(number)) throw new UsageError(`--${name} must be ${expectation}, not "${value}"`);
  return number;
}
