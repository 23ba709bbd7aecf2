/** `pygen doctor`: registers the command; the checks are in doctor.ts. */
import type { CAC } from "cac";
import { runDoctor } from "../doctor.ts";
import type { CliIO } from "./reporter.ts";

export function registerDoctor(cli: CAC, io: CliIO): void {
  cli.command("doctor", "Check this pygen binary: version, platform, embedded templates, example model, formatter").action(async () => {
    io.stdout(await runDoctor());
  });
}
