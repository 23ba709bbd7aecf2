/** `pygen doctor`: registers the command; the checks are in doctor.ts. */
import type { CAC } from "cac";
import { runDoctor } from "../doctor.ts";
import { GenerationError } from "../errors.ts";
import { explained } from "./help.ts";
import type { CliIO } from "./reporter.ts";

export function registerDoctor(cli: CAC, io: CliIO): void {
  explained(
    cli.command("doctor", "Check this pygen binary: version, platform, embedded templates, example model, formatter"),
    [
      "Runs each check on this machine and prints one line per check: the formatter runs, and every language",
      "generates the bundled example. Exits non-zero when a check fails.",
    ].join("\n"),
  )
    .example("  pygen doctor")
    .action(async () => {
      const report = await runDoctor();
      io.stdout(report.lines.join("\n"));
      if (report.failed.length > 0) throw new GenerationError(`this binary is broken: ${report.failed.join(", ")} failed (see above)`);
    });
}
