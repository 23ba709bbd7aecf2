/**
 * The binary's entry point: runs the command line and turns every failure into a message and an exit code.
 * A PygenError is a message the user can act on; anything else is a bug, reported without a stack trace
 * unless PYGEN_DEBUG is set. Results go to stdout through console.log (one string: written as it is), notes and
 * errors to stderr with a plain write (console.error would paint them red on a terminal): process.stdout and
 * process.stderr would load Node's stream machinery, some 20 ms at every start.
 */
import { writeSync } from "node:fs";
import { runCli } from "./cli.ts";
import { exitCodeOf, PygenError } from "./errors.ts";
import { printable } from "./printable.ts";
import { colorAllowed, isTerminal } from "./validate/index.ts";

function printError(text: string): void {
  writeSync(2, `${text}\n`);
}

function reportError(error: unknown): void {
  // Messages echo names from models, files and servers: printable() escapes what a terminal would obey.
  const message = printable(error instanceof Error ? error.message : String(error), { capWords: true });
  if (error instanceof PygenError) {
    printError(`error: ${message}`);
    for (const line of error.details) printError(`  ${printable(line, { capWords: true })}`);
  } else {
    printError(`internal error: ${message}\nThis is a bug in pygen; please report it (set PYGEN_DEBUG=1 for details).`);
  }
  if (process.env.PYGEN_DEBUG && error instanceof Error && error.stack) printError(error.stack);
}

try {
  await runCli(process.argv.slice(2), {
    stdout: (text) => console.log(text),
    stderr: printError,
    stderrColor: colorAllowed({ isTTY: isTerminal(2) }),
  });
} catch (error) {
  reportError(error);
  process.exitCode = exitCodeOf(error);
}
