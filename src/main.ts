/**
 * The binary's entry point: runs the command line and turns every failure into a message and an exit code.
 * A PygenError is a message the user can act on; anything else is a bug, reported without a stack trace
 * unless PYGEN_DEBUG is set.
 */
import { runCli } from "./cli.ts";
import { exitCodeOf, PygenError } from "./errors.ts";
import { colorAllowed } from "./validate/index.ts";

function reportError(error: unknown): void {
  if (error instanceof PygenError) {
    process.stderr.write(`error: ${error.message}\n`);
    for (const line of error.details) process.stderr.write(`  ${line.replaceAll("\n", "\n  ")}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`internal error: ${message}\nThis is a bug in pygen; please report it (set PYGEN_DEBUG=1 for details).\n`);
  }
  if (process.env.PYGEN_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
}

try {
  await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    stderrColor: colorAllowed(process.stderr),
  });
} catch (error) {
  reportError(error);
  process.exitCode = exitCodeOf(error);
}
